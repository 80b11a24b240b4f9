//! The command line in the user's language.
//!
//! clap speaks English. The language is therefore read from the command
//! line (and `THIDUAKT_LANG`) before clap parses it ([`scan`]); the
//! [`Command`] is then built from the derive and its texts replaced
//! ([`command`]), and clap's usage errors are written out here
//! ([`usage_error`]). The texts of `args.rs` are bilingual, "tiếng Việt /
//! English": each language keeps its half.

use std::ffi::OsString;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, ValueEnum};
use thiduakt::Lang;

use crate::cli::args::{self, Args, ByArg, DocArg, FormatArg, LangArg, SortArg};

/// What is known of a command line before clap reads it.
#[derive(Debug, Default)]
pub struct Scan {
    /// `--lang`, else `THIDUAKT_LANG`, else Vietnamese.
    pub lang: Lang,
    /// The command (the first word that is not an option), if any.
    pub command: Option<String>,
    /// The words after the command that are not options nor their values.
    pub positionals: Vec<String>,
    /// Whether `--format json` was asked for: a usage error is then JSON too.
    pub json: bool,
}

/// The global options that take a value (`--data DIR`...).
const VALUED: [&str; 5] = ["--data", "--today", "--lang", "--format", "--encoding"];

/// The options of the commands that take a value.
const COMMAND_VALUED: [&str; 7] = [
    "-o", "--output", "--sort", "--by", "--doc", "--dir", "--shell",
];

/// Reads the language, the command and its words from the command line
/// (`args` without the program's name) and the environment's
/// `THIDUAKT_LANG`.
pub fn scan(args: &[OsString], env_lang: Option<&str>) -> Scan {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut scan = Scan::default();
    let mut lang = None;
    let mut i = 0;
    let mut options_end = false;
    while i < words.len() {
        let word = &words[i];
        i += 1;
        if !options_end && word == "--" {
            options_end = true;
            continue;
        }
        if !options_end && word.starts_with('-') && word.len() > 1 {
            if let Some(value) = word.strip_prefix("--lang=") {
                lang = Some(value.to_string());
            } else if word == "--lang" {
                lang = words.get(i).cloned();
            }
            let format = match word.strip_prefix("--format=") {
                Some(value) => Some(value),
                None if word == "--format" => words.get(i).map(String::as_str),
                None => None,
            };
            if let Some(format) = format {
                scan.json = format == "json";
            }
            if VALUED.contains(&word.as_str()) || COMMAND_VALUED.contains(&word.as_str()) {
                i += 1;
            }
            continue;
        }
        if scan.command.is_none() {
            scan.command = Some(word.clone());
        } else {
            scan.positionals.push(word.clone());
        }
    }
    scan.lang = match lang.as_deref().or(env_lang) {
        Some("en") => Lang::En,
        _ => Lang::Vi,
    };
    scan
}

/// The half of a bilingual "tiếng Việt / English" text for `lang`; a text
/// in one language only is the same in both.
fn half(text: &str, lang: Lang) -> String {
    match text.split_once(" / ") {
        Some((vi, en)) => lang.pick(vi, en).trim().to_string(),
        None => text.trim().to_string(),
    }
}

/// A value-enum parser whose values' texts are in `lang`.
fn enum_parser<E>(lang: Lang) -> impl TypedValueParser<Value = E>
where
    E: ValueEnum + Clone + Send + Sync + 'static,
{
    let values: Vec<PossibleValue> = E::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(|v| match v.get_help().map(|h| half(&h.to_string(), lang)) {
            Some(help) => v.help(help),
            None => v,
        })
        .collect();
    PossibleValuesParser::new(values).map(|name| {
        // The parser only lets the enum's own names through.
        E::from_str(&name, false).unwrap_or_else(|_| E::value_variants()[0].clone())
    })
}

/// The Vietnamese name of a value (`<ĐỢT_XÉT>`), by the argument's id.
fn value_name_vi(id: &str) -> Option<&'static str> {
    Some(match id {
        "review" | "reviews" => "ĐỢT_XÉT",
        "subject" => "MÃ",
        "data" => "THƯ_MỤC",
        "dir" => "THƯ_MỤC",
        "today" => "NGÀY",
        "lang" => "NGÔN_NGỮ",
        "format" => "ĐỊNH_DẠNG",
        "encoding" => "BẢNG_MÃ",
        "output" => "TỆP",
        "sort" => "THỨ_TỰ",
        "by" => "THEO",
        "doc" => "VĂN_BẢN",
        "shell" => "SHELL",
        "page" => "LỆNH",
        _ => return None,
    })
}

