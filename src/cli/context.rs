//! What every command needs: the options, the loaded data, and output.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use thiduakt::diag::report::render_all;
use thiduakt::load::{Keep, LoadOptions, load};
use thiduakt::model::Dataset;
use thiduakt::output::{OutputError, write_atomic};
use thiduakt::render::{Format, Style};
use thiduakt::{Lang, Review};

use crate::cli::args::{FormatArg, Global, LangArg};

/// How many errors, and how many warnings, a command other than
/// `validate` shows before counting the rest.
const SHOWN_DIAGNOSTICS: usize = 20;

/// A usage error: exit code 2.
#[derive(Debug)]
pub struct Usage(pub String);

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Errors already shown to the user (diagnostics): exit code 1.
#[derive(Debug)]
pub struct Reported;

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("reported")
    }
}

impl std::error::Error for Reported {}

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
                threads: None,
                in_memory: false,
                keep: Keep::All,
            },
            style: Style {
                lang,
                color: terminal && !no_color,
                terminal,
            },
        }
    }

    /// Loads the data folder, showing its diagnostics on stderr (warnings
    /// unless `-q`). Errors end the command with exit code 1. Every row is
    /// checked; the achievement and nomination rows `keep` wants are kept.
    ///
    /// The dataset is never freed: the process ends with the command, and
    /// freeing a million records one by one would only delay the exit.
    pub fn load(&self, keep: Keep) -> anyhow::Result<ManuallyDrop<Dataset>> {
        let options = LoadOptions {
            keep,
            ..self.load_options
        };
        let loaded = load(&self.data_dir, &options);
        let shown: Vec<_> = loaded
            .diagnostics
            .into_iter()
            .filter(|d| d.is_error() || !self.quiet)
            .collect();
        if !shown.is_empty() {
            to_stderr(&render_all(&shown, self.lang, Some(SHOWN_DIAGNOSTICS)));
        }
        loaded
            .dataset
            .map(ManuallyDrop::new)
            .ok_or_else(|| Reported.into())
    }

    /// Reads a review the plan holds; an error (exit 1) says which ones it does.
    pub fn review(&self, data: &Dataset, text: &str) -> anyhow::Result<Review> {
        data.plan.parse_review(text).map_err(|e| {
            self.error(&e.message(self.lang));
            Reported.into()
        })
    }

    /// Refuses a format a command does not have (exit 2).
    pub fn only_formats(&self, allowed: &[Format], command: &str) -> anyhow::Result<()> {
        if allowed.contains(&self.format) {
            return Ok(());
        }
        Err(Usage(match self.lang {
            Lang::Vi => format!("lệnh {command} không có định dạng này"),
            Lang::En => format!("{command} has no such output format"),
        })
        .into())
    }

    /// Prints an error message on stderr.
    pub fn error(&self, message: &str) {
        to_stderr(&format!("{}: {message}\n", self.lang.pick("lỗi", "error")));
    }

    /// Prints a note on stderr, unless `-q`.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            to_stderr(&format!("{message}\n"));
        }
    }

    /// Writes data to stdout. A closed pipe (`| head`) is not an error.
    pub fn print(&self, text: &str) -> anyhow::Result<()> {
        self.print_bytes(text.as_bytes())
    }

    /// Writes bytes to stdout. A closed pipe (`| head`) is not an error.
    pub fn print_bytes(&self, bytes: &[u8]) -> anyhow::Result<()> {
        self.print_with(|out| out.write_all(bytes))
    }

    /// Lets `write` write to stdout. A closed pipe (`| head`) is not an
    /// error.
    pub fn print_with(
        &self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        let mut out = io::stdout().lock();
        let written = write(&mut out).and_then(|()| out.flush());
        drop(out);
        match written {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                self.error(&stdout_failed(self.lang, &e));
                Err(Reported.into())
            }
            _ => Ok(()),
        }
    }

    /// Writes an output file atomically, refusing any input of the data
    /// folder (exit 1 with the reason).
    pub fn write_file(&self, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
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
                Err(Reported.into())
            }
            Err(OutputError::Io { path, source }) => {
                self.error(&match self.lang {
                    Lang::Vi => format!("không ghi được {}: {source}", path.display()),
                    Lang::En => format!("cannot write {}: {source}", path.display()),
                });
                Err(Reported.into())
            }
        }
    }

    /// The exit code of a failed command, after saying why.
    pub fn exit_code(&self, error: &anyhow::Error) -> ExitCode {
        if error.downcast_ref::<Reported>().is_some() {
            return ExitCode::from(1);
        }
        if let Some(usage) = error.downcast_ref::<Usage>() {
            self.error(&usage.0);
            return ExitCode::from(2);
        }
        self.error(&format!("{error:#}"));
        ExitCode::from(1)
    }
}
