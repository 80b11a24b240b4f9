//! `explain REVIEW SUBJECT`: every rule applied to one subject, with the
//! clause of the plan it comes from.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::lang::Lang;
use crate::model::{Achievement, Dataset, Document, GrantedAward, Nomination, Subject};
use crate::plan::{AwardKind, Criterion, Event, SubjectKind};
use crate::render::json_string;
use crate::render::labels;
use crate::render::table::wrap_lines;
use crate::render::warnings::message;
use crate::review::ReviewType;
use crate::rules::applicability::applicable;
use crate::rules::history::{self, Count, History, Reach};
use crate::rules::{CandidateResult, ReviewReport, Status};

fn iso(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn percent(in_favour: u32, total: u32, lang: Lang) -> String {
    let p = f64::from(in_favour) * 100.0 / f64::from(total.max(1));
    lang.decimal(&format!("{p:.1}"))
}

/// Texts kept on disk that an explanation shows, read by the caller
/// ([`crate::load::details`]): evidence by row, and the dossier's references.
#[derive(Clone, Debug, Default)]
pub struct Texts {
    /// The evidence of achievement rows, by where the row is.
    pub evidence: std::collections::HashMap<crate::model::Source, String>,
    /// The references of the nomination's documents, in [`Document::ALL`] order.
    pub references: [Option<String>; 3],
}

/// What both views of an explanation show, looked up once: the criteria that
/// apply with the subject's row on each, its award history (final review),
/// its nomination and its result.
struct Facts<'a> {
    kind: SubjectKind,
    criteria: Vec<(&'a Criterion, Option<&'a Achievement>)>,
    history: Option<(History, Reach)>,
    awards: Vec<&'a GrantedAward>,
    nomination: Option<&'a Nomination>,
    result: Option<&'a CandidateResult>,
}

impl<'a> Facts<'a> {
    fn of(data: &'a Dataset, report: &'a ReviewReport, subject: Subject) -> Self {
        let plan = &data.plan;
        let review = report.review;
        let kind = data.kind(subject);
        let criteria = applicable(plan, kind, review.review_type())
            .into_iter()
            .map(|id| {
                let row = data
                    .achievements
                    .iter()
                    .find(|a| a.review == review && a.subject == subject && a.criterion == id);
                (plan.criterion(id), row)
            })
            .collect();
        let awards: Vec<&GrantedAward> = data
            .awards
            .iter()
            .filter(|a| a.subject == subject)
            .collect();
        let history = (review.review_type() == ReviewType::Final).then(|| {
            let h = history::history(plan, awards.iter().copied());
            (h, history::reach(plan, h))
        });
        Facts {
            kind,
            criteria,
            history,
            awards,
            nomination: data
                .nominations
                .iter()
                .find(|n| n.review == review && n.subject == subject),
            result: report.candidates.iter().find(|r| r.subject == subject),
        }
    }
}

/// `explain` as text, for people, its lines wrapped at `width` (if any).
pub fn text(
    data: &Dataset,
    report: &ReviewReport,
    subject: Subject,
    texts: &Texts,
    lang: Lang,
    width: Option<usize>,
) -> String {
    wrap_lines(&unwrapped(data, report, subject, texts, lang), width)
}

