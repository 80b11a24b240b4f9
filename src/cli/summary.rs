//! `thiduakt summary [REVIEW…] [--by unit]`.

use thiduakt::Review;
use thiduakt::load::Keep;
use thiduakt::model::{ByReview, Dataset};
use thiduakt::render::Format;
use thiduakt::render::summary::{self, SummaryRow};
use thiduakt::rules::evaluate::{Room, placings_in};

use crate::cli::Context;

/// Prints, per review and kind (and per unit), the counts of nominated,
/// eligible, proposed, over quota, ineligible and granted.
pub fn run(ctx: &Context, reviews: &[String], by_unit: bool) -> anyhow::Result<()> {
    let data = ctx.load(Keep::All)?;
    let asked = reviews
        .iter()
        .map(|r| ctx.review(&data, r))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let reviews = summary::reviews_or_all(&data, asked);
    let rows = count_reviews(&data, &reviews, by_unit);
    let out = match ctx.format {
        Format::Table => summary::table(&data, &rows, by_unit, &ctx.style),
        Format::Csv => summary::csv(&rows, by_unit),
        Format::Json => summary::json(&rows),
    };
    ctx.print(&out)
}

/// Places the candidates of the reviews and counts each review as soon as
/// it is placed, a few at a time on as many threads: only those are held at
/// once. The rows come back in the order of `reviews`. Outcomes do not
/// depend on the day (only warnings do).
fn count_reviews(data: &Dataset, reviews: &[Review], by_unit: bool) -> Vec<SummaryRow> {
    let all = thiduakt::par::threads();
    let threads = all.min(reviews.len()).max(1);
    // Each review's rows, found once for all.
    let rows = ByReview::new(data);
    let counted = thiduakt::par::in_turn(reviews.len(), threads, Room::default, |room, i| {
        let review = reviews[i];
        // Reviews are side by side already: each on one thread, but for
        // the last, which the other threads soon leave alone: it may use
        // them all. One thread's reviews are placed in the same vectors
        // (its room). The summary counts outcomes: the candidates' results
        // and the warnings are not worked out.
        let last = i + 1 == reviews.len();
        let placed = placings_in(&rows, review, if last { all } else { 1 }, room);
        summary::rows_of_placings(&rows, &[(review, placed)], by_unit)
    });
    counted.into_iter().flatten().collect()
}
