//! The text of a review's warnings, for people.

use crate::lang::Lang;
use crate::model::{Dataset, Subject};
use crate::render::labels;
use crate::rules::deadlines::{is_weekend, working_day_on_or_before};
use crate::rules::warning::{Pending, Warning, WarningDetail};

/// `NV07 Trần Văn An`.
pub fn subject_label(data: &Dataset, subject: Subject) -> String {
    format!("{} {}", data.id(subject), data.name(subject))
}

fn weekend_note(last_day: chrono::NaiveDate, lang: Lang) -> String {
    if !is_weekend(last_day) {
        return String::new();
    }
    let friday = working_day_on_or_before(last_day);
    match lang {
        Lang::Vi => format!(
            " (ngày cuối là {}; nên gửi chậm nhất {})",
            lang.date_with_weekday(last_day),
            lang.date_with_weekday(friday)
        ),
        Lang::En => format!(
            " (the last day is a {}; better send by {})",
            lang.weekday(chrono::Datelike::weekday(&last_day)),
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
                (n, Lang::En) => format!("{n} days left"),
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
                    Lang::Vi,
                ) => {
                    format!(
                        "{incomplete} hồ sơ chưa đủ, {unvoted} đề nghị chưa được Hội đồng bỏ phiếu"
                    )
                }
                (
                    Pending::Review {
                        incomplete,
                        unvoted,
                    },
                    Lang::En,
                ) => {
                    format!(
                        "{incomplete} dossiers incomplete, {unvoted} nominations not yet voted on"
                    )
                }
            };
            match lang {
                Lang::Vi => format!(
                    "{when} đến hạn \"{}\" (ngày cuối {}){}: {what}",
                    labels::event(*event, lang),
                    d(*last_day),
                    weekend_note(*last_day, lang)
                ),
                Lang::En => format!(
                    "{when} until \"{}\" (last day {}){}: {what}",
                    labels::event(*event, lang),
                    d(*last_day),
                    weekend_note(*last_day, lang)
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
    }
}
