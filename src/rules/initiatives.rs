//! Initiatives (CN1: "có đề xuất giải pháp, sáng kiến").
//!
//! An initiative counts when the competent body recognised it (Luật Thi
//! đua, khen thưởng 2022, khoản 4 Điều 3: "được cấp có thẩm quyền công
//! nhận"): one cited but absent from initiatives.csv, or recorded there
//! without a recognition decision, is `initiative_unrecognised`. One
//! initiative grounds one award only (Công văn 5007/BNV-TĐKT, mục III.5.c:
//! "Một sáng kiến chỉ được sử dụng một lần khi làm tiêu chuẩn đề nghị khen
//! thưởng"): one the same subject cited in an earlier review for which it
//! was granted an award is `initiative_reused`, naming that decision. Both
//! are warnings for the council; neither changes eligibility.

use crate::model::{Dataset, GrantedAward};
use crate::review::Review;
use crate::rules::evaluate::CandidateResult;
use crate::rules::warning::{Warning, WarningDetail};

/// Whether `earlier` comes before `review`: an earlier year, or any year
/// before the final review.
fn before(earlier: Review, review: Review) -> bool {
    match (earlier, review) {
        (Review::Annual(a), Review::Annual(b)) => a < b,
        (Review::Annual(_), Review::Final(..)) => true,
        (Review::Final(..), _) => false,
    }
}

/// The warnings about the initiatives the candidates' results cite in
/// `review`, in the candidates' order.
pub fn warnings(data: &Dataset, review: Review, candidates: &[CandidateResult]) -> Vec<Warning> {
    if data.citations.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in candidates {
        let mut cited: Vec<&str> = data
            .citations
            .iter()
            .filter(|x| x.review == review && x.subject == c.subject)
            .map(|x| x.initiative.as_str())
            .collect();
        cited.sort_unstable();
        cited.dedup();
        for id in cited {
            let known = data.initiatives.iter().flatten().find(|i| i.id == id);
            if !known.is_some_and(|i| i.recognised()) {
                out.push(Warning {
                    subject: Some(c.subject),
                    detail: WarningDetail::InitiativeUnrecognised {
                        initiative: id.to_string(),
                        recorded: known.is_some(),
                    },
                });
            }
            // An earlier review where the same subject cited it and was
            // granted an award.
            let used: Option<&GrantedAward> = data
                .citations
                .iter()
                .filter(|x| {
                    x.subject == c.subject && x.initiative == id && before(x.review, review)
                })
                .find_map(|x| {
                    data.awards.iter().find(|a| {
                        a.subject == c.subject && a.review == Some(x.review) && a.revoked.is_none()
                    })
                });
            if let Some(award) = used {
                out.push(Warning {
                    subject: Some(c.subject),
                    detail: WarningDetail::InitiativeReused {
                        initiative: id.to_string(),
                        review: award.review.unwrap_or(review),
                        award: award.award,
                        decision: award.decision.clone(),
                    },
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cv5007_earlier_means_an_earlier_year_or_any_year_before_the_final_review() {
        let final_review = Review::Final(2021, 2025);
        assert!(before(Review::Annual(2022), Review::Annual(2023)));
        assert!(!before(Review::Annual(2023), Review::Annual(2023)));
        assert!(!before(Review::Annual(2024), Review::Annual(2023)));
        assert!(before(Review::Annual(2024), final_review));
        assert!(!before(final_review, final_review));
    }
}
