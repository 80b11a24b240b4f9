//! Large files are streamed from disk by several threads, each taking a
//! piece of the file. That faster path must give byte-identical results to
//! the plain one, which reads each file whole into memory and parses it in
//! one piece: the same datasets, the same diagnostics in the same order, the
//! same outputs. Checked here on generated data, clean and broken.
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
use thiduakt::rules::evaluate::{Room, outcomes, placings, placings_in};

/// Everything a run could print: the diagnostics, and for a valid folder
/// every review's check (CSV and JSON) and the summaries.
fn everything(dir: &Path, threads: usize, in_memory: bool) -> String {
    let options = LoadOptions {
        encoding: None,
        threads: Some(threads),
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
            // Check's CSV written from the outcomes, no results built: the
            // same text.
            let outcomes = outcomes(&data, report.review, threads);
            assert_eq!(outcomes.len(), report.candidates.len());
            let mut written = Vec::new();
            check::write_csv_of_outcomes(&data, &outcomes, &mut written).expect("written");
            assert_eq!(
                String::from_utf8(written).expect("UTF-8"),
                check::csv(&data, report)
            );
        }
        out.push_str(&summary::csv(&summary::rows(&data, &reports, true), true));
        // Placings alone (what summary counts): the reports' outcomes, in
        // their order, and the same counts.
        let by_review = thiduakt::model::ByReview::new(&data);
        for report in &reports {
            let review = report.review;
            // The stretches hold every row of the review, at its index.
            let picked: Vec<_> = by_review
                .achievement_slices(review)
                .into_iter()
                .flat_map(|(start, rows)| (start..).zip(rows))
                .filter(|(_, a)| a.review == review)
                .collect();
            let all: Vec<_> = data
                .achievements
                .iter()
                .enumerate()
                .filter(|(_, a)| a.review == review)
                .collect();
            assert_eq!(picked, all);
            let picked: Vec<_> = by_review
                .nomination_slices(review)
                .into_iter()
                .flat_map(|(start, rows)| (start..).zip(rows))
                .filter(|(_, n)| n.review == review)
                .collect();
            let all: Vec<_> = data
                .nominations
                .iter()
                .enumerate()
                .filter(|(_, n)| n.review == review)
                .collect();
            assert_eq!(picked, all);
        }
        let placed: Vec<_> = reports
            .iter()
            .map(|r| (r.review, placings(&by_review, r.review, threads)))
            .collect();
        for (report, (_, placed)) in reports.iter().zip(&placed) {
            let outcomes: Vec<_> = report
                .candidates
                .iter()
                .map(|r| (r.subject, r.kind, r.status, r.award))
                .collect();
            let placed: Vec<_> = placed
                .iter()
                .map(|p| (p.subject, p.kind, p.status, p.award))
                .collect();
            assert_eq!(placed, outcomes);
        }
        // Reviews placed one after the other in the same room (as summary
        // does on each thread), in both orders: nothing of one review is
        // left for the next.
        for backwards in [false, true] {
            let mut room = Room::default();
            let mut order: Vec<_> = placed.iter().collect();
            if backwards {
                order.reverse();
            }
            for (review, placed) in order {
                assert_eq!(
                    &placings_in(&by_review, *review, threads, &mut room),
                    placed
                );
            }
        }
        for by_unit in [false, true] {
            assert_eq!(
                summary::rows_of_placings(&by_review, &placed, by_unit),
                summary::rows(&data, &reports, by_unit)
            );
        }
    }
    out
}