/// One argument's texts in `lang`.
fn localize_arg(arg: Arg, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let mut arg = match id.as_str() {
        "lang" => arg.value_parser(enum_parser::<LangArg>(lang)),
        "format" => arg.value_parser(enum_parser::<FormatArg>(lang)),
        "sort" => arg.value_parser(enum_parser::<SortArg>(lang)),
        "doc" => arg.value_parser(enum_parser::<DocArg>(lang)),
        "by" => arg.value_parser(enum_parser::<ByArg>(lang)),
        "today" => arg.value_parser(move |text: &str| args::parse_date(text, lang)),
        "encoding" => arg.value_parser(move |text: &str| args::parse_encoding(text, lang)),
        _ => arg,
    };
    let help = arg
        .get_help()
        .map(|h| half(&h.to_string(), lang))
        .unwrap_or_default();
    if lang == Lang::En {
        return arg.help(help);
    }
    // clap's own notes ("[default: ...]", "[possible values: ...]") are
    // English: they are written here instead.
    let mut notes = String::new();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        notes.push_str(&format!(" [giá trị: {}]", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        notes.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
    }
    if let Some(env) = arg.get_env() {
        notes.push_str(&format!(" [biến môi trường: {}]", env.to_string_lossy()));
    }
    if let Some(name) = value_name_vi(&id) {
        arg = arg.value_name(name);
    }
    let heading = if arg.is_positional() {
        "Đối số"
    } else {
        "Tùy chọn"
    };
    let arg = arg.help(format!("{help}{notes}")).help_heading(heading);
    if arg.get_action().takes_values() {
        arg.hide_possible_values(true)
            .hide_default_value(true)
            .hide_env(true)
    } else {
        arg
    }
}

/// A command's and its commands' arguments and texts in `lang`.
fn localize_before_build(cmd: Command, lang: Lang) -> Command {
    let about = cmd.get_about().map(|a| half(&a.to_string(), lang));
    let cmd = cmd.mut_args(|a| localize_arg(a, lang));
    let cmd = match about {
        Some(about) => cmd.about(about),
        None => cmd,
    };
    cmd.mut_subcommands(|s| localize_before_build(s, lang))
}

/// The line of usage of a command, in Vietnamese: clap writes
/// `[OPTIONS]` and `<COMMAND>`.
fn usage_vi(cmd: &Command) -> String {
    let mut usage = cmd
        .get_bin_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string();
    let shown = |a: &&Arg| !a.is_hide_set();
    if cmd
        .get_arguments()
        .filter(shown)
        .any(|a| !a.is_positional() && !a.is_required_set())
    {
        usage.push_str(" [TÙY CHỌN]");
    }
    for a in cmd
        .get_arguments()
        .filter(shown)
        .filter(|a| !a.is_positional() && a.is_required_set())
    {
        let flag = a
            .get_long()
            .map(|l| format!("--{l}"))
            .or_else(|| a.get_short().map(|s| format!("-{s}")))
            .unwrap_or_default();
        usage.push_str(&format!(" {flag} <{}>", value_name(a)));
    }
    for a in cmd.get_positionals().filter(shown) {
        let name = value_name(a);
        let many = matches!(a.get_action(), ArgAction::Append)
            || a.get_num_args().is_some_and(|n| n.max_values() > 1);
        usage.push_str(&match (a.is_required_set(), many) {
            (true, false) => format!(" <{name}>"),
            (true, true) => format!(" <{name}>..."),
            (false, false) => format!(" [{name}]"),
            (false, true) => format!(" [{name}]..."),
        });
    }
    if cmd.has_subcommands() {
        usage.push_str(if cmd.is_subcommand_required_set() {
            " <LỆNH>"
        } else {
            " [LỆNH]"
        });
    }
    usage
}

fn value_name(a: &Arg) -> String {
    a.get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string())
        .unwrap_or_else(|| a.get_id().as_str().to_uppercase())
}

/// clap's own help flag, version flag and help command, and the layout of
/// help, in Vietnamese.
fn localize_after_build(cmd: Command) -> Command {
    let usage = usage_vi(&cmd);
    let has = |id: &str| cmd.get_arguments().any(|a| a.get_id() == id);
    let (help, version) = (has("help"), has("version"));
    let mut cmd = cmd
        .override_usage(usage)
        .help_template(
            "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH");
    if help {
        cmd = cmd.mut_arg("help", |a| a.help("In trợ giúp").help_heading("Tùy chọn"));
    }
    if version {
        cmd = cmd.mut_arg("version", |a| {
            a.help("In số phiên bản").help_heading("Tùy chọn")
        });
    }
    if cmd.find_subcommand("help").is_some() {
        cmd = cmd.mut_subcommand("help", |s| {
            s.about("In trợ giúp của chương trình hoặc của một lệnh")
                .mut_args(|a| a.value_name("LỆNH").help_heading("Đối số"))
        });
    }
    cmd.mut_subcommands(localize_after_build)
}

