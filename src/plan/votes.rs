//! An optional minimum share of the council's votes (IV.1).

/// What a vote share is counted against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denominator {
    /// The members who voted (`votes_total` of the nomination).
    Present,
    /// All members of the council, however many voted.
    Members(u32),
}

/// A candidate needs at least `min_percent` of the votes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VotePolicy {
    /// The least share, in percent, that still passes (inclusive).
    pub min_percent: u32,
    /// What the share is counted against.
    pub denominator: Denominator,
}
