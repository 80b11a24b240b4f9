//! Words of the domain in Vietnamese and English.

use crate::lang::Lang;
use crate::model::Document;
use crate::plan::{AwardKind, Category, Event, PersonKind, SubjectKind, UnitKind};
use crate::rules::Status;
use crate::rules::deadlines::DeadlineStatus;

/// Name of a status.
pub fn status(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Proposed, Lang::Vi) => "Đề nghị",
        (Status::Proposed, Lang::En) => "Proposed",
        (Status::OverQuota, Lang::Vi) => "Vượt chỉ tiêu",
        (Status::OverQuota, Lang::En) => "Over quota",
        (Status::Ineligible, Lang::Vi) => "Không đủ điều kiện",
        (Status::Ineligible, Lang::En) => "Ineligible",
    }
}

/// Full name of an award.
pub fn award(a: AwardKind, lang: Lang) -> &'static str {
    match (a, lang) {
        (AwardKind::BangKhen, Lang::Vi) => "Bằng khen UBND tỉnh",
        (AwardKind::BangKhen, Lang::En) => "Provincial Bằng khen",
        (AwardKind::GiayKhen, Lang::Vi) => "Giấy khen Giám đốc Sở",
        (AwardKind::GiayKhen, Lang::En) => "Director's Giấy khen",
    }
}

/// Short name of an award.
pub fn award_short(a: AwardKind, lang: Lang) -> &'static str {
    match (a, lang) {
        (AwardKind::BangKhen, _) => "Bằng khen",
        (AwardKind::GiayKhen, _) => "Giấy khen",
    }
}

/// Name of a category, as a heading.
pub fn category(c: Category, lang: Lang) -> &'static str {
    match (c, lang) {
        (Category::Collective, Lang::Vi) => "Tập thể",
        (Category::Collective, Lang::En) => "Collectives",
        (Category::Individual, Lang::Vi) => "Cá nhân",
        (Category::Individual, Lang::En) => "Individuals",
    }
}

/// Name of a category heading `n` subjects: singular for one in English.
pub fn category_counted(c: Category, n: usize, lang: Lang) -> &'static str {
    match (c, n, lang) {
        (Category::Collective, 1, Lang::En) => "Collective",
        (Category::Individual, 1, Lang::En) => "Individual",
        _ => category(c, lang),
    }
}

/// Name of a kind of subject.
pub fn kind(k: SubjectKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (SubjectKind::Unit(UnitKind::So), Lang::Vi) => "Sở",
        (SubjectKind::Unit(UnitKind::So), Lang::En) => "the Department",
        (SubjectKind::Unit(UnitKind::Phong), Lang::Vi) => "phòng thuộc Sở",
        (SubjectKind::Unit(UnitKind::Phong), Lang::En) => "office of the Department",
        (SubjectKind::Unit(UnitKind::DonVi), Lang::Vi) => "đơn vị thuộc Sở",
        (SubjectKind::Unit(UnitKind::DonVi), Lang::En) => "attached unit",
        (SubjectKind::Unit(UnitKind::ToChuc), Lang::Vi) => "tổ chức có liên quan",
        (SubjectKind::Unit(UnitKind::ToChuc), Lang::En) => "related organisation",
        (SubjectKind::Person(PersonKind::NoiBo), Lang::Vi) => "CCVC-NLĐ của Sở",
        (SubjectKind::Person(PersonKind::NoiBo), Lang::En) => "staff of the Department",
        (SubjectKind::Person(PersonKind::BenNgoai), Lang::Vi) => "cá nhân có liên quan ngoài Sở",
        (SubjectKind::Person(PersonKind::BenNgoai), Lang::En) => {
            "related individual outside the Department"
        }
    }
}

/// Name of a deadline's event.
pub fn event(e: Event, lang: Lang) -> &'static str {
    match (e, lang) {
        (Event::UnitSubmission, Lang::Vi) => "Các đơn vị gửi hồ sơ về Hội đồng TĐKT Sở",
        (Event::UnitSubmission, Lang::En) => "Units send dossiers to the council",
        (Event::DepartmentSubmission, Lang::Vi) => "Sở trình cơ quan có thẩm quyền",
        (Event::DepartmentSubmission, Lang::En) => "The Department submits to the province",
        (Event::FinalMeeting, Lang::Vi) => "Tổng kết phong trào (dự kiến Quý IV)",
        (Event::FinalMeeting, Lang::En) => "Final review meeting (expected in Q4)",
        (Event::PeriodEnd, Lang::Vi) => "Kết thúc phong trào",
        (Event::PeriodEnd, Lang::En) => "End of the movement",
    }
}

