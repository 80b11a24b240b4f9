//! One review, start to finish: candidates, eligibility, ranking,
//! allocation and warnings, as one value the renderers show.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::{ByReview, Cursor, Dataset, Nomination, Score, Subject, Votes};
use crate::par::{self, Slicing};
use crate::plan::{AwardKind, Category, CriterionId, Event, SubjectKind};
use crate::review::{Review, ReviewType};
use crate::rules::allocation::{self, Entitlement, Outcome, Quotas};
use crate::rules::applicability::applicable;
use crate::rules::candidates::{self, CandidateSource, candidates_in};
use crate::rules::dossier::{dossier_warnings, near};
use crate::rules::eligibility::{self, Facts, Missing};
use crate::rules::history::{self, History, Reach};
use crate::rules::ranking::{self, Standing};
use crate::rules::votes::{self, Share};
use crate::rules::warning::{Pending, Warning, WarningDetail};

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

/// Everything decided about one candidate.
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
    /// The criteria that apply to it (shared by all of its kind).
    pub required: Arc<[CriterionId]>,
    /// Those met.
    pub met: Vec<CriterionId>,
    /// What it lacks, when ineligible.
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
}

impl CandidateResult {
    /// Collective or individual.
    pub fn category(&self) -> Category {
        self.kind.category()
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
    /// Warnings: the review's own first, then each candidate's in list order,
    /// then ties at quota lines.
    pub warnings: Vec<Warning>,
}

/// What the achievements of one candidate add up to: the criteria met (as
/// bits by criterion id) and the total score.
#[derive(Clone, Default)]
struct Tally {
    /// Criteria 0 to 63, as bits.
    met: u64,
    /// Criteria from 64 on (a plan rarely has so many), behind one thin
    /// pointer: a tally stays 24 bytes, a hundred thousand of them a
    /// review.
    #[allow(clippy::box_collection)]
    more: Option<Box<Vec<CriterionId>>>,
    score: Score,
}

impl Tally {
    fn meet(&mut self, c: CriterionId) {
        match c.0 {
            n @ 0..64 => self.met |= 1 << n,
            _ => self.more.get_or_insert_default().push(c),
        }
    }

    fn has(&self, c: CriterionId) -> bool {
        match c.0 {
            n @ 0..64 => self.met & (1 << n) != 0,
            _ => self.more.as_ref().is_some_and(|more| more.contains(&c)),
        }
    }
}

/// What places a candidate, worked out before its result: who, its kind,
/// whether it is eligible, its vote and score, the awards it may take, and
/// once ranked its rank and outcome. Results and CSV rows are made in
/// ranked order, far apart in memory: all they read of a candidate is here,
/// in one place, not in several arrays or the dataset's rows.
#[derive(Clone, Copy)]
struct Decisive {
    subject: Subject,
    kind: SubjectKind,
    eligible: bool,
    votes: Option<Votes>,
    score: Score,
    /// How many of the criteria that apply it meets.
    met: u32,
    entitlement: Entitlement,
    /// Rank among the eligible of its category, status and award.
    decided: (Option<u32>, Status, Option<AwardKind>),
}

/// Evaluates a review of the dataset's plan on `today`. The review must be
/// one of the plan's ([`crate::plan::Plan::review`]).
pub fn evaluate(data: &Dataset, review: Review, today: NaiveDate) -> ReviewReport {
    evaluate_on(data, review, today, par::threads())
}

/// [`evaluate`] on at most `threads` threads (a large review's candidates
/// are worked out in pieces; the result never depends on how many). One
/// thread suits a caller that evaluates several reviews side by side.
pub fn evaluate_on(
    data: &Dataset,
    review: Review,
    today: NaiveDate,
    threads: usize,
) -> ReviewReport {
    let slicing = Slicing::threads(threads);
    let placed = place(
        &ByReview::new(data),
        review,
        slicing,
        true,
        &mut Room::default(),
    );
    build(data, review, today, slicing, placed)
}

/// Each candidate's place in a review, as `summary` counts it: who, its
/// kind, and its outcome. In the order [`ReviewReport::candidates`] has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placing {
    /// Who.
    pub subject: Subject,
    /// Its kind.
    pub kind: SubjectKind,
    /// Proposed, over quota or ineligible.
    pub status: Status,
    /// The award it is proposed for.
    pub award: Option<AwardKind>,
}

