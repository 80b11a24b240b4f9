//! `thiduakt deadlines [REVIEW] [-o FILE]`.

use std::path::Path;

use thiduakt::Lang;
use thiduakt::load::Keep;
use thiduakt::render::{Format, Style, deadlines, ics};

use crate::cli::context::extension;
use crate::cli::{Context, Outcome, Usage};

/// What `-o` writes.
enum Written {
    /// An iCalendar file.
    Ics,
    /// One of the formats of stdout.
    As(Format),
}

/// The format of the output: a file's by its extension (`.ics`, `.csv`,
/// `.json`, `.txt`), as `export` does; stdout's by `--format`.
fn written_as(ctx: &Context, output: Option<&Path>) -> Outcome<Written> {
    let Some(path) = output else {
        return Ok(Written::As(ctx.format));
    };
    let extension = extension(path);
    Ok(match extension.as_deref() {
        Some("ics") => Written::Ics,
        Some("csv") => Written::As(Format::Csv),
        Some("json") => Written::As(Format::Json),
        Some("txt") => Written::As(Format::Table),
        _ => {
            return Err(Usage(match ctx.lang {
                Lang::Vi => format!(
                    "{}: tệp ra phải có đuôi .ics (lịch), .csv, .json hoặc .txt (bảng)",
                    path.display()
                ),
                Lang::En => format!(
                    "{}: the output must end in .ics (a calendar), .csv, .json or .txt (a table)",
                    path.display()
                ),
            }));
        }
    })
}

/// Prints every deadline of the plan (or of one review) and its status, or
/// writes them to a file in the format its extension names.
pub fn run(ctx: &Context, review: Option<&str>, output: Option<&Path>) -> Outcome {
    let written = written_as(ctx, output)?;
    let data = ctx.load(Keep::Nothing)?;
    let only = review.map(|r| ctx.review(&data, r)).transpose()?;
    let plan = &data.plan;
    let selected = plan
        .deadlines
        .iter()
        .filter(|d| only.is_none_or(|r| d.review == r));
    let states = deadlines::states(selected, ctx.today);
    let out = match written {
        Written::Ics => ics::calendar(plan, &states, ctx.today, ctx.lang),
        Written::As(Format::Table) => {
            // A file is read later, elsewhere: no colours, full width.
            let style = match output {
                Some(_) => Style {
                    color: false,
                    width: None,
                    ..ctx.style
                },
                None => ctx.style,
            };
            deadlines::table(plan, &states, ctx.today, &style)
        }
        Written::As(Format::Csv) => deadlines::csv(&states),
        Written::As(Format::Json) => deadlines::json(&states, ctx.today),
    };
    match output {
        Some(path) => ctx.write_file(path, out.as_bytes()),
        None => ctx.print(&out),
    }
}
