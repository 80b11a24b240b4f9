//! Large files are streamed from disk as their rows are read, never held
//! whole in memory. That path must give byte-identical results to the plain
//! one, which reads each file whole into memory and parses it from there:
//! the same datasets, the same diagnostics in the same order, the same
//! outputs. Checked here on generated data, clean and broken.
//!
//! A command about one review keeps only that review's rows (and `validate`
//! none): its diagnostics and output must be those of a load keeping all.

#[allow(dead_code)]
#[path = "../examples/gen-data.rs"]
mod gen_data;

use std::path::Path;

use chrono::NaiveDate;
use thiduakt::Lang;
use thiduakt::load::{Keep, LoadOptions, load};
use thiduakt::render::{check, summary, validate};
use thiduakt::rules::evaluate;

/// Everything a run could print: the diagnostics, and for a valid folder
/// every review's check (CSV and JSON) and the summaries.
fn everything(dir: &Path, in_memory: bool) -> String {
    let options = LoadOptions {
        encoding: None,
        in_memory,
        keep: Keep::All,
    };
    let loaded = load(dir, &options);
    let mut out = validate::json(&loaded.diagnostics, Lang::En);
    if let Some(data) = loaded.dataset {
        let today = NaiveDate::from_ymd_opt(2024, 3, 20).expect("date");
        let reports: Vec<_> = data
            .plan
            .reviews()
            .into_iter()
            .map(|r| evaluate(&data, r, today))
            .collect();
        for report in &reports {
            out.push_str(&check::csv(&data, report));
            out.push_str(&check::json(&data, report, Lang::Vi));
        }
        for by_unit in [false, true] {
            out.push_str(&summary::csv(
                &summary::rows(&data, &reports, by_unit),
                by_unit,
            ));
        }
    }
    out
}

/// What a command about `review` prints, loading with `keep`: the
/// diagnostics, and for a valid folder the review's check.
fn one_review(dir: &Path, keep: Keep, review: thiduakt::Review) -> (String, Option<String>) {
    let options = LoadOptions {
        encoding: None,
        in_memory: false,
        keep,
    };
    let loaded = load(dir, &options);
    // Errors of other reviews' rows are warnings when one review is kept:
    // the same problems, with their review named.
    let deferred = loaded.diagnostics.iter().any(|d| d.deferred.is_some());
    let undeferred: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(thiduakt::diag::Diagnostic::undeferred)
        .collect();
    let diagnostics = validate::json(&undeferred, Lang::En);
    if deferred {
        return (diagnostics, None);
    }
    let checked = loaded.dataset.map(|data| {
        let today = NaiveDate::from_ymd_opt(2024, 3, 20).expect("date");
        let report = evaluate(&data, review, today);
        check::csv(&data, &report) + &check::json(&data, &report, Lang::Vi)
    });
    (diagnostics, checked)
}

/// Keeping one review's rows (or none, as `validate` does) against keeping
/// all, for every review of the plan.
fn assert_same_whatever_is_kept(dir: &Path) {
    let plan = thiduakt::load::plan_from_str(thiduakt::load::BUILTIN_PLAN, "plan.toml")
        .expect("the built-in plan");
    for review in plan.reviews() {
        let (diagnostics, checked) = one_review(dir, Keep::All, review);
        let (kept_diagnostics, kept_checked) = one_review(dir, Keep::Review(review), review);
        // Only errors of other reviews: the review itself can be checked
        // (compared on the sample and the generated folders).
        let kept_checked = kept_checked.filter(|_| checked.is_some());
        assert!(
            diagnostics == kept_diagnostics && checked == kept_checked,
            "keeping {review} differs from keeping all:\n{}",
            first_difference(
                &(diagnostics.clone() + checked.as_deref().unwrap_or("")),
                &(kept_diagnostics + kept_checked.as_deref().unwrap_or(""))
            )
        );
        let (none_diagnostics, _) = one_review(dir, Keep::Nothing, review);
        assert!(
            diagnostics == none_diagnostics,
            "keeping no rows finds other problems:\n{}",
            first_difference(&diagnostics, &none_diagnostics)
        );
    }
}

fn generated(people: usize, units: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let args = gen_data::Args {
        people,
        units,
        out: dir.path().to_path_buf(),
        seed: 7,
    };
    gen_data::generate(&args, false).expect("generated");
    dir
}

/// The plain path (each file read whole into memory) against files
/// streamed from disk.
fn assert_same_streamed(dir: &Path) -> String {
    let plain = everything(dir, true);
    let streamed = everything(dir, false);
    assert!(
        plain == streamed,
        "the streamed path differs from the plain one:\n{}",
        first_difference(&plain, &streamed)
    );
    plain
}

fn first_difference(a: &str, b: &str) -> String {
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(0);
    format!(
        "line {line}:\n  plain:    {:?}\n  streamed: {:?}",
        a.lines().nth(line).unwrap_or(""),
        b.lines().nth(line).unwrap_or("")
    )
}

