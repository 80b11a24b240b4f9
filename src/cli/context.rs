//! What every command needs: the options, the loaded data, and output.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use thiduakt::diag::report::render_all;
use thiduakt::diag::{Diagnostic, Problem};
use thiduakt::load::{Keep, LoadOptions, load};
use thiduakt::model::Dataset;
use thiduakt::output::{OutputError, write_atomic};
use thiduakt::render::table::wrap;
use thiduakt::render::{Format, Style, validate};
use thiduakt::{Lang, Review};

use crate::cli::args::{FormatArg, Global, LangArg};

/// How many errors, and how many warnings, a command other than
/// `validate` shows before counting the rest.
const SHOWN_DIAGNOSTICS: usize = 20;

/// Why a command failed. Each failure owns its exit code ([`Failure::code`]).
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The data or a file could not be used, and the messages saying why
    /// are already shown (diagnostics): exit code 1.
    #[error("reported")]
    Reported,
    /// The command line asks for something the command cannot do: exit
    /// code 2, with this message.
    #[error("{0}")]
    Usage(String),
    /// Anything else (a file that could not be written...): exit code 1,
    /// with its message.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl Failure {
    /// The exit code (spec §5): 1 the data or a file could not be used, 2
    /// usage.
    pub fn code(&self) -> u8 {
        match self {
            Failure::Usage(_) => 2,
            Failure::Reported | Failure::Other(_) => 1,
        }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Other(e.into())
    }
}

pub use Failure::{Reported, Usage};

/// What a command returns.
pub type Outcome<T = ()> = Result<T, Failure>;

/// Writes a message to stderr. Unlike `eprint!`, a stderr that cannot be
/// written (a full disk, a closed pipe) does not make the tool panic: the
/// exit code still tells.
pub fn to_stderr(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// The message of a failed write to standard output (a full disk, a
/// closed file): the data the command made did not arrive.
pub fn stdout_failed(lang: Lang, e: &io::Error) -> String {
    match lang {
        Lang::Vi => format!("không ghi được ra đầu ra chuẩn (stdout): {e}"),
        Lang::En => format!("could not write to standard output: {e}"),
    }
}

/// The extension of an output file, in lower case: what `-o` takes its
/// format from, in every command.
pub fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The command line of this run with the argument `from` replaced by `to`:
/// `thiduakt summary 2021-2025` for `thiduakt summary 2025`.
fn same_command_with(from: &str, to: &str) -> String {
    let mut words = vec!["thiduakt".to_string()];
    let mut replaced = false;
    for arg in std::env::args().skip(1) {
        let arg = if !replaced && arg == from {
            replaced = true;
            to.to_string()
        } else {
            arg
        };
        let plain = !arg.is_empty()
            && arg
                .chars()
                .all(|c| c.is_alphanumeric() || "-_./=:,".contains(c));
        words.push(if plain {
            arg
        } else {
            format!("'{}'", arg.replace('\'', "'\\''"))
        });
    }
    words.join(" ")
}

/// Why a file could not be written, in the user's language, without the
/// name of the temporary file it was being written to.
fn io_reason(e: &io::Error, lang: Lang) -> String {
    use io::ErrorKind::*;
    let known = match e.kind() {
        PermissionDenied => Some((
            "không có quyền ghi vào thư mục này",
            "no permission to write in this folder",
        )),
        ReadOnlyFilesystem => Some(("ổ đĩa chỉ cho đọc", "the disk is read-only")),
        StorageFull => Some(("ổ đĩa đã đầy", "the disk is full")),
        NotFound => Some((
            "không tạo được tệp ở đây",
            "the file cannot be created there",
        )),
        IsADirectory => Some(("đây là một thư mục", "this is a folder")),
        _ => None,
    };
    match known {
        Some((vi, en)) => lang.pick(vi, en).to_string(),
        // The system's words, without the path tempfile adds.
        None => e
            .raw_os_error()
            .map(io::Error::from_raw_os_error)
            .map_or_else(|| e.kind().to_string(), |os| os.to_string()),
    }
}

/// The width output fits: `COLUMNS` when it is set (a number of columns),
/// else the terminal's when stdout is one; in a pipe, none (the full
/// layout).
fn width(columns: Option<&str>, terminal: bool) -> Option<usize> {
    if let Some(n) = columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return Some(n);
    }
    if !terminal {
        return None;
    }
    // comfy-table asks the terminal for its size.
    comfy_table::Table::new().width().map(usize::from)
}

