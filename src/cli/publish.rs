//! `thiduakt publish REVIEW -o FILE.html`.

use std::path::Path;

use thiduakt::Lang;
use thiduakt::load::Keep;
use thiduakt::render::publish;
use thiduakt::rules::evaluate;

use crate::cli::context::extension;
use crate::cli::{Context, Outcome, Reported, Usage};

/// Writes the review's page for the Department's website.
pub fn run(ctx: &Context, review: &str, output: &Path) -> Outcome {
    let html = matches!(extension(output).as_deref(), Some("html" | "htm"));
    if !html {
        return Err(Usage(match ctx.lang {
            Lang::Vi => format!("{}: trang công bố phải có đuôi .html", output.display()),
            Lang::En => format!("{}: the page must end in .html", output.display()),
        }));
    }
    // The chart reads awards.csv, which is always kept whole.
    let data = ctx.load(Keep::review(review))?;
    let review = ctx.review(&data, review)?;
    let report = evaluate(&data, review, ctx.today);
    let page = match publish::page(&data, &report) {
        Ok(page) => page,
        Err(e) => {
            ctx.error(&e);
            return Err(Reported);
        }
    };
    ctx.write_file(output, page.as_bytes())?;
    ctx.note(&match ctx.lang {
        Lang::Vi => format!("Đã ghi {}", output.display()),
        Lang::En => format!("Wrote {}", output.display()),
    });
    Ok(())
}
