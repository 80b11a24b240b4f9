//! One review, start to finish: candidates, eligibility, ranking,
//! allocation and warnings, as one value every renderer reads.
//!
//! The way through: the candidates ([`candidates`]), each one's facts
//! (criteria met and score from the review's achievements, vote from its
//! nomination, history from the awards), what it lacks ([`eligibility`]),
//! the ranking of the eligible of each category ([`ranking`]), the awards
//! down that ranking ([`allocation`]), then the warnings ([`dossier`], ties
//! at quota lines), each also noted on the row it concerns.
//!
//! [`candidates`]: crate::rules::candidates
//! [`eligibility`]: crate::rules::eligibility
//! [`ranking`]: crate::rules::ranking
//! [`allocation`]: crate::rules::allocation
//! [`dossier`]: crate::rules::dossier

use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::{Dataset, Score, Subject, Votes};
use crate::plan::{AwardKind, Category, CriterionId, Event, SubjectKind};
use crate::review::{Review, ReviewType};
use crate::rules::allocation::{self, Entitlement, Outcome, Quotas, Reason};
use crate::rules::applicability::applicable;
use crate::rules::candidates::{CandidateSource, candidates};
use crate::rules::dossier::{dossier_warnings, near};
use crate::rules::eligibility::{self, Facts, Missing};
use crate::rules::history::{self, History, Reach};
use crate::rules::initiatives;
use crate::rules::ranking::{self, Standing};
use crate::rules::registrations;
use crate::rules::votes::{self, Share};
use crate::rules::warning::{Pending, Warning, WarningCode, WarningDetail};

/// Where a candidate ends up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Proposed for an award.
    Proposed,
    /// Eligible, beyond the quotas it could take.
    OverQuota,
    /// Not eligible: see [`CandidateResult::missing`].
    Ineligible,
}

impl Status {
    /// The stable code (`proposed`, `over_quota`, `ineligible`).
    pub fn code(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::OverQuota => "over_quota",
            Status::Ineligible => "ineligible",
        }
    }
}

/// Everything decided about one candidate: what every renderer shows of
/// it (table, CSV, JSON, export, summary, explain).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CandidateResult {
    /// Who.
    pub subject: Subject,
    /// Its kind.
    pub kind: SubjectKind,
    /// Rank among the eligible of its category, from 1.
    pub rank: Option<u32>,
    /// Proposed, over quota or ineligible.
    pub status: Status,
    /// The award it is proposed for.
    pub award: Option<AwardKind>,
    /// Why an eligible candidate is not proposed.
    pub reason: Option<Reason>,
    /// The criteria that apply to it (shared by all of its kind).
    pub required: Arc<[CriterionId]>,
    /// How many of those are met (a count, not a list: a list for each of
    /// a hundred thousand candidates was an allocation each, and only
    /// its length was ever shown).
    pub met: usize,
    /// What it lacks; empty when eligible.
    pub missing: Vec<Missing>,
    /// The council's vote.
    pub votes: Option<Votes>,
    /// Total score in the review.
    pub score: Score,
    /// Award history and tiers (final review only).
    pub history: Option<(History, Reach)>,
    /// The awards it may take if eligible.
    pub entitlement: Entitlement,
    /// Index of its row in [`Dataset::nominations`].
    pub nomination: Option<usize>,
    /// The codes of the review's warnings that concern it, in the order of
    /// [`ReviewReport::warnings`].
    pub warnings: Vec<WarningCode>,
}

impl CandidateResult {
    /// Collective or individual.
    pub fn category(&self) -> Category {
        self.kind.category()
    }

    /// Whether it lacks nothing.
    pub fn eligible(&self) -> bool {
        self.missing.is_empty()
    }
}

/// How much of one quota a review uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotaUse {
    /// Collectives or individuals.
    pub category: Category,
    /// Which award.
    pub award: AwardKind,
    /// The quota.
    pub quota: u32,
    /// How many proposed.
    pub used: u32,
}

/// The outcome of one review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewReport {
    /// The review.
    pub review: Review,
    /// The day it was evaluated for.
    pub today: NaiveDate,
    /// Where the candidates came from.
    pub source: CandidateSource,
    /// Collectives then individuals; in each, the ranked eligible in rank
    /// order, then the ineligible by id.
    pub candidates: Vec<CandidateResult>,
    /// Quota use: each category, each award.
    pub quotas: Vec<QuotaUse>,
    /// Warnings: the review's own first, then each candidate's dossier in
    /// list order, then proposed candidates not voted on, then the
    /// initiatives they cite, then candidates not registered, then ties at
    /// quota lines.
    pub warnings: Vec<Warning>,
}

