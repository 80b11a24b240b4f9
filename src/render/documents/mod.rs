//! The clerk's documents of a review (`draft`): the Director's decision
//! granting Giấy khen, the submission proposing Bằng khen, the council's
//! meeting record and the review's report, in the form of Nghị định
//! 30/2020/NĐ-CP (Phụ lục I).
//!
//! [`draft`] lays a document out as [`Draft`]: header, type and summary,
//! body blocks, recipients, signers and appendix, with every number taken
//! from the [`ReviewReport`]. [`docx`] writes a draft as a .docx file.
//! The words are Vietnamese whatever the language of the command line: the
//! documents are the Department's.

pub mod docx;

use chrono::NaiveDate;

use crate::lang::Lang;
use crate::model::{Dataset, Subject};
use crate::plan::{AwardKind, Category};
use crate::render::labels;
use crate::render::summary;
use crate::review::Review;
use crate::rules::{CandidateResult, ReviewReport, Status, Warning, WarningDetail};

/// What the registry, the clerk or the council still fills in.
pub const BLANK: &str = "……………";

/// One of the four documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocName {
    /// Quyết định tặng Giấy khen.
    QuyetDinh,
    /// Tờ trình đề nghị tặng Bằng khen.
    ToTrinh,
    /// Biên bản họp xét.
    BienBan,
    /// Báo cáo sơ kết / tổng kết.
    BaoCao,
}

impl DocName {
    /// All four, in the order the clerk makes them.
    pub const ALL: [DocName; 4] = [
        DocName::QuyetDinh,
        DocName::ToTrinh,
        DocName::BienBan,
        DocName::BaoCao,
    ];

    /// The name `--doc` takes.
    pub fn code(self) -> &'static str {
        match self {
            DocName::QuyetDinh => "quyet-dinh",
            DocName::ToTrinh => "to-trinh",
            DocName::BienBan => "bien-ban",
            DocName::BaoCao => "bao-cao",
        }
    }

    /// The file it is written to.
    pub fn file_name(self, review: Review) -> String {
        let stem = match self {
            DocName::QuyetDinh => "quyet-dinh-giay-khen",
            DocName::ToTrinh => "to-trinh-bang-khen",
            DocName::BienBan => "bien-ban-hop-xet",
            DocName::BaoCao => "bao-cao",
        };
        format!("{stem}-{}.docx", review.code())
    }

    /// The abbreviation of its type in its number (`QĐ`, `TTr`, `BB`, `BC`).
    pub fn abbreviation(self) -> &'static str {
        match self {
            DocName::QuyetDinh => "QĐ",
            DocName::ToTrinh => "TTr",
            DocName::BienBan => "BB",
            DocName::BaoCao => "BC",
        }
    }

    /// Its type (tên loại), in capitals.
    pub fn title(self) -> &'static str {
        match self {
            DocName::QuyetDinh => "QUYẾT ĐỊNH",
            DocName::ToTrinh => "TỜ TRÌNH",
            DocName::BienBan => "BIÊN BẢN",
            DocName::BaoCao => "BÁO CÁO",
        }
    }
}

/// A piece of text with its emphasis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            bold: true,
            ..Span::plain(text)
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            italic: true,
            ..Span::plain(text)
        }
    }
}

/// How a paragraph sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Justified, first line indented: the body.
    Body,
    /// Centred.
    Center,
    /// Left, not indented.
    Left,
}

/// A table cell: text, bold or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// Bold (a total or a group heading).
    pub bold: bool,
    /// Spans this many columns.
    pub span: usize,
}

/// One block of a document's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Para {
        /// Its text.
        spans: Vec<Span>,
        /// How it sits.
        align: Align,
    },
    /// A bordered table: column widths (relative), header, rows.
    Table {
        /// Relative widths of the columns.
        widths: Vec<u32>,
        /// The header row.
        header: Vec<String>,
        /// The rows.
        rows: Vec<Vec<Cell>>,
    },
    /// A new page.
    PageBreak,
}

impl Block {
    fn body(spans: Vec<Span>) -> Block {
        Block::Para {
            spans,
            align: Align::Body,
        }
    }

    fn text(text: impl Into<String>) -> Block {
        Block::body(vec![Span::plain(text)])
    }

    fn center(spans: Vec<Span>) -> Block {
        Block::Para {
            spans,
            align: Align::Center,
        }
    }
}

/// A signature block: the title lines (capitals, bold) above room for the
/// signature and the name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signer {
    /// Title lines, e.g. "KT. GIÁM ĐỐC" / "GIÁM ĐỐC".
    pub title: Vec<String>,
}

