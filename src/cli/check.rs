//! `thiduakt check REVIEW`.

use thiduakt::load::Keep;
use thiduakt::render::{Format, check};
use thiduakt::rules::evaluate;

use crate::cli::{Context, Outcome};

/// Prints the ranked lists, quota use and warnings of a review.
pub fn run(ctx: &Context, review: &str) -> Outcome {
    let data = ctx.load(Keep::review(review))?;
    let review = ctx.review(&data, review)?;
    let report = evaluate(&data, review, ctx.today);
    match ctx.format {
        Format::Table => ctx.print(&check::table(&data, &report, &ctx.style)),
        Format::Json => ctx.print(&check::json(&data, &report, ctx.lang)),
        Format::Csv => ctx.print_with(|out| check::write_csv(&data, &report, out)),
    }
}