/// Name of a deadline status.
pub fn deadline_status(s: DeadlineStatus, lang: Lang) -> &'static str {
    match (s, lang) {
        (DeadlineStatus::Upcoming, Lang::Vi) => "sắp tới",
        (DeadlineStatus::Upcoming, Lang::En) => "upcoming",
        (DeadlineStatus::DueToday, Lang::Vi) => "hạn cuối hôm nay",
        (DeadlineStatus::DueToday, Lang::En) => "due today",
        (DeadlineStatus::Passed, Lang::Vi) => "đã qua",
        (DeadlineStatus::Passed, Lang::En) => "passed",
    }
}

/// Name of a dossier document.
pub fn document(d: Document, lang: Lang) -> &'static str {
    match (d, lang) {
        (Document::ToTrinh, Lang::Vi) => "tờ trình",
        (Document::ToTrinh, Lang::En) => "tờ trình (request letter)",
        (Document::BienBan, Lang::Vi) => "biên bản họp xét",
        (Document::BienBan, Lang::En) => "biên bản (meeting minutes)",
        (Document::BaoCao, Lang::Vi) => "báo cáo thành tích",
        (Document::BaoCao, Lang::En) => "báo cáo (achievement report)",
    }
}

/// "năm 2023" / "the 2023 review"; "tổng kết 2021-2025" / "the final review 2021-2025".
pub fn review(r: crate::Review, lang: Lang) -> String {
    match (r, lang) {
        (crate::Review::Annual(y), Lang::Vi) => format!("năm {y}"),
        (crate::Review::Annual(y), Lang::En) => format!("annual review {y}"),
        (r @ crate::Review::Final(..), Lang::Vi) => format!("tổng kết giai đoạn {r}"),
        (r @ crate::Review::Final(..), Lang::En) => format!("final review {r}"),
    }
}

/// What an ineligible candidate lacks, in words: a criterion by its code,
/// the rest with its clause.
pub fn missing(
    m: &crate::rules::eligibility::Missing,
    plan: &crate::plan::Plan,
    lang: Lang,
) -> String {
    use crate::rules::eligibility::Missing;
    match (m, lang) {
        (Missing::Criterion(_), _) => m.code(plan).to_string(),
        (Missing::History, Lang::Vi) => "lịch sử khen thưởng (III.2.b)".into(),
        (Missing::History, Lang::En) => "award history (III.2.b)".into(),
        (Missing::Votes, Lang::Vi) => "tỷ lệ phiếu".into(),
        (Missing::Votes, Lang::En) => "vote share".into(),
        (Missing::NoCriteria, Lang::Vi) => "không có tiêu chí áp dụng".into(),
        (Missing::NoCriteria, Lang::En) => "no criterion applies".into(),
    }
}

/// A warning in a few words, for the note column of a table: the full
/// message is in the warnings below it.
pub fn warning_short(code: crate::rules::WarningCode, lang: Lang) -> &'static str {
    use crate::rules::WarningCode::*;
    match (code, lang) {
        (DossierIncomplete, Lang::Vi) => "hồ sơ thiếu",
        (DossierIncomplete, Lang::En) => "dossier incomplete",
        (DossierLate, Lang::Vi) => "hồ sơ muộn",
        (DossierLate, Lang::En) => "dossier late",
        (DossierMissing, Lang::Vi) => "chưa nhận hồ sơ",
        (DossierMissing, Lang::En) => "no dossier",
        (DeadlineNear, Lang::Vi) => "sắp đến hạn",
        (DeadlineNear, Lang::En) => "deadline near",
        (TieAtCutoff, Lang::Vi) => "bằng phiếu, bằng điểm ở ngưỡng: Hội đồng quyết định",
        (TieAtCutoff, Lang::En) => "level at the quota line: the council decides",
        (NotVoted, Lang::Vi) => "chưa biểu quyết",
        (NotVoted, Lang::En) => "not voted",
        (NotRegistered, Lang::Vi) => "chưa đăng ký thi đua",
        (NotRegistered, Lang::En) => "not registered",
        (InitiativeReused, Lang::Vi) => "sáng kiến đã dùng",
        (InitiativeReused, Lang::En) => "initiative used before",
        (InitiativeUnrecognised, Lang::Vi) => "sáng kiến chưa được công nhận",
        (InitiativeUnrecognised, Lang::En) => "initiative not recognised",
    }
}