/// The candidates of a review and their outcomes, without their results:
/// what the review's report would list, in its order. Everything is
/// decided as by [`evaluate_on`]; only the details of each candidate
/// (criteria met, what it lacks, history) and the warnings are left out.
/// `rows` are the dataset's rows by review, found once for all reviews.
pub fn placings(rows: &ByReview<'_>, review: Review, threads: usize) -> Vec<Placing> {
    placings_in(rows, review, threads, &mut Room::default())
}

/// [`placings`], worked out in `room` (and left there for the next
/// review).
pub fn placings_in(
    rows: &ByReview<'_>,
    review: Review,
    threads: usize,
    room: &mut Room,
) -> Vec<Placing> {
    let outcomes = Outcomes {
        data: rows.data(),
        review,
        placed: place(rows, review, Slicing::threads(threads), false, room),
    };
    let placings = (0..outcomes.len()).map(|k| outcomes.placing(k)).collect();
    room.recycle(outcomes.placed);
    placings
}

/// The vectors a review is placed in, kept from one review to the next by
/// a caller that places several on one thread (`summary`): a hundred
/// thousand candidates' worth of pages is touched once, not once a review.
#[derive(Default)]
pub struct Room {
    candidates: candidates::Room,
    slots: Vec<u32>,
    tallies: Vec<Tally>,
    histories: Vec<History>,
    decisive: Vec<Decisive>,
    order: Vec<usize>,
}

impl Room {
    /// Takes back the vectors of a placed review.
    fn recycle(&mut self, placed: Placed) {
        self.candidates.nominations = placed.nominations;
        self.tallies = placed.tallies;
        self.histories = placed.histories;
        self.decisive = placed.decisive;
        self.order = placed.order;
    }
}

/// What `check --format csv` shows of a candidate: its outcome, how many
/// criteria apply to it and how many it meets, what it lacks, its vote and
/// score. A [`CandidateResult`] gives the same ([`Outline::of`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
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
    /// How many criteria apply to it.
    pub required: usize,
    /// How many of them it meets.
    pub met: usize,
    /// What it lacks, when ineligible.
    pub missing: Vec<Missing>,
    /// The council's vote.
    pub votes: Option<Votes>,
    /// Total score in the review.
    pub score: Score,
}

impl Outline {
    /// The outline of a built result.
    pub fn of(r: &CandidateResult) -> Outline {
        Outline {
            subject: r.subject,
            kind: r.kind,
            rank: r.rank,
            status: r.status,
            award: r.award,
            required: r.required.len(),
            met: r.met.len(),
            missing: r.missing.clone(),
            votes: r.votes,
            score: r.score,
        }
    }

    /// Collective or individual.
    pub fn category(&self) -> Category {
        self.kind.category()
    }
}

/// A review placed, read candidate by candidate in its report's order
/// ([`ReviewReport::candidates`]): each one's outcome, worked out when
/// asked, without building the whole result. Everything is decided as by
/// [`evaluate_on`]; there are no warnings.
pub struct Outcomes<'d> {
    data: &'d Dataset,
    review: Review,
    placed: Placed,
}

/// The outcomes of a review, on at most `threads` threads.
pub fn outcomes(data: &Dataset, review: Review, threads: usize) -> Outcomes<'_> {
    outcomes_of(&ByReview::new(data), review, threads)
}

