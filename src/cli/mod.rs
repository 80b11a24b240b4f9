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
mod locale;
mod publish;
mod shell;
mod summary;
mod validate;

use std::io;
use std::process::ExitCode;

use clap::FromArgMatches;
use clap::error::ErrorKind;

use thiduakt::diag::{Diagnostic, Problem};
use thiduakt::render::validate::stderr_json;

pub use args::{Args, Command};
pub use context::{Context, Outcome, Reported, Usage};

/// Runs the command line and returns the exit code.
pub fn run() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let env_lang = std::env::var("THIDUAKT_LANG").ok();
    let scan = locale::scan(argv.get(1..).unwrap_or_default(), env_lang.as_deref());
    let mut cmd = locale::command(scan.lang);
    let parsed = cmd
        .try_get_matches_from_mut(&argv)
        .and_then(|m| Args::from_arg_matches(&m));
    let args = match parsed {
        Ok(args) => args,
        Err(e) => return clap_failed(&e, &cmd, &scan),
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
            bom,
        } => export::run(&ctx, review, output, *sort, *bom),
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

/// Shows help or version (exit code 0), or the usage error clap found
/// (exit code 2), in the language asked for.
fn clap_failed(e: &clap::Error, cmd: &clap::Command, scan: &locale::Scan) -> ExitCode {
    let lang = scan.lang;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help and version go to stdout, which may fail like any output.
            let mut out = io::stdout().lock();
            let printed = io::Write::write_all(&mut out, e.render().to_string().as_bytes())
                .and_then(|()| io::Write::flush(&mut out));
            match printed {
                Err(failed) if failed.kind() != io::ErrorKind::BrokenPipe => {
                    context::to_stderr(&format!(
                        "{}: {}\n",
                        lang.pick("lỗi", "error"),
                        context::stdout_failed(lang, &failed)
                    ));
                    ExitCode::from(1)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand if !scan.json => {
            context::to_stderr(&e.render().to_string());
            ExitCode::from(Usage(String::new()).code())
        }
        _ => {
            let message = locale::usage_error(e, cmd, scan);
            if scan.json {
                // A script never parses prose (spec §5).
                // The first line says what is wrong; the rest, how to fix it.
                let (text, rest) = message.split_once('\n').unwrap_or((&message, ""));
                let rest: Vec<&str> = rest
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect();
                let problem = Problem::Message {
                    text: text.to_string(),
                    hint: (!rest.is_empty()).then(|| rest.join("; ")),
                };
                let error = Diagnostic::error(None, problem);
                context::to_stderr(&stderr_json(&[error], lang));
            } else {
                context::to_stderr(&format!("{}: {message}\n", lang.pick("lỗi", "error")));
            }
            ExitCode::from(Usage(message).code())
        }
    }
}
