//! `thiduakt completions SHELL` and `thiduakt man`: for shells and package
//! managers.

use std::path::Path;

use clap::CommandFactory;

use crate::cli::{Args, Context, Outcome};

/// Prints a completion script for a shell.
pub fn completions(ctx: &Context, shell: clap_complete::Shell) -> Outcome {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "thiduakt", &mut out);
    ctx.print_bytes(&out)
}

/// Prints (or writes) the manual page, in roff.
pub fn man(ctx: &Context, output: Option<&Path>) -> Outcome {
    let mut out = Vec::new();
    clap_mangen::Man::new(Args::command()).render(&mut out)?;
    match output {
        Some(path) => ctx.write_file(path, &out),
        None => ctx.print_bytes(&out),
    }
}