/// [`outcomes`] from the dataset's rows by review.
fn outcomes_of<'d>(rows: &ByReview<'d>, review: Review, threads: usize) -> Outcomes<'d> {
    Outcomes {
        data: rows.data(),
        review,
        placed: place(
            rows,
            review,
            Slicing::threads(threads),
            false,
            &mut Room::default(),
        ),
    }
}

impl Outcomes<'_> {
    /// The review.
    pub fn review(&self) -> Review {
        self.review
    }

    /// How many candidates.
    pub fn len(&self) -> usize {
        self.placed.order.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `k`-th candidate's outcome.
    pub fn placing(&self, k: usize) -> Placing {
        let d = &self.placed.decisive[self.placed.order[k]];
        let (_, status, award) = d.decided;
        Placing {
            subject: d.subject,
            kind: d.kind,
            status,
            award,
        }
    }

    /// The `k`-th candidate's outline.
    pub fn outline(&self, k: usize) -> Outline {
        let (data, p) = (self.data, &self.placed);
        let review_type = self.review.review_type();
        let i = p.order[k];
        let d = &p.decisive[i];
        let required = required(data, review_type, &p.required_of, d.kind);
        // Only the ineligible lack anything: the criteria they meet are
        // listed for them alone.
        let missing = if d.eligible {
            Vec::new()
        } else {
            let met: Vec<CriterionId> = required
                .iter()
                .copied()
                .filter(|c| p.tallies[i].has(*c))
                .collect();
            let reach = reach_of(data, review_type, p.histories[i]);
            lacks(data, review_type, d, &required, &met, reach)
        };
        let (rank, status, award) = d.decided;
        Outline {
            subject: d.subject,
            kind: d.kind,
            rank,
            status,
            award,
            required: required.len(),
            met: d.met as usize,
            missing,
            votes: d.votes,
            score: d.score,
        }
    }
}

/// What a placed candidate lacks. Eligible means missing nothing (a
/// property test keeps the two rules equal): the list is made for the
/// others only.
fn lacks(
    data: &Dataset,
    review_type: ReviewType,
    decisive: &Decisive,
    required: &[CriterionId],
    met: &[CriterionId],
    reach: Reach,
) -> Vec<Missing> {
    if decisive.eligible {
        return Vec::new();
    }
    let facts = Facts {
        review: review_type,
        required,
        met,
        votes: decisive.votes,
        reach,
    };
    eligibility::missing(&data.plan, &facts)
}

/// A review's candidates placed: what each one's result is built from, in
/// candidate order, its rank and outcome, and the order they are shown in.
struct Placed {
    source: CandidateSource,
    /// The criteria that apply to each kind.
    required_of: Vec<(SubjectKind, Arc<[CriterionId]>)>,
    tallies: Vec<Tally>,
    nominations: Vec<Option<usize>>,
    histories: Vec<History>,
    decisive: Vec<Decisive>,
    /// The candidates as they will be shown (indexes into the others).
    order: Vec<usize>,
    quotas: Vec<QuotaUse>,
    /// Ties at quota lines (when asked for).
    ties: Vec<Warning>,
}

/// The criteria that apply to each kind in a type of review, worked out
/// once: a plan has a handful of kinds.
fn required_of(data: &Dataset, review_type: ReviewType) -> Vec<(SubjectKind, Arc<[CriterionId]>)> {
    SubjectKind::all()
        .map(|kind| (kind, applicable(&data.plan, kind, review_type).into()))
        .collect()
}

/// The criteria of a kind, from [`required_of`] (worked out here for a
/// kind it lacks).
fn required<'r>(
    data: &Dataset,
    review_type: ReviewType,
    required_of: &'r [(SubjectKind, Arc<[CriterionId]>)],
    kind: SubjectKind,
) -> Cow<'r, Arc<[CriterionId]>> {
    required_of.iter().find(|(k, _)| *k == kind).map_or_else(
        || Cow::Owned(applicable(&data.plan, kind, review_type).into()),
        |(_, required)| Cow::Borrowed(required),
    )
}

