//! The `thiduakt` command: parses the command line and hands over to
//! [`cli::run`], which maps every outcome to an exit code. Memory comes from
//! the system allocator.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
