//! The floor of the benchmark: the time it takes just to read a data folder's
//! input with the csv crate, and nothing else.
//!
//! ```sh
//! cargo run --release --example csv-floor -- DIR
//! ```
//!
//! Reads `plan.toml` and `units.toml` as bytes, and every CSV file the tool
//! reads (`people.csv`, `achievements.csv`, `achievements/*.csv`,
//! `nominations.csv`, `awards.csv`) record by record into one reused
//! [`csv::ByteRecord`]: no decoding, no UTF-8 check, no allocation per row.
//! Prints the number of data rows of each file (header excluded) as
//! `name<TAB>rows`, then `total<TAB>rows`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn count_rows(path: &Path, record: &mut csv::ByteRecord) -> csv::Result<u64> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_path(path)?;
    let mut rows = 0u64;
    while reader.read_byte_record(record)? {
        rows += 1;
    }
    Ok(rows)
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: csv-floor DIR");
        return ExitCode::from(2);
    };
    let mut toml_bytes = 0usize;
    for name in ["plan.toml", "units.toml"] {
        match std::fs::read(dir.join(name)) {
            Ok(bytes) => toml_bytes += bytes.len(),
            Err(e) => {
                eprintln!("csv-floor: {}: {e}", dir.join(name).display());
                return ExitCode::FAILURE;
            }
        }
    }
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for name in ["people.csv", "achievements.csv"] {
        files.push((name.to_string(), dir.join(name)));
    }
    if let Ok(entries) = std::fs::read_dir(dir.join("achievements")) {
        let mut extra: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
            .collect();
        extra.sort();
        for p in extra {
            let shown = format!(
                "achievements/{}",
                p.file_name().unwrap_or_default().to_string_lossy()
            );
            files.push((shown, p));
        }
    }
    for name in ["nominations.csv", "awards.csv"] {
        files.push((name.to_string(), dir.join(name)));
    }

    let mut record = csv::ByteRecord::new();
    let mut total = 0u64;
    for (shown, path) in files {
        if !path.exists() {
            continue;
        }
        match count_rows(&path, &mut record) {
            Ok(rows) => {
                println!("{shown}\t{rows}");
                total += rows;
            }
            Err(e) => {
                eprintln!("csv-floor: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!("toml_bytes\t{toml_bytes}");
    println!("total\t{total}");
    ExitCode::SUCCESS
}
