//! A nomination: who is proposed in a review, the dossier and the council's
//! vote (nominations.csv).

use chrono::NaiveDate;

use crate::model::{Source, Subject};
use crate::review::Review;

/// The three documents of a dossier (IV.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Document {
    /// Tờ trình (or văn bản) đề nghị khen thưởng.
    ToTrinh,
    /// Biên bản họp xét khen thưởng.
    BienBan,
    /// Báo cáo thành tích.
    BaoCao,
}

impl Document {
    /// The three, in the order of IV.2.
    pub const ALL: [Document; 3] = [Document::ToTrinh, Document::BienBan, Document::BaoCao];

    /// The stable code, which is also the column name.
    pub fn code(self) -> &'static str {
        match self {
            Document::ToTrinh => "to_trinh",
            Document::BienBan => "bien_ban",
            Document::BaoCao => "bao_cao",
        }
    }
}

/// The council's vote on a nomination.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Votes {
    /// Votes in favour (phiếu đồng ý).
    pub in_favour: u32,
    /// Votes cast (tổng số phiếu), never 0 and never below `in_favour`.
    pub total: u32,
}

/// One row of nominations.csv.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nomination {
    /// The review, one of the plan's.
    pub review: Review,
    /// Who is proposed.
    pub subject: Subject,
    /// When the dossier reached the council, if it has.
    pub received: Option<NaiveDate>,
    /// Whether each document of IV.2 is referenced, in [`Document::ALL`]
    /// order. The references themselves, needed only to explain a subject,
    /// are read again from the file when asked for ([`crate::load::details`]).
    pub documents: [bool; 3],
    /// The council's vote, if taken.
    pub votes: Option<Votes>,
    /// Where the row is.
    pub source: Source,
}

impl Nomination {
    /// The documents the dossier lacks.
    pub fn missing_documents(&self) -> Vec<Document> {
        Document::ALL
            .into_iter()
            .zip(self.documents)
            .filter(|(_, present)| !present)
            .map(|(doc, _)| doc)
            .collect()
    }
}