/// [`text`] on lines of any length.
fn unwrapped(
    data: &Dataset,
    report: &ReviewReport,
    subject: Subject,
    texts: &Texts,
    lang: Lang,
) -> String {
    let plan = &data.plan;
    let review = report.review;
    let facts = Facts::of(data, report, subject);
    let kind = facts.kind;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", data.id(subject), data.name(subject));
    let mut about = vec![
        labels::category_counted(kind.category(), 1, lang).to_string(),
        labels::kind(kind, lang).to_string(),
    ];
    if let Subject::Person(i) = subject {
        let p = &data.people[i as usize];
        let unit = data
            .home_unit(subject)
            .map(|u| format!("{} ({})", u.name, u.id));
        let position = [p.position.as_ref().map(|p| p.to_string()), unit]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        if !position.is_empty() {
            about.push(position);
        }
    }
    let _ = writeln!(out, "{}", about.join(" · "));
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "Đợt xét: {} (tính đến ngày {})",
            labels::review(review, lang),
            lang.date(report.today)
        ),
        Lang::En => writeln!(
            out,
            "Review: {} (as of {})",
            labels::review(review, lang),
            lang.date(report.today)
        ),
    };
    out.push('\n');

    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "[II.1] Đối tượng thi đua: {} — thuộc đối tượng của phong trào.",
            labels::kind(kind, lang)
        ),
        Lang::En => writeln!(
            out,
            "[II.1] Who competes: {} — a subject of the movement.",
            labels::kind(kind, lang)
        ),
    };

    let result = facts.result;
    let clause = facts
        .criteria
        .first()
        .map(|(c, _)| c.clause.clone())
        .unwrap_or_default();
    let count = facts.criteria.len();
    let _ = match lang {
        Lang::Vi => writeln!(out, "[{clause}] Tiêu chí áp dụng ({count}):"),
        Lang::En => writeln!(out, "[{clause}] Criteria that apply ({count}):"),
    };
    for &(c, row) in &facts.criteria {
        let (mark, verdict) = match row.map(|a| a.result) {
            Some(Some(true)) => ("✓", lang.pick("đạt", "met").to_string()),
            Some(Some(false)) => ("✗", lang.pick("không đạt", "not met").to_string()),
            Some(None) => ("✗", lang.pick("chưa đánh giá", "not assessed").to_string()),
            None => (
                "✗",
                lang.pick("không có kết quả", "no result recorded")
                    .to_string(),
            ),
        };
        let score = row
            .and_then(|a| a.score)
            .map(|s| {
                let s = s.to_string();
                let noun = lang.pick("điểm", if s == "1" { "point" } else { "points" });
                format!(" · {} {noun}", lang.decimal(&s))
            })
            .unwrap_or_default();
        let _ = writeln!(out, "  {mark} {} {verdict}{score} — {}", c.code, c.text);
        if let Some(a) = row {
            let evidence = texts
                .evidence
                .get(&a.source)
                .map(|e| format!("{}: {e} ", lang.pick("minh chứng", "evidence")))
                .unwrap_or_default();
            let _ = writeln!(out, "      {evidence}({})", data.locate(a.source));
        }
    }

    // The initiatives the subject's results cite in this review, with the
    // decision that recognised each (Luật TĐKT 2022, khoản 4 Điều 3).
    let cited: Vec<_> = data
        .citations
        .iter()
        .filter(|c| c.review == review && c.subject == subject)
        .collect();
    if !cited.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "[CN1] Sáng kiến được viện dẫn (k4 Đ3 Luật TĐKT 2022):",
                "[CN1] Initiatives cited (Luật TĐKT 2022 k4 Đ3):"
            )
        );
        for c in cited {
            let found = data
                .initiatives
                .iter()
                .flatten()
                .find(|i| i.id == c.initiative);
            let how = match found {
                Some(i) => match (&i.decision, lang) {
                    (Some(d), Lang::Vi) => format!(
                        "{} — công nhận: {}{}",
                        i.title,
                        d,
                        i.recognised_by
                            .as_deref()
                            .map(|b| format!(" ({b})"))
                            .unwrap_or_default()
                    ),
                    (Some(d), Lang::En) => format!(
                        "{} — recognised: {}{}",
                        i.title,
                        d,
                        i.recognised_by
                            .as_deref()
                            .map(|b| format!(" ({b})"))
                            .unwrap_or_default()
                    ),
                    (None, Lang::Vi) => format!("{} — chưa có quyết định công nhận", i.title),
                    (None, Lang::En) => format!("{} — no recognition decision", i.title),
                },
                None => lang
                    .pick("không có trong initiatives.csv", "not in initiatives.csv")
                    .to_string(),
            };
            let _ = writeln!(
                out,
                "  {} {} {how} ({})",
                if found.is_some_and(|i| i.recognised()) {
                    "✓"
                } else {
                    "·"
                },
                c.initiative,
                data.locate(c.source)
            );
        }
    }

    if let Some((h, reach)) = facts.history {
        let yes_no = |b: bool| {
            if b {
                lang.pick("đạt", "reached")
            } else {
                lang.pick("chưa đạt", "not reached")
            }
        };
        let _ = match lang {
            Lang::Vi => writeln!(
                out,
                "[{}] Khen thưởng về {} trong giai đoạn: {} Bằng khen, {} Giấy khen → mức cấp tỉnh {}; mức cấp Sở {}",
                plan.history.clause,
                plan.field,
                h.bang_khen,
                h.giay_khen,
                yes_no(reach.provincial),
                yes_no(reach.department)
            ),
            Lang::En => writeln!(
                out,
                "[{}] Awards in {} within the period: {} Bằng khen, {} Giấy khen → provincial tier {}; department tier {}",
                plan.history.clause,
                plan.field,
                h.bang_khen,
                h.giay_khen,
                yes_no(reach.provincial),
                yes_no(reach.department)
            ),
        };
        for &a in &facts.awards {
            let count = history::count(plan, a);
            let counted = count == Count::Counts;
            let why = match (count, lang) {
                (Count::Counts, Lang::Vi) => match a.review {
                    Some(_) => " (tính: thành tích trong giai đoạn, NĐ 98/2023 k9 Đ30)".into(),
                    None => " (tính: quyết định trong giai đoạn)".into(),
                },
                (Count::Counts, Lang::En) => match a.review {
                    Some(_) => " (counted: an achievement of the period, NĐ 98/2023 k9 Đ30)".into(),
                    None => " (counted: decided within the period)".into(),
                },
                (Count::OtherField, Lang::Vi) => " (không tính: khác lĩnh vực)".to_string(),
                (Count::OtherField, Lang::En) => " (not counted: another field)".into(),
                (Count::Revoked, Lang::Vi) => " (không tính: quyết định đã bị thu hồi)".into(),
                (Count::Revoked, Lang::En) => " (not counted: the decision was revoked)".into(),
                (Count::OutsidePeriod, Lang::Vi) => match a.review {
                    Some(_) => {
                        " (không tính: thành tích ngoài giai đoạn, NĐ 98/2023 k9 Đ30)".into()
                    }
                    None => " (không tính: quyết định ngoài giai đoạn)".into(),
                },
                (Count::OutsidePeriod, Lang::En) => match a.review {
                    Some(_) => {
                        " (not counted: an achievement outside the period, NĐ 98/2023 k9 Đ30)"
                            .into()
                    }
                    None => " (not counted: decided outside the period)".into(),
                },
                (Count::Undated, Lang::Vi) => {
                    " (không tính: không rõ đợt xét và ngày quyết định)".into()
                }
                (Count::Undated, Lang::En) => {
                    " (not counted: neither its review nor its date is known)".into()
                }
            };
            let _ = writeln!(
                out,
                "  {} {} {} {} {} {}{why}",
                if counted { "✓" } else { "·" },
                a.review.map(|r| r.code()).unwrap_or_else(|| "–".into()),
                labels::award_short(a.award, lang),
                a.field,
                a.decision.as_deref().unwrap_or("–"),
                a.date.map(|d| lang.date(d)).unwrap_or_else(|| "–".into()),
            );
        }
    }

    let nomination = facts.nomination;
    match nomination.and_then(|n| n.votes) {
        Some(v) => {
            let _ = match lang {
                Lang::Vi => writeln!(
                    out,
                    "[IV.1] Biểu quyết của Hội đồng: {}/{} phiếu đồng ý ({} %)",
                    v.in_favour,
                    v.total,
                    percent(v.in_favour, v.total, lang)
                ),
                Lang::En => writeln!(
                    out,
                    "[IV.1] Council vote: {}/{} in favour ({} %)",
                    v.in_favour,
                    v.total,
                    percent(v.in_favour, v.total, lang)
                ),
            };
        }
        None => {
            let _ = writeln!(
                out,
                "[IV.1] {}",
                lang.pick("Hội đồng chưa bỏ phiếu.", "The council has not voted.")
            );
        }
    }
    if let Some(policy) = &plan.votes {
        let _ = match lang {
            Lang::Vi => writeln!(
                out,
                "       ngưỡng của kế hoạch: từ {} % số phiếu",
                policy.min_percent
            ),
            Lang::En => writeln!(
                out,
                "       the plan's threshold: at least {} % of the votes",
                policy.min_percent
            ),
        };
    }

    out.push('\n');
    match result {
        None => {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    "=> Không phải ứng viên của đợt xét này (không có trong danh sách đề nghị).",
                    "=> Not a candidate of this review (not nominated)."
                )
            );
        }
        Some(r) => explain_outcome(&mut out, data, report, r, lang),
    }

    if let Some(n) = nomination {
        out.push('\n');
        let docs: Vec<String> = Document::ALL
            .iter()
            .zip(&texts.references)
            .map(|(d, reference)| {
                format!(
                    "{} {}",
                    labels::document(*d, lang),
                    reference.as_deref().unwrap_or("—")
                )
            })
            .collect();
        let _ = match lang {
            Lang::Vi => writeln!(out, "[IV.2] Hồ sơ: {}", docs.join(" · ")),
            Lang::En => writeln!(out, "[IV.2] Dossier: {}", docs.join(" · ")),
        };
        let deadline = plan.deadline(review, Event::UnitSubmission);
        let received = n
            .received
            .map(|d| lang.date(d))
            .unwrap_or_else(|| lang.pick("chưa nhận", "not received").into());
        let due = deadline
            .map(|d| format!("{} {}", lang.pick("trước", "before"), lang.date(d.date)))
            .unwrap_or_else(|| "–".into());
        let _ = match lang {
            Lang::Vi => writeln!(
                out,
                "[IV.3] Ngày nhận: {received}; hạn: {due} ({})",
                data.locate(n.source)
            ),
            Lang::En => writeln!(
                out,
                "[IV.3] Received: {received}; due: {due} ({})",
                data.locate(n.source)
            ),
        };
    }
    let warnings: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.subject == Some(subject))
        .collect();
    if !warnings.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", lang.pick("Cảnh báo:", "Warnings:"));
        for w in warnings {
            let _ = writeln!(out, "- {} [{}]", message(data, w, lang), w.code().code());
        }
    }
    out
}

