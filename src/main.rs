//! The `thiduakt` command: parses the command line and hands over to
//! [`cli::run`], which maps every outcome to an exit code.

mod cli;
mod memory;

/// Large blocks ask for huge pages (see [`memory`]).
#[global_allocator]
static MEMORY: memory::HugePages = memory::HugePages;

fn main() -> std::process::ExitCode {
    cli::run()
}