const AFTER_HELP_VI: &str = "\
Ví dụ:
  thiduakt check 2023                   danh sách xếp hạng năm 2023
  thiduakt check 2021-2025              đợt tổng kết giai đoạn
  thiduakt check 2023 --format csv      CSV cho script
  thiduakt export 2023 -o de-nghi.xlsx  xuất danh sách đề nghị ra Excel
  thiduakt draft 2023 -o van-ban        soạn tờ trình, quyết định, biên bản (.docx)
  thiduakt init du-lieu-moi             tạo thư mục dữ liệu mới
  thiduakt explain 2023 NV07            vì sao NV07 được hay không được đề nghị
  thiduakt deadlines                    các mốc thời gian
  thiduakt validate                     mọi lỗi của thư mục dữ liệu

Mã thoát: 0 xong, 1 dữ liệu lỗi, 2 sai cú pháp lệnh.
Tiếng Anh / English: --lang en.";

const AFTER_HELP_EN: &str = "\
Examples:
  thiduakt check 2023                   the ranked lists of 2023
  thiduakt check 2021-2025              the final review of the period
  thiduakt check 2023 --format csv      CSV for scripts
  thiduakt export 2023 -o list.xlsx     the nomination list as a workbook
  thiduakt draft 2023 -o documents      the submission, decision and record (.docx)
  thiduakt init new-data                a new data folder
  thiduakt explain 2023 NV07            why NV07 is proposed or not
  thiduakt deadlines                    the plan's deadlines
  thiduakt validate                     every problem of the data folder

Exit codes: 0 done, 1 bad data, 2 usage.";

/// The command line, with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let about = lang.pick(
        "Kiểm tra danh sách đề nghị khen thưởng theo kế hoạch thi đua, từ một thư mục dữ liệu.",
        "Checks emulation and commendation (thi đua – khen thưởng) nominations against the plan, from a data folder.",
    );
    let cmd = Args::command()
        .about(about)
        .after_help(lang.pick(AFTER_HELP_VI, AFTER_HELP_EN));
    let mut cmd = localize_before_build(cmd, lang).about(about);
    if lang == Lang::En {
        return cmd;
    }
    cmd.build();
    localize_after_build(cmd)
}

/// Whether a word is written as a review: a year (2023) or a period
/// (2021-2025).
fn looks_like_review(word: &str) -> bool {
    let year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match word.split_once('-') {
        Some((from, to)) => year(from) && year(to),
        None => year(word),
    }
}

/// The commands whose first word is the review.
const REVIEW_FIRST: [&str; 5] = ["check", "export", "explain", "draft", "publish"];

