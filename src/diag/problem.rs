//! Every problem the loader can find, with its message, what was expected and
//! a hint, in Vietnamese and English.

use crate::lang::{Lang, en_count};
use crate::plan::ReviewError;

/// The accepted date forms, for hints.
const DATE_FORMS_VI: &str =
    "ngày theo dạng NGÀY/THÁNG/NĂM (15/03/2024) hoặc NĂM-THÁNG-NGÀY (2024-03-15)";
const DATE_FORMS_EN: &str = "a date as DD/MM/YYYY (15/03/2024) or YYYY-MM-DD (2024-03-15)";

/// What is wrong. Each variant carries what its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    // ---- folders and files ----
    /// The data folder does not exist.
    NoDataFolder,
    /// The data folder is a file.
    NotAFolder,
    /// A required file is missing.
    MissingFile {
        /// What it should hold.
        what: &'static str,
    },
    /// The file could not be read.
    Unreadable {
        /// The system's reason.
        reason: String,
    },
    /// The same file of the folder comes from two places (a CSV file and
    /// a workbook, or a workbook and a sheet of `thiduakt.xlsx`).
    TwoSources {
        /// The first place, as shown.
        first: String,
        /// The second place, as shown.
        second: String,
    },
    /// A file of the folder that is not data (an Office lock file, a hidden
    /// file), left alone.
    Ignored,
    /// The file is empty.
    EmptyFile {
        /// The header the file should start with.
        header: String,
    },
    /// The file is binary, not text.
    Binary {
        /// What it looks like, if recognised (`xlsx`, `xls`, `pdf`, ...).
        looks_like: Option<&'static str>,
    },
    /// The file is larger than the tool reads.
    TooLarge {
        /// The cap, in bytes.
        limit: u64,
    },
    /// Not UTF-8: decoded with another encoding.
    DecodedAs {
        /// The encoding used.
        encoding: &'static str,
    },
    /// Vietnamese typed with a legacy font encoding.
    LegacyEncoding {
        /// `TCVN3` or `VNI`.
        name: &'static str,
        /// A sample of the text as it reads.
        sample: String,
    },
    /// The bytes are not valid in the encoding asked for or announced.
    BadEncoding {
        /// The encoding.
        encoding: &'static str,
    },
    /// Not a regular file: a FIFO, a device, a socket, a folder.
    NotRegular {
        /// `fifo`, `device`, `socket`, `directory` or `other`.
        kind: &'static str,
    },
    /// A symbolic link whose target does not exist.
    BrokenLink {
        /// Where the link points.
        target: String,
    },
    /// Bytes that are not UTF-8 in a file that is UTF-8 otherwise.
    InvalidUtf8 {
        /// The bytes, in hex (`FF FE`).
        bytes: String,
        /// How many more invalid sequences the file has after this one.
        more: usize,
        /// Whether the file is TOML (UTF-8 only).
        toml: bool,
    },
    /// A NUL byte in a text file.
    NulByte,

    // ---- CSV structure ----
    /// A column the file must have is not in the header.
    MissingColumn {
        /// The column's English name.
        column: &'static str,
        /// Its Vietnamese name.
        vi: &'static str,
        /// The header as found.
        found: Vec<String>,
    },
    /// Two header cells name the same column.
    DuplicateColumn {
        /// The column's English name.
        column: &'static str,
        /// Column number of the first one.
        first: usize,
    },
    /// A header cell that names no column of the file (warning): its
    /// cells are not read.
    UnknownColumn {
        /// The header cell.
        name: String,
        /// The nearest column the file does not have yet: its English and
        /// Vietnamese names.
        nearest: Option<(&'static str, &'static str)>,
    },
    /// One column of a pair that goes together is in the header, the other
    /// is not (votes for and votes in all).
    MissingPartner {
        /// The column missing: English and Vietnamese names.
        column: &'static str,
        /// Its Vietnamese name.
        vi: &'static str,
        /// The column present.
        partner: &'static str,
    },
    /// An optional column the rules read is absent from a file (warning):
    /// what follows from its absence.
    AbsentColumn {
        /// The column's English name.
        column: &'static str,
        /// Its Vietnamese name.
        vi: &'static str,
        /// What the rules do without it.
        effect: Absence,
    },
    /// A row with more or fewer cells than the header.
    RaggedRow {
        /// Cells in the header.
        expected: usize,
        /// Cells in the row.
        found: usize,
    },
    /// A quoted cell that never closes.
    UnclosedQuote,
    /// A header cell longer than the cap of a cell.
    HeaderTooLong {
        /// The cap, in bytes of UTF-8.
        limit: usize,
    },
    /// A header row of more cells than a data file can mean.
    HeaderTooWide {
        /// Its cells.
        cells: usize,
        /// The cap.
        limit: usize,
    },
    /// Blank rows in the middle of a file, skipped (warning, at the row
    /// after them).
    BlankRows {
        /// How many.
        count: u32,
    },
    /// A cell longer than the cap.
    FieldTooLong {
        /// The cap, in bytes of UTF-8.
        limit: usize,
        /// The cell's length, in bytes of UTF-8.
        length: usize,
    },
    // ---- values ----
    /// A required cell is empty.
    Required {
        /// The column's English name.
        column: &'static str,
    },
    /// Not a date in an accepted form.
    BadDate {
        /// The value.
        value: String,
    },
    /// A well-formed date that does not exist (31/02/2024).
    ImpossibleDate {
        /// The value.
        value: String,
    },
    /// A date that looks like month/day (12/25/2024).
    MonthFirstDate {
        /// The value.
        value: String,
    },
    /// Not a review (a year or a period).
    BadReview {
        /// The value.
        value: String,
    },
    /// A review the plan does not hold.
    ReviewNotInPlan {
        /// The value.
        value: String,
        /// Why.
        reason: ReviewError,
    },
    /// An id no unit or person has.
    UnknownSubject {
        /// The value.
        value: String,
        /// A close id.
        suggestion: Option<String>,
    },
    /// The plan's signer of the Giấy khen is the id of a unit, where a
    /// person is meant.
    SignerNotPerson {
        /// The value.
        value: String,
    },
    /// A unit id no unit has.
    UnknownUnit {
        /// The value.
        value: String,
        /// A close id.
        suggestion: Option<String>,
    },
    /// A criterion code the plan does not have.
    UnknownCriterion {
        /// The value.
        value: String,
        /// The plan's codes.
        known: Vec<String>,
        /// A close code.
        suggestion: Option<String>,
    },
    /// A criterion that does not apply to this subject in this review.
    NotApplicable {
        /// The criterion's code.
        code: String,
        /// The subject's id.
        subject: String,
        /// The subject's kind.
        kind: &'static str,
        /// The review.
        review: String,
        /// The codes that do apply.
        applicable: Vec<String>,
    },
    /// An id holding a character no id may hold: a control, format
    /// (invisible) or space character.
    BadIdChar {
        /// The id, as read.
        id: String,
        /// The character.
        ch: char,
        /// Its position in the id, from 1.
        at: usize,
    },
    /// Two ids that look alike (the same Unicode TR39 skeleton), told apart
    /// only by confusable letters (a Cyrillic `С` for a Latin `C`).
    ConfusableIds {
        /// The id defined here.
        id: String,
        /// The id it looks like, and where that one is defined.
        other: String,
        /// `file:line` of the other.
        first: String,
    },
    /// An id defined twice.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first defined (`file:line`).
        first: String,
    },
    /// The same row key twice (review × subject × criterion, review × subject).
    DuplicateRow {
        /// The key, as text.
        key: String,
        /// Where it first appears (`file:line`).
        first: String,
    },
    /// Not a result.
    BadResult {
        /// The value.
        value: String,
    },
    /// Not a score.
    BadScore {
        /// The value.
        value: String,
    },
    /// Not a whole number of votes.
    BadCount {
        /// The value.
        value: String,
    },
    /// Votes in favour above the votes cast.
    VotesOutOfRange {
        /// Votes in favour.
        in_favour: u32,
        /// Votes cast.
        total: u32,
    },
    /// More votes cast than the council has members (with
    /// `denominator = "members"`).
    VotesAboveMembers {
        /// Votes cast.
        total: u32,
        /// The council's size, from the plan.
        members: u32,
    },
    /// One vote count given without the other.
    VotesIncomplete,
    /// Zero votes cast.
    ZeroVotes,
    /// Not one of a fixed list of codes.
    BadCode {
        /// The column's English name.
        column: &'static str,
        /// The value.
        value: String,
        /// The accepted codes.
        expected: Vec<&'static str>,
        /// A close code.
        suggestion: Option<&'static str>,
    },
    /// A person of the Department without a unit.
    UnitRequired,
    /// A date before the review it belongs to could have ended (warning).
    DateBeforeReview {
        /// The value.
        value: String,
        /// The review.
        review: String,
    },

    /// A command's own message, already in the user's language (shown as
    /// JSON with `--format json`).
    Message {
        /// The message.
        text: String,
        /// What to do, if the command says it.
        hint: Option<String>,
    },

    // ---- TOML ----
    /// The TOML does not parse or does not fit the schema.
    Toml {
        /// The TOML reader's message.
        message: String,
    },
    /// A value of the plan or of units.toml is not acceptable.
    PlanValue {
        /// The key.
        key: String,
        /// The value, as written.
        value: String,
        /// What is expected, Vietnamese.
        expected_vi: String,
        /// What is expected, English.
        expected_en: String,
    },
    /// A criterion code used twice in the plan.
    DuplicateCriterion {
        /// The code.
        code: String,
        /// Line of the first one.
        first_line: u32,
    },
    /// A kind with no criterion in a type of review (warning).
    KindWithoutCriteria {
        /// The kind.
        kind: &'static str,
        /// `annual` or `final`.
        review: &'static str,
    },
}