/// A document laid out, ready to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Which one.
    pub name: DocName,
    /// The superior (capitals).
    pub superior: String,
    /// The issuer (capitals).
    pub issuer: String,
    /// "Số:      /QĐ-SKHCN".
    pub number: String,
    /// "Bà Rịa - Vũng Tàu, ngày      tháng      năm 2024".
    pub date_line: String,
    /// Whether it is a draft not yet cleared for signing (`--final` not given).
    pub draft_mark: bool,
    /// The type, in capitals.
    pub title: String,
    /// The summary (trích yếu), one or more lines.
    pub summary: Vec<String>,
    /// The body.
    pub body: Vec<Block>,
    /// "Nơi nhận:" items; empty for none.
    pub recipients: Vec<String>,
    /// The signers, left to right (one, or two for a meeting record).
    pub signers: Vec<Signer>,
    /// The attached list, on its own page.
    pub appendix: Vec<Block>,
}

/// What a proposed candidate still lacks before the documents can be signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocker {
    /// The candidate's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Why, in Vietnamese.
    pub reason: String,
}

/// The names the drafts print, for one review: `[documents]`, or blanks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Names {
    /// The issuer, as in a sentence.
    pub issuer: String,
    /// Its superior.
    pub superior: String,
    /// The symbol of numbers.
    pub symbol: String,
    /// The place of the date line.
    pub place: String,
    /// The signer's title.
    pub signer_title: String,
    /// The council.
    pub council: String,
    /// The authority that receives the Tờ trình.
    pub recipient: String,
    /// The field as the documents word it.
    pub field_text: String,
    /// The legal bases.
    pub can_cu: Vec<String>,
}

impl Names {
    /// The names of a review; `None` when the plan has no `[documents]`
    /// (the drafts then print blanks).
    pub fn of(data: &Dataset, review: Review) -> (Names, bool) {
        let or_blank = |s: &str| {
            if s.trim().is_empty() {
                BLANK.to_string()
            } else {
                s.to_string()
            }
        };
        match &data.plan.documents {
            Some(d) => {
                let r = d.for_review(review);
                (
                    Names {
                        issuer: or_blank(r.issuer),
                        superior: or_blank(r.superior),
                        symbol: or_blank(&d.symbol),
                        place: or_blank(r.place),
                        signer_title: or_blank(&d.signer_title),
                        council: or_blank(&d.council),
                        recipient: or_blank(r.recipient),
                        field_text: or_blank(&d.field_text),
                        can_cu: r.can_cu.to_vec(),
                    },
                    true,
                )
            }
            None => (
                Names {
                    issuer: BLANK.into(),
                    superior: BLANK.into(),
                    symbol: BLANK.into(),
                    place: BLANK.into(),
                    signer_title: BLANK.into(),
                    council: BLANK.into(),
                    recipient: BLANK.into(),
                    field_text: BLANK.into(),
                    can_cu: Vec::new(),
                },
                false,
            ),
        }
    }
}

/// Everything a draft is made of.
pub struct Input<'a> {
    /// The data folder.
    pub data: &'a Dataset,
    /// The review's result.
    pub report: &'a ReviewReport,
    /// The names to print.
    pub names: Names,
    /// Whether the drafts are for signing (`--final`): no open notes.
    pub final_: bool,
}

/// The year the review's documents are issued: the year after an annual
/// review, the year after the period for the final review.
pub fn issue_year(review: Review) -> i32 {
    match review {
        Review::Annual(y) => y + 1,
        Review::Final(_, end) => end + 1,
    }
}

/// The day the decision's prize is reckoned on: today, within the year of
/// issue (its first day if today is earlier, its last if later).
pub fn decision_day(review: Review, today: NaiveDate) -> NaiveDate {
    let year = issue_year(review);
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
    today.clamp(first, last)
}

/// "năm 2023" or "giai đoạn 2021 - 2025".
pub fn review_phrase(review: Review) -> String {
    match review {
        Review::Annual(y) => format!("năm {y}"),
        Review::Final(a, b) => format!("giai đoạn {a} - {b}"),
    }
}

/// An amount in đồng, dots between thousands: `1.800.000`.
pub fn money(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// A multiple in thousandths, Vietnamese style: `0,3`, `1`, `0,125`.
pub fn multiple_text(thousandths: u32) -> String {
    let whole = thousandths / 1000;
    let frac = thousandths % 1000;
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:03}");
    format!("{whole},{}", frac.trim_end_matches('0'))
}

/// The share of a vote, `88,9%`.
fn share(for_: u32, total: u32) -> String {
    if total == 0 {
        return "—".into();
    }
    let tenths = (u64::from(for_) * 1000 + u64::from(total) / 2) / u64::from(total);
    let (w, f) = (tenths / 10, tenths % 10);
    if f == 0 {
        format!("{w}%")
    } else {
        format!("{w},{f}%")
    }
}

