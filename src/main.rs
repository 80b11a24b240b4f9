//! The `thiduakt` command: parses the command line and hands over to
//! [`cli::run`], which maps every outcome to an exit code.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
