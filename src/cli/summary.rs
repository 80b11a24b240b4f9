//! `thiduakt summary [REVIEW…] [--by unit]`.

use rayon::prelude::*;
use thiduakt::load::Keep;
use thiduakt::render::Format;
use thiduakt::render::summary;
use thiduakt::rules::decide;

use crate::cli::{Context, Outcome};

/// Prints, per review and kind (and per unit), the counts of nominated,
/// eligible, proposed, over quota, ineligible and granted.
pub fn run(ctx: &Context, reviews: &[String], by_unit: bool) -> Outcome {
    let data = ctx.load(Keep::All)?;
    let asked = reviews
        .iter()
        .map(|r| ctx.review(&data, r))
        .collect::<Outcome<Vec<_>>>()?;
    let reviews = summary::reviews_or_all(&data, asked);
    // Each review is decided and counted on its own (side by side), so
    // only the candidates being counted are held at once; the counts need
    // none of the warnings `evaluate` looks for.
    let counted: Vec<_> = reviews
        .par_iter()
        .map(|&review| {
            let decided = decide(&data, review);
            summary::candidate_rows(&data, review, &decided.candidates, by_unit)
        })
        .collect();
    let rows: Vec<_> = counted.into_iter().flatten().collect();
    let out = match ctx.format {
        Format::Table => summary::table(&data, &rows, by_unit, &ctx.style),
        Format::Csv => summary::csv(&rows, by_unit),
        Format::Json => summary::json(&rows),
    };
    ctx.print(&out)
}
