//! Registration for the movement (VI.1: "từng phòng, cơ quan, đơn vị và cá
//! nhân đăng ký thực hiện phong trào thi đua này gắn với việc đăng ký thi
//! đua hàng năm").
//!
//! Since the Law of 2022 (Luật Thi đua, khen thưởng, Điều 7) the grounds of
//! an award are the movement, the achievement and the standard: registration
//! is none of them. A candidate who did not register is noted
//! (`not_registered`), never excluded. The final review, which registers
//! yearly, counts a registration for any review of the period.

use crate::model::Dataset;
use crate::review::Review;
use crate::rules::evaluate::CandidateResult;
use crate::rules::warning::{Warning, WarningDetail};

/// Whether a registration for `registered` covers `review`.
pub fn covers(registered: Review, review: Review) -> bool {
    match review {
        Review::Annual(_) => registered == review,
        Review::Final(from, to) => match registered {
            Review::Annual(y) => (from..=to).contains(&y),
            Review::Final(..) => registered == review,
        },
    }
}

/// A `not_registered` note for each candidate without a registration for
/// the review, in the candidates' order; none when the folder keeps no
/// registrations.
pub fn not_registered(
    data: &Dataset,
    review: Review,
    candidates: &[CandidateResult],
) -> Vec<Warning> {
    let Some(registrations) = &data.registrations else {
        return Vec::new();
    };
    let mut registered = vec![false; data.dense_len()];
    for r in registrations.iter().filter(|r| covers(r.review, review)) {
        registered[data.dense(r.subject)] = true;
    }
    candidates
        .iter()
        .filter(|c| !registered[data.dense(c.subject)])
        .map(|c| Warning {
            subject: Some(c.subject),
            detail: WarningDetail::NotRegistered,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// VI.1: the registration of a year covers that year's review, and any
    /// year of the period covers the final review.
    #[test]
    fn vi_1_a_registration_covers_its_review_and_the_final_one() {
        let final_review = Review::Final(2021, 2025);
        assert!(covers(Review::Annual(2023), Review::Annual(2023)));
        assert!(!covers(Review::Annual(2022), Review::Annual(2023)));
        assert!(covers(Review::Annual(2022), final_review));
        assert!(covers(final_review, final_review));
        assert!(!covers(Review::Annual(2020), final_review));
        assert!(!covers(final_review, Review::Annual(2023)));
    }
}
