//! The command line, declared with clap.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use encoding_rs::Encoding;
use thiduakt::Lang;

/// Kiểm tra danh sách đề nghị khen thưởng theo kế hoạch thi đua, từ một thư mục dữ liệu.
/// Checks emulation and commendation nominations against the plan, from a data folder.
#[derive(Debug, Parser)]
#[command(name = "thiduakt", version, about, long_about = None, max_term_width = 100)]
#[command(after_help = "\
Ví dụ / examples:
  thiduakt check 2023                       danh sách xếp hạng năm 2023
  thiduakt check 2021-2025                  đợt tổng kết giai đoạn
  thiduakt check 2023 --format csv          CSV cho script
  thiduakt export 2023 -o de-nghi.xlsx      xuất danh sách đề nghị ra Excel
  thiduakt draft 2023 -o van-ban            soạn tờ trình, quyết định, biên bản (.docx)
  thiduakt init du-lieu-moi                 tạo thư mục dữ liệu mới
  thiduakt explain 2023 NV07                vì sao NV07 được / không được đề nghị
  thiduakt deadlines                        các mốc thời gian
  thiduakt validate                         mọi lỗi của thư mục dữ liệu

Mã thoát / exit codes: 0 xong / done, 1 dữ liệu lỗi / bad data, 2 sai cú pháp lệnh / usage.")]
pub struct Args {
    /// Options of every command.
    #[command(flatten)]
    pub global: Global,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Options of every command.
#[derive(Debug, clap::Args)]
pub struct Global {
    /// Thư mục dữ liệu / the data folder
    #[arg(
        long,
        global = true,
        env = "THIDUAKT_DATA",
        default_value = "data",
        value_name = "DIR"
    )]
    pub data: PathBuf,
    /// Ngày tính hạn, DD/MM/YYYY hoặc YYYY-MM-DD (mặc định: hôm nay) / the day deadlines are reckoned from
    #[arg(long, global = true, value_name = "DATE", value_parser = any_date)]
    pub today: Option<NaiveDate>,
    /// Ngôn ngữ / language
    #[arg(
        long,
        global = true,
        env = "THIDUAKT_LANG",
        value_enum,
        default_value = "vi"
    )]
    pub lang: LangArg,
    /// Định dạng đầu ra / output format
    #[arg(long, global = true, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Không in cảnh báo ra stderr, chỉ in lỗi / print errors only, no warnings or notes
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Bảng mã của tệp không phải UTF-8, vd. windows-1258 / encoding of files that are not UTF-8
    #[arg(long, global = true, value_name = "ENCODING", value_parser = any_encoding)]
    pub encoding: Option<&'static Encoding>,
}