fn date_text(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// The first letter in lower case ("Phong trào..." inside a sentence).
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Who a subject is, for lists: name, position, unit.
struct Who {
    id: String,
    name: String,
    position: String,
    unit: String,
}

fn who(data: &Dataset, subject: Subject) -> Who {
    let position = match subject {
        Subject::Person(i) => data
            .people
            .get(i as usize)
            .and_then(|p| p.position.as_deref())
            .unwrap_or("")
            .to_string(),
        Subject::Unit(_) => String::new(),
    };
    let unit = match subject {
        Subject::Person(_) => data
            .home_unit(subject)
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        Subject::Unit(_) => String::new(),
    };
    Who {
        id: data.id(subject).to_string(),
        name: data.name(subject).to_string(),
        position,
        unit,
    }
}

/// The warnings about one subject, including the ties where it is the side
/// given the award.
fn warnings_of(report: &ReviewReport, subject: Subject) -> impl Iterator<Item = &Warning> {
    report.warnings.iter().filter(move |w| {
        w.subject == Some(subject)
            || matches!(w.detail, WarningDetail::TieAtCutoff { given, .. } if given == subject)
    })
}

/// The candidate on the other side of a tie from `subject`, as "name (id)":
/// `left_out` is the tie's subject, `given` the one given the award.
fn tie_other(
    data: &Dataset,
    left_out: Option<Subject>,
    given: Subject,
    subject: Subject,
) -> String {
    let other = if given == subject {
        left_out
    } else {
        Some(given)
    };
    other
        .map(|s| format!("{} ({})", data.name(s), data.id(s)))
        .unwrap_or_default()
}

/// The open questions of one candidate, for its row: the vote not taken,
/// a tie at a quota line, a dossier not complete, late or not received.
pub fn open_questions(data: &Dataset, report: &ReviewReport, c: &CandidateResult) -> Vec<String> {
    let mut out = Vec::new();
    if c.votes.is_none() {
        out.push("Chưa biểu quyết".to_string());
    }
    for w in warnings_of(report, c.subject) {
        match &w.detail {
            WarningDetail::TieAtCutoff { award, given } => {
                let other = tie_other(data, w.subject, *given, c.subject);
                out.push(format!(
                    "Hội đồng cần quyết định: bằng phiếu và điểm với {other} tại ngưỡng chỉ tiêu {}",
                    labels::award_short(*award, Lang::Vi)
                ));
            }
            WarningDetail::DossierIncomplete { missing } => {
                let names: Vec<&str> = missing
                    .iter()
                    .map(|d| labels::document(*d, Lang::Vi))
                    .collect();
                out.push(format!("Hồ sơ chưa đủ: thiếu {}", names.join(", ")));
            }
            WarningDetail::DossierMissing { last_day, .. } => {
                out.push(format!(
                    "Hồ sơ chưa đủ: chưa nhận hồ sơ (hạn cuối {})",
                    date_text(*last_day)
                ));
            }
            WarningDetail::DossierLate { received, .. } => {
                out.push(format!(
                    "Hồ sơ nộp muộn (nhận ngày {})",
                    date_text(*received)
                ));
            }
            // Said above, from the vote itself.
            WarningDetail::DeadlineNear { .. }
            | WarningDetail::NotVoted
            | WarningDetail::NotRegistered
            | WarningDetail::InitiativeReused { .. }
            | WarningDetail::InitiativeUnrecognised { .. } => {}
        }
    }
    out
}

/// Why the documents cannot be signed yet: each proposed candidate with no
/// vote, an unsettled tie, or a dossier incomplete or not received.
pub fn blockers(data: &Dataset, report: &ReviewReport) -> Vec<Blocker> {
    let mut out = Vec::new();
    for c in report
        .candidates
        .iter()
        .filter(|c| c.status == Status::Proposed)
    {
        let mut push = |reason: String| {
            out.push(Blocker {
                id: data.id(c.subject).to_string(),
                name: data.name(c.subject).to_string(),
                reason,
            })
        };
        if c.votes.is_none() {
            push("chưa biểu quyết (không có phiếu của Hội đồng)".into());
        }
        for w in warnings_of(report, c.subject) {
            match &w.detail {
                WarningDetail::TieAtCutoff { award, given } => {
                    let other = tie_other(data, w.subject, *given, c.subject);
                    push(format!(
                        "bằng phiếu và điểm với {other} tại ngưỡng chỉ tiêu {}: Hội đồng cần quyết định",
                        labels::award_short(*award, Lang::Vi)
                    ));
                }
                WarningDetail::DossierIncomplete { missing } => {
                    let names: Vec<&str> = missing
                        .iter()
                        .map(|d| labels::document(*d, Lang::Vi))
                        .collect();
                    push(format!("hồ sơ chưa đủ: thiếu {}", names.join(", ")));
                }
                WarningDetail::DossierMissing { .. } => {
                    push("hồ sơ chưa đủ: chưa nhận hồ sơ".into());
                }
                _ => {}
            }
        }
    }
    out
}

/// The proposed candidates for one award, collectives then individuals, in
/// the order of the report.
fn proposed(
    report: &ReviewReport,
    award: AwardKind,
) -> (Vec<&CandidateResult>, Vec<&CandidateResult>) {
    let of = |cat: Category| {
        report
            .candidates
            .iter()
            .filter(|c| {
                c.status == Status::Proposed && c.award == Some(award) && c.category() == cat
            })
            .collect::<Vec<_>>()
    };
    (of(Category::Collective), of(Category::Individual))
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        bold: false,
        span: 1,
    }
}

