//! The award history the final review asks for (III.2.b).

/// A tier of history: reached when any one of its minimums is met.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tier {
    /// At least this many provincial Bằng khen, if set.
    pub bang_khen: Option<u32>,
    /// At least this many Director's Giấy khen, if set.
    pub giay_khen: Option<u32>,
}

/// The two tiers of the final review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryRule {
    /// The clause that sets them (`III.2.b`).
    pub clause: String,
    /// Needed to be proposed for the provincial Bằng khen.
    pub provincial: Tier,
    /// Needed to be given the Director's Giấy khen.
    pub department: Tier,
}
