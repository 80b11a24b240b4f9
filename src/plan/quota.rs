//! Quotas of awards (III.1.b).

use crate::plan::kind::{Category, SubjectKind};

/// A number of awards for collectives and for individuals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Quota {
    /// Awards for collectives (tập thể).
    pub collectives: u32,
    /// Awards for individuals (cá nhân).
    pub individuals: u32,
}

impl Quota {
    /// The number for one category.
    pub fn get(self, category: Category) -> u32 {
        match category {
            Category::Collective => self.collectives,
            Category::Individual => self.individuals,
        }
    }
}

/// The Director's certificate (Giấy khen): its quotas and who cannot get it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GiayKhenRule {
    /// The clause that sets it (`III.1.b`).
    pub clause: String,
    /// Quota of each annual review.
    pub annual: Quota,
    /// Quota of the final review.
    pub final_review: Quota,
    /// Kinds that cannot receive it: the Department cannot be given its own
    /// Director's award.
    pub not_for: Vec<SubjectKind>,
    /// The person id of the Director who signs it: nobody awards himself,
    /// so the signer, like the Department, may be proposed for the
    /// provincial Bằng khen only.
    pub signer: Option<String>,
    /// Where plan.toml names the signer (bytes), for a message about it.
    pub signer_span: Option<std::ops::Range<usize>>,
}