fn bold_cell(text: impl Into<String>, span: usize) -> Cell {
    Cell {
        text: text.into(),
        bold: true,
        span,
    }
}

/// The list of candidates of one award: collectives then individuals, each
/// under its heading, with a notes column while something is open.
fn award_list(input: &Input<'_>, list: &[&CandidateResult], category: Category) -> Block {
    let notes = !input.final_;
    let mut rows = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let w = who(input.data, c.subject);
        let mut row = vec![cell((i + 1).to_string()), cell(w.name)];
        if category == Category::Individual {
            row.push(cell(w.position));
            row.push(cell(w.unit));
        }
        if notes {
            row.push(cell(open_questions(input.data, input.report, c).join("; ")));
        }
        rows.push(row);
    }
    let (mut header, mut widths) = match category {
        Category::Collective => (vec!["STT", "Tên tập thể"], vec![8, 62]),
        Category::Individual => (
            vec!["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
            vec![8, 26, 20, 30],
        ),
    };
    if notes {
        header.push("Ghi chú");
        widths.push(match category {
            Category::Collective => 30,
            Category::Individual => 22,
        });
    }
    Block::Table {
        widths,
        header: header.into_iter().map(String::from).collect(),
        rows,
    }
}

fn heading(text: impl Into<String>) -> Block {
    Block::Para {
        spans: vec![Span::bold(text)],
        align: Align::Left,
    }
}

fn can_cu(names: &Names) -> Vec<Block> {
    if names.can_cu.is_empty() {
        return vec![Block::body(vec![Span::italic(format!("Căn cứ {BLANK};"))])];
    }
    names
        .can_cu
        .iter()
        .map(|c| Block::body(vec![Span::italic(format!("Căn cứ {c};"))]))
        .collect()
}

fn number(names: &Names, name: DocName) -> String {
    format!("Số:      /{}-{}", name.abbreviation(), names.symbol)
}

fn date_line(names: &Names, review: Review) -> String {
    format!(
        "{}, ngày      tháng      năm {}",
        names.place,
        issue_year(review)
    )
}

fn frame(input: &Input<'_>, name: DocName, summary: Vec<String>) -> Draft {
    let review = input.report.review;
    Draft {
        name,
        superior: upper(&input.names.superior),
        issuer: upper(&input.names.issuer),
        number: number(&input.names, name),
        date_line: date_line(&input.names, review),
        draft_mark: !input.final_,
        title: name.title().to_string(),
        summary,
        body: Vec::new(),
        recipients: Vec::new(),
        signers: vec![Signer {
            title: vec![upper(&input.names.signer_title)],
        }],
        appendix: Vec::new(),
    }
}

/// Lays out one document.
pub fn draft(input: &Input<'_>, name: DocName) -> Draft {
    match name {
        DocName::QuyetDinh => quyet_dinh(input),
        DocName::ToTrinh => to_trinh(input),
        DocName::BienBan => bien_ban(input),
        DocName::BaoCao => bao_cao(input),
    }
}