/// The most characters of one excerpt of the data (a value, a header, a
/// key) that a message quotes; a longer one is cut, with `…`.
pub const EXCERPT_CHARS: usize = 200;

/// `text` cut to `max` characters, with `…` where it is cut, and its
/// control characters (a NUL, an escape sequence that would drive the
/// terminal) shown as U+FFFD, a tab as a space.
pub fn excerpt(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let cut = text.char_indices().nth(max).map(|(end, _)| end);
    let kept = &text[..cut.unwrap_or(text.len())];
    if cut.is_none() && !kept.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out: String = kept
        .chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect();
    if cut.is_some() {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

fn cap(text: &mut String, max: usize) {
    if let std::borrow::Cow::Owned(short) = excerpt(text, max) {
        *text = short;
    }
}

/// A list cut to its first 50 items, each capped; the rest counted.
fn cap_list(list: &mut Vec<String>) {
    const ITEMS: usize = 50;
    if list.len() > ITEMS {
        let rest = list.len() - ITEMS;
        list.truncate(ITEMS);
        list.push(format!("… (+{rest})"));
    }
    for item in list.iter_mut() {
        cap(item, EXCERPT_CHARS);
    }
}

impl Problem {
    /// The same problem with every excerpt of the data capped to
    /// [`EXCERPT_CHARS`]: however long a cell, a header or a line, a
    /// message stays short.
    fn capped(&self) -> Problem {
        use Problem::*;
        let mut p = self.clone();
        let max = EXCERPT_CHARS;
        match &mut p {
            Unreadable { reason: s }
            | EmptyFile { header: s }
            | LegacyEncoding { sample: s, .. }
            | UnknownColumn { name: s, .. }
            | BadDate { value: s }
            | ImpossibleDate { value: s }
            | MonthFirstDate { value: s }
            | BadReview { value: s }
            | BadResult { value: s }
            | BadScore { value: s }
            | BadCount { value: s }
            | BadCode { value: s, .. }
            | BrokenLink { target: s }
            | InvalidUtf8 { bytes: s, .. } => cap(s, max),
            ReviewNotInPlan { value, reason } => {
                cap(value, max);
                if let ReviewError::NotAReview(t) = reason {
                    cap(t, max);
                }
            }
            SignerNotPerson { value } => cap(value, max),
            UnknownSubject { value, suggestion } | UnknownUnit { value, suggestion } => {
                cap(value, max);
                if let Some(s) = suggestion {
                    cap(s, max);
                }
            }
            UnknownCriterion {
                value,
                known,
                suggestion,
            } => {
                cap(value, max);
                cap_list(known);
                if let Some(s) = suggestion {
                    cap(s, max);
                }
            }
            NotApplicable {
                code,
                subject,
                review,
                applicable,
                ..
            } => {
                cap(code, max);
                cap(subject, max);
                cap(review, max);
                cap_list(applicable);
            }
            BadIdChar { id, .. } => cap(id, max),
            ConfusableIds { id, other, first } => {
                cap(id, max);
                cap(other, max);
                cap(first, max);
            }
            DuplicateId { id: a, first: b } | DuplicateRow { key: a, first: b } => {
                cap(a, max);
                cap(b, max);
            }
            MissingColumn { found, .. } => cap_list(found),
            DateBeforeReview { value, review } => {
                cap(value, max);
                cap(review, max);
            }
            Toml { message } => cap(message, 2 * max),
            PlanValue {
                key,
                value,
                expected_vi,
                expected_en,
            } => {
                cap(key, max);
                cap(value, max);
                cap(expected_vi, 2 * max);
                cap(expected_en, 2 * max);
            }
            DuplicateCriterion { code, .. } => cap(code, max),
            _ => {}
        }
        p
    }

    /// What is wrong.
    pub fn message(&self, lang: Lang) -> String {
        self.capped().full_message(lang)
    }

    /// What was expected, when that helps.
    pub fn expected(&self, lang: Lang) -> Option<String> {
        self.capped().full_expected(lang)
    }

    /// How to fix it, when there is something to say.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        self.capped().full_hint(lang)
    }

    fn full_message(&self, lang: Lang) -> String {
        use Problem::*;
        let vi = lang == Lang::Vi;
        match self {
            NoDataFolder => pick(
                vi,
                "không tìm thấy thư mục dữ liệu",
                "the data folder does not exist",
            ),
            NotAFolder => pick(
                vi,
                "đây là một tệp, không phải thư mục dữ liệu",
                "this is a file, not a data folder",
            ),
            TwoSources { first, second } => {
                if vi {
                    format!("cùng một dữ liệu có hai nguồn: {first} và {second}")
                } else {
                    format!("the same data comes from two sources: {first} and {second}")
                }
            }
            Ignored => pick(
                vi,
                "bỏ qua: tệp khoá của Office hoặc tệp ẩn, không phải dữ liệu",
                "ignored: an Office lock file or a hidden file, not data",
            ),
            MissingFile { what } => {
                if vi {
                    format!("thiếu tệp bắt buộc {what}")
                } else {
                    format!("required file {what} is missing")
                }
            }
            Unreadable { reason } => {
                if vi {
                    format!("không đọc được tệp: {reason}")
                } else {
                    format!("cannot read the file: {reason}")
                }
            }
            EmptyFile { .. } => pick(vi, "tệp rỗng", "the file is empty"),
            Binary { looks_like } => match (looks_like, vi) {
                (Some(kind), true) => {
                    format!("đây không phải tệp văn bản CSV/TOML mà là tệp {kind}")
                }
                (Some(kind), false) => {
                    format!("this is not a CSV/TOML text file but a file in {kind} format")
                }
                (None, true) => "tệp chứa dữ liệu nhị phân, không phải văn bản".into(),
                (None, false) => "the file holds binary data, not text".into(),
            },
            TooLarge { limit } => {
                if vi {
                    format!("tệp lớn hơn giới hạn {} MB", limit / 1_000_000)
                } else {
                    format!("the file is larger than the {} MB limit", limit / 1_000_000)
                }
            }
            DecodedAs { encoding } => {
                if vi {
                    format!("tệp không phải UTF-8; đã đọc theo bảng mã {encoding}")
                } else {
                    format!("the file is not UTF-8; it was read as {encoding}")
                }
            }
            LegacyEncoding { name, sample } => {
                if vi {
                    format!("tệp được gõ bằng bảng mã cũ {name} (đọc ra: \"{sample}\")")
                } else {
                    format!(
                        "the file is typed in the legacy {name} encoding (it reads: \"{sample}\")"
                    )
                }
            }
            BadEncoding { encoding } => {
                if vi {
                    format!("tệp có byte không hợp lệ trong bảng mã {encoding}")
                } else {
                    format!("the file has bytes that are not valid {encoding}")
                }
            }
            NotRegular { kind } => {
                let (what_vi, what_en) = match *kind {
                    "directory" => ("một thư mục", "this is a directory"),
                    "fifo" => ("một ống có tên (FIFO)", "it is a FIFO (named pipe)"),
                    "device" => ("một thiết bị", "it is a device"),
                    "socket" => ("một socket", "it is a socket"),
                    _ => ("một đối tượng đặc biệt", "it is a special file"),
                };
                if vi {
                    format!("không phải tệp thông thường mà là {what_vi}")
                } else {
                    format!("not a regular file: {what_en}")
                }
            }
            BrokenLink { target } => {
                if vi {
                    format!(
                        "liên kết tượng trưng bị hỏng: trỏ tới \"{target}\", nơi không có tệp nào"
                    )
                } else {
                    format!("broken symbolic link: it points to \"{target}\", which does not exist")
                }
            }
            InvalidUtf8 { bytes, more, .. } => {
                let mut out = if vi {
                    format!("byte không hợp lệ trong UTF-8: {bytes}")
                } else {
                    format!("bytes that are not valid UTF-8: {bytes}")
                };
                if *more > 0 {
                    out.push_str(&if vi {
                        format!(" (và {more} chỗ khác nữa trong tệp)")
                    } else {
                        format!(" (and {more} more in the file)")
                    });
                }
                out
            }
            NulByte => pick(
                vi,
                "byte NUL (00) giữa văn bản: tệp bị hỏng hoặc không phải văn bản",
                "a NUL byte (00) in the text: the file is damaged or not text",
            ),
            BlankRows { count } => {
                if vi {
                    format!("bỏ qua {count} dòng trống ngay trên dòng này")
                } else if *count == 1 {
                    "the empty row above this one is skipped".to_string()
                } else {
                    format!("the {count} empty rows above this one are skipped")
                }
            }
            HeaderTooLong { limit } => {
                if vi {
                    format!("ô tiêu đề dài hơn giới hạn {limit} byte của một ô")
                } else {
                    format!("a header cell is longer than the {limit}-byte limit of a cell")
                }
            }
            HeaderTooWide { cells, limit } => {
                if vi {
                    format!("dòng tiêu đề có {cells} ô, quá giới hạn {limit} ô")
                } else {
                    format!("the header row has {cells} cells, over the limit of {limit}")
                }
            }
            MissingColumn {
                column,
                vi: vi_name,
                ..
            } => {
                if vi {
                    format!("thiếu cột \"{vi_name}\" ({column})")
                } else {
                    format!("column \"{column}\" ({vi_name}) is missing")
                }
            }
            DuplicateColumn { column, first } => {
                if vi {
                    format!("cột {column} xuất hiện hai lần (lần đầu ở cột {first})")
                } else {
                    format!("column {column} appears twice (first as column {first})")
                }
            }
            UnknownColumn { name, .. } => {
                if vi {
                    format!("cột \"{name}\" không phải cột nào của tệp này: bị bỏ qua, không đọc")
                } else {
                    format!("column \"{name}\" is none of this file's columns: ignored, not read")
                }
            }
            MissingPartner {
                column,
                vi: vi_name,
                partner,
            } => {
                if vi {
                    format!("có cột {partner} nhưng thiếu cột \"{vi_name}\" ({column})")
                } else {
                    format!("column {partner} is there but \"{column}\" ({vi_name}) is missing")
                }
            }
            AbsentColumn {
                column,
                vi: vi_name,
                effect,
            } => {
                let what = effect.text(lang);
                if vi {
                    format!("không có cột \"{vi_name}\" ({column}): {what}")
                } else {
                    format!("no column \"{column}\" ({vi_name}): {what}")
                }
            }
            RaggedRow { expected, found } => {
                if vi {
                    format!("dòng có {found} ô nhưng tiêu đề có {expected} cột")
                } else {
                    format!(
                        "the row has {} but the header has {}",
                        en_count(*found as u64, "cell", "cells"),
                        en_count(*expected as u64, "column", "columns")
                    )
                }
            }
            UnclosedQuote => pick(
                vi,
                "dấu nháy kép \" mở ở đây không được đóng",
                "a double quote \" opened here is never closed",
            ),
            FieldTooLong { limit, length } => {
                if vi {
                    format!("ô dài {length} byte, vượt giới hạn {limit} byte")
                } else {
                    format!("the cell is {length} bytes long, over the {limit}-byte limit")
                }
            }
            Required { column } => {
                if vi {
                    format!("ô {column} không được để trống")
                } else {
                    format!("{column} must not be empty")
                }
            }
            BadDate { value } => {
                if vi {
                    format!("\"{value}\" không phải là ngày")
                } else {
                    format!("\"{value}\" is not a date")
                }
            }
            ImpossibleDate { value } => {
                if vi {
                    format!("ngày \"{value}\" không có trong lịch")
                } else {
                    format!("\"{value}\" is not a day of the calendar")
                }
            }
            MonthFirstDate { value } => {
                if vi {
                    format!("\"{value}\" có vẻ viết theo kiểu THÁNG/NGÀY")
                } else {
                    format!("\"{value}\" looks like MONTH/DAY")
                }
            }
            BadReview { value } => {
                if vi {
                    format!("\"{value}\" không phải là đợt xét")
                } else {
                    format!("\"{value}\" is not a review")
                }
            }
            ReviewNotInPlan { reason, .. } => match (reason, vi) {
                (ReviewError::InFinalReview { year, final_review }, true) => format!(
                    "năm {year} không có đợt xét hằng năm: năm {year} được xét trong đợt tổng kết {final_review} (IV.3)"
                ),
                (ReviewError::InFinalReview { year, final_review }, false) => format!(
                    "{year} has no annual review: it is judged in the final review {final_review} (IV.3)"
                ),
                (other, _) => other.message(lang),
            },
            UnknownSubject { value, .. } => {
                if vi {
                    format!("không có tập thể hay cá nhân nào mã \"{value}\"")
                } else {
                    format!("no unit or person has the id \"{value}\"")
                }
            }
            SignerNotPerson { value } => {
                if vi {
                    format!(
                        "người ký giấy khen phải là một cá nhân: \"{value}\" là mã của một tập thể trong units.toml"
                    )
                } else {
                    format!(
                        "the signer of the Giấy khen must be a person: \"{value}\" is the id of a unit in units.toml"
                    )
                }
            }
            UnknownUnit { value, .. } => {
                if vi {
                    format!("không có đơn vị nào mã \"{value}\" trong units.toml")
                } else {
                    format!("no unit has the id \"{value}\" in units.toml")
                }
            }
            UnknownCriterion { value, .. } => {
                if vi {
                    format!("tiêu chí \"{value}\" không có trong kế hoạch")
                } else {
                    format!("criterion \"{value}\" is not in the plan")
                }
            }
            NotApplicable {
                code,
                subject,
                kind,
                review,
                ..
            } => {
                if vi {
                    format!(
                        "tiêu chí {code} không áp dụng cho {subject} (loại {kind}) trong đợt xét {review}: dòng này được bỏ qua [criterion_not_applicable]"
                    )
                } else {
                    format!(
                        "criterion {code} does not apply to {subject} (kind {kind}) in review {review}: the row is ignored [criterion_not_applicable]"
                    )
                }
            }
            BadIdChar { id, ch, at } => {
                let code = format!("U+{:04X}", u32::from(*ch));
                let id = id.replace(|c: char| c.is_control(), "\u{FFFD}");
                if vi {
                    format!(
                        "mã \"{id}\" có ký tự {code} ở vị trí {at} (ký tự điều khiển, vô hình hoặc khoảng trắng)"
                    )
                } else {
                    format!(
                        "id \"{id}\" holds the character {code} at position {at} (a control, invisible or space character)"
                    )
                }
            }
            ConfusableIds { id, other, first } => {
                if vi {
                    format!(
                        "mã \"{id}\" trông giống hệt mã \"{other}\" ({first}) nhưng khác ký tự (vd. chữ Kirin thay chữ Latinh)"
                    )
                } else {
                    format!(
                        "id \"{id}\" looks like \"{other}\" ({first}) but differs in its letters (a Cyrillic letter for a Latin one, say)"
                    )
                }
            }
            DuplicateId { id, first } => {
                if vi {
                    format!("mã \"{id}\" đã được dùng ở {first}")
                } else {
                    format!("id \"{id}\" is already used at {first}")
                }
            }
            DuplicateRow { key, first } => {
                if vi {
                    format!("dòng trùng ({key}): đã có ở {first}")
                } else {
                    format!("duplicate row ({key}): already at {first}")
                }
            }
            BadResult { value } => {
                if vi {
                    format!("\"{value}\" không phải là kết quả đánh giá")
                } else {
                    format!("\"{value}\" is not a result")
                }
            }
            BadScore { value } => {
                if vi {
                    format!("\"{value}\" không phải là số điểm")
                } else {
                    format!("\"{value}\" is not a score")
                }
            }
            BadCount { value } => {
                if vi {
                    format!("\"{value}\" không phải là số phiếu")
                } else {
                    format!("\"{value}\" is not a number of votes")
                }
            }
            VotesOutOfRange { in_favour, total } => {
                if vi {
                    format!("số phiếu đồng ý ({in_favour}) lớn hơn tổng số phiếu ({total})")
                } else {
                    format!("votes in favour ({in_favour}) exceed the votes cast ({total})")
                }
            }
            VotesAboveMembers { total, members } => {
                if vi {
                    format!(
                        "tổng số phiếu ({total}) lớn hơn số thành viên Hội đồng ({members}) trong plan.toml"
                    )
                } else {
                    format!(
                        "votes cast ({total}) exceed the council's {members} members in plan.toml"
                    )
                }
            }
            VotesIncomplete => pick(
                vi,
                "chỉ ghi một trong hai ô phiếu đồng ý và tổng số phiếu",
                "only one of votes_for and votes_total is filled in",
            ),
            ZeroVotes => pick(vi, "tổng số phiếu bằng 0", "votes_total is 0"),
            BadCode { column, value, .. } => {
                if vi {
                    format!("\"{value}\" không phải là giá trị hợp lệ của {column}")
                } else {
                    format!("\"{value}\" is not a valid {column}")
                }
            }
            UnitRequired => pick(
                vi,
                "cá nhân trong Sở (noi_bo) phải có đơn vị",
                "a person of the Department (noi_bo) needs a unit",
            ),
            DateBeforeReview { value, review } => {
                if vi {
                    format!("ngày {value} trước cả đợt xét {review}")
                } else {
                    format!("date {value} is before review {review} began")
                }
            }
            Message { text, .. } => text.clone(),
            Toml { message } => {
                if vi {
                    format!("TOML không hợp lệ: {message}")
                } else {
                    format!("invalid TOML: {message}")
                }
            }
            PlanValue { key, value, .. } => {
                if vi {
                    format!("giá trị của {key} không hợp lệ: {value}")
                } else {
                    format!("invalid value for {key}: {value}")
                }
            }
            DuplicateCriterion { code, first_line } => {
                if vi {
                    format!("mã tiêu chí {code} đã được khai báo ở dòng {first_line}")
                } else {
                    format!("criterion code {code} is already declared at line {first_line}")
                }
            }
            KindWithoutCriteria { kind, review } => {
                if vi {
                    format!(
                        "không có tiêu chí nào cho loại {kind} trong đợt xét {review}: họ sẽ không bao giờ đủ điều kiện"
                    )
                } else {
                    format!(
                        "no criterion applies to kind {kind} in {review} reviews: they can never be eligible"
                    )
                }
            }
        }
    }

    fn full_expected(&self, lang: Lang) -> Option<String> {
        use Problem::*;
        let vi = lang == Lang::Vi;
        Some(match self {
            EmptyFile { header } => {
                if vi {
                    format!("ít nhất một dòng tiêu đề: {header}")
                } else {
                    format!("at least a header row: {header}")
                }
            }
            MissingColumn { found, .. } => {
                if vi {
                    format!(
                        "cột này trong dòng tiêu đề; tiêu đề hiện có: {}",
                        found.join(" | ")
                    )
                } else {
                    format!(
                        "this column in the header; the header has: {}",
                        found.join(" | ")
                    )
                }
            }
            BadDate { .. } | ImpossibleDate { .. } | MonthFirstDate { .. } => {
                pick(vi, DATE_FORMS_VI, DATE_FORMS_EN)
            }
            BadReview { .. } => pick(
                vi,
                "một năm (2023) hoặc cả giai đoạn (2021-2025)",
                "a year (2023) or the whole period (2021-2025)",
            ),
            UnknownCriterion { known, .. } => {
                if vi {
                    format!("một trong: {}", known.join(", "))
                } else {
                    format!("one of: {}", known.join(", "))
                }
            }
            NotApplicable { applicable, .. } if !applicable.is_empty() => {
                if vi {
                    format!("một trong: {}", applicable.join(", "))
                } else {
                    format!("one of: {}", applicable.join(", "))
                }
            }
            BadResult { .. } => pick(
                vi,
                "đạt (đạt, x, 1, yes, true), không đạt (không đạt, 0, no, false), hoặc để trống nếu chưa đánh giá",
                "met (đạt, x, 1, yes, true), not met (không đạt, 0, no, false), or empty if not yet assessed",
            ),
            BadScore { .. } => {
                // A score is kept in thousandths in 32 bits.
                let (whole, milli) = (u32::MAX / 1000, u32::MAX % 1000);
                if vi {
                    format!(
                        "một số không âm, tối đa 3 chữ số thập phân (8, 9,5 hoặc 9.5), không quá {whole},{milli:03}"
                    )
                } else {
                    format!(
                        "a non-negative number with at most 3 decimals (8, 9.5 or 9,5), at most {whole}.{milli:03}"
                    )
                }
            }
            BadCount { .. } => {
                let max = u32::MAX;
                if vi {
                    format!("một số nguyên không âm, không quá {max}")
                } else {
                    format!("a whole number, 0 or more and at most {max}")
                }
            }
            VotesOutOfRange { .. } => pick(
                vi,
                "0 ≤ phiếu đồng ý ≤ tổng số phiếu",
                "0 ≤ votes_for ≤ votes_total",
            ),
            VotesAboveMembers { members, .. } => {
                if vi {
                    format!("tổng số phiếu ≤ {members} (votes.members)")
                } else {
                    format!("votes_total ≤ {members} (votes.members)")
                }
            }
            VotesIncomplete => pick(
                vi,
                "cả hai ô (đã bỏ phiếu) hoặc cả hai để trống (chưa bỏ phiếu)",
                "both (voted) or neither (not yet voted)",
            ),
            ZeroVotes => pick(vi, "ít nhất 1 phiếu", "at least 1 vote"),
            BadCode { expected, .. } => {
                if vi {
                    format!("một trong: {}", expected.join(", "))
                } else {
                    format!("one of: {}", expected.join(", "))
                }
            }
            RaggedRow { expected, .. } => {
                if vi {
                    format!("{expected} ô, phân cách bởi cùng dấu với dòng tiêu đề")
                } else {
                    format!(
                        "{}, separated like the header",
                        en_count(*expected as u64, "cell", "cells")
                    )
                }
            }
            PlanValue {
                expected_vi,
                expected_en,
                ..
            } => pick(vi, expected_vi, expected_en).to_string(),
            Required { .. } => pick(vi, "một giá trị", "a value").to_string(),
            _ => return None,
        })
    }

    fn full_hint(&self, lang: Lang) -> Option<String> {
        use Problem::*;
        let vi = lang == Lang::Vi;
        let did_you_mean = |s: &str| {
            if vi {
                format!("có phải là \"{s}\"?")
            } else {
                format!("did you mean \"{s}\"?")
            }
        };
        Some(match self {
            NoDataFolder => pick(
                vi,
                "chỉ định thư mục bằng --data THƯ_MỤC hoặc biến THIDUAKT_DATA; tạo thư mục mới bằng: thiduakt init THƯ_MỤC",
                "name the folder with --data DIR or THIDUAKT_DATA; create one with: thiduakt init DIR",
            ),
            TwoSources { .. } => pick(
                vi,
                "giữ một nguồn, xoá hoặc đổi tên nguồn kia",
                "keep one of them; remove or rename the other",
            ),
            MissingFile { .. } => pick(
                vi,
                "tạo một thư mục mẫu bằng: thiduakt init THƯ_MỤC",
                "create a template folder with: thiduakt init DIR",
            ),
            // Only a spreadsheet can be saved as CSV; a PDF or a picture
            // is simply the wrong file.
            Binary {
                looks_like: Some(kind),
            } if kind.starts_with("Excel") => pick(
                vi,
                "trong Excel chọn File > Save As > \"CSV UTF-8 (Comma delimited)\"",
                "in Excel use File > Save As > \"CSV UTF-8 (Comma delimited)\"",
            ),
            Binary { looks_like: None } => pick(
                vi,
                "nếu đây là tệp văn bản, hãy lưu lại dạng \"CSV UTF-8\" (tệp UTF-16 phải có BOM)",
                "if this should be text, save it as \"CSV UTF-8\" (a UTF-16 file needs its BOM)",
            ),
            DecodedAs { .. } => pick(
                vi,
                "kiểm tra tên người có dấu hiển thị đúng; nên lưu lại tệp dạng \"CSV UTF-8\"",
                "check that Vietnamese names read correctly; better save the file as \"CSV UTF-8\"",
            ),
            LegacyEncoding { .. } => pick(
                vi,
                "chuyển sang Unicode bằng Unikey: Công cụ (Ctrl+Shift+F6) > chọn bảng mã nguồn TCVN3/VNI, bảng mã đích Unicode > Chuyển mã; rồi lưu \"CSV UTF-8\"",
                "convert to Unicode with Unikey's converter (Ctrl+Shift+F6): source TCVN3/VNI, target Unicode; then save as \"CSV UTF-8\"",
            ),
            BadEncoding { .. } => pick(
                vi,
                "lưu lại tệp dạng \"CSV UTF-8\", hoặc chỉ định bảng mã bằng --encoding",
                "save the file as \"CSV UTF-8\", or name its encoding with --encoding",
            ),
            NotRegular { .. } => pick(
                vi,
                "dữ liệu phải là tệp thông thường: thay bằng một bản chép của tệp thật",
                "data must be an ordinary file: put a copy of the real file here",
            ),
            BrokenLink { .. } => pick(
                vi,
                "sửa liên kết cho trỏ đúng tệp, hoặc chép tệp thật vào chỗ này",
                "point the link at the right file, or put a copy of the file here",
            ),
            InvalidUtf8 { toml: true, .. } => pick(
                vi,
                "tệp TOML phải là UTF-8: gõ lại ký tự ở chỗ này và lưu tệp dạng UTF-8",
                "a TOML file must be UTF-8: retype the character here and save the file as UTF-8",
            ),
            InvalidUtf8 { toml: false, .. } => pick(
                vi,
                "gõ lại ký tự ở chỗ này (có thể do dán từ tệp khác bảng mã); nếu cả tệp lưu theo Windows-1258, hãy dùng --encoding windows-1258",
                "retype the character here (pasted from a file in another encoding?); if the whole file is Windows-1258, use --encoding windows-1258",
            ),
            NulByte => pick(
                vi,
                "xoá ký tự này; nếu tệp do chương trình khác xuất ra, hãy lưu lại dạng văn bản UTF-8 (\"CSV UTF-8\")",
                "delete this character; if another program wrote the file, save it again as UTF-8 text (\"CSV UTF-8\")",
            ),
            BlankRows { .. } => pick(
                vi,
                "dòng trống không được đọc; nếu ở đó thiếu dữ liệu, hãy điền lại, nếu không thì xoá dòng trống",
                "an empty row is not read; if data is missing there, fill it in, else delete the empty row",
            ),
            HeaderTooLong { .. } | HeaderTooWide { .. } => pick(
                vi,
                "dòng đầu tiên phải là dòng tiêu đề với tên cột ngắn; kiểm tra đây có đúng là tệp dữ liệu",
                "the first line must be the header, with short column names; check this is the right file",
            ),
            UnclosedQuote => pick(
                vi,
                "thêm dấu \" đóng ô, hoặc viết \"\" cho một dấu nháy trong ô",
                "close the cell with \", or write \"\" for a quote inside it",
            ),
            // Fewer cells: one left out, most often an empty one at the
            // end of a line typed by hand. More: a delimiter in a cell.
            RaggedRow { expected, found } if found < expected => {
                let short = expected - found;
                if vi {
                    format!(
                        "ô để trống vẫn cần dấu phân cách: nếu các ô cuối để trống, thêm {short} dấu phân cách (như ở dòng tiêu đề) vào cuối dòng"
                    )
                } else {
                    format!(
                        "an empty cell still needs its delimiter: if the last cells are empty, end the line with {} (as in the header)",
                        en_count(short as u64, "more delimiter", "more delimiters")
                    )
                }
            }
            RaggedRow { .. } => pick(
                vi,
                "ô có dấu phẩy hoặc chấm phẩy cần đặt trong dấu nháy kép \"...\"",
                "a cell that holds the delimiter must be quoted \"...\"",
            ),
            MonthFirstDate { value } => {
                // Its own day-first reading: 03/15/2024 is 15/03/2024.
                let mut parts = value.split('/');
                let (m, d, y) = (parts.next(), parts.next(), parts.next());
                let (m, d, y) = (m.unwrap_or(""), d.unwrap_or(""), y.unwrap_or(""));
                let day_first = format!("{d:0>2}/{m:0>2}/{y}");
                if vi {
                    format!("có phải là {day_first}? (ngày đứng trước tháng)")
                } else {
                    format!("did you mean {day_first}? (the day comes before the month)")
                }
            }
            ReviewNotInPlan {
                reason: ReviewError::InFinalReview { final_review, .. },
                ..
            } => {
                if vi {
                    format!(
                        "thành tích của cả giai đoạn ghi ở đợt xét {final_review}, theo tiêu chí của đợt tổng kết"
                    )
                } else {
                    format!(
                        "achievements of the whole period belong to review {final_review}, under its own criteria"
                    )
                }
            }
            UnknownSubject {
                suggestion: Some(s),
                ..
            }
            | UnknownUnit {
                suggestion: Some(s),
                ..
            }
            | UnknownCriterion {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            SignerNotPerson { .. } => pick(
                vi,
                "ghi mã của người ký (Giám đốc Sở) như trong people.csv",
                "give the id of the person who signs (the Director) as people.csv writes it",
            ),
            UnknownSubject {
                suggestion: None, ..
            } => pick(
                vi,
                "mã phải khai báo trong units.toml (tập thể) hoặc people.csv (cá nhân)",
                "ids are declared in units.toml (collectives) or people.csv (individuals)",
            ),
            BadCode {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            BadIdChar { .. } => pick(
                vi,
                "mã chỉ gồm chữ, số và dấu gạch, không có khoảng trắng hay ký tự vô hình; gõ lại mã này",
                "ids are letters, digits and dashes, without spaces or invisible characters: type this id again",
            ),
            ConfusableIds { .. } => pick(
                vi,
                "gõ lại mã bằng bàn phím tiếng Việt/Latinh, hoặc đặt hai mã khác nhau rõ ràng",
                "type the id again on a Latin keyboard, or give the two clearly different ids",
            ),
            DuplicateId { .. } => pick(
                vi,
                "mỗi mã chỉ dùng cho một tập thể hoặc một cá nhân",
                "each id names one unit or one person",
            ),
            DuplicateRow { .. } => pick(
                vi,
                "giữ một dòng, xoá dòng còn lại",
                "keep one row, delete the other",
            ),
            VotesOutOfRange { .. } => pick(
                vi,
                "có thể hai cột bị đảo chỗ",
                "the two columns may be swapped",
            ),
            ZeroVotes => pick(
                vi,
                "nếu Hội đồng chưa bỏ phiếu, hãy để trống cả hai ô phiếu đồng ý và tổng số phiếu",
                "if the council has not voted, leave both votes_for and votes_total empty",
            ),
            UnitRequired => pick(
                vi,
                "ghi mã đơn vị, hoặc loại ben_ngoai nếu là cá nhân ngoài Sở",
                "give a unit id, or kind ben_ngoai for someone outside the Department",
            ),
            MissingColumn { .. } => pick(
                vi,
                "tên cột không phân biệt hoa thường, dấu, khoảng trắng; có thể dùng tên tiếng Việt",
                "header names ignore case, diacritics and spaces; Vietnamese names work too",
            ),
            UnknownColumn {
                nearest: Some((key, vi_name)),
                ..
            } => {
                if vi {
                    format!(
                        "cột gần nhất mà tệp chưa có: \"{vi_name}\" ({key}); đổi tên tiêu đề nếu đó là cột này"
                    )
                } else {
                    format!(
                        "the nearest column the file lacks: \"{key}\" ({vi_name}); rename the header if it is that one"
                    )
                }
            }
            MissingPartner { partner, .. } => {
                if vi {
                    format!(
                        "hai cột phiếu đi cùng nhau: thêm cột còn thiếu, hoặc bỏ cả cột {partner}"
                    )
                } else {
                    format!(
                        "the two vote columns go together: add the missing one, or drop {partner} too"
                    )
                }
            }
            Message {
                hint: Some(hint), ..
            } => hint.clone(),
            AbsentColumn { .. } => pick(
                vi,
                "thêm cột này vào dòng tiêu đề nếu dữ liệu có nó",
                "add the column to the header if the data has it",
            ),
            _ => return None,
        })
    }
}

/// What the rules do without an optional column ([`Problem::AbsentColumn`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Absence {
    /// achievements' `score`: every score counts as 0.
    Score,
    /// nominations' `received`: no dossier is recorded as received.
    Received,
    /// A document of the dossier (IV.2): every dossier lacks it.
    Document,
    /// nominations' votes: nobody is voted.
    Votes,
}

impl Absence {
    /// What follows, in words.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Absence::Score, Lang::Vi) => {
                "mọi điểm tính là 0: cùng tỷ lệ phiếu thì xếp theo mã, không theo điểm"
            }
            (Absence::Score, Lang::En) => {
                "every score counts as 0: equal vote shares are ranked by id, not by score"
            }
            (Absence::Received, Lang::Vi) => {
                "không hồ sơ nào được ghi là đã nhận: quá hạn thì mọi đề nghị là chưa nộp hồ sơ (IV.3)"
            }
            (Absence::Received, Lang::En) => {
                "no dossier is recorded as received: past the deadline every nomination has no dossier (IV.3)"
            }
            (Absence::Document, Lang::Vi) => "mọi hồ sơ đều thiếu văn bản này (IV.2)",
            (Absence::Document, Lang::En) => "every dossier lacks this document (IV.2)",
            (Absence::Votes, Lang::Vi) => {
                "chưa ai được Hội đồng biểu quyết: mọi đề nghị mang cảnh báo chưa biểu quyết (IV.1)"
            }
            (Absence::Votes, Lang::En) => {
                "nobody has a council vote: every proposed candidate is flagged not voted (IV.1)"
            }
        }
    }
}

fn pick(vi: bool, a: &str, b: &str) -> String {
    if vi { a.to_string() } else { b.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_and_never_drive_the_terminal() {
        assert_eq!(excerpt("Nguyễn", 200), "Nguyễn");
        assert_eq!(excerpt("ễễễễ", 2), "ễễ…");
        assert_eq!(excerpt("a\x1b[2Jb\0c\td", 200), "a\u{FFFD}[2Jb\u{FFFD}c d");
        let value = "x".repeat(5_000_000);
        let message = Problem::BadCount { value }.message(Lang::En);
        assert!(message.chars().count() < 300, "{}", message.len());
        let found = vec!["y".repeat(10_000); 1000];
        let missing = Problem::MissingColumn {
            column: "id",
            vi: "mã",
            found,
        };
        let expected = missing.expected(Lang::Vi).unwrap_or_default();
        assert!(expected.chars().count() < 12_000, "{}", expected.len());
    }
}
