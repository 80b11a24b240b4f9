//! `thiduakt summary [REVIEW…] [--by unit]`.

use thiduakt::render::{Format, summary};
use thiduakt::rules::evaluate;

use crate::cli::Context;

/// Prints, per review and kind (and per unit), the counts of nominated,
/// eligible, proposed, over quota, ineligible and granted.
pub fn run(ctx: &Context, reviews: &[String], by_unit: bool) -> anyhow::Result<()> {
    let data = ctx.load()?;
    let asked = reviews
        .iter()
        .map(|r| ctx.review(&data, r))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let reports: Vec<_> = summary::reviews_or_all(&data, asked)
        .into_iter()
        .map(|r| evaluate(&data, r, ctx.today))
        .collect();
    let rows = summary::rows(&data, &reports, by_unit);
    let out = match ctx.format {
        Format::Table => summary::table(&data, &rows, by_unit, &ctx.style),
        Format::Csv => summary::csv(&rows, by_unit),
        Format::Json => summary::json(&rows),
    };
    ctx.print(&out)
}