/// The prize sentence of Điều 2: amounts from `[prize]` on the decision's
/// day, or blanks.
fn prize_sentence(
    input: &Input<'_>,
    collectives: usize,
    individuals: usize,
) -> (String, Option<String>) {
    let review = input.report.review;
    let today = input.report.today;
    let day = decision_day(review, today);
    let amount = |cat| {
        input
            .data
            .plan
            .prize
            .as_ref()
            .and_then(|p| p.amount(AwardKind::GiayKhen, cat, day))
    };
    let (c, i) = (amount(Category::Collective), amount(Category::Individual));
    let needed_c = collectives > 0;
    let needed_i = individuals > 0;
    let ok = (!needed_c || c.is_some()) && (!needed_i || i.is_some());
    if !ok || (!needed_c && !needed_i) {
        let note = if input.data.plan.prize.is_none() {
            Some("kế hoạch không có bảng [prize]: Điều 2 để trống số tiền".to_string())
        } else if !ok {
            Some(format!(
                "[prize] không có mức lương cơ sở hoặc hệ số Giấy khen có hiệu lực ngày {}: Điều 2 để trống số tiền",
                date_text(day)
            ))
        } else {
            None
        };
        return (
            format!(
                "Điều 2. Mỗi tập thể được tặng kèm theo tiền thưởng {BLANK} đồng, mỗi cá nhân {BLANK} đồng; tổng số tiền thưởng {BLANK} đồng, từ nguồn kinh phí khen thưởng trích lập theo quy định."
            ),
            note,
        );
    }
    let mut parts = Vec::new();
    let mut sums = Vec::new();
    let mut total: u64 = 0;
    let mut multiple_sources: Vec<String> = Vec::new();
    let mut base_sources: Vec<String> = Vec::new();
    for (needed, p, count, who) in [
        (needed_c, &c, collectives, "tập thể"),
        (needed_i, &i, individuals, "cá nhân"),
    ] {
        let (true, Some(p)) = (needed, p) else {
            continue;
        };
        parts.push(format!(
            "mỗi {who} {} đồng ({} lần mức lương cơ sở {} đồng)",
            money(p.amount),
            multiple_text(p.multiple),
            money(p.base)
        ));
        sums.push(format!("{count} {who} × {} đồng", money(p.amount)));
        total += p.amount * count as u64;
        for (list, source) in [
            (&mut multiple_sources, &p.multiple_source),
            (&mut base_sources, &p.base_source),
        ] {
            if !source.is_empty() && !list.contains(source) {
                list.push(source.clone());
            }
        }
    }
    let mut basis = Vec::new();
    if !multiple_sources.is_empty() {
        basis.push(format!(
            "mức tiền thưởng theo {}",
            multiple_sources.join(", ")
        ));
    }
    if !base_sources.is_empty() {
        basis.push(format!("mức lương cơ sở theo {}", base_sources.join(", ")));
    }
    let basis = if basis.is_empty() {
        String::new()
    } else {
        format!(" ({})", basis.join("; "))
    };
    (
        format!(
            "Điều 2. Tặng kèm theo Giấy khen tiền thưởng: {}; tổng số tiền thưởng {} đồng ({}){basis}, từ nguồn kinh phí khen thưởng trích lập theo quy định.",
            parts.join("; "),
            money(total),
            sums.join(" + ")
        ),
        None,
    )
}

/// The notes a draft wants on stderr (a blank it had to leave).
pub fn notes(input: &Input<'_>, name: DocName) -> Vec<String> {
    if name != DocName::QuyetDinh {
        return Vec::new();
    }
    let (c, i) = proposed(input.report, AwardKind::GiayKhen);
    prize_sentence(input, c.len(), i.len())
        .1
        .into_iter()
        .collect()
}

fn quyet_dinh(input: &Input<'_>) -> Draft {
    let review = input.report.review;
    let names = &input.names;
    let field = format!("{} {}", names.field_text, review_phrase(review));
    let mut d = frame(
        input,
        DocName::QuyetDinh,
        vec![format!(
            "Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc trong {field}"
        )],
    );
    let (collectives, individuals) = proposed(input.report, AwardKind::GiayKhen);
    let (n, m) = (collectives.len(), individuals.len());
    d.body.push(Block::center(vec![Span::bold(upper(&format!(
        "{} {}",
        names.signer_title, names.issuer
    )))]));
    d.body.extend(can_cu(names));
    d.body.push(Block::body(vec![Span::italic(format!(
        "Theo đề nghị của {}.",
        names.council
    ))]));
    d.body.push(Block::center(vec![Span::bold("QUYẾT ĐỊNH:")]));
    let counts = match (n, m) {
        (0, m) => format!("{m} cá nhân"),
        (n, 0) => format!("{n} tập thể"),
        (n, m) => format!("{n} tập thể và {m} cá nhân"),
    };
    d.body.push(Block::body(vec![
        Span::bold("Điều 1. "),
        Span::plain(format!(
            "Tặng Giấy khen của {} {} cho {counts} (có danh sách kèm theo) đã có thành tích xuất sắc trong {field}.",
            names.signer_title, names.issuer
        )),
    ]));
    let (prize, _) = prize_sentence(input, n, m);
    let prize = prize.trim_start_matches("Điều 2. ").to_string();
    d.body.push(Block::body(vec![
        Span::bold("Điều 2. "),
        Span::plain(prize),
    ]));
    d.body.push(Block::body(vec![
        Span::bold("Điều 3. "),
        Span::plain(format!(
            "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Thủ trưởng các phòng, đơn vị thuộc {} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            names.issuer
        )),
    ]));
    d.recipients = vec!["Như Điều 3;".into(), "Lưu: VT, HĐTĐKT.".into()];

    // The attached list.
    let a = &mut d.appendix;
    a.push(Block::center(vec![Span::bold(format!(
        "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN CỦA {}",
        upper(&format!("{} {}", names.signer_title, names.issuer))
    ))]));
    a.push(Block::center(vec![Span::italic(format!(
        "(Kèm theo Quyết định số      /QĐ-{} ngày      tháng      năm {} của {} {})",
        names.symbol,
        issue_year(review),
        names.signer_title,
        names.issuer
    ))]));
    a.push(heading(format!("I. TẬP THỂ ({n})")));
    if n > 0 {
        a.push(award_list(input, &collectives, Category::Collective));
    }
    a.push(heading(format!("II. CÁ NHÂN ({m})")));
    if m > 0 {
        a.push(award_list(input, &individuals, Category::Individual));
    }
    d
}