/// Where each candidate of a review ends up, without the warnings: what
/// [`evaluate`] works out before it looks for open questions, and all that
/// `summary` counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided {
    /// Where the candidates came from.
    pub source: CandidateSource,
    /// As [`ReviewReport::candidates`], with no warning codes noted yet.
    pub candidates: Vec<CandidateResult>,
    /// As [`ReviewReport::quotas`].
    pub quotas: Vec<QuotaUse>,
    /// The ties at quota lines.
    ties: Vec<Warning>,
}

/// Evaluates a review of the dataset's plan on `today`. The review must be
/// one of the plan's ([`crate::plan::Plan::review`]).
pub fn evaluate(data: &Dataset, review: Review, today: NaiveDate) -> ReviewReport {
    let plan = &data.plan;
    let Decided {
        source,
        candidates: mut ordered,
        quotas,
        ties,
    } = decide(data, review);

    let mut warnings = review_warnings(data, review, today, &ordered);
    let unit_deadline = plan.deadline(review, Event::UnitSubmission);
    // Each dossier's warnings, on every core, kept in the candidates' order.
    let dossiers: Vec<Vec<Warning>> = ordered
        .par_iter()
        .map(
            |r| match r.nomination.and_then(|n| data.nominations.get(n)) {
                Some(n) => dossier_warnings(n, unit_deadline, today, plan.warn_days)
                    .into_iter()
                    .map(|detail| Warning {
                        subject: Some(r.subject),
                        detail,
                    })
                    .collect(),
                None => Vec::new(),
            },
        )
        .collect();
    warnings.extend(dossiers.into_iter().flatten());
    // A list for signing shows every open question: a proposed candidate
    // whose vote is not recorded (IV.1).
    warnings.extend(
        ordered
            .iter()
            .filter(|r| r.status == Status::Proposed && r.votes.is_none())
            .map(|r| Warning {
                subject: Some(r.subject),
                detail: WarningDetail::NotVoted,
            }),
    );
    warnings.extend(initiatives::warnings(data, review, &ordered));
    warnings.extend(registrations::not_registered(data, review, &ordered));
    warnings.extend(ties);
    note_on_rows(data, &warnings, &mut ordered);

    ReviewReport {
        review,
        today,
        source,
        candidates: ordered,
        quotas,
        warnings,
    }
}

