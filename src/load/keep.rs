//! Which rows of achievements and nominations a command needs in memory.
//!
//! Every row of every file is read and checked whatever a command needs:
//! `check 2023` reports a wrong date of 2021 as `validate` does. But a
//! review is worked out from its own rows alone (and the awards of every
//! year), so a command about one review keeps only that review's rows, and
//! `validate` keeps none: on a province's files, most of the memory the
//! rows would take, and the time spent taking it.
//!
//! For the same reason a problem in a row of another review does not block
//! the review judged: `check 2023` shows it as a warning, to be fixed before
//! 2021 is judged ([`Keep::defer`]); `validate` still reports it as an error.

use crate::diag::{Diagnostic, Severity};
use crate::review::Review;

/// The achievement and nomination rows kept in the dataset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keep {
    /// Every row (`summary` and the library's default).
    #[default]
    All,
    /// The rows of one review (`check`, `export`, `explain`).
    Review(Review),
    /// None (`validate`, which only reports problems).
    Nothing,
}

impl Keep {
    /// The rows of the review written `text` as on the command line; every
    /// row when the text is not a review (the command reports it once the
    /// plan is read).
    pub fn review(text: &str) -> Keep {
        text.parse().map_or(Keep::All, Keep::Review)
    }

    /// Whether a row of `review` belongs to another review than the one a
    /// command judges. A registration for the last year of the period
    /// belongs to the final review too.
    pub fn judges_other(self, review: Review) -> bool {
        match (self, review) {
            (Keep::Review(Review::Final(_, end)), Review::Annual(year)) if year == end => false,
            (Keep::Review(kept), _) => kept != review,
            _ => false,
        }
    }

    /// Shows the errors of a row of another review as warnings that name
    /// that review (see the module's documentation). `review` is the row's,
    /// `None` when its review cell could not be read (the row may then be
    /// of the review judged: its errors stay errors).
    pub fn defer(self, review: Option<Review>, problems: &mut [Diagnostic]) {
        let Some(review) = review.filter(|r| self.judges_other(*r)) else {
            return;
        };
        for d in problems.iter_mut().filter(|d| d.is_error()) {
            d.severity = Severity::Warning;
            d.deferred = Some(review.code());
        }
    }

    /// Whether a row of `review` is kept.
    pub fn wants(self, review: Review) -> bool {
        match self {
            Keep::All => true,
            Keep::Review(kept) => kept == review,
            Keep::Nothing => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_keeps_its_own_rows() {
        let keep = Keep::review("2023");
        assert_eq!(keep, Keep::Review(Review::Annual(2023)));
        assert!(keep.wants(Review::Annual(2023)));
        assert!(!keep.wants(Review::Annual(2022)));
        assert!(!keep.wants(Review::Final(2021, 2025)));
        assert!(Keep::review("2021-2025").wants(Review::Final(2021, 2025)));
        assert_eq!(Keep::review("năm nay"), Keep::All);
        assert!(Keep::All.wants(Review::Annual(2022)));
        assert!(!Keep::Nothing.wants(Review::Annual(2022)));
    }
}