/// What a clerk is told when a command lacks its review or its subject,
/// with an example; `None` for the other errors.
fn missing_words(scan: &Scan, lang: Lang) -> Option<String> {
    let command = scan.command.as_deref()?;
    if !REVIEW_FIRST.contains(&command) {
        return None;
    }
    let given = scan.positionals.first();
    let example = match command {
        "explain" => format!(
            "thiduakt explain 2023 {}",
            given
                .filter(|g| !looks_like_review(g))
                .map_or("NV07", |g| g)
        ),
        "export" => "thiduakt export 2023 -o de-nghi.xlsx".into(),
        "draft" => "thiduakt draft 2023 -o van-ban".into(),
        "publish" => "thiduakt publish 2023 -o ket-qua.html".into(),
        _ => format!("thiduakt {command} 2023"),
    };
    let message = match (given, command == "explain") {
        (None, true) => lang
            .pick(
                "lệnh explain cần đợt xét (một năm như 2023, hoặc giai đoạn 2021-2025), rồi mã tập thể hoặc cá nhân",
                "explain needs the review (a year such as 2023, or the period 2021-2025), then the id of a unit or a person",
            )
            .to_string(),
        (Some(g), true) if looks_like_review(g) => match lang {
            Lang::Vi => format!("thiếu mã tập thể hoặc cá nhân sau đợt xét {g}"),
            Lang::En => format!("the id of a unit or a person is missing after the review {g}"),
        },
        (Some(g), true) => match lang {
            Lang::Vi => format!(
                "\"{g}\" không phải là một đợt xét: lệnh explain cần đợt xét trước (một năm như 2023, hoặc giai đoạn 2021-2025), rồi mã tập thể hoặc cá nhân"
            ),
            Lang::En => format!(
                "\"{g}\" is not a review: explain needs the review first (a year such as 2023, or the period 2021-2025), then the id of a unit or a person"
            ),
        },
        (None, false) => match lang {
            Lang::Vi => format!(
                "lệnh {command} cần đợt xét: một năm như 2023, hoặc giai đoạn 2021-2025"
            ),
            Lang::En => format!(
                "{command} needs the review: a year such as 2023, or the period 2021-2025"
            ),
        },
        // The review is there: what is missing is an option (-o FILE).
        (Some(_), false) => return None,
    };
    Some(match lang {
        Lang::Vi => format!("{message}\nví dụ: {example}\nXem thêm: thiduakt {command} --help"),
        Lang::En => format!(
            "{message}\nexample: {example}\nFor more information, try 'thiduakt {command} --help'."
        ),
    })
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// A usage error (exit code 2) in Vietnamese, from clap's error: what is
/// wrong, a suggestion if clap has one, the usage and where to read more.
fn usage_error_vi(e: &clap::Error, cmd: &Command, scan: &Scan) -> String {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut out = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} cần một giá trị"),
        ErrorKind::InvalidValue => {
            let valid = strings(e, ContextKind::ValidValue);
            let mut m = format!("giá trị \"{value}\" không hợp lệ cho {arg}");
            if !valid.is_empty() {
                m.push_str(&format!("; các giá trị có thể: {}", valid.join(", ")));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| format!(": {s}"))
                .unwrap_or_default();
            format!("giá trị \"{value}\" không hợp lệ cho {arg}{why}")
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            format!("không có tùy chọn {arg}")
        }
        ErrorKind::UnknownArgument => format!("thừa đối số \"{arg}\""),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh \"{}\"",
            string(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::NoEquals => format!("{arg} cần dấu bằng: {arg}=GIÁ_TRỊ"),
        ErrorKind::TooManyValues => format!("thừa giá trị \"{value}\" cho {arg}"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg}: không đủ giá trị")
        }
        ErrorKind::ArgumentConflict => {
            let prior = strings(e, ContextKind::PriorArg);
            if prior.is_empty() || prior == [arg.clone()] {
                format!("{arg} chỉ được dùng một lần")
            } else {
                format!("không dùng {arg} cùng với {}", prior.join(", "))
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg).join(", ");
            match scan.command.as_deref() {
                Some(command) => format!("lệnh {command} cần {missing}"),
                None => format!("thiếu {missing}"),
            }
        }
        ErrorKind::MissingSubcommand => "cần một lệnh, vd. thiduakt check 2023".to_string(),
        ErrorKind::InvalidUtf8 => "đối số không phải UTF-8".to_string(),
        _ => "sai cú pháp lệnh".to_string(),
    };
    if let Some(s) = string(e, ContextKind::SuggestedSubcommand) {
        out.push_str(&format!("; có phải là \"{s}\"?"));
    } else if let Some(s) = string(e, ContextKind::SuggestedArg) {
        out.push_str(&format!("; có phải là {s}?"));
    } else if let Some(s) = string(e, ContextKind::SuggestedValue) {
        out.push_str(&format!("; có phải là \"{s}\"?"));
    }
    let sub = scan
        .command
        .as_deref()
        .and_then(|name| cmd.find_subcommand(name))
        .filter(|s| s.get_name() != "help");
    let (usage, more) = match sub {
        Some(s) => (usage_vi(s), format!("thiduakt {} --help", s.get_name())),
        None => (usage_vi(cmd), "thiduakt --help".to_string()),
    };
    out.push_str(&format!("\n\nCách dùng: {usage}"));
    out.push_str(&format!("\nXem thêm: {more}"));
    out
}

/// The message of a usage error (exit code 2), in `lang`, without the
/// leading "lỗi: ".
pub fn usage_error(e: &clap::Error, cmd: &Command, scan: &Scan) -> String {
    if e.kind() == ErrorKind::MissingRequiredArgument
        && let Some(message) = missing_words(scan, scan.lang)
    {
        return message;
    }
    match scan.lang {
        Lang::Vi => usage_error_vi(e, cmd, scan),
        Lang::En => {
            // clap's message, without its own "error: ".
            let text = e.render().to_string();
            text.strip_prefix("error: ")
                .unwrap_or(&text)
                .trim_end()
                .to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_scan_skips_options_and_their_values() {
        let s = scan(
            &os(&["--data", "d", "explain", "--lang", "en", "NV07"]),
            None,
        );
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.command.as_deref(), Some("explain"));
        assert_eq!(s.positionals, ["NV07"]);
        assert_eq!(scan(&os(&["--lang=en"]), Some("vi")).lang, Lang::En);
        assert_eq!(scan(&os(&[]), Some("en")).lang, Lang::En);
        assert_eq!(scan(&os(&["check"]), None).lang, Lang::Vi);
    }

    #[test]
    fn both_languages_build() {
        command(Lang::Vi).debug_assert();
        command(Lang::En).debug_assert();
    }

    #[test]
    fn reviews_are_years_or_periods() {
        assert!(looks_like_review("2023"));
        assert!(looks_like_review("2021-2025"));
        assert!(!looks_like_review("NV07"));
    }
}