/// Decides a review of the dataset's plan: each candidate's facts, what
/// it lacks, the ranking and the awards down it, as [`evaluate`] does
/// before the warnings. The review must be one of the plan's.
pub fn decide(data: &Dataset, review: Review) -> Decided {
    let plan = &data.plan;
    let review_type = review.review_type();
    let (source, found) = candidates(data, review);

    // Each candidate's facts, by its position in `found`.
    let mut slot = vec![usize::MAX; data.dense_len()];
    for (i, c) in found.iter().enumerate() {
        slot[data.dense(c.subject)] = i;
    }
    let position = |s: Subject| Some(slot[data.dense(s)]).filter(|&i| i != usize::MAX);
    // Whether candidate `i` met criterion `c`: `achieved[i * criteria + c]`.
    let criteria = plan.criteria.len();
    let mut achieved = vec![false; found.len() * criteria];
    let mut scores = vec![Score::default(); found.len()];
    for a in data.achievements.iter().filter(|a| a.review == review) {
        if let Some(i) = position(a.subject) {
            if a.is_met()
                && let Some(met) = achieved.get_mut(i * criteria + usize::from(a.criterion.0))
            {
                *met = true;
            }
            if let Some(score) = a.score {
                scores[i] = scores[i] + score;
            }
        }
    }
    let has = |i: usize, c: CriterionId| {
        achieved
            .get(i * criteria + usize::from(c.0))
            .copied()
            .unwrap_or(false)
    };
    let mut histories = vec![History::default(); found.len()];
    if review_type == ReviewType::Final {
        for award in &data.awards {
            if let Some(i) = position(award.subject) {
                let h = history::history(plan, [award]);
                histories[i].bang_khen += h.bang_khen;
                histories[i].giay_khen += h.giay_khen;
            }
        }
    }

    // The criteria that apply to each kind, worked out once.
    let required_of: Vec<(SubjectKind, Arc<[CriterionId]>)> = SubjectKind::all()
        .map(|kind| (kind, applicable(plan, kind, review_type).into()))
        .collect();
    let required = |kind: SubjectKind| -> Arc<[CriterionId]> {
        required_of.iter().find(|(k, _)| *k == kind).map_or_else(
            || applicable(plan, kind, review_type).into(),
            |(_, r)| r.clone(),
        )
    };

    // The signer of the Giấy khen, found once: comparing every
    // candidate's id with the signer's read each id from memory.
    let signer = data.signer();
    // Each candidate's result, on every core: a result is made from its
    // own facts alone (with the dossier warnings below, `check` of 111,000
    // candidates in 0.93× the time of one thread, paired runs).
    let mut results: Vec<CandidateResult> = found
        .par_iter()
        .enumerate()
        .map_init(Vec::new, |met: &mut Vec<CriterionId>, (i, c)| {
            let kind = data.kind(c.subject);
            let required = required(kind);
            // The criteria met, in the order they apply.
            met.clear();
            met.extend(required.iter().copied().filter(|&c| has(i, c)));
            let votes = c
                .nomination
                .and_then(|n| data.nominations.get(n))
                .and_then(|n| n.votes);
            let (history, reach) = match review_type {
                ReviewType::Final => {
                    let reach = history::reach(plan, histories[i]);
                    (Some((histories[i], reach)), reach)
                }
                ReviewType::Annual => (None, Reach::default()),
            };
            let missing = eligibility::missing(
                plan,
                &Facts {
                    review: review_type,
                    required: &required,
                    met,
                    votes,
                    reach,
                },
            );
            CandidateResult {
                subject: c.subject,
                kind,
                rank: None,
                status: Status::Ineligible,
                award: None,
                reason: None,
                entitlement: allocation::entitlement(
                    plan,
                    kind,
                    review_type,
                    reach,
                    signer == Some(c.subject),
                ),
                required,
                met: met.len(),
                missing,
                votes,
                score: scores[i],
                history,
                nomination: c.nomination,
                warnings: Vec::new(),
            }
        })
        .collect();

    // Each category: the eligible ranked and given awards down the
    // ranking, then the ineligible by id. `order` lists the candidates as
    // they are shown.
    let mut order: Vec<usize> = Vec::with_capacity(results.len());
    let mut quotas = Vec::new();
    let mut ties = Vec::new();
    for category in Category::ALL {
        let in_category = |r: &&CandidateResult| r.category() == category;
        let eligible: Vec<usize> = (0..results.len())
            .filter(|&i| in_category(&&results[i]) && results[i].eligible())
            .collect();
        let mut ineligible: Vec<usize> = (0..results.len())
            .filter(|&i| in_category(&&results[i]) && !results[i].eligible())
            .collect();
        let standings: Vec<Standing<'_>> = eligible
            .iter()
            .map(|&i| Standing {
                share: results[i]
                    .votes
                    .map(|v| votes::share(v, plan.votes.as_ref())),
                score: results[i].score,
                id: data.id(results[i].subject),
            })
            .collect();
        // Positions in `eligible`, best first: ids are unique, so the
        // order is exact.
        let ranked = ranking::order(&standings, |s| s);
        ineligible.sort_unstable_by(|&a, &b| {
            data.id(results[a].subject).cmp(data.id(results[b].subject))
        });

        let limits = Quotas {
            bang_khen: plan.bang_khen_quota(review).get(category),
            giay_khen: plan.giay_khen_quota(review_type).get(category),
        };
        let entitlements: Vec<Entitlement> = ranked
            .iter()
            .map(|&r| results[eligible[r]].entitlement)
            .collect();
        let outcomes = allocation::allocate(&entitlements, limits);
        for (rank, (&r, outcome)) in ranked.iter().zip(&outcomes).enumerate() {
            let result = &mut results[eligible[r]];
            result.rank = u32::try_from(rank + 1).ok();
            match *outcome {
                Outcome::Award(award) => {
                    result.status = Status::Proposed;
                    result.award = Some(award);
                }
                Outcome::OverQuota(reason) => {
                    result.status = Status::OverQuota;
                    result.reason = Some(reason);
                }
            }
        }
        for award in AwardKind::ALL {
            let used = outcomes
                .iter()
                .filter(|o| **o == Outcome::Award(award))
                .count();
            quotas.push(QuotaUse {
                category,
                award,
                quota: limits.of(award),
                used: u32::try_from(used).unwrap_or(u32::MAX),
            });
        }
        let candidate = |k: usize| results[eligible[ranked[k]]].subject;
        let level =
            |k: usize, l: usize| ranking::level(&standings[ranked[k]], &standings[ranked[l]]);
        for tie in allocation::ties_at_cutoff(&entitlements, &outcomes, level) {
            ties.push(Warning {
                subject: Some(candidate(tie.first_out)),
                detail: WarningDetail::TieAtCutoff {
                    award: tie.award,
                    given: candidate(tie.last_in),
                },
            });
        }
        order.extend(ranked.iter().map(|&r| eligible[r]).chain(ineligible));
    }
    let mut ordered = results;
    permute(&mut ordered, &order);

    Decided {
        source,
        candidates: ordered,
        quotas,
        ties,
    }
}