fn to_trinh(input: &Input<'_>) -> Draft {
    let review = input.report.review;
    let names = &input.names;
    let field = format!("{} {}", names.field_text, review_phrase(review));
    let mut d = frame(
        input,
        DocName::ToTrinh,
        vec![format!(
            "Về việc đề nghị tặng Bằng khen của {} cho các tập thể, cá nhân đã có thành tích xuất sắc trong {field}",
            names.recipient
        )],
    );
    let (collectives, individuals) = proposed(input.report, AwardKind::BangKhen);
    let (n, m) = (collectives.len(), individuals.len());
    d.body.push(Block::center(vec![
        Span::plain("Kính gửi: "),
        Span::plain(format!("{}.", names.recipient)),
    ]));
    d.body.extend(can_cu(names));
    d.body.push(Block::text(format!(
        "Căn cứ kết quả họp xét của {} ngày      tháng      năm {} (Biên bản số      /BB-{}),",
        names.council,
        issue_year(review),
        names.symbol
    )));
    let counts = match (n, m) {
        (0, m) => format!("{m} cá nhân"),
        (n, 0) => format!("{n} tập thể"),
        (n, m) => format!("{n} tập thể và {m} cá nhân"),
    };
    d.body.push(Block::text(format!(
        "{} kính đề nghị {} xem xét, tặng Bằng khen cho {counts} đã có thành tích xuất sắc trong {field}, gồm:",
        names.issuer, names.recipient
    )));
    d.body.push(heading(format!("1. Tập thể ({n})")));
    if n > 0 {
        d.body
            .push(award_list(input, &collectives, Category::Collective));
    }
    d.body.push(heading(format!("2. Cá nhân ({m})")));
    if m > 0 {
        d.body
            .push(award_list(input, &individuals, Category::Individual));
    }
    d.body.push(Block::center(vec![Span::italic(
        "(Có báo cáo thành tích kèm theo)",
    )]));
    d.body.push(Block::text(format!(
        "{} kính trình {} xem xét, quyết định./.",
        names.issuer, names.recipient
    )));
    d.recipients = vec![
        "Như trên;".into(),
        "Ban Thi đua - Khen thưởng (Sở Nội vụ);".into(),
        "Lưu: VT, HĐTĐKT.".into(),
    ];
    d
}

/// What the council decided for a candidate, in words.
fn result_text(data: &Dataset, c: &CandidateResult) -> String {
    match (c.status, c.award) {
        (Status::Proposed, Some(a)) => format!("Đề nghị {}", labels::award_short(a, Lang::Vi)),
        (Status::Ineligible, _) if !c.missing.is_empty() => {
            let codes: Vec<&str> = c.missing.iter().map(|m| m.code(&data.plan)).collect();
            format!(
                "{} (thiếu {})",
                labels::status(c.status, Lang::Vi),
                codes.join(", ")
            )
        }
        (status, _) => labels::status(status, Lang::Vi).to_string(),
    }
}