/// The options of a run, resolved.
pub struct Context {
    /// The data folder.
    pub data_dir: PathBuf,
    /// The day deadlines are reckoned from.
    pub today: NaiveDate,
    /// Language of human output.
    pub lang: Lang,
    /// Output format.
    pub format: Format,
    /// Errors only on stderr.
    pub quiet: bool,
    /// How to read files.
    pub load_options: LoadOptions,
    /// Table style.
    pub style: Style,
}

impl Context {
    /// Resolves the global options. Today is the system date unless
    /// `--today` says otherwise.
    pub fn new(g: &Global) -> Self {
        let lang = match g.lang {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        };
        let terminal = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Context {
            data_dir: g.data.clone(),
            today: g.today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            lang,
            format: match g.format {
                FormatArg::Table => Format::Table,
                FormatArg::Csv => Format::Csv,
                FormatArg::Json => Format::Json,
            },
            quiet: g.quiet,
            load_options: LoadOptions {
                encoding: g.encoding,
                in_memory: false,
                keep: Keep::All,
            },
            style: Style {
                lang,
                color: terminal && !no_color,
                width: width(std::env::var("COLUMNS").ok().as_deref(), terminal),
            },
        }
    }

    /// Loads the data folder, showing its diagnostics on stderr (warnings
    /// unless `-q`). Errors end the command with exit code 1. Every row is
    /// checked; the achievement and nomination rows `keep` wants are kept.
    pub fn load(&self, keep: Keep) -> Outcome<Dataset> {
        let options = LoadOptions {
            keep,
            ..self.load_options
        };
        let loaded = load(&self.data_dir, &options);
        self.report(&loaded.diagnostics);
        loaded.dataset.ok_or_else(|| Reported)
    }

