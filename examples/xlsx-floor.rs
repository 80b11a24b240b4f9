//! Workbooks against their floor: how long `thiduakt` takes to read a
//! data folder whose achievements are a workbook, against calamine alone
//! reading the cells of that workbook.
//!
//! ```sh
//! cargo run --release --example gen-data -- --people 110000 --units 1000 --out /tmp/big
//! cargo run --release --example xlsx-floor -- --from /tmp/big --out /tmp/big-xlsx [--sheets 5] [--runs 3]
//! ```
//!
//! Copies the CSV folder `--from` to `--out`, except its achievements,
//! which it writes as `achievements.xlsx`: `--sheets` sheets of as many rows
//! each, in file order, numbers as number cells. Then, `--runs`
//! times each, in turn:
//!
//! - the floor: `calamine` opens the workbook and reads every visible
//!   sheet's cells (`worksheet_range`, then every cell touched);
//! - `thiduakt::load::load` of the folder `--out` (every file, every row
//!   checked: people and nominations too, so the ratio is an upper bound);
//! - for reference, `load` of the CSV folder `--from`.
//!
//! Prints the median of each and the ratio of `load` to the floor.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;
use thiduakt::load::{Keep, LoadOptions, load};

fn usage() -> ! {
    eprintln!("usage: xlsx-floor --from DIR --out DIR [--sheets 5] [--runs 3]");
    std::process::exit(2)
}

fn write_book(from: &Path, out: &Path, sheets: usize) -> Result<usize, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(out)?;
    for name in [
        "plan.toml",
        "units.toml",
        "people.csv",
        "nominations.csv",
        "awards.csv",
    ] {
        if from.join(name).is_file() {
            std::fs::copy(from.join(name), out.join(name))?;
        }
    }
    let total = csv::Reader::from_path(from.join("achievements.csv"))?
        .records()
        .count();
    let per_sheet = total.div_ceil(sheets).max(1);
    let mut reader = csv::Reader::from_path(from.join("achievements.csv"))?;
    let header: Vec<String> = reader.headers()?.iter().map(str::to_string).collect();
    let mut book = Workbook::new();
    let mut rows = 0usize;
    let mut sheet_count = 0usize;
    let mut row_in_sheet = 0u32;
    for record in reader.records() {
        let record = record?;
        if rows.is_multiple_of(per_sheet) {
            let s = book.add_worksheet_with_constant_memory()?;
            s.set_name(format!("part {}", sheet_count + 1))?;
            for (c, name) in header.iter().enumerate() {
                s.write_string(0, c as u16, name)?;
            }
            sheet_count += 1;
            row_in_sheet = 0;
        }
        let s = book.worksheet_from_index(sheet_count - 1)?;
        row_in_sheet += 1;
        for (c, text) in record.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            match text.parse::<f64>() {
                Ok(n) if format!("{n}") == text => s.write_number(row_in_sheet, c as u16, n)?,
                _ => s.write_string(row_in_sheet, c as u16, text)?,
            };
        }
        rows += 1;
    }
    book.save(out.join("achievements.xlsx"))?;
    Ok(rows)
}

/// The floor: calamine reads every cell of every visible sheet.
fn floor(book: &Path) -> usize {
    let Ok(mut sheets) = open_workbook_auto(book) else {
        return 0;
    };
    let names = sheets.sheet_names();
    let mut filled = 0;
    for name in names {
        if let Ok(range) = sheets.worksheet_range(&name) {
            filled += range
                .used_cells()
                .filter(|(_, _, c)| **c != Data::Empty)
                .count();
        }
    }
    filled
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() -> ExitCode {
    let (mut from, mut out, mut sheets, mut runs) = (None, None, 5usize, 3usize);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--from" => from = Some(PathBuf::from(value())),
            "--out" => out = Some(PathBuf::from(value())),
            "--sheets" => sheets = value().parse().unwrap_or_else(|_| usage()),
            "--runs" => runs = value().parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let (Some(from), Some(out)) = (from, out) else {
        usage()
    };
    let started = Instant::now();
    let rows = match write_book(&from, &out, sheets.max(1)) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("xlsx-floor: {e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "wrote {rows} achievement rows to {} in {:.1?}",
        out.join("achievements.xlsx").display(),
        started.elapsed()
    );
    let options = LoadOptions {
        keep: Keep::Nothing,
        ..LoadOptions::default()
    };
    let (mut floors, mut books, mut csvs) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..runs.max(1) {
        let t = Instant::now();
        let cells = floor(&out.join("achievements.xlsx"));
        floors.push(t.elapsed());
        let t = Instant::now();
        let loaded = load(&out, &options);
        books.push(t.elapsed());
        let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
        let t = Instant::now();
        let _ = load(&from, &options);
        csvs.push(t.elapsed());
        eprintln!(
            "round {round}: floor {:.2?} ({cells} cells), load of the workbook folder {:.2?} ({errors} errors), load of the CSV folder {:.2?}",
            floors[round], books[round], csvs[round]
        );
    }
    let (f, b, c) = (median(floors), median(books), median(csvs));
    println!("| what | median |");
    println!("|---|---|");
    println!("| calamine alone, every cell of achievements.xlsx | {f:.2?} |");
    println!("| `load` of the folder with achievements.xlsx | {b:.2?} |");
    println!("| `load` of the CSV folder | {c:.2?} |");
    println!(
        "| ratio, workbook folder / calamine | {:.2} |",
        b.as_secs_f64() / f.as_secs_f64().max(1e-9)
    );
    ExitCode::SUCCESS
}
