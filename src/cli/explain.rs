//! `thiduakt explain REVIEW SUBJECT`.

use thiduakt::Lang;
use thiduakt::load::Keep;
use thiduakt::load::details;
use thiduakt::render::{Format, explain};
use thiduakt::rules::evaluate;
use thiduakt::text::suggest;

use crate::cli::{Context, Outcome, Reported};

/// Prints every rule applied to one subject in one review.
pub fn run(ctx: &Context, review: &str, subject: &str) -> Outcome {
    ctx.only_formats(&[Format::Table, Format::Json], "explain")?;
    let data = ctx.load(Keep::review(review))?;
    // The review and the subject the wrong way round: said so, with the
    // right order.
    if data.plan.parse_review(review).is_err() && data.plan.parse_review(subject).is_ok() {
        ctx.error(&match ctx.lang {
            Lang::Vi => format!(
                "\"{review}\" không phải là một đợt xét: đợt xét đứng trước, mã đối tượng đứng sau; ví dụ: thiduakt explain {subject} {review}"
            ),
            Lang::En => format!(
                "\"{review}\" is not a review: the review comes first, then the subject; for example: thiduakt explain {subject} {review}"
            ),
        });
        return Err(Reported);
    }
    let review = ctx.review(&data, review)?;
    let found = data.find_subjects(subject);
    if found.len() > 1 {
        let list: Vec<String> = found
            .iter()
            .map(|s| format!("{} ({})", data.id(*s), data.name(*s)))
            .collect();
        ctx.error(&match ctx.lang {
            Lang::Vi => format!(
                "có {} đối tượng tên \"{subject}\": {}; hãy dùng mã",
                found.len(),
                list.join(", ")
            ),
            Lang::En => format!(
                "{} subjects are named \"{subject}\": {}; give the id",
                found.len(),
                list.join(", ")
            ),
        });
        return Err(Reported);
    }
    let Some(&who) = found.first() else {
        let close = suggest(subject, data.index.sorted());
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
        return Err(Reported);
    };
    let report = evaluate(&data, review, ctx.today);
    // Evidence and references stay on disk until shown.
    let rows: Vec<_> = data
        .achievements
        .iter()
        .filter(|a| a.review == review && a.subject == who)
        .collect();
    let evidence = details::evidence(&data, &ctx.load_options, &rows);
    let mut texts = explain::Texts {
        evidence: rows
            .iter()
            .zip(evidence)
            .filter_map(|(a, e)| Some((a.source, e?)))
            .collect(),
        ..Default::default()
    };
    if let Some(n) = data
        .nominations
        .iter()
        .find(|n| n.review == review && n.subject == who)
    {
        texts.references = details::references(&data, &ctx.load_options, n);
    }
    let out = match ctx.format {
        Format::Json => explain::json(&data, &report, who, &texts, ctx.lang),
        _ => explain::text(&data, &report, who, &texts, ctx.lang, ctx.style.width),
    };
    ctx.print(&out)
}