/// The tiers a candidate's history reaches (final review only).
fn reach_of(data: &Dataset, review_type: ReviewType, history: History) -> Reach {
    match review_type {
        ReviewType::Final => history::reach(&data.plan, history),
        ReviewType::Annual => Reach::default(),
    }
}

/// Candidates, their facts, eligibility, ranking and allocation: everything
/// but the results themselves and the warnings (ties at quota lines only
/// `with_ties`).
fn place(
    rows: &ByReview<'_>,
    review: Review,
    slicing: Slicing,
    with_ties: bool,
    room: &mut Room,
) -> Placed {
    let data = rows.data();
    let pieces = |n: usize| slicing.pieces(n);
    let plan = &data.plan;
    let review_type = review.review_type();
    let source = candidates_in(rows, review, &mut room.candidates);
    let subjects = &room.candidates.subjects;
    let nominations = std::mem::take(&mut room.candidates.nominations);
    // The room's vectors, emptied (each is taken, filled, and given back
    // with the placed review).
    fn emptied<T>(v: &mut Vec<T>) -> Vec<T> {
        let mut v = std::mem::take(v);
        v.clear();
        v
    }

    // Candidate positions by dense subject index: no hashing per row.
    let slots = &mut room.slots;
    slots.clear();
    slots.resize(data.dense_len(), u32::MAX);
    for (i, s) in subjects.iter().enumerate() {
        slots[data.dense(*s)] = i as u32;
    }
    let slots = &*slots;
    let position = |s: Subject| -> Option<usize> {
        let i = slots[data.dense(s)];
        (i != u32::MAX).then_some(i as usize)
    };
    let mut tallies = emptied(&mut room.tallies);
    tallies.resize(subjects.len(), Tally::default());
    for (_, stretch) in rows.achievement_slices(review) {
        for a in stretch.iter().filter(|a| a.review == review) {
            if let Some(i) = position(a.subject) {
                let tally = &mut tallies[i];
                if a.is_met() {
                    tally.meet(a.criterion);
                }
                if let Some(score) = a.score {
                    tally.score = tally.score + score;
                }
            }
        }
    }
    let mut histories = emptied(&mut room.histories);
    histories.resize(subjects.len(), History::default());
    if review_type == ReviewType::Final {
        for award in &data.awards {
            if let Some(i) = position(award.subject) {
                let h = history::history(plan, [award]);
                histories[i].bang_khen += h.bang_khen;
                histories[i].giay_khen += h.giay_khen;
            }
        }
    }

    let required_of = required_of(data, review_type);
    let required = |kind| required(data, review_type, &required_of, kind);
    let reach = |i: usize| reach_of(data, review_type, histories[i]);
    // Candidates' nomination rows come in file order: a cursor finds each
    // where the last was.
    let votes_of = |i: usize, rows: &mut Cursor<'_, Nomination>| {
        nominations[i].and_then(|n| rows.get(n).and_then(|row| row.votes))
    };

    // First what places a candidate: its category, whether it is eligible,
    // what it is ranked by and the awards it may take. Its whole result is
    // built afterwards, in its place.
    let decisive_of = |i: usize, met: &mut Vec<CriterionId>, rows: &mut Cursor<'_, Nomination>| {
        let kind = data.kind(subjects[i]);
        let required = required(kind);
        met.clear();
        met.extend(required.iter().copied().filter(|c| tallies[i].has(*c)));
        let votes = votes_of(i, rows);
        let facts = Facts {
            review: review_type,
            required: &required,
            met,
            votes,
            reach: reach(i),
        };
        Decisive {
            subject: subjects[i],
            kind,
            eligible: eligibility::eligible(plan, &facts),
            votes,
            score: tallies[i].score,
            met: met.len() as u32,
            entitlement: allocation::entitlement(plan, kind, review_type, reach(i)),
            decided: (None, Status::Ineligible, None),
        }
    };
    let n = subjects.len();
    let mut decisive = emptied(&mut room.decisive);
    if pieces(n) <= 1 {
        let (mut met, mut rows) = (Vec::new(), data.nominations.cursor());
        decisive.extend((0..n).map(|i| decisive_of(i, &mut met, &mut rows)));
    } else {
        decisive = par::in_pieces(n, pieces(n), |range| {
            let (mut met, mut rows) = (Vec::new(), data.nominations.cursor());
            range.map(|i| decisive_of(i, &mut met, &mut rows)).collect()
        });
    }

    // Each category is ranked by index (small keys are sorted, the
    // candidates stay where they are). `order` lists the candidates as they
    // will be shown; each one's rank and outcome is noted in its facts.
    let mut order = emptied(&mut room.order);
    order.reserve(subjects.len());
    let mut quotas = Vec::new();
    let mut ties = Vec::new();
    for category in Category::ALL {
        // The eligible's standings, and beside them (small, read in rank
        // order) who each one is and the awards it may take. Room for all
        // (only what is written is touched): the vectors do not grow by
        // copying.
        let n = decisive.len();
        let mut standings: Vec<Standing<'_>> = Vec::with_capacity(n);
        let mut eligible: Vec<(u32, Entitlement)> = Vec::with_capacity(n);
        let mut ineligible: Vec<usize> = Vec::with_capacity(n);
        for (i, d) in decisive.iter().enumerate() {
            if d.kind.category() != category {
                continue;
            }
            if !d.eligible {
                ineligible.push(i);
            } else {
                standings.push(Standing {
                    share: d.votes.map(|v| votes::share(v, plan.votes.as_ref())),
                    score: d.score,
                    id: data.id(d.subject),
                });
                eligible.push((i as u32, d.entitlement));
            }
        }
        // Ids are unique: no two candidates are level on all, so the order
        // is exact. `ranked` holds positions in `standings`.
        let ranked = ranking::order(&standings, |s| s);
        ineligible.sort_unstable_by(|&a, &b| data.id(subjects[a]).cmp(data.id(subjects[b])));

        let limits = Quotas {
            bang_khen: plan.bang_khen_quota(review).get(category),
            giay_khen: plan.giay_khen_quota(review_type).get(category),
        };
        let entitlements: Vec<Entitlement> = ranked.iter().map(|&r| eligible[r].1).collect();
        let outcomes = allocation::allocate(&entitlements, limits);
        for (&r, (rank, outcome)) in ranked.iter().zip(outcomes.iter().enumerate()) {
            let i = eligible[r].0 as usize;
            decisive[i].decided = match outcome {
                Outcome::Award(award) => {
                    (u32::try_from(rank + 1).ok(), Status::Proposed, Some(*award))
                }
                Outcome::OverQuota => (u32::try_from(rank + 1).ok(), Status::OverQuota, None),
            };
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
        let candidate = |k: usize| eligible[ranked[k]].0 as usize;
        if with_ties {
            let level =
                |k: usize, l: usize| ranking::level(&standings[ranked[k]], &standings[ranked[l]]);
            for tie in allocation::ties_at_cutoff(&entitlements, &outcomes, level) {
                ties.push(Warning {
                    subject: Some(subjects[candidate(tie.first_out)]),
                    detail: WarningDetail::TieAtCutoff {
                        award: tie.award,
                        given: subjects[candidate(tie.last_in)],
                    },
                });
            }
        }
        order.extend((0..ranked.len()).map(candidate).chain(ineligible));
    }
    Placed {
        source,
        required_of,
        tallies,
        nominations,
        histories,
        decisive,
        order,
        quotas,
        ties,
    }
}

