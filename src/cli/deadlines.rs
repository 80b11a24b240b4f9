//! `thiduakt deadlines [REVIEW] [-o FILE]`.

use std::path::Path;

use thiduakt::load::Keep;
use thiduakt::render::{Format, deadlines, ics};

use crate::cli::{Context, Outcome};

/// Prints every deadline of the plan (or of one review) and its status, or
/// writes them to a file: an iCalendar file when it ends in `.ics`.
pub fn run(ctx: &Context, review: Option<&str>, output: Option<&Path>) -> Outcome {
    let data = ctx.load(Keep::Nothing)?;
    let only = review.map(|r| ctx.review(&data, r)).transpose()?;
    let plan = &data.plan;
    let selected = plan
        .deadlines
        .iter()
        .filter(|d| only.is_none_or(|r| d.review == r));
    let states = deadlines::states(selected, ctx.today);
    let is_ics =
        output.is_some_and(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ics")));
    let out = match ctx.format {
        _ if is_ics => ics::calendar(plan, &states, ctx.today, ctx.lang),
        Format::Table => deadlines::table(plan, &states, ctx.today, &ctx.style),
        Format::Csv => deadlines::csv(&states),
        Format::Json => deadlines::json(&states, ctx.today),
    };
    match output {
        Some(path) => ctx.write_file(path, out.as_bytes()),
        None => ctx.print(&out),
    }
}
