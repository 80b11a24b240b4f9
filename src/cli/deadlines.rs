//! `thiduakt deadlines [REVIEW]`.

use thiduakt::render::{Format, deadlines};

use crate::cli::Context;

/// Prints every deadline of the plan (or of one review) and its status.
pub fn run(ctx: &Context, review: Option<&str>) -> anyhow::Result<()> {
    let data = ctx.load()?;
    let only = review.map(|r| ctx.review(&data, r)).transpose()?;
    let plan = &data.plan;
    let selected = plan
        .deadlines
        .iter()
        .filter(|d| only.is_none_or(|r| d.review == r));
    let states = deadlines::states(selected, ctx.today);
    let out = match ctx.format {
        Format::Table => deadlines::table(plan, &states, ctx.today, &ctx.style),
        Format::Csv => deadlines::csv(&states),
        Format::Json => deadlines::json(&states, ctx.today),
    };
    ctx.print(&out)
}