    /// Shows diagnostics on stderr: warnings unless `-q`; as JSON with
    /// `--format json` (every one of them), else as text (the first few).
    pub fn report(&self, diagnostics: &[Diagnostic]) {
        let shown: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.is_error() || !self.quiet)
            .cloned()
            .collect();
        if shown.is_empty() {
            return;
        }
        if self.format == Format::Json {
            to_stderr(&validate::stderr_json(&shown, self.lang));
        } else {
            to_stderr(&render_all(
                &shown,
                self.lang,
                Some(SHOWN_DIAGNOSTICS),
                self.style.width,
            ));
        }
    }

    /// Reads a review the plan holds; an error (exit 1) says which ones it does.
    /// When another review is the obvious one, the same command line with
    /// it in place of `text` is suggested.
    pub fn review(&self, data: &Dataset, text: &str) -> Outcome<Review> {
        data.plan.parse_review(text).map_err(|e| {
            let mut message = e.message(self.lang);
            if let Some(instead) = e.instead() {
                let line = same_command_with(text, &instead.code());
                message.push_str(&match self.lang {
                    Lang::Vi => format!("; hãy dùng: {line}"),
                    Lang::En => format!("; use: {line}"),
                });
            }
            self.error(&message);
            Reported
        })
    }

    /// Refuses a format a command does not have (exit 2).
    pub fn only_formats(&self, allowed: &[Format], command: &str) -> Outcome {
        if allowed.contains(&self.format) {
            return Ok(());
        }
        Err(Usage(match self.lang {
            Lang::Vi => format!("lệnh {command} không có định dạng này"),
            Lang::En => format!("{command} has no such output format"),
        }))
    }

    /// Prints an error message on stderr: with `--format json`, as the one
    /// error of `{"errors": [...]}`.
    pub fn error(&self, message: &str) {
        if self.format == Format::Json {
            to_stderr(&validate::stderr_json(
                &[Diagnostic::error(
                    None,
                    Problem::Message {
                        text: message.to_string(),
                        hint: None,
                    },
                )],
                self.lang,
            ));
            return;
        }
        let line = format!("{}: {message}", self.lang.pick("lỗi", "error"));
        to_stderr(&format!("{}\n", wrap(&line, self.style.width, 2)));
    }

    /// Prints a note on stderr, unless `-q`.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            to_stderr(&format!("{}\n", wrap(message, self.style.width, 2)));
        }
    }

    /// Writes data to stdout. A closed pipe (`| head`) is not an error.
    pub fn print(&self, text: &str) -> Outcome {
        self.print_bytes(text.as_bytes())
    }

    /// Writes bytes to stdout. A closed pipe (`| head`) is not an error.
    pub fn print_bytes(&self, bytes: &[u8]) -> Outcome {
        self.print_with(|out| out.write_all(bytes))
    }

    /// Lets `write` write to stdout. A closed pipe (`| head`) is not an
    /// error.
    pub fn print_with(&self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Outcome {
        // Written in large blocks, not line by line (stdout is line
        // buffered).
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        let written = write(&mut out).and_then(|()| out.flush());
        drop(out);
        match written {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                self.error(&stdout_failed(self.lang, &e));
                Err(Reported)
            }
            _ => Ok(()),
        }
    }

    /// Writes an output file atomically, refusing any input of the data
    /// folder (exit 1 with the reason).
    pub fn write_file(&self, path: &Path, bytes: &[u8]) -> Outcome {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !folder.is_dir() {
            self.error(&match self.lang {
                Lang::Vi => format!(
                    "không ghi được {}: không có thư mục {}; hãy tạo thư mục trước hoặc chọn nơi khác",
                    path.display(),
                    folder.display()
                ),
                Lang::En => format!(
                    "cannot write {}: there is no folder {}; create it first or choose another place",
                    path.display(),
                    folder.display()
                ),
            });
            return Err(Reported);
        }
        match write_atomic(path, &self.data_dir, bytes) {
            Ok(()) => Ok(()),
            Err(OutputError::IsInput { path }) => {
                self.error(&match self.lang {
                    Lang::Vi => format!(
                        "không ghi vào {}: đây là tệp dữ liệu đầu vào (trong {}); hãy chọn tệp khác",
                        path.display(),
                        self.data_dir.display()
                    ),
                    Lang::En => format!(
                        "not writing {}: it is an input of the data folder {}; choose another file",
                        path.display(),
                        self.data_dir.display()
                    ),
                });
                Err(Reported)
            }
            Err(OutputError::Io { path, source }) => {
                let reason = io_reason(&source, self.lang);
                self.error(&match self.lang {
                    Lang::Vi => format!("không ghi được {}: {reason}", path.display()),
                    Lang::En => format!("cannot write {}: {reason}", path.display()),
                });
                Err(Reported)
            }
        }
    }

    /// The exit code of a failed command, after saying why (what was
    /// reported is said already).
    pub fn exit_code(&self, failure: &Failure) -> ExitCode {
        match failure {
            Failure::Reported => {}
            Failure::Usage(message) => self.error(message),
            Failure::Other(error) => self.error(&format!("{error:#}")),
        }
        ExitCode::from(failure.code())
    }
}

#[cfg(test)]
mod tests {
    use super::width;

    #[test]
    fn columns_sets_the_width_and_a_pipe_has_none() {
        assert_eq!(width(Some("80"), false), Some(80));
        assert_eq!(width(Some(" 120 "), true), Some(120));
        // Not a width: ignored.
        assert_eq!(width(Some("abc"), false), None);
        assert_eq!(width(Some("0"), false), None);
        assert_eq!(width(Some(""), false), None);
        assert_eq!(width(None, false), None);
    }
}
