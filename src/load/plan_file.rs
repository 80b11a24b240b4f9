//! `plan.toml`: the plan as data, read and checked.
//!
//! The schema is documented in the README. Unknown keys are errors (a typo
//! must not silently drop a rule); every value is checked, and every problem
//! is located to its line.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use toml::{Spanned, Value};

use crate::diag::{Diagnostic, Problem};
use crate::load::position::{Lines, at_span};
use crate::load::source::TextFile;
use crate::load::values;
use crate::plan::documents::{DocumentsOverride, MultipleStep, SalaryStep};
use crate::plan::{
    AwardKind, Category, Criterion, Deadline, Denominator, Documents, Event, GiayKhenRule,
    HistoryRule, Plan, Prize, Quota, SubjectKind, Tier, VotePolicy,
};
use crate::review::{Review, ReviewType};
use crate::text::{fold, suggest};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    plan: RawHeader,
    #[serde(default)]
    criterion: Vec<RawCriterion>,
    final_history: RawHistory,
    giay_khen: RawGiayKhen,
    #[serde(default)]
    provincial_quota: BTreeMap<String, Spanned<RawQuota>>,
    deadlines: RawDeadlines,
    votes: Option<RawVotes>,
    documents: Option<RawDocuments>,
    prize: Option<RawPrize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocuments {
    issuer: Option<Spanned<String>>,
    superior: Option<Spanned<String>>,
    symbol: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    signer_title: Option<Spanned<String>>,
    council: Option<Spanned<String>>,
    recipient: Option<Spanned<String>>,
    field_text: Option<Spanned<String>>,
    #[serde(default)]
    can_cu: BTreeMap<String, Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    by_review: BTreeMap<String, Spanned<RawDocumentsOverride>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocumentsOverride {
    issuer: Option<Spanned<String>>,
    superior: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    recipient: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrize {
    #[serde(default)]
    base_salary: Vec<Spanned<RawSalary>>,
    #[serde(default)]
    multiple: Vec<Spanned<RawMultiple>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSalary {
    from: Spanned<Value>,
    amount: Spanned<i64>,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMultiple {
    from: Spanned<Value>,
    source: Option<String>,
    giay_khen: Option<RawMultiplePair>,
    bang_khen: Option<RawMultiplePair>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMultiplePair {
    individual: Option<Spanned<Value>>,
    collective: Option<Spanned<Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    name: String,
    short_name: Option<String>,
    issuer: Option<String>,
    period: RawPeriod,
    annual_reviews: Vec<Spanned<i64>>,
    field: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    start: Spanned<Value>,
    end: Spanned<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    code: Spanned<String>,
    clause: Option<String>,
    review: Spanned<String>,
    applies_to: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHistory {
    clause: Option<String>,
    provincial: Spanned<RawTier>,
    department: Spanned<RawTier>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTier {
    bang_khen: Option<Spanned<i64>>,
    giay_khen: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGiayKhen {
    clause: Option<String>,
    annual: RawQuota,
    #[serde(rename = "final")]
    final_review: RawQuota,
    #[serde(default)]
    not_for: Vec<Spanned<String>>,
    signer: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuota {
    collectives: Spanned<i64>,
    individuals: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadlines {
    clause: Option<String>,
    exclusive: Option<bool>,
    warn_days: Option<Spanned<i64>>,
    #[serde(default)]
    annual: BTreeMap<String, Spanned<Value>>,
    #[serde(rename = "final", default)]
    final_review: BTreeMap<String, Spanned<Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVotes {
    min_percent: Spanned<i64>,
    denominator: Option<Spanned<String>>,
    members: Option<Spanned<i64>>,
}

/// Collects a file's problems while a plan is checked.
struct Checker<'f> {
    file: &'f TextFile,
    diags: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn bad(
        &mut self,
        span: Range<usize>,
        key: &str,
        value: String,
        expected_vi: &str,
        expected_en: &str,
    ) {
        self.diags.push(at_span(
            self.file,
            span,
            Problem::PlanValue {
                key: key.to_string(),
                value,
                expected_vi: expected_vi.to_string(),
                expected_en: expected_en.to_string(),
            },
        ));
    }

    fn count(&mut self, v: &Spanned<i64>, key: &str) -> u32 {
        match u32::try_from(*v.get_ref()) {
            Ok(n) => n,
            Err(_) => {
                self.bad(
                    v.span(),
                    key,
                    v.get_ref().to_string(),
                    "một số nguyên không âm",
                    "a whole number, 0 or more",
                );
                0
            }
        }
    }

    fn quota(&mut self, q: &RawQuota, key: &str) -> Quota {
        Quota {
            collectives: self.count(&q.collectives, &format!("{key}.collectives")),
            individuals: self.count(&q.individuals, &format!("{key}.individuals")),
        }
    }

    fn date(&mut self, v: &Spanned<Value>, key: &str) -> Option<NaiveDate> {
        let parsed = match v.get_ref() {
            Value::Datetime(dt) => dt.date.and_then(|d| {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            }),
            Value::String(s) => values::date(s).ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.bad(
                v.span(),
                key,
                value_text(v.get_ref()),
                "một ngày: 2026-03-15 hoặc \"15/03/2026\"",
                "a date: 2026-03-15 or \"15/03/2026\"",
            );
        }
        parsed
    }

    fn kind(&mut self, v: &Spanned<String>, key: &str) -> Option<SubjectKind> {
        let kind = SubjectKind::parse(v.get_ref());
        if kind.is_none() {
            let codes: Vec<&str> = SubjectKind::all().map(SubjectKind::code).collect();
            let hint = suggest(v.get_ref(), codes.iter().copied())
                .map(|s| format!(" (\"{s}\"?)"))
                .unwrap_or_default();
            self.bad(
                v.span(),
                key,
                format!("\"{}\"{hint}", v.get_ref()),
                &format!("một trong: {}", codes.join(", ")),
                &format!("one of: {}", codes.join(", ")),
            );
        }
        kind
    }

    fn tier(&mut self, t: &Spanned<RawTier>, key: &str) -> Tier {
        let raw = t.get_ref();
        if raw.bang_khen.is_none() && raw.giay_khen.is_none() {
            self.bad(
                t.span(),
                key,
                "{}".into(),
                "ít nhất một mức: bang_khen = N hoặc giay_khen = N",
                "at least one minimum: bang_khen = N or giay_khen = N",
            );
        }
        Tier {
            bang_khen: raw
                .bang_khen
                .as_ref()
                .map(|v| self.count(v, &format!("{key}.bang_khen"))),
            giay_khen: raw
                .giay_khen
                .as_ref()
                .map(|v| self.count(v, &format!("{key}.giay_khen"))),
        }
    }
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

/// A deadline's value: a date (or for annual ones "DD/MM"), alone or in a
/// table with `date`, `exclusive` and `clause`.
struct DeadlineValue<'v> {
    date: &'v Value,
    exclusive: Option<bool>,
    clause: Option<String>,
}

fn deadline_value(v: &Value) -> Option<DeadlineValue<'_>> {
    match v {
        Value::Table(t) => {
            if t.keys()
                .any(|k| !matches!(k.as_str(), "date" | "exclusive" | "clause"))
            {
                return None;
            }
            let exclusive = match t.get("exclusive") {
                None => None,
                Some(Value::Boolean(b)) => Some(*b),
                Some(_) => return None,
            };
            let clause = match t.get("clause") {
                None => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => return None,
            };
            Some(DeadlineValue {
                date: t.get("date")?,
                exclusive,
                clause,
            })
        }
        other => Some(DeadlineValue {
            date: other,
            exclusive: None,
            clause: None,
        }),
    }
}

/// Reads `"15/03"` (day/month of the year after an annual review).
fn day_month(v: &Value) -> Option<(u32, u32)> {
    let Value::String(s) = v else { return None };
    let (d, m) = s.trim().split_once('/')?;
    let d: u32 = d.trim().parse().ok()?;
    let m: u32 = m.trim().parse().ok()?;
    // 2024 is a leap year: any real day and month exists in it.
    NaiveDate::from_ymd_opt(2024, m, d).map(|_| (d, m))
}

/// Parses and checks a plan. All problems are returned at once.
pub fn parse_plan(file: &TextFile) -> Result<(Plan, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = crate::text::nfc(&file.text).into_owned();
    let normalised = TextFile {
        shown: file.shown.clone(),
        text,
    };
    let file = &normalised;
    let raw: RawPlan = match toml::from_str(&file.text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            return Err(vec![at_span(file, span, Problem::Toml { message })]);
        }
    };
    let mut c = Checker {
        file,
        diags: Vec::new(),
    };

    let start = c.date(&raw.plan.period.start, "plan.period.start");
    let end = c.date(&raw.plan.period.end, "plan.period.end");
    // Without a valid period, the checks that depend on it (annual reviews
    // within it, the final review's key) are skipped: their errors would
    // only repeat this one.
    let (start, end, period_ok) = match (start, end) {
        (Some(s), Some(e)) if s < e => (s, e, true),
        (Some(s), Some(e)) => {
            c.bad(
                raw.plan.period.end.span(),
                "plan.period.end",
                e.to_string(),
                &format!("một ngày sau ngày bắt đầu {s}"),
                &format!("a date after the start {s}"),
            );
            (s, e, false)
        }
        _ => (NaiveDate::MIN, NaiveDate::MAX, false),
    };

    let mut annual_reviews = Vec::new();
    for y in &raw.plan.annual_reviews {
        let year = i32::try_from(*y.get_ref()).ok().filter(|y| {
            let (first, last) = if period_ok {
                (start.year(), end.year())
            } else {
                (NaiveDate::MIN.year(), NaiveDate::MAX.year())
            };
            (first..=last).contains(y)
        });
        match year {
            Some(year) if annual_reviews.contains(&year) => c.bad(
                y.span(),
                "plan.annual_reviews",
                year.to_string(),
                "mỗi năm một lần",
                "each year once",
            ),
            Some(year) => annual_reviews.push(year),
            None => c.bad(
                y.span(),
                "plan.annual_reviews",
                y.get_ref().to_string(),
                &format!("một năm trong giai đoạn {}–{}", start.year(), end.year()),
                &format!("a year within the period {}–{}", start.year(), end.year()),
            ),
        }
    }
    annual_reviews.sort_unstable();

    let field = fold(raw.plan.field.get_ref());
    if field.is_empty() {
        c.bad(
            raw.plan.field.span(),
            "plan.field",
            "\"\"".into(),
            "tên lĩnh vực, vd. \"cchc\"",
            "a field name, e.g. \"cchc\"",
        );
    }

    let mut criteria = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut lines = Lines::new(&file.text);
    for rc in &raw.criterion {
        let code = rc.code.get_ref().trim().to_string();
        let line = lines.line(rc.code.span().start);
        if code.is_empty() {
            c.bad(
                rc.code.span(),
                "criterion.code",
                "\"\"".into(),
                "một mã, vd. \"TT1\"",
                "a code, e.g. \"TT1\"",
            );
            continue;
        }
        if let Some(first_line) = seen.get(&code) {
            c.diags.push(at_span(
                file,
                rc.code.span(),
                Problem::DuplicateCriterion {
                    code,
                    first_line: *first_line,
                },
            ));
            continue;
        }
        seen.insert(code.clone(), line);
        let review = match fold(rc.review.get_ref()).as_str() {
            "annual" | "hangnam" | "hangnăm" => ReviewType::Annual,
            "final" | "tongket" => ReviewType::Final,
            _ => {
                c.bad(
                    rc.review.span(),
                    "criterion.review",
                    format!("\"{}\"", rc.review.get_ref()),
                    "\"annual\" (hằng năm) hoặc \"final\" (tổng kết)",
                    "\"annual\" or \"final\"",
                );
                continue;
            }
        };
        let mut applies_to = Vec::new();
        for k in rc.applies_to.get_ref() {
            if let Some(kind) = c.kind(k, "criterion.applies_to")
                && !applies_to.contains(&kind)
            {
                applies_to.push(kind);
            }
        }
        if rc.applies_to.get_ref().is_empty() {
            c.bad(
                rc.applies_to.span(),
                "criterion.applies_to",
                "[]".into(),
                "ít nhất một loại đối tượng",
                "at least one kind of subject",
            );
        }
        criteria.push(Criterion {
            code,
            clause: rc.clause.clone().unwrap_or_default(),
            review,
            applies_to,
            text: rc.text.trim().to_string(),
        });
    }
    if criteria.len() > usize::from(u16::MAX) {
        c.diags.push(Diagnostic::error(
            Some(file.shown.clone()),
            Problem::Toml {
                message: "too many criteria".into(),
            },
        ));
    }

    let history = HistoryRule {
        clause: raw.final_history.clause.clone().unwrap_or_default(),
        provincial: c.tier(&raw.final_history.provincial, "final_history.provincial"),
        department: c.tier(&raw.final_history.department, "final_history.department"),
    };

    let not_for = raw
        .giay_khen
        .not_for
        .iter()
        .filter_map(|k| c.kind(k, "giay_khen.not_for"))
        .collect();
    let giay_khen = GiayKhenRule {
        clause: raw.giay_khen.clause.clone().unwrap_or_default(),
        annual: c.quota(&raw.giay_khen.annual, "giay_khen.annual"),
        final_review: c.quota(&raw.giay_khen.final_review, "giay_khen.final"),
        not_for,
        signer: raw
            .giay_khen
            .signer
            .as_ref()
            .map(|s| crate::text::nfc(s.get_ref().trim()).into_owned())
            .filter(|s| !s.is_empty()),
        signer_span: raw.giay_khen.signer.as_ref().map(|s| s.span()),
    };

    let final_review = Review::Final(start.year(), end.year());
    let mut provincial_quota = BTreeMap::new();
    for (key, q) in &raw.provincial_quota {
        let review = key.parse::<Review>().ok().filter(|r| match r {
            Review::Annual(y) => annual_reviews.contains(y),
            Review::Final(..) => !period_ok || *r == final_review,
        });
        let quota = c.quota(q.get_ref(), &format!("provincial_quota.{key}"));
        match review {
            Some(review) => {
                provincial_quota.insert(review, quota);
            }
            None => {
                let reviews: Vec<String> = annual_reviews
                    .iter()
                    .map(|y| y.to_string())
                    .chain([format!("\"{final_review}\"")])
                    .collect();
                c.bad(
                    q.span(),
                    "provincial_quota",
                    format!("\"{key}\""),
                    &format!("một đợt xét của kế hoạch: {}", reviews.join(", ")),
                    &format!("a review of the plan: {}", reviews.join(", ")),
                );
            }
        }
    }

    let exclusive = raw.deadlines.exclusive.unwrap_or(true);
    let deadline_clause = raw.deadlines.clause.clone().unwrap_or_default();
    let warn_days = match &raw.deadlines.warn_days {
        Some(v) => c.count(v, "deadlines.warn_days"),
        None => 14,
    };
    let events: Vec<&str> = Event::ALL.iter().map(|e| e.code()).collect();
    let mut deadlines = Vec::new();
    for (section, table) in [
        ("annual", &raw.deadlines.annual),
        ("final", &raw.deadlines.final_review),
    ] {
        for (key, v) in table {
            let key_path = format!("deadlines.{section}.{key}");
            let Some(event) = Event::parse(key) else {
                c.bad(
                    v.span(),
                    &format!("deadlines.{section}"),
                    format!("\"{key}\""),
                    &format!("một trong: {}", events.join(", ")),
                    &format!("one of: {}", events.join(", ")),
                );
                continue;
            };
            let Some(dv) = deadline_value(v.get_ref()) else {
                c.bad(
                    v.span(),
                    &key_path,
                    value_text(v.get_ref()),
                    "một ngày, hoặc { date = ..., exclusive = true|false, clause = \"...\" }",
                    "a date, or { date = ..., exclusive = true|false, clause = \"...\" }",
                );
                continue;
            };
            let clause = dv.clause.clone().unwrap_or_else(|| deadline_clause.clone());
            let exclusive = dv.exclusive.unwrap_or(exclusive);
            if section == "annual" {
                let Some((day, month)) = day_month(dv.date) else {
                    c.bad(
                        v.span(),
                        &key_path,
                        value_text(dv.date),
                        "ngày/tháng của năm liền sau năm xét, vd. \"15/03\"",
                        "day/month of the year after the review year, e.g. \"15/03\"",
                    );
                    continue;
                };
                for &year in &annual_reviews {
                    match NaiveDate::from_ymd_opt(year + 1, month, day) {
                        Some(date) => deadlines.push(Deadline {
                            review: Review::Annual(year),
                            event,
                            date,
                            exclusive,
                            clause: clause.clone(),
                        }),
                        None => {
                            // Once for the value, not once per review.
                            c.bad(
                                v.span(),
                                &key_path,
                                format!("{day:02}/{month:02}/{}", year + 1),
                                "một ngày có trong mọi năm",
                                "a day that exists every year",
                            );
                            break;
                        }
                    }
                }
            } else {
                let as_spanned = Spanned::new(v.span(), dv.date.clone());
                if let Some(date) = c.date(&as_spanned, &key_path) {
                    deadlines.push(Deadline {
                        review: final_review,
                        event,
                        date,
                        exclusive,
                        clause,
                    });
                }
            }
        }
    }
    deadlines.sort_by_key(|d| (d.date, d.review, d.event));

    let votes = raw.votes.as_ref().map(|v| {
        let min_percent = c.count(&v.min_percent, "votes.min_percent");
        if min_percent > 100 {
            c.bad(
                v.min_percent.span(),
                "votes.min_percent",
                min_percent.to_string(),
                "từ 0 đến 100",
                "from 0 to 100",
            );
        }
        let denominator = match v.denominator.as_ref().map(|d| fold(d.get_ref())) {
            None => Denominator::Present,
            Some(d) if d == "present" || d == "comat" => Denominator::Present,
            Some(d) if d == "members" || d == "thanhvien" => match &v.members {
                Some(m) if *m.get_ref() > 0 => Denominator::Members(c.count(m, "votes.members")),
                Some(m) => {
                    c.bad(
                        m.span(),
                        "votes.members",
                        m.get_ref().to_string(),
                        "số thành viên Hội đồng, > 0",
                        "the council's size, > 0",
                    );
                    Denominator::Present
                }
                None => {
                    c.bad(
                        v.min_percent.span(),
                        "votes.members",
                        "(không có)".into(),
                        "members = số thành viên Hội đồng",
                        "members = the council's size",
                    );
                    Denominator::Present
                }
            },
            Some(_) => {
                let d = v
                    .denominator
                    .as_ref()
                    .map(|d| (d.span(), d.get_ref().clone()));
                if let Some((span, text)) = d {
                    c.bad(
                        span,
                        "votes.denominator",
                        format!("\"{text}\""),
                        "\"present\" hoặc \"members\"",
                        "\"present\" or \"members\"",
                    );
                }
                Denominator::Present
            }
        };
        VotePolicy {
            min_percent,
            denominator,
        }
    });

    let documents = raw
        .documents
        .as_ref()
        .map(|d| documents(&mut c, d, &annual_reviews, final_review, period_ok));
    let prize = raw.prize.as_ref().map(|p| prize(&mut c, p));

    let plan = Plan {
        name: raw.plan.name.trim().to_string(),
        short_name: raw
            .plan
            .short_name
            .clone()
            .unwrap_or_else(|| raw.plan.name.clone()),
        issuer: raw.plan.issuer.clone().unwrap_or_default(),
        start,
        end,
        annual_reviews,
        field,
        criteria,
        history,
        giay_khen,
        provincial_quota,
        deadlines,
        warn_days,
        votes,
        documents,
        prize,
    };

    if c.diags.iter().any(Diagnostic::is_error) {
        return Err(c.diags);
    }
    let mut warnings = c.diags;
    for review in [ReviewType::Annual, ReviewType::Final] {
        for kind in SubjectKind::all() {
            if !plan.criteria.iter().any(|cr| cr.applies(kind, review)) {
                let review = if review == ReviewType::Annual {
                    "annual"
                } else {
                    "final"
                };
                warnings.push(
                    Diagnostic::error(
                        Some(file.shown.clone()),
                        Problem::KindWithoutCriteria {
                            kind: kind.code(),
                            review,
                        },
                    )
                    .warning(),
                );
            }
        }
    }
    Ok((plan, warnings))
}

/// A review key of a per-review table (`"2021"`, `"2021-2025"`), checked
/// against the plan's reviews.
fn review_key(
    c: &mut Checker<'_>,
    key: &str,
    span: Range<usize>,
    table: &str,
    annual_reviews: &[i32],
    final_review: Review,
    period_ok: bool,
) -> Option<Review> {
    let review = key.parse::<Review>().ok().filter(|r| match r {
        Review::Annual(y) => annual_reviews.contains(y),
        Review::Final(..) => !period_ok || *r == final_review,
    });
    if review.is_none() {
        let reviews: Vec<String> = annual_reviews
            .iter()
            .map(|y| format!("\"{y}\""))
            .chain([format!("\"{final_review}\"")])
            .collect();
        c.bad(
            span,
            table,
            format!("\"{key}\""),
            &format!("một đợt xét của kế hoạch: {}", reviews.join(", ")),
            &format!("a review of the plan: {}", reviews.join(", ")),
        );
    }
    review
}

/// A text of `[documents]`: trimmed, and not empty when given.
fn document_text(c: &mut Checker<'_>, v: &Option<Spanned<String>>, key: &str) -> Option<String> {
    let v = v.as_ref()?;
    let text = v.get_ref().trim();
    if text.is_empty() {
        c.bad(
            v.span(),
            key,
            "\"\"".into(),
            "một đoạn chữ không rỗng",
            "a text that is not empty",
        );
        return None;
    }
    Some(text.to_string())
}

/// Reads `[documents]`. Keys left out stay empty: the drafts then print a
/// blank for the clerk to fill.
fn documents(
    c: &mut Checker<'_>,
    d: &RawDocuments,
    annual_reviews: &[i32],
    final_review: Review,
    period_ok: bool,
) -> Documents {
    let mut text = |v: &Option<Spanned<String>>, key: &str| {
        document_text(c, v, &format!("documents.{key}")).unwrap_or_default()
    };
    let mut out = Documents {
        issuer: text(&d.issuer, "issuer"),
        superior: text(&d.superior, "superior"),
        symbol: text(&d.symbol, "symbol"),
        place: text(&d.place, "place"),
        signer_title: text(&d.signer_title, "signer_title"),
        council: text(&d.council, "council"),
        recipient: text(&d.recipient, "recipient"),
        field_text: text(&d.field_text, "field_text"),
        ..Documents::default()
    };
    if let Some(symbol) = &d.symbol {
        let bad = symbol
            .get_ref()
            .trim()
            .chars()
            .any(|ch| ch.is_whitespace() || ch == '/');
        if bad {
            c.bad(
                symbol.span(),
                "documents.symbol",
                format!("\"{}\"", symbol.get_ref()),
                "chữ viết tắt tên cơ quan, không có dấu cách hay \"/\", vd. \"SKHCN\"",
                "the issuer's abbreviation, without spaces or \"/\", e.g. \"SKHCN\"",
            );
        }
    }
    for (key, lines) in &d.can_cu {
        let Some(review) = review_key(
            c,
            key,
            lines.span(),
            "documents.can_cu",
            annual_reviews,
            final_review,
            period_ok,
        ) else {
            continue;
        };
        let mut kept = Vec::new();
        for line in lines.get_ref() {
            if let Some(t) =
                document_text(c, &Some(line.clone()), &format!("documents.can_cu.{key}"))
            {
                kept.push(t);
            }
        }
        out.can_cu.insert(review, kept);
    }
    for (key, o) in &d.by_review {
        let Some(review) = review_key(
            c,
            key,
            o.span(),
            "documents.by_review",
            annual_reviews,
            final_review,
            period_ok,
        ) else {
            continue;
        };
        let raw = o.get_ref();
        let key = format!("documents.by_review.{key}");
        let over = DocumentsOverride {
            issuer: document_text(c, &raw.issuer, &format!("{key}.issuer")),
            superior: document_text(c, &raw.superior, &format!("{key}.superior")),
            place: document_text(c, &raw.place, &format!("{key}.place")),
            recipient: document_text(c, &raw.recipient, &format!("{key}.recipient")),
        };
        out.by_review.insert(review, over);
    }
    out
}

/// A multiple of the base salary, in thousandths: a number from 0 to 100
/// with at most three decimals.
fn multiple(c: &mut Checker<'_>, v: &Spanned<Value>, key: &str) -> Option<u32> {
    let number = match v.get_ref() {
        Value::Integer(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    };
    let thousandths = number
        .filter(|n| n.is_finite() && (0.0..=100.0).contains(n))
        .map(|n| n * 1000.0)
        .filter(|t| (t - t.round()).abs() < 1e-6)
        .map(|t| t.round() as u32);
    if thousandths.is_none() {
        c.bad(
            v.span(),
            key,
            value_text(v.get_ref()),
            "một số lần mức lương cơ sở từ 0 đến 100, tối đa 3 chữ số thập phân, vd. 0.3",
            "a multiple of the base salary from 0 to 100, at most 3 decimals, e.g. 0.3",
        );
    }
    thousandths
}

/// Reads `[prize]`: the base salary steps and the multiples, each in date
/// order without two on one day.
fn prize(c: &mut Checker<'_>, p: &RawPrize) -> Prize {
    let mut out = Prize::default();
    for step in &p.base_salary {
        let raw = step.get_ref();
        let from = c.date(&raw.from, "prize.base_salary.from");
        let amount = match u64::try_from(*raw.amount.get_ref()) {
            Ok(n) if n > 0 => Some(n),
            _ => {
                c.bad(
                    raw.amount.span(),
                    "prize.base_salary.amount",
                    raw.amount.get_ref().to_string(),
                    "một số tiền (đồng) lớn hơn 0",
                    "an amount in đồng, more than 0",
                );
                None
            }
        };
        if let (Some(from), Some(amount)) = (from, amount) {
            if out.base_salary.last().is_some_and(|s| s.from >= from) {
                c.bad(
                    raw.from.span(),
                    "prize.base_salary.from",
                    from.to_string(),
                    "các mức theo thứ tự ngày hiệu lực tăng dần",
                    "the steps in increasing order of their dates",
                );
                continue;
            }
            out.base_salary.push(SalaryStep {
                from,
                amount,
                source: raw.source.clone().unwrap_or_default().trim().to_string(),
            });
        }
    }
    for step in &p.multiple {
        let raw = step.get_ref();
        let Some(from) = c.date(&raw.from, "prize.multiple.from") else {
            continue;
        };
        if out.multiples.last().is_some_and(|s| s.from >= from) {
            c.bad(
                raw.from.span(),
                "prize.multiple.from",
                from.to_string(),
                "các mức theo thứ tự ngày hiệu lực tăng dần",
                "the steps in increasing order of their dates",
            );
            continue;
        }
        let mut multiples = BTreeMap::new();
        for (award, pair) in [
            (AwardKind::GiayKhen, &raw.giay_khen),
            (AwardKind::BangKhen, &raw.bang_khen),
        ] {
            let Some(pair) = pair else { continue };
            for (category, v, name) in [
                (Category::Individual, &pair.individual, "individual"),
                (Category::Collective, &pair.collective, "collective"),
            ] {
                let Some(v) = v else { continue };
                let key = format!("prize.multiple.{}.{name}", award.code());
                if let Some(m) = multiple(c, v, &key) {
                    multiples.insert((award, category), m);
                }
            }
        }
        if multiples.is_empty() {
            c.bad(
                step.span(),
                "prize.multiple",
                "{}".into(),
                "ít nhất một mức: giay_khen = { individual = 0.3, collective = 0.6 }",
                "at least one multiple: giay_khen = { individual = 0.3, collective = 0.6 }",
            );
        }
        out.multiples.push(MultipleStep {
            from,
            source: raw.source.clone().unwrap_or_default().trim().to_string(),
            multiples,
        });
    }
    out
}