fn bien_ban(input: &Input<'_>) -> Draft {
    let review = input.report.review;
    let names = &input.names;
    let year = issue_year(review);
    let mut d = frame(
        input,
        DocName::BienBan,
        vec![format!(
            "Họp xét thi đua, khen thưởng {} {}",
            names.field_text,
            review_phrase(review)
        )],
    );
    let b = &mut d.body;
    b.push(Block::text(format!(
        "Thời gian: {BLANK} giờ {BLANK} ngày      tháng      năm {year}."
    )));
    b.push(Block::text(format!("Địa điểm: {BLANK}.")));
    b.push(Block::text(format!(
        "Chủ trì: {BLANK}, Chủ tịch {}.",
        names.council
    )));
    b.push(Block::text(format!("Thư ký: {BLANK}.")));
    b.push(Block::text(format!(
        "Thành viên có mặt: {BLANK}/{BLANK} thành viên; vắng mặt: {BLANK} (lý do: {BLANK})."
    )));
    let total = input.report.candidates.len();
    b.push(Block::text(format!(
        "Nội dung: {} xem xét hồ sơ đề nghị khen thưởng của {total} tập thể, cá nhân trong {} {}; kết quả biểu quyết như sau:",
        names.council,
        names.field_text,
        review_phrase(review)
    )));
    for (i, category) in [Category::Collective, Category::Individual]
        .into_iter()
        .enumerate()
    {
        let list: Vec<&CandidateResult> = input
            .report
            .candidates
            .iter()
            .filter(|c| c.category() == category)
            .collect();
        b.push(heading(format!(
            "{}. {} ({})",
            if i == 0 { "I" } else { "II" },
            labels::category(category, Lang::Vi),
            list.len()
        )));
        if list.is_empty() {
            continue;
        }
        let rows = list
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let w = who(input.data, c.subject);
                let name = if category == Category::Individual && !w.unit.is_empty() {
                    format!("{} ({})", w.name, w.unit)
                } else {
                    w.name
                };
                let (votes, pct) = match c.votes {
                    Some(v) => (
                        format!("{}/{}", v.in_favour, v.total),
                        share(v.in_favour, v.total),
                    ),
                    None => (BLANK.to_string(), String::new()),
                };
                vec![
                    cell((k + 1).to_string()),
                    cell(format!("{name} [{}]", w.id)),
                    cell(votes),
                    cell(pct),
                    cell(result_text(input.data, c)),
                    cell(open_questions(input.data, input.report, c).join("; ")),
                ]
            })
            .collect();
        b.push(Block::Table {
            widths: vec![9, 29, 11, 10, 18, 23],
            header: [
                "STT",
                "Tập thể, cá nhân",
                "Đồng ý / tổng số phiếu",
                "Tỷ lệ",
                "Kết quả",
                "Vấn đề cần Hội đồng quyết định",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
            rows,
        });
    }
    let count = |award: AwardKind| {
        let (c, i) = proposed(input.report, award);
        format!("{} tập thể, {} cá nhân", c.len(), i.len())
    };
    b.push(Block::body(vec![
        Span::bold("Kết luận: "),
        Span::plain(format!(
            "{} thống nhất đề nghị tặng Bằng khen của {} cho {}; tặng Giấy khen của {} {} cho {}.",
            names.council,
            names.recipient,
            count(AwardKind::BangKhen),
            names.signer_title,
            names.issuer,
            count(AwardKind::GiayKhen)
        )),
    ]));
    b.push(Block::text(format!(
        "Cuộc họp kết thúc lúc {BLANK} giờ {BLANK} cùng ngày. Biên bản đã được thông qua trước các thành viên dự họp./."
    )));
    d.signers = vec![
        Signer {
            title: vec!["THƯ KÝ".into()],
        },
        Signer {
            title: vec!["CHỦ TỊCH HỘI ĐỒNG".into()],
        },
    ];
    d
}

