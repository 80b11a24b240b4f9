//! The two forms of award the plan gives (III.1.b).

use crate::text::fold;

/// A form of award, highest first in [`AwardKind::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AwardKind {
    /// Bằng khen của UBND tỉnh: the provincial certificate, within the
    /// province's allocation.
    BangKhen,
    /// Giấy khen của Giám đốc Sở: the Director's certificate, within the
    /// plan's own quota.
    GiayKhen,
}

impl AwardKind {
    /// Both awards, the higher first: allocation fills them in this order.
    pub const ALL: [AwardKind; 2] = [AwardKind::BangKhen, AwardKind::GiayKhen];

    /// The stable code (`bang_khen`, `giay_khen`).
    pub fn code(self) -> &'static str {
        match self {
            AwardKind::BangKhen => "bang_khen",
            AwardKind::GiayKhen => "giay_khen",
        }
    }

    /// Reads `giay_khen`, `Giấy khen`, `GK`, `bang_khen`, `Bằng khen`, `BK`.
    pub fn parse(text: &str) -> Option<AwardKind> {
        if let Some(award) = AwardKind::ALL.into_iter().find(|a| a.code() == text) {
            return Some(award);
        }
        match fold(text).as_str() {
            "bangkhen" | "bk" => Some(AwardKind::BangKhen),
            "giaykhen" | "gk" => Some(AwardKind::GiayKhen),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_vietnamese_names() {
        assert_eq!(AwardKind::parse("Bằng khen"), Some(AwardKind::BangKhen));
        assert_eq!(AwardKind::parse("giay_khen"), Some(AwardKind::GiayKhen));
        assert_eq!(AwardKind::parse("GK"), Some(AwardKind::GiayKhen));
        assert_eq!(AwardKind::parse("huân chương"), None);
    }
}