/// Puts `items` in the order `order` lists them (`order[k]` is the index of
/// the item to come `k`-th; every index once), in place: each cycle of the
/// permutation is followed once, with no second vector of items.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        if done[start] {
            continue;
        }
        // Position `k` takes the item at `order[k]`, which takes the item
        // at `order[order[k]]`, until the cycle closes.
        let mut k = start;
        loop {
            done[k] = true;
            let from = order[k];
            if done[from] {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// Notes each warning's code on the rows it concerns: its subject's, and
/// for a tie the candidate on the other side of the line too.
fn note_on_rows(data: &Dataset, warnings: &[Warning], results: &mut [CandidateResult]) {
    let mut row = vec![usize::MAX; data.dense_len()];
    for (i, r) in results.iter().enumerate() {
        row[data.dense(r.subject)] = i;
    }
    for w in warnings {
        let other = match w.detail {
            WarningDetail::TieAtCutoff { given, .. } => Some(given),
            _ => None,
        };
        for subject in w.subject.into_iter().chain(other) {
            if let Some(r) = results.get_mut(row[data.dense(subject)]) {
                r.warnings.push(w.code());
            }
        }
    }
}

/// The review's own warnings: the Department's submission deadline is near
/// and nominees still lack a complete dossier or the council's vote.
fn review_warnings(
    data: &Dataset,
    review: Review,
    today: NaiveDate,
    results: &[CandidateResult],
) -> Vec<Warning> {
    let plan = &data.plan;
    let Some(deadline) = plan.deadline(review, Event::DepartmentSubmission) else {
        return Vec::new();
    };
    let Some(days_left) = near(deadline, today, plan.warn_days) else {
        return Vec::new();
    };
    let nominations = results
        .iter()
        .filter_map(|r| r.nomination)
        .map(|n| &data.nominations[n]);
    let (mut incomplete, mut unvoted) = (0u32, 0u32);
    for n in nominations {
        if n.received.is_none() || !n.missing_documents().is_empty() {
            incomplete += 1;
        }
        if n.votes.is_none() {
            unvoted += 1;
        }
    }
    if incomplete == 0 && unvoted == 0 {
        return Vec::new();
    }
    vec![Warning {
        subject: None,
        detail: WarningDetail::DeadlineNear {
            event: deadline.event,
            deadline: deadline.date,
            last_day: deadline.last_day(),
            days_left,
            pending: Pending::Review {
                incomplete,
                unvoted,
            },
        },
    }]
}

/// A vote share as a candidate's ranking sees it.
pub fn vote_share(data: &Dataset, votes: Votes) -> Share {
    votes::share(votes, data.plan.votes.as_ref())
}

#[cfg(test)]
mod tests {
    use super::permute;
    use proptest::prelude::*;

    proptest! {
        /// In place, the order a gather would give.
        #[test]
        fn permute_is_a_gather(order in Just((0..40usize).collect::<Vec<_>>()).prop_shuffle()) {
            let items: Vec<usize> = (100..140).collect();
            let gathered: Vec<usize> = order.iter().map(|&i| items[i]).collect();
            let mut permuted = items.clone();
            permute(&mut permuted, &order);
            prop_assert_eq!(permuted, gathered);
        }
    }
}
