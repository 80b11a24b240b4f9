//! Snapshot tests of the command line on the shipped sample data: the cases
//! in `tests/cmd/*.toml` and every `console` example of the README (at 80
//! columns), so that a changed output fails until the documentation says so
//! too.
//!
//! Update the snapshots with `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn cli_snapshots() {
    trycmd::TestCases::new()
        .env("THIDUAKT_LANG", "vi")
        .env("THIDUAKT_DATA", "data")
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}

/// The README shows what a clerk sees in a terminal of 80 columns.
#[test]
fn readme_examples() {
    trycmd::TestCases::new()
        .env("THIDUAKT_LANG", "vi")
        .env("THIDUAKT_DATA", "data")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .case("README.md");
}