/// What a command about `review` prints, loading with `keep`: the
/// diagnostics, and for a valid folder the review's check.
fn one_review(
    dir: &Path,
    threads: usize,
    keep: Keep,
    review: thiduakt::Review,
) -> (String, Option<String>) {
    let options = LoadOptions {
        encoding: None,
        threads: Some(threads),
        in_memory: false,
        keep,
    };
    let loaded = load(dir, &options);
    let diagnostics = validate::json(&loaded.diagnostics, Lang::En);
    let checked = loaded.dataset.map(|data| {
        let today = NaiveDate::from_ymd_opt(2024, 3, 20).expect("date");
        let report = evaluate(&data, review, today);
        check::csv(&data, &report) + &check::json(&data, &report, Lang::Vi)
    });
    (diagnostics, checked)
}

/// Keeping one review's rows (or none, as `validate` does) against keeping
/// all, for every review of the plan, on one and on two threads.
fn assert_same_whatever_is_kept(dir: &Path) {
    let plan = thiduakt::load::plan_from_str(thiduakt::load::BUILTIN_PLAN, "plan.toml")
        .expect("the built-in plan");
    for threads in [1, 2] {
        for review in plan.reviews() {
            let (diagnostics, checked) = one_review(dir, threads, Keep::All, review);
            let (kept_diagnostics, kept_checked) =
                one_review(dir, threads, Keep::Review(review), review);
            assert!(
                diagnostics == kept_diagnostics && checked == kept_checked,
                "keeping {review} on {threads} threads differs from keeping all:\n{}",
                first_difference(
                    &(diagnostics.clone() + checked.as_deref().unwrap_or("")),
                    &(kept_diagnostics + kept_checked.as_deref().unwrap_or(""))
                )
            );
            let (none_diagnostics, _) = one_review(dir, threads, Keep::Nothing, review);
            assert!(
                diagnostics == none_diagnostics,
                "keeping no rows on {threads} threads finds other problems:\n{}",
                first_difference(&diagnostics, &none_diagnostics)
            );
        }
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

/// The plain path (each file read whole into memory, parsed in one piece)
/// against files streamed from disk by 1, 2, 3 and 8 threads.
fn assert_same_whatever_the_threads(dir: &Path) -> String {
    let plain = everything(dir, 1, true);
    for threads in [1, 2, 3, 8] {
        let streamed = everything(dir, threads, false);
        assert!(
            plain == streamed,
            "{threads} threads differ from the plain path:\n{}",
            first_difference(&plain, &streamed)
        );
    }
    plain
}

fn first_difference(a: &str, b: &str) -> String {
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(0);
    format!(
        "line {line}:\n  one:  {:?}\n  many: {:?}",
        a.lines().nth(line).unwrap_or(""),
        b.lines().nth(line).unwrap_or("")
    )
}

#[test]
fn clean_generated_data_reads_the_same_in_pieces() {
    let dir = generated(3000, 30);
    let out = assert_same_whatever_the_threads(dir.path());
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
fn broken_generated_data_gives_the_same_diagnostics_in_pieces() {
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
    let out = assert_same_whatever_the_threads(dir.path());
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
fn a_cut_inside_a_quoted_cell_falls_back_to_one_piece() {
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
    let result = assert_same_whatever_the_threads(dir.path());
    assert!(
        result.contains("\"valid\": true"),
        "{}",
        &result[..result.len().min(2000)]
    );
}

#[test]
fn hints_for_many_unknown_ids_go_to_the_first_whatever_the_threads() {
    let dir = generated(3000, 30);
    let achievements = dir.path().join("achievements.csv");
    // Hundreds of mistyped ids through the file: only the first few get a
    // "did you mean", and always the same ones.
    edit_lines(&achievements, |i, line| match i {
        i if i > 0 && i % 97 == 0 => line.replacen(",P", ",Q", 1),
        _ => line.to_string(),
    });
    let out = assert_same_whatever_the_threads(dir.path());
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
    let out = assert_same_whatever_the_threads(dir.path());
    let errors = out.matches("\"severity\": \"error\"").count();
    assert!(out.contains("already used at"), "{out:.2000}");
    assert!(out.contains("khong_ro"));
    assert_eq!(errors, 2, "only the two rows are wrong:\n{out:.4000}");
}