fn explain_outcome(
    out: &mut String,
    data: &Dataset,
    report: &ReviewReport,
    r: &CandidateResult,
    lang: Lang,
) {
    let plan = &data.plan;
    if r.status == Status::Ineligible {
        let missing: Vec<String> = r
            .missing
            .iter()
            .map(|m| labels::missing(m, plan, lang))
            .collect();
        let _ = match lang {
            Lang::Vi => writeln!(out, "=> Không đủ điều kiện: thiếu {}.", missing.join(", ")),
            Lang::En => writeln!(out, "=> Not eligible: missing {}.", missing.join(", ")),
        };
        return;
    }
    let _ = writeln!(out, "=> {}", lang.pick("Đủ điều kiện.", "Eligible."));
    let eligible = report
        .candidates
        .iter()
        .filter(|c| c.category() == r.category() && c.status != Status::Ineligible)
        .count();
    let category = labels::category_counted(r.category(), eligible, lang).to_lowercase();
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "[IV.1] Xếp hạng: {} trên {eligible} {category} đủ điều kiện (theo tỷ lệ phiếu, rồi tổng điểm {}, rồi mã).",
            r.rank.unwrap_or(0),
            lang.decimal(&r.score.to_string())
        ),
        Lang::En => writeln!(
            out,
            "[IV.1] Rank: {} of {eligible} eligible {category} (by vote share, then total score {}, then id).",
            r.rank.unwrap_or(0),
            r.score
        ),
    };
    let quota = |award: AwardKind| {
        report
            .quotas
            .iter()
            .find(|q| q.category == r.category() && q.award == award)
            .map(|q| (q.used, q.quota))
            .unwrap_or((0, 0))
    };
    let entitled_clause = match report.review.review_type() {
        ReviewType::Final => &plan.history.clause,
        ReviewType::Annual => &plan.giay_khen.clause,
    };
    let entitled: Vec<&str> = AwardKind::ALL
        .into_iter()
        .filter(|a| r.entitlement.allows(*a))
        .map(|a| labels::award_short(a, lang))
        .collect();
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "[{}] Được xét: {}",
            entitled_clause,
            if entitled.is_empty() {
                "—".to_string()
            } else {
                entitled.join(", ")
            }
        ),
        Lang::En => writeln!(
            out,
            "[{}] May take: {}",
            entitled_clause,
            if entitled.is_empty() {
                "—".to_string()
            } else {
                entitled.join(", ")
            }
        ),
    };
    let quotas: Vec<String> = AwardKind::ALL
        .into_iter()
        .map(|a| {
            let (used, total) = quota(a);
            format!("{} {used}/{total}", labels::award_short(a, lang))
        })
        .collect();
    let outcome = match (r.award, lang) {
        (Some(a), Lang::Vi) => format!("đề nghị {}", labels::award(a, lang)),
        (Some(a), Lang::En) => format!("proposed for the {}", labels::award(a, lang)),
        (None, Lang::Vi) => "vượt chỉ tiêu".into(),
        (None, Lang::En) => "over quota".into(),
    };
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "[{}] Phân bổ: {outcome} (chỉ tiêu đã dùng: {}).",
            plan.giay_khen.clause,
            quotas.join(", ")
        ),
        Lang::En => writeln!(
            out,
            "[{}] Allocation: {outcome} (quota used: {}).",
            plan.giay_khen.clause,
            quotas.join(", ")
        ),
    };
}