#[test]
fn clean_generated_data_reads_the_same_streamed() {
    let dir = generated(3000, 30);
    let out = assert_same_streamed(dir.path());
    assert!(
        out.contains("\"valid\": true"),
        "the generated folder is valid"
    );
    assert_same_whatever_is_kept(dir.path());
    assert!(out.lines().count() > 10_000, "and holds real work");
}

/// Rewrites a file line by line.
fn edit_lines(path: &Path, mut edit: impl FnMut(usize, &str) -> String) {
    let text = std::fs::read_to_string(path).expect("read");
    let out: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| edit(i, l) + "\n")
        .collect();
    std::fs::write(path, out).expect("write");
}

#[test]
fn broken_generated_data_gives_the_same_diagnostics_streamed() {
    let dir = generated(3000, 30);
    let achievements = dir.path().join("achievements.csv");
    // Errors spread through the file: bad results, unknown ids, duplicates
    // (a row written again further down), and CRLF line ends.
    let mut kept = String::new();
    edit_lines(&achievements, |i, line| match i {
        0 => line.to_string(),
        i if i % 997 == 0 => line.replacen("đạt", "tốt", 1),
        i if i % 1499 == 0 => line.replacen(",P", ",X", 1),
        i if i % 2003 == 0 => {
            kept = line.to_string();
            line.to_string()
        }
        i if i % 2003 == 5 => format!("{line}\r\n{kept}"),
        _ => line.to_string(),
    });
    let nominations = dir.path().join("nominations.csv");
    let mut previous = String::new();
    edit_lines(&nominations, |i, line| {
        let out = match i {
            i if i > 0 && i % 701 == 0 => format!("{line}\n{previous}"),
            i if i % 907 == 0 => line.replacen(",9\n", ",10", 1).replacen(",9", ",19", 1),
            _ => line.to_string(),
        };
        previous = line.to_string();
        out
    });
    let out = assert_same_streamed(dir.path());
    assert!(out.contains("\"valid\": false"));
    assert_same_whatever_is_kept(dir.path());
    for message in [
        "is not a result",
        "no unit or person has the id",
        "duplicate row",
    ] {
        assert!(out.contains(message), "{message}");
    }
}

#[test]
fn quoted_cells_over_several_lines_read_the_same_streamed() {
    let dir = generated(600, 10);
    let achievements = dir.path().join("achievements.csv");
    let text = std::fs::read_to_string(&achievements).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let middle = lines.len() / 2;
    let mut out = String::new();
    let mut stray = false;
    for (i, line) in lines.iter().enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        if i > 0 && !stray && cells.len() == 6 {
            stray = true;
            // A stray quote inside an unquoted cell: the CSV reader takes it
            // as a character, but it makes quote counting misjudge cuts.
            cells[5] = "màn hình 5\" inch".into();
        } else if i > 0 && (middle - 60..middle + 60).contains(&i) && cells.len() == 6 {
            // Multi-line evidence around the middle of the file.
            cells.truncate(5);
            cells.push("\"Biên bản 1\nBiên bản 2\nBiên bản 3\"".into());
        }
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    assert!(stray);
    std::fs::write(&achievements, out).expect("write");
    let result = assert_same_streamed(dir.path());
    assert!(
        result.contains("\"valid\": true"),
        "{}",
        &result[..result.len().min(2000)]
    );
}

#[test]
fn hints_for_many_unknown_ids_go_to_the_first() {
    let dir = generated(3000, 30);
    let achievements = dir.path().join("achievements.csv");
    // Hundreds of mistyped ids through the file: only the first few get a
    // "did you mean", and always the same ones.
    edit_lines(&achievements, |i, line| match i {
        i if i > 0 && i % 97 == 0 => line.replacen(",P", ",Q", 1),
        _ => line.to_string(),
    });
    let out = assert_same_streamed(dir.path());
    let unknown = out.matches("no unit or person has the id").count();
    let hinted = out.matches("did you mean").count();
    assert!(unknown > 200, "{unknown} unknown ids");
    assert!(
        hinted > 0 && hinted < unknown,
        "{hinted} of {unknown} hinted"
    );
}

/// People taken out of people.csv (a repeated id, a refused kind) leave no
/// gap: everyone after them is still the person their rows name. Were the
/// numbering off by one, their achievements would meet the criteria of
/// someone else's kind, and their references would fall on the wrong
/// rows.
#[test]
fn people_taken_out_leave_the_others_in_place() {
    let dir = generated(3000, 30);
    let people = dir.path().join("people.csv");
    let mut early = String::new();
    edit_lines(&people, |i, line| match i {
        3 => {
            early = line.to_string();
            line.to_string()
        }
        40 => format!("{line}\n{early}"),
        90 => {
            let mut cells: Vec<&str> = line.split(',').collect();
            cells[4] = "khong_ro";
            cells.join(",")
        }
        _ => line.to_string(),
    });
    let out = assert_same_streamed(dir.path());
    let errors = out.matches("\"severity\": \"error\"").count();
    assert!(out.contains("already used at"), "{out:.2000}");
    assert!(out.contains("khong_ro"));
    assert_eq!(errors, 2, "only the two rows are wrong:\n{out:.4000}");
}
