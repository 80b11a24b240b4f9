//! `thiduakt completions SHELL` and `thiduakt man`: for shells and package
//! managers.

use std::path::Path;

use clap::CommandFactory;
use thiduakt::Lang;

use crate::cli::args::MAN_PAGES;
use crate::cli::{Args, Context, Outcome, Reported};

/// Prints a completion script for a shell.
pub fn completions(ctx: &Context, shell: clap_complete::Shell) -> Outcome {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "thiduakt", &mut out);
    ctx.print_bytes(&out)
}

/// The command line as the manual pages describe it: built, so that each
/// command is named `thiduakt-COMMAND`, and without the `help` command,
/// which has no page.
fn man_command() -> clap::Command {
    let mut cmd = Args::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// The page of the tool (`None`) or of one of its commands, in roff, with
/// its file name (`thiduakt.1`, `thiduakt-check.1`).
fn page(cmd: &clap::Command, name: Option<&str>) -> std::io::Result<(String, Vec<u8>)> {
    let cmd = match name {
        None => cmd.clone(),
        Some(name) => cmd
            .find_subcommand(name)
            .cloned()
            .ok_or_else(|| std::io::Error::other(format!("no command {name}")))?,
    };
    let version = env!("CARGO_PKG_VERSION");
    let man = clap_mangen::Man::new(cmd.version(version)).source(format!("thiduakt {version}"));
    let mut out = Vec::new();
    man.render(&mut out)?;
    Ok((man.get_filename(), out))
}

/// Prints (or writes) a manual page, in roff; with `dir`, writes the page
/// of the tool and one for each command it refers to.
pub fn man(
    ctx: &Context,
    name: Option<&str>,
    output: Option<&Path>,
    dir: Option<&Path>,
) -> Outcome {
    let cmd = man_command();
    let Some(dir) = dir else {
        let (_, out) = page(&cmd, name)?;
        return match output {
            Some(path) => ctx.write_file(path, &out),
            None => ctx.print_bytes(&out),
        };
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        ctx.error(&match ctx.lang {
            Lang::Vi => format!("không tạo được thư mục {}: {e}", dir.display()),
            Lang::En => format!("cannot create the folder {}: {e}", dir.display()),
        });
        return Err(Reported);
    }
    let names = std::iter::once(None).chain(MAN_PAGES.iter().copied().map(Some));
    for name in names {
        let (file, out) = page(&cmd, name)?;
        ctx.write_file(&dir.join(file), &out)?;
    }
    Ok(())
}
