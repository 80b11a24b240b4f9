//! `thiduakt check REVIEW`.

use thiduakt::load::Keep;
use thiduakt::render::{Format, check};
use thiduakt::rules::evaluate;
use thiduakt::rules::evaluate::evaluate_outcomes;

use crate::cli::Context;

/// Prints the ranked lists, quota use and warnings of a review.
pub fn run(ctx: &Context, review: &str) -> anyhow::Result<()> {
    let data = ctx.load(Keep::review(review))?;
    let review = ctx.review(&data, review)?;
    // The CSV shows no warnings: they are not worked out for it. Like the
    // dataset, the report is not freed: the process ends now.
    let report = std::mem::ManuallyDrop::new(match ctx.format {
        Format::Csv => evaluate_outcomes(&data, review, ctx.today, thiduakt::par::threads()),
        Format::Table | Format::Json => evaluate(&data, review, ctx.today),
    });
    let out = match ctx.format {
        Format::Table => check::table(&data, &report, &ctx.style),
        Format::Csv => check::csv(&data, &report),
        Format::Json => check::json(&data, &report, ctx.lang),
    };
    ctx.print(&out)
}
