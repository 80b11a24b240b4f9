//! The text of a review's warnings, for people.

use crate::lang::{Lang, en_count};
use crate::model::{Dataset, Subject};
use crate::render::labels;
use crate::rules::deadlines::{is_weekend, working_day_on_or_before};
use crate::rules::warning::{Pending, Warning, WarningDetail};

/// `NV07 Trần Văn An`.
pub fn subject_label(data: &Dataset, subject: Subject) -> String {
    format!("{} {}", data.id(subject), data.name(subject))
}

/// "ngày cuối 14/03/2024", and when that is a weekend, the working day to
/// aim for instead.
fn last_day_text(last_day: chrono::NaiveDate, lang: Lang) -> String {
    let weekday = lang.weekday(chrono::Datelike::weekday(&last_day));
    let friday = working_day_on_or_before(last_day);
    match (is_weekend(last_day), lang) {
        (false, Lang::Vi) => format!("ngày cuối {}", lang.date(last_day)),
        (false, Lang::En) => format!("last day {}", lang.date(last_day)),
        (true, Lang::Vi) => format!(
            "ngày cuối {} là {weekday}; nên gửi chậm nhất {}",
            lang.date(last_day),
            lang.date_with_weekday(friday)
        ),
        (true, Lang::En) => format!(
            "last day {}, a {weekday}; better send by {}",
            lang.date(last_day),
            lang.date_with_weekday(friday)
        ),
    }
}

