//! The command line's glue: global options into a [`Context`], one module
//! per command, and every outcome mapped to an exit code (0 done, 1 the data
//! or a file could not be used, 2 usage). Data goes to stdout, messages to
//! stderr.

mod args;
mod check;
mod context;
mod deadlines;
mod draft;
mod explain;
mod export;
mod init;
mod publish;
mod shell;
mod summary;
mod validate;

use std::io;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Args, Command};
pub use context::{Context, Outcome, Reported, Usage};

/// The language asked for when the command line could not be parsed:
/// `--lang en` (or `--lang=en`), else `THIDUAKT_LANG`, else Vietnamese.
fn lang_of_command_line() -> thiduakt::Lang {
    let args: Vec<String> = std::env::args().collect();
    let given = args
        .iter()
        .zip(args.iter().skip(1))
        .find(|(a, _)| *a == "--lang")
        .map(|(_, v)| v.clone())
        .or_else(|| {
            args.iter()
                .find_map(|a| a.strip_prefix("--lang=").map(str::to_string))
        })
        .or_else(|| std::env::var("THIDUAKT_LANG").ok());
    match given.as_deref() {
        Some("en") => thiduakt::Lang::En,
        _ => thiduakt::Lang::Vi,
    }
}

/// Runs the command line and returns the exit code.
pub fn run() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // Help and version go to stdout, which may fail like any output.
            let printed = e.print().and_then(|()| io::Write::flush(&mut io::stdout()));
            return match printed {
                Err(failed) if !e.use_stderr() && failed.kind() != io::ErrorKind::BrokenPipe => {
                    let lang = lang_of_command_line();
                    context::to_stderr(&format!(
                        "{}: {}\n",
                        lang.pick("lỗi", "error"),
                        context::stdout_failed(lang, &failed)
                    ));
                    ExitCode::from(1)
                }
                _ => ExitCode::from(if e.use_stderr() { 2 } else { 0 }),
            };
        }
    };
    let ctx = Context::new(&args.global);
    let result = match &args.command {
        Command::Check { review } => check::run(&ctx, review),
        Command::Deadlines { review, output } => {
            deadlines::run(&ctx, review.as_deref(), output.as_deref())
        }
        Command::Export {
            review,
            output,
            sort,
        } => export::run(&ctx, review, output, *sort),
        Command::Summary { reviews, by } => summary::run(&ctx, reviews, by.is_some()),
        Command::Completions { shell } => shell::completions(&ctx, *shell),
        Command::Man { page, output, dir } => {
            shell::man(&ctx, page.as_deref(), output.as_deref(), dir.as_deref())
        }
        Command::Explain { review, subject } => explain::run(&ctx, review, subject),
        Command::Draft {
            review,
            output,
            doc,
            final_,
        } => draft::run(&ctx, review, output, *doc, *final_),
        Command::Publish { review, output } => publish::run(&ctx, review, output),
        Command::Validate => validate::run(&ctx),
        Command::Init { dir, xlsx } => init::run(&ctx, dir, *xlsx),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => ctx.exit_code(&e),
    }
}