/// `explain --format json`.
pub fn json(
    data: &Dataset,
    report: &ReviewReport,
    subject: Subject,
    texts: &Texts,
    lang: Lang,
) -> String {
    let plan = &data.plan;
    let review = report.review;
    let facts = Facts::of(data, report, subject);
    let kind = facts.kind;
    let criteria: Vec<Value> = facts
        .criteria
        .iter()
        .map(|&(c, row)| {
            json!({
                "code": c.code,
                "clause": c.clause,
                "text": c.text,
                "result": row.map(|a| match a.result { Some(true) => "met", Some(false) => "not_met", None => "not_assessed" }).unwrap_or("no_result"),
                "score": row.and_then(|a| a.score).map(|s| s.as_f64()),
                "evidence": row.and_then(|a| texts.evidence.get(&a.source)),
                "source": row.map(|a| data.locate(a.source)),
            })
        })
        .collect();
    let result = facts.result;
    let history = facts.history.map(|(h, reach)| {
        let awards: Vec<Value> = facts
            .awards
            .iter()
            .map(|a| {
                json!({
                    "review": a.review.map(|r| r.code()),
                    "award": a.award.code(),
                    "field": a.field,
                    "decision": a.decision,
                    "date": a.date.map(iso),
                    "counted": history::counts(plan, a),
                    "revoked": a.revoked.is_some(),
                })
            })
            .collect();
        json!({
            "bang_khen": h.bang_khen,
            "giay_khen": h.giay_khen,
            "provincial_tier": reach.provincial,
            "department_tier": reach.department,
            "awards": awards,
        })
    });
    let dossier = facts.nomination.map(|n| {
        json!({
            "received": n.received.map(iso),
            "to_trinh": texts.references[0],
            "bien_ban": texts.references[1],
            "bao_cao": texts.references[2],
            "votes_for": n.votes.map(|v| v.in_favour),
            "votes_total": n.votes.map(|v| v.total),
            "source": data.locate(n.source),
        })
    });
    let warnings: Vec<Value> = report
        .warnings
        .iter()
        .filter(|w| w.subject == Some(subject))
        .map(|w| json!({ "code": w.code().code(), "message": message(data, w, lang) }))
        .collect();
    json_string(&json!({
        "review": review.code(),
        "today": iso(report.today),
        "subject": data.id(subject),
        "name": data.name(subject),
        "kind": kind.code(),
        "category": kind.category().code(),
        "candidate": result.is_some(),
        "criteria": criteria,
        "history": history,
        "dossier": dossier,
        "status": result.map(|r| r.status.code()),
        "missing": result.map(|r| r.missing.iter().map(|m| m.code(plan).to_string()).collect::<Vec<_>>()),
        "rank": result.and_then(|r| r.rank),
        "award": result.and_then(|r| r.award).map(AwardKind::code),
        "may_take": result.map(|r| AwardKind::ALL.into_iter().filter(|a| r.entitlement.allows(*a)).map(AwardKind::code).collect::<Vec<_>>()),
        "score": result.map(|r| r.score.as_f64()),
        "warnings": warnings,
    }))
}