/// The report of a placed review: each result built in its place, and the
/// warnings.
fn build(
    data: &Dataset,
    review: Review,
    today: NaiveDate,
    slicing: Slicing,
    placed: Placed,
) -> ReviewReport {
    let pieces = |n: usize| slicing.pieces(n);
    let plan = &data.plan;
    let review_type = review.review_type();
    let p = &placed;
    let required = |kind| required(data, review_type, &p.required_of, kind);
    let result_of = |i: usize| -> CandidateResult {
        let decisive = &p.decisive[i];
        let required = required(decisive.kind).into_owned();
        let met: Vec<CriterionId> = required
            .iter()
            .copied()
            .filter(|c| p.tallies[i].has(*c))
            .collect();
        let reach = reach_of(data, review_type, p.histories[i]);
        let history = match review_type {
            ReviewType::Final => Some((p.histories[i], reach)),
            ReviewType::Annual => None,
        };
        let missing = lacks(data, review_type, decisive, &required, &met, reach);
        let (rank, status, award) = decisive.decided;
        CandidateResult {
            subject: decisive.subject,
            kind: decisive.kind,
            rank,
            status,
            award,
            entitlement: decisive.entitlement,
            required,
            met,
            missing,
            votes: decisive.votes,
            score: decisive.score,
            history,
            nomination: p.nominations[i],
        }
    };
    let shown = p.order.len();
    let ordered: Vec<CandidateResult> = par::in_pieces(shown, pieces(shown), |range| {
        // The first piece makes room for all (see `par::in_pieces`).
        let room = if range.start == 0 { shown } else { range.len() };
        let mut piece = Vec::with_capacity(room);
        piece.extend(p.order[range].iter().map(|&i| result_of(i)));
        piece
    });

    let mut warnings = review_warnings(data, review, today, &ordered);
    let unit_deadline = plan.deadline(review, Event::UnitSubmission);
    warnings.extend(par::in_pieces(
        ordered.len(),
        pieces(ordered.len()),
        |range| {
            let mut found = Vec::new();
            for r in &ordered[range] {
                if let Some(n) = r.nomination {
                    let details = dossier_warnings(
                        &data.nominations[n],
                        unit_deadline,
                        today,
                        plan.warn_days,
                    );
                    found.extend(details.into_iter().map(|detail| Warning {
                        subject: Some(r.subject),
                        detail,
                    }));
                }
            }
            found
        },
    ));
    warnings.extend(placed.ties);

    ReviewReport {
        review,
        today,
        source: placed.source,
        candidates: ordered,
        quotas: placed.quotas,
        warnings,
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
    use super::*;

    /// A review placed and built in pieces on several threads is the one
    /// placed and built on one: tried on the shipped data with pieces of a
    /// few candidates (large reviews are cut past 20,000).
    #[test]
    fn several_threads_place_and_build_as_one() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let data = crate::load::load(&dir, &crate::load::LoadOptions::default())
            .dataset
            .expect("the shipped data is valid");
        let today = NaiveDate::from_ymd_opt(2024, 3, 8).expect("date");
        let rows = ByReview::new(&data);
        for review in data.plan.reviews() {
            let built = |slicing: Slicing| {
                let placed = place(&rows, review, slicing, true, &mut Room::default());
                build(&data, review, today, slicing, placed)
            };
            let one = built(Slicing::threads(1));
            assert!(one.candidates.len() > 10, "{review}");
            for (threads, piece) in [(2, 4), (3, 5), (8, 1)] {
                assert!(
                    built(Slicing::with_piece(threads, piece)) == one,
                    "{review} on {threads} threads, pieces of {piece}"
                );
            }
        }
    }

    /// A plan with more than 64 criteria: those past the bits are kept
    /// aside, met or not as any other.
    #[test]
    fn a_tally_holds_criteria_past_the_first_sixty_four() {
        let mut tally = Tally::default();
        for c in [3, 63, 64, 200] {
            tally.meet(CriterionId(c));
        }
        for c in [3, 63, 64, 200] {
            assert!(tally.has(CriterionId(c)), "{c}");
        }
        for c in [0, 62, 65, 199] {
            assert!(!tally.has(CriterionId(c)), "{c}");
        }
        assert!(std::mem::size_of::<Tally>() <= 24);
    }
}
