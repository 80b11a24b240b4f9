//! `thiduakt export REVIEW -o FILE [--sort rank|name]`.

use std::path::Path;

use thiduakt::Lang;
use thiduakt::load::Keep;
use thiduakt::render::export::{self, SortOrder};
use thiduakt::rules::evaluate;

use crate::cli::args::SortArg;
use crate::cli::context::extension;
use crate::cli::{Context, Outcome, Usage};

/// Writes the nomination list of a review as a document for people: `.csv`
/// (or `-` for CSV on stdout) or `.xlsx`, by the file's extension.
///
/// A file of CSV starts with a BOM, so that Excel reads it as UTF-8; CSV on
/// stdout does not, unless `bom` asks for it: a terminal would show it and
/// the next program of a pipe would read it as part of the first header.
pub fn run(ctx: &Context, review: &str, output: &Path, sort: SortArg, bom: bool) -> Outcome {
    let to_stdout = output == Path::new("-");
    let extension = extension(output);
    let xlsx = match extension.as_deref() {
        _ if to_stdout => false,
        Some("csv") => false,
        Some("xlsx") => true,
        _ => {
            return Err(Usage(match ctx.lang {
                Lang::Vi => format!(
                    "{}: tệp xuất phải có đuôi .csv hoặc .xlsx (hoặc - để in CSV)",
                    output.display()
                ),
                Lang::En => format!(
                    "{}: the output must end in .csv or .xlsx (or be - for CSV on stdout)",
                    output.display()
                ),
            }));
        }
    };
    let data = ctx.load(Keep::review(review))?;
    let review = ctx.review(&data, review)?;
    let report = evaluate(&data, review, ctx.today);
    let sort = match sort {
        SortArg::Rank => SortOrder::Rank,
        SortArg::Name => SortOrder::Name,
    };
    let rows = export::rows(&data, &report, sort, ctx.lang);
    let bytes = if xlsx {
        export::xlsx(&data, &report, &rows, ctx.lang).map_err(anyhow::Error::from)?
    } else {
        export::csv(&rows, ctx.lang)
    };
    if to_stdout {
        let bytes = match bytes.strip_prefix("\u{feff}".as_bytes()) {
            Some(rest) if !bom => rest,
            _ => &bytes[..],
        };
        return ctx.print_bytes(bytes);
    }
    ctx.write_file(output, &bytes)?;
    ctx.note(&match ctx.lang {
        Lang::Vi => format!("Đã ghi {} đề nghị vào {}", rows.len(), output.display()),
        Lang::En => format!(
            "Wrote {} to {}",
            thiduakt::lang::en_count(rows.len() as u64, "nomination", "nominations"),
            output.display()
        ),
    });
    Ok(())
}