/// The message of a warning, without its code or subject.
pub fn message(data: &Dataset, warning: &Warning, lang: Lang) -> String {
    let d = |date| lang.date(date);
    match (&warning.detail, lang) {
        (WarningDetail::DossierIncomplete { missing }, _) => {
            let docs: Vec<&str> = missing.iter().map(|m| labels::document(*m, lang)).collect();
            match lang {
                Lang::Vi => format!("hồ sơ thiếu {} (IV.2)", docs.join(", ")),
                Lang::En => format!("the dossier lacks {} (IV.2)", docs.join(", ")),
            }
        }
        (
            WarningDetail::DossierLate {
                received,
                deadline,
                last_day,
            },
            Lang::Vi,
        ) => format!(
            "hồ sơ nhận ngày {}, quá hạn: phải trước ngày {} (ngày cuối {}) (IV.3)",
            d(*received),
            d(*deadline),
            d(*last_day)
        ),
        (
            WarningDetail::DossierLate {
                received,
                deadline,
                last_day,
            },
            Lang::En,
        ) => format!(
            "the dossier was received on {}, late: due before {} (last day {}) (IV.3)",
            d(*received),
            d(*deadline),
            d(*last_day)
        ),
        (WarningDetail::DossierMissing { deadline, .. }, Lang::Vi) => format!(
            "chưa nhận được hồ sơ, đã quá hạn trước ngày {} (IV.3)",
            d(*deadline)
        ),
        (WarningDetail::DossierMissing { deadline, .. }, Lang::En) => format!(
            "no dossier received, and the deadline (before {}) has passed (IV.3)",
            d(*deadline)
        ),
        (
            WarningDetail::DeadlineNear {
                event,
                last_day,
                days_left,
                pending,
                ..
            },
            _,
        ) => {
            let when = match (days_left, lang) {
                (0, Lang::Vi) => "hôm nay là ngày cuối".to_string(),
                (0, Lang::En) => "today is the last day".to_string(),
                (n, Lang::Vi) => format!("còn {n} ngày"),
                (n, Lang::En) => format!("{} left", en_count(n.unsigned_abs(), "day", "days")),
            };
            let what = match (pending, lang) {
                (
                    Pending::Dossier {
                        received: false, ..
                    },
                    Lang::Vi,
                ) => "chưa nhận hồ sơ".to_string(),
                (
                    Pending::Dossier {
                        received: false, ..
                    },
                    Lang::En,
                ) => "no dossier yet".to_string(),
                (Pending::Dossier { missing, .. }, Lang::Vi) => format!(
                    "hồ sơ còn thiếu {}",
                    missing
                        .iter()
                        .map(|m| labels::document(*m, lang))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                (Pending::Dossier { missing, .. }, Lang::En) => format!(
                    "the dossier still lacks {}",
                    missing
                        .iter()
                        .map(|m| labels::document(*m, lang))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                (
                    Pending::Review {
                        incomplete,
                        unvoted,
                    },
                    _,
                ) => {
                    let mut parts = Vec::new();
                    if *incomplete > 0 {
                        parts.push(match lang {
                            Lang::Vi => format!("{incomplete} hồ sơ chưa đủ"),
                            Lang::En => format!(
                                "{} incomplete",
                                en_count(u64::from(*incomplete), "dossier", "dossiers")
                            ),
                        });
                    }
                    if *unvoted > 0 {
                        parts.push(match lang {
                            Lang::Vi => format!("{unvoted} đề nghị chưa được Hội đồng bỏ phiếu"),
                            Lang::En => format!(
                                "{} not yet voted on",
                                en_count(u64::from(*unvoted), "nomination", "nominations")
                            ),
                        });
                    }
                    parts.join(", ")
                }
            };
            match lang {
                Lang::Vi => format!(
                    "{when} đến hạn \"{}\" ({}): {what} (IV.3)",
                    labels::event(*event, lang),
                    last_day_text(*last_day, lang)
                ),
                Lang::En => format!(
                    "{when} until \"{}\" ({}): {what} (IV.3)",
                    labels::event(*event, lang),
                    last_day_text(*last_day, lang)
                ),
            }
        }
        (WarningDetail::TieAtCutoff { award, given }, Lang::Vi) => format!(
            "bằng phiếu và bằng điểm với {}, người nhận {} cuối cùng trong chỉ tiêu: Hội đồng cần quyết định",
            subject_label(data, *given),
            labels::award_short(*award, lang)
        ),
        (WarningDetail::TieAtCutoff { award, given }, Lang::En) => format!(
            "level on votes and score with {}, the last within the {} quota: the council must decide",
            subject_label(data, *given),
            labels::award_short(*award, lang)
        ),
        (WarningDetail::NotVoted, Lang::Vi) => {
            "được đề nghị nhưng Hội đồng chưa biểu quyết: ghi phiếu trước khi trình (IV.1)".into()
        }
        (
            WarningDetail::InitiativeReused {
                initiative,
                review,
                award,
                decision,
            },
            Lang::Vi,
        ) => format!(
            "sáng kiến {initiative} đã làm căn cứ cho {} đợt xét {review}{}: một sáng kiến chỉ được sử dụng một lần khi làm tiêu chuẩn đề nghị khen thưởng (Công văn 5007/BNV-TĐKT, III.5.c)",
            labels::award_short(*award, lang),
            decision
                .as_deref()
                .map(|d| format!(" (quyết định {d})"))
                .unwrap_or_default()
        ),
        (
            WarningDetail::InitiativeReused {
                initiative,
                review,
                award,
                decision,
            },
            Lang::En,
        ) => format!(
            "initiative {initiative} already grounded a {} in review {review}{}: one initiative grounds one award only (Công văn 5007/BNV-TĐKT, III.5.c)",
            labels::award_short(*award, lang),
            decision
                .as_deref()
                .map(|d| format!(" (decision {d})"))
                .unwrap_or_default()
        ),
        (
            WarningDetail::InitiativeUnrecognised {
                initiative,
                recorded,
            },
            Lang::Vi,
        ) => {
            if *recorded {
                format!("sáng kiến {initiative} chưa có quyết định công nhận của cấp có thẩm quyền (Luật TĐKT 2022, khoản 4 Điều 3)")
            } else {
                format!("sáng kiến {initiative} không có trong initiatives.csv: chưa rõ được cấp có thẩm quyền công nhận (Luật TĐKT 2022, khoản 4 Điều 3)")
            }
        }
        (
            WarningDetail::InitiativeUnrecognised {
                initiative,
                recorded,
            },
            Lang::En,
        ) => {
            if *recorded {
                format!("initiative {initiative} has no recognition decision of a competent body (Luật TĐKT 2022, khoản 4 Điều 3)")
            } else {
                format!("initiative {initiative} is not in initiatives.csv: its recognition by a competent body is unknown (Luật TĐKT 2022, khoản 4 Điều 3)")
            }
        }
        (WarningDetail::NotRegistered, Lang::Vi) => {
            "chưa đăng ký thi đua cho đợt xét này (VI.1); chỉ để biết: việc đăng ký không là điều kiện khen thưởng (Luật TĐKT 2022, Điều 7)".into()
        }
        (WarningDetail::NotRegistered, Lang::En) => {
            "did not register for this review (VI.1); for information only: registration is no condition of an award (Luật TĐKT 2022, Điều 7)".into()
        }
        (WarningDetail::NotVoted, Lang::En) => {
            "proposed, but the council has not voted: record the vote before submitting (IV.1)"
                .into()
        }
    }
}