fn bao_cao(input: &Input<'_>) -> Draft {
    let review = input.report.review;
    let names = &input.names;
    let plan_name = lower_first(&input.data.plan.name);
    let summary = match review {
        Review::Annual(y) => format!("Sơ kết năm {y} {plan_name}"),
        Review::Final(..) => format!("Tổng kết {plan_name}"),
    };
    let mut d = frame(input, DocName::BaoCao, vec![summary]);
    let rows = summary::rows(input.data, std::slice::from_ref(input.report), true);
    // Per unit: the two categories added up, units in the order of units.toml.
    let mut units: Vec<(String, [u32; 8])> = Vec::new();
    let mut totals = [[0u32; 8]; 2];
    for r in &rows {
        let unit = match &r.unit {
            Some(id) => input
                .data
                .subject(id)
                .map(|s| input.data.name(s).to_string())
                .unwrap_or_else(|| id.clone()),
            None => "Cá nhân ngoài Sở".to_string(),
        };
        let cat = usize::from(r.kind != "collective");
        for (t, n) in totals[cat].iter_mut().zip(r.counts) {
            *t += n;
        }
        match units.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, counts)) => {
                for (t, n) in counts.iter_mut().zip(r.counts) {
                    *t += n;
                }
            }
            None => units.push((unit, r.counts)),
        }
    }
    let b = &mut d.body;
    b.push(Block::text(format!(
        "Thực hiện Kế hoạch phát động {plan_name}, {} báo cáo kết quả xét khen thưởng {} như sau:",
        names.issuer,
        review_phrase(review)
    )));
    b.push(heading("I. KẾT QUẢ XÉT KHEN THƯỞNG"));
    let line = |label: &str, k: usize| {
        Block::text(format!(
            "- {label}: {} tập thể, {} cá nhân.",
            totals[0][k], totals[1][k]
        ))
    };
    // Registrations (VI.1), when the folder keeps them.
    if input.data.registrations.is_some() {
        let mut registered = [0u32; 2];
        for r in &rows {
            registered[usize::from(r.kind != "collective")] += r.registered.unwrap_or(0);
        }
        b.push(Block::text(format!(
            "- Đăng ký thi đua (VI.1): {} tập thể, {} cá nhân.",
            registered[0], registered[1]
        )));
    }
    b.push(line("Số hồ sơ đề nghị", 0));
    b.push(line("Đủ tiêu chuẩn", 1));
    b.push(line(
        &format!("Đề nghị tặng Bằng khen của {}", names.recipient),
        2,
    ));
    b.push(line(
        &format!(
            "Đề nghị tặng Giấy khen của {} {}",
            names.signer_title, names.issuer
        ),
        3,
    ));
    b.push(line("Vượt chỉ tiêu", 4));
    b.push(line("Chưa đủ tiêu chuẩn", 5));
    b.push(line("Đã được tặng Bằng khen (theo quyết định)", 6));
    b.push(line("Đã được tặng Giấy khen (theo quyết định)", 7));
    b.push(heading("II. SỐ LIỆU THEO ĐƠN VỊ"));
    let mut table_rows: Vec<Vec<Cell>> = units
        .iter()
        .filter(|(_, c)| c.iter().any(|n| *n > 0))
        .enumerate()
        .map(|(i, (unit, c))| {
            vec![
                cell((i + 1).to_string()),
                cell(unit.clone()),
                cell(c[0].to_string()),
                cell(c[1].to_string()),
                cell(c[2].to_string()),
                cell(c[3].to_string()),
                cell((c[6] + c[7]).to_string()),
            ]
        })
        .collect();
    let sum = |k: usize| totals[0][k] + totals[1][k];
    table_rows.push(vec![
        bold_cell("Tổng cộng", 2),
        bold_cell(sum(0).to_string(), 1),
        bold_cell(sum(1).to_string(), 1),
        bold_cell(sum(2).to_string(), 1),
        bold_cell(sum(3).to_string(), 1),
        bold_cell((sum(6) + sum(7)).to_string(), 1),
    ]);
    b.push(Block::Table {
        widths: vec![9, 31, 12, 12, 12, 12, 12],
        header: [
            "STT",
            "Đơn vị",
            "Số đề nghị",
            "Đủ tiêu chuẩn",
            "Đề nghị Bằng khen",
            "Đề nghị Giấy khen",
            "Đã khen thưởng",
        ]
        .into_iter()
        .map(String::from)
        .collect(),
        rows: table_rows,
    });
    b.push(heading("III. NHỮNG VẤN ĐỀ CÒN TỒN TẠI"));
    let open: Vec<String> = input
        .report
        .candidates
        .iter()
        .filter_map(|c| {
            let q = open_questions(input.data, input.report, c);
            (!q.is_empty()).then(|| {
                format!(
                    "- {} ({}): {}.",
                    input.data.name(c.subject),
                    input.data.id(c.subject),
                    q.join("; ")
                )
            })
        })
        .collect();
    if open.is_empty() {
        b.push(Block::text("Không có vấn đề tồn tại."));
    } else {
        for o in open {
            b.push(Block::text(o));
        }
    }
    b.push(Block::text(format!(
        "Trên đây là báo cáo kết quả xét khen thưởng {} của {}./.",
        review_phrase(review),
        names.issuer
    )));
    d.recipients = vec![
        format!("{};", names.recipient),
        "Ban Thi đua - Khen thưởng (Sở Nội vụ);".into(),
        "Lưu: VT, HĐTĐKT.".into(),
    ];
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_the_vietnamese_way() {
        assert_eq!(money(1_800_000), "1.800.000");
        assert_eq!(money(540_000), "540.000");
        assert_eq!(money(0), "0");
        assert_eq!(money(999), "999");
        assert_eq!(multiple_text(300), "0,3");
        assert_eq!(multiple_text(1000), "1");
        assert_eq!(multiple_text(125), "0,125");
        assert_eq!(share(8, 9), "88,9%");
        assert_eq!(share(9, 9), "100%");
        assert_eq!(share(0, 0), "—");
    }

    #[test]
    fn documents_are_issued_the_year_after_the_review() {
        assert_eq!(issue_year(Review::Annual(2023)), 2024);
        assert_eq!(issue_year(Review::Final(2021, 2025)), 2026);
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(
            decision_day(Review::Annual(2023), day(2024, 3, 8)),
            day(2024, 3, 8)
        );
        assert_eq!(
            decision_day(Review::Annual(2021), day(2024, 3, 8)),
            day(2022, 12, 31)
        );
        assert_eq!(
            decision_day(Review::Annual(2024), day(2024, 3, 8)),
            day(2025, 1, 1)
        );
    }
}
