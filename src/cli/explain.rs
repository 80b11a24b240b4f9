//! `thiduakt explain REVIEW SUBJECT`.

use thiduakt::Lang;
use thiduakt::render::{Format, explain};
use thiduakt::rules::evaluate;
use thiduakt::text::suggest;

use crate::cli::{Context, Reported};

/// Prints every rule applied to one subject in one review.
pub fn run(ctx: &Context, review: &str, subject: &str) -> anyhow::Result<()> {
    ctx.only_formats(&[Format::Table, Format::Json], "explain")?;
    let data = ctx.load()?;
    let review = ctx.review(&data, review)?;
    let Some(who) = data.subject(subject.trim()) else {
        let close = suggest(subject, data.index.keys().map(String::as_str));
        let mut message = match ctx.lang {
            Lang::Vi => format!("không có tập thể hay cá nhân nào mã \"{subject}\""),
            Lang::En => format!("no unit or person has the id \"{subject}\""),
        };
        if let Some(close) = close {
            message.push_str(&match ctx.lang {
                Lang::Vi => format!("; có phải là \"{close}\"?"),
                Lang::En => format!("; did you mean \"{close}\"?"),
            });
        }
        ctx.error(&message);
        return Err(Reported.into());
    };
    let report = evaluate(&data, review, ctx.today);
    let out = match ctx.format {
        Format::Json => explain::json(&data, &report, who, ctx.lang),
        _ => explain::text(&data, &report, who, ctx.lang),
    };
    ctx.print(&out)
}