/// A language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Tiếng Việt
    Vi,
    /// English
    En,
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Bảng cho người đọc / a table for people
    Table,
    /// CSV cho script / CSV for scripts
    Csv,
    /// JSON cho script / JSON for scripts
    Json,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Danh sách xếp hạng, chỉ tiêu và cảnh báo của một đợt xét / ranked lists, quotas and warnings of a review
    Check {
        /// Đợt xét: một năm (2023) hoặc cả giai đoạn (2021-2025) / a year or the whole period
        review: String,
    },
    /// Xuất danh sách đề nghị (.csv hoặc .xlsx) / export the nomination list (.csv or .xlsx)
    Export {
        /// Đợt xét / the review
        review: String,
        /// Tệp ra: .csv, .xlsx, hoặc - (CSV ra stdout) / output file: .csv, .xlsx, or - (CSV to stdout)
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Thứ tự trong mỗi nhóm / order within each group
        #[arg(long, value_enum, default_value = "rank")]
        sort: SortArg,
        /// Thêm BOM khi in CSV ra stdout (-o -), cho Excel / add the BOM to CSV on stdout (-o -), for Excel
        #[arg(long)]
        bom: bool,
    },
    /// Tổng hợp theo đợt xét (và theo đơn vị) / summary per review (and per unit)
    Summary {
        /// Các đợt xét (mặc định: tất cả) / reviews (default: all of the plan's)
        reviews: Vec<String>,
        /// Chia theo đơn vị / break down per unit
        #[arg(long, value_enum)]
        by: Option<ByArg>,
    },
    /// Các mốc thời gian của kế hoạch và tình trạng / every deadline of the plan and its status
    Deadlines {
        /// Chỉ một đợt xét / only this review
        review: Option<String>,
        /// Ghi ra tệp, định dạng theo đuôi: .ics (lịch), .csv, .json, .txt / write to a file, in the format its extension names: .ics (calendar), .csv, .json, .txt
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Giải thích từng quy định áp dụng cho một đối tượng / every rule applied to one subject
    Explain {
        /// Đợt xét / the review
        review: String,
        /// Mã tập thể hoặc cá nhân / id of a unit or a person
        subject: String,
    },
    /// Soạn các văn bản của đợt xét (.docx) / draft the review's documents (.docx)
    Draft {
        /// Đợt xét / the review
        review: String,
        /// Thư mục ghi văn bản / the folder to write the documents to
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Chỉ một văn bản / only one document
        #[arg(long, value_enum)]
        doc: Option<DocArg>,
        /// Bản để ký: từ chối khi còn vấn đề mở / for signing: refuse while anything is open
        #[arg(long = "final")]
        final_: bool,
    },
    /// Trang công bố kết quả (.html) / the results page for the website (.html)
    Publish {
        /// Đợt xét / the review
        review: String,
        /// Tệp .html / the .html file
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Liệt kê mọi lỗi trong thư mục dữ liệu / list every problem of the data folder
    Validate,
    /// Tạo thư mục dữ liệu mới với kế hoạch mặc định / create a new data folder with the built-in plan
    Init {
        /// Thư mục mới hoặc rỗng / a new or empty folder
        dir: PathBuf,
        /// Một sổ tính thiduakt.xlsx thay cho các tệp CSV / one workbook thiduakt.xlsx instead of CSV files
        #[arg(long)]
        xlsx: bool,
    },
    /// Mã tự hoàn thành cho shell / shell completion script
    Completions {
        /// bash, zsh, fish, powershell, elvish
        shell: clap_complete::Shell,
    },
    /// Trang hướng dẫn man (roff) / the manual page (roff)
    Man {
        /// Trang của một lệnh, vd. check (mặc định: trang chính) / the page of one command, e.g. check (default: the main page)
        #[arg(value_name = "COMMAND", value_parser = MAN_PAGES)]
        page: Option<String>,
        /// Ghi ra tệp thay vì stdout / write to a file instead of stdout
        #[arg(short, long, value_name = "FILE", conflicts_with = "dir")]
        output: Option<PathBuf>,
        /// Ghi mọi trang (thiduakt.1, thiduakt-check.1…) vào thư mục / write every page (thiduakt.1, thiduakt-check.1…) into a folder
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// The commands with a manual page of their own, `thiduakt-COMMAND(1)`.
pub const MAN_PAGES: [&str; 11] = [
    "check",
    "export",
    "summary",
    "deadlines",
    "explain",
    "draft",
    "publish",
    "validate",
    "init",
    "completions",
    "man",
];

/// The order of rows in an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Theo thứ hạng / by rank
    Rank,
    /// Theo tên, như danh sách chính thức / by name, as official lists are
    Name,
}

/// One of the documents of `draft`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocArg {
    /// Quyết định tặng Giấy khen / the Director's decision
    QuyetDinh,
    /// Tờ trình đề nghị Bằng khen / the submission for Bằng khen
    ToTrinh,
    /// Biên bản họp xét / the council's meeting record
    BienBan,
    /// Báo cáo sơ kết, tổng kết / the review's report
    BaoCao,
}

/// How to break a summary down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// Theo đơn vị / per unit
    Unit,
}

/// Reads `--today` in either date form (the messages of clap's derive,
/// before the language is known, are in both languages).
fn any_date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text, None)
}

/// Reads `--today` in either date form, with a message in `lang` (or in
/// both languages).
pub fn parse_date(text: &str, lang: impl Into<Option<Lang>>) -> Result<NaiveDate, String> {
    thiduakt::load::values::date(text).map_err(|_| match lang.into() {
        Some(Lang::Vi) => "cần ngày dạng DD/MM/YYYY hoặc YYYY-MM-DD".to_string(),
        Some(Lang::En) => "expected DD/MM/YYYY or YYYY-MM-DD".to_string(),
        None => format!(
            "\"{text}\": cần DD/MM/YYYY hoặc YYYY-MM-DD / expected DD/MM/YYYY or YYYY-MM-DD"
        ),
    })
}

/// Reads `--encoding` by its WHATWG label (`windows-1258`, `utf-16le`, ...).
fn any_encoding(text: &str) -> Result<&'static Encoding, String> {
    parse_encoding(text, None)
}

/// Reads `--encoding`, with a message in `lang` (or in both languages).
pub fn parse_encoding(
    text: &str,
    lang: impl Into<Option<Lang>>,
) -> Result<&'static Encoding, String> {
    Encoding::for_label(text.trim().as_bytes()).ok_or_else(|| match lang.into() {
        Some(Lang::Vi) => "bảng mã không rõ (vd. windows-1258, utf-8, utf-16le)".to_string(),
        Some(Lang::En) => "unknown encoding (e.g. windows-1258, utf-8, utf-16le)".to_string(),
        None => format!(
            "\"{text}\": bảng mã không rõ / unknown encoding (vd. windows-1258, utf-8, utf-16le)"
        ),
    })
}
