//! `thiduakt validate`.

use thiduakt::load::{Keep, LoadOptions, load};
use thiduakt::render::{Format, validate};

use crate::cli::{Context, Outcome, Reported};

/// Lists every problem of the data folder on stdout; exit code 1 if any is an
/// error. The list is the command's output, so `-q` (which hides warnings on
/// stderr) changes nothing in it: counts, JSON and exit code stay the same.
pub fn run(ctx: &Context) -> Outcome {
    // Every row is checked; none needs keeping.
    let options = LoadOptions {
        keep: Keep::Nothing,
        ..ctx.load_options
    };
    let loaded = load(&ctx.data_dir, &options);
    let diagnostics = loaded.diagnostics;
    let out = match ctx.format {
        Format::Table => validate::text(&diagnostics, ctx.lang, ctx.style.width),
        Format::Csv => validate::csv(&diagnostics, ctx.lang),
        Format::Json => validate::json(&diagnostics, ctx.lang),
    };
    ctx.print(&out)?;
    if diagnostics.iter().any(|d| d.is_error()) {
        return Err(Reported);
    }
    Ok(())
}
