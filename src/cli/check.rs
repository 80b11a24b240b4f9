//! `thiduakt check REVIEW`.

use std::mem::ManuallyDrop;

use thiduakt::load::Keep;
use thiduakt::render::{Format, check};
use thiduakt::rules::evaluate;
use thiduakt::rules::evaluate::outcomes;

use crate::cli::Context;

/// Prints the ranked lists, quota use and warnings of a review.
pub fn run(ctx: &Context, review: &str) -> anyhow::Result<()> {
    let data = ctx.load(Keep::review(review))?;
    let review = ctx.review(&data, review)?;
    // Like the dataset, what is worked out is not freed: the process ends
    // now.
    let report = || ManuallyDrop::new(evaluate(&data, review, ctx.today));
    match ctx.format {
        Format::Table => ctx.print(&check::table(&data, &report(), &ctx.style)),
        Format::Json => ctx.print(&check::json(&data, &report(), ctx.lang)),
        // The CSV shows no warnings and, of each candidate's criteria, only
        // counts: it is written from the outcomes, no result is built, and
        // goes out as it is written.
        Format::Csv => {
            let outcomes = ManuallyDrop::new(outcomes(&data, review, thiduakt::par::threads()));
            ctx.print_with(|out| check::write_csv_of_outcomes(&data, &outcomes, out))
        }
    }
}
