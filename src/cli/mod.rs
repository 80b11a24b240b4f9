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

use std::process::ExitCode;

use clap::Parser;

pub use args::{Args, Command};
pub use context::{Context, Outcome, Reported, Usage};

/// Runs the command line and returns the exit code.
pub fn run() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
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
        Command::Man { output } => shell::man(&ctx, output.as_deref()),
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
