//! The bad-input corpus: `tests/corpus/<case>/` is a data folder that differs
//! from the valid baseline `tests/corpus/_base/` by one defect.
//!
//! A case holds the files that replace the baseline's (any file but
//! `expect.toml`, copied as bytes, so binary and mis-encoded files are kept
//! as they are) and `expect.toml`, which may also edit the baseline in place:
//!
//! ```toml
//! about = "what is wrong, in a few words"
//! file = "achievements.csv"   # the file the diagnostic names (path suffix)
//! line = 4                    # omit for a problem of the whole file
//! column = 15                 # optional
//! message = "is not a result" # a substring of the English message
//! hint = "did you mean"       # optional: a substring of the hint
//! expected = "at most"        # optional: a substring of what was expected
//! no_hint = true              # optional: the diagnostic has no hint
//! exit = 1                    # 1 (default) or 0 for a case that must pass
//! severity = "error"          # or "warning" (the default when exit = 0)
//! errors = 1                  # errors in all (default 1, or 0 when exit = 0)
//! warnings = 1                # optional: warnings in all
//! args = ["--encoding", "utf-8"]  # extra global options
//! remove = ["people.csv"]     # baseline files to delete
//! dirs = ["people.csv"]       # folders to create where a file would be
//! no_data = true              # the data folder is not there at all
//! data_is_a_file = true       # the data folder is a file
//!
//! [[edit]]                    # replace exactly one occurrence ...
//! file = "achievements.csv"
//! find = "2023,VP,TT2,đạt,19.5,"
//! replace = "2023,VP,TT2,tốt,19.5,"
//!
//! [[edit]]                    # ... or append a text
//! file = "achievements.csv"
//! append = "2023,VP,TT2,đạt,19.5,\n"
//! ```
//!
//! Each case runs `thiduakt --lang en --data DIR validate --format json` and
//! `thiduakt --lang en --data DIR check 2023`. Both must end with the
//! expected exit code and never panic; the JSON must hold the expected
//! diagnostic (file, line, column, message, hint) and exactly the expected
//! number of errors; `check` must show the location on stderr.
//!
//! Every failing case is reported, not just the first.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    about: String,
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
    message: Option<String>,
    hint: Option<String>,
    expected: Option<String>,
    #[serde(default)]
    no_hint: bool,
    #[serde(default = "one")]
    exit: i32,
    severity: Option<String>,
    errors: Option<usize>,
    warnings: Option<usize>,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    dirs: Vec<String>,
    #[serde(default)]
    no_data: bool,
    #[serde(default)]
    data_is_a_file: bool,
    #[serde(default)]
    edit: Vec<Edit>,
}

fn one() -> i32 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    find: Option<String>,
    replace: Option<String>,
    append: Option<String>,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Copies a folder's files (recursively), as bytes.
fn copy_tree(from: &Path, to: &Path, skip: &[&str]) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read corpus folder") {
        let entry = entry.expect("corpus entry");
        let name = entry.file_name();
        if skip.iter().any(|s| name == *s) {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name), &[]);
        } else {
            std::fs::copy(&path, to.join(&name)).expect("copy corpus file");
        }
    }
}

/// The case's data folder, built in `root/data`.
fn build(case: &Path, expect: &Expect, root: &Path) -> Result<PathBuf, String> {
    let data = root.join("data");
    if expect.no_data {
        return Ok(data);
    }
    if expect.data_is_a_file {
        std::fs::write(&data, "").map_err(|e| format!("data_is_a_file: {e}"))?;
        return Ok(data);
    }
    copy_tree(&corpus().join("_base"), &data, &[]);
    copy_tree(case, &data, &["expect.toml"]);
    for rel in &expect.remove {
        let path = data.join(rel);
        if !path.exists() {
            return Err(format!("remove: {rel} is not in the folder"));
        }
        std::fs::remove_file(path).map_err(|e| format!("remove {rel}: {e}"))?;
    }
    for rel in &expect.dirs {
        let path = data.join(rel);
        if path.is_file() {
            std::fs::remove_file(&path).map_err(|e| format!("dirs {rel}: {e}"))?;
        }
        std::fs::create_dir_all(&path).map_err(|e| format!("dirs {rel}: {e}"))?;
    }
    for edit in &expect.edit {
        let path = data.join(&edit.file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("edit: cannot read {} as UTF-8: {e}", edit.file))?;
        let new = match (&edit.find, &edit.replace, &edit.append) {
            (Some(find), Some(replace), None) => {
                let n = text.matches(find.as_str()).count();
                if n != 1 {
                    return Err(format!(
                        "edit: {find:?} occurs {n} times in {}, not once",
                        edit.file
                    ));
                }
                text.replacen(find.as_str(), replace, 1)
            }
            (None, None, Some(append)) => format!("{text}{append}"),
            _ => return Err("edit: give find and replace, or append".into()),
        };
        std::fs::write(&path, new).map_err(|e| format!("edit {}: {e}", edit.file))?;
    }
    Ok(data)
}

fn run(data: &Path, extra: &[String], command: &[&str]) -> Output {
    run_in("en", data, extra, command)
}

fn run_in(lang: &str, data: &Path, extra: &[String], command: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thiduakt"))
        .env_remove("THIDUAKT_LANG")
        .env_remove("THIDUAKT_DATA")
        .env("NO_COLOR", "1")
        .arg("--lang")
        .arg(lang)
        .arg("--data")
        .arg(data)
        .args(extra)
        .args(command)
        .output()
        .expect("run thiduakt")
}

/// No panic, whatever the input: never exit code 101 nor a panic message.
fn no_panic(what: &str, out: &Output, failures: &mut Vec<String>) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(101)
        || out.status.code().is_none()
        || stderr.contains("panicked")
        || stderr.contains("RUST_BACKTRACE")
    {
        failures.push(format!("{what}: crashed ({:?}): {stderr}", out.status));
    }
}

/// Whether `text` shows `location` followed by something other than a digit
/// (`people.csv:3` must not match `people.csv:30`).
fn shows_location(text: &str, location: &str) -> bool {
    text.match_indices(location).any(|(i, _)| {
        !text[i + location.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// Checks one case; the failures found, empty when it passes.
fn check_case(case: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let text = match std::fs::read_to_string(case.join("expect.toml")) {
        Ok(t) => t,
        Err(e) => return vec![format!("no expect.toml: {e}")],
    };
    let expect: Expect = match toml::from_str(&text) {
        Ok(e) => e,
        Err(e) => return vec![format!("bad expect.toml: {e}")],
    };
    if expect.about.trim().is_empty() {
        failures.push("expect.toml: about is empty".into());
    }
    if expect.exit == 1 && (expect.file.is_none() || expect.message.is_none()) {
        return vec!["expect.toml: a failing case needs file and message".into()];
    }
    let root = tempfile::tempdir().expect("temporary folder");
    let data = match build(case, &expect, root.path()) {
        Ok(d) => d,
        Err(e) => return vec![e],
    };
    let severity = expect
        .severity
        .clone()
        .unwrap_or_else(|| if expect.exit == 0 { "warning" } else { "error" }.into());
    let errors = expect
        .errors
        .unwrap_or(if expect.exit == 0 { 0 } else { 1 });

    // validate --format json
    let out = run(&data, &expect.args, &["validate", "--format", "json"]);
    no_panic("validate", &out, &mut failures);
    if out.status.code() != Some(expect.exit) {
        failures.push(format!(
            "validate: exit code {:?}, expected {}",
            out.status.code(),
            expect.exit
        ));
    }
    let json: Value = match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => {
            failures.push(format!(
                "validate: stdout is not JSON ({e}): {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
            return failures;
        }
    };
    let problems = json["problems"].as_array().cloned().unwrap_or_default();
    let shown: String = problems
        .iter()
        .map(|p| {
            let file = p["file"].as_str().unwrap_or("");
            let file = Path::new(file)
                .file_name()
                .map_or(file.into(), |n| n.to_string_lossy());
            format!(
                "\n    {} {file}:{}:{} {}",
                p["severity"].as_str().unwrap_or("?"),
                p["line"],
                p["column"],
                p["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    let found_errors = problems.iter().filter(|p| p["severity"] == "error").count();
    if found_errors != errors {
        failures.push(format!(
            "validate: {found_errors} errors, expected {errors}: {shown}"
        ));
    }
    let found_warnings = problems.len() - found_errors;
    if expect.warnings.is_some_and(|w| w != found_warnings) {
        failures.push(format!(
            "validate: {found_warnings} warnings, expected {:?}: {shown}",
            expect.warnings
        ));
    }
    for p in &problems {
        if p["file"].as_str().is_none_or(str::is_empty) {
            failures.push(format!("validate: a diagnostic names no file: {p}"));
        }
    }
    if let (Some(file), Some(message)) = (&expect.file, &expect.message) {
        let matches = |p: &Value| {
            p["severity"] == severity.as_str()
                && p["file"]
                    .as_str()
                    .is_some_and(|f| Path::new(f).ends_with(file) || f.ends_with(file.as_str()))
                && p["line"].as_u64() == expect.line.map(u64::from)
                && expect
                    .column
                    .is_none_or(|c| p["column"].as_u64() == Some(u64::from(c)))
                && p["message"].as_str().is_some_and(|m| m.contains(message))
                && expect.hint.as_ref().is_none_or(|h| {
                    p["hint"]
                        .as_str()
                        .is_some_and(|got| got.contains(h.as_str()))
                })
                && expect.expected.as_ref().is_none_or(|e| {
                    p["expected"]
                        .as_str()
                        .is_some_and(|got| got.contains(e.as_str()))
                })
        };
        if !problems.iter().any(matches) {
            failures.push(format!(
                "validate: no {severity} at {file}:{}{} with message {message:?}{}; got: {shown}",
                expect.line.map_or("-".into(), |l| l.to_string()),
                expect.column.map_or(String::new(), |c| format!(":{c}")),
                match (&expect.hint, expect.no_hint) {
                    (Some(h), _) => format!(" and hint {h:?}"),
                    (None, true) => " and no hint".into(),
                    (None, false) => String::new(),
                } + &expect
                    .expected
                    .as_ref()
                    .map_or(String::new(), |e| format!(" and expected {e:?}")),
            ));
        }
    }

    // the same in Vietnamese, as people read it: same exit code, no panic
    let out = run_in("vi", &data, &expect.args, &["validate"]);
    no_panic("validate (vi)", &out, &mut failures);
    if out.status.code() != Some(expect.exit) {
        failures.push(format!(
            "validate (vi): exit code {:?}, expected {}",
            out.status.code(),
            expect.exit
        ));
    }

    // check 2023
    let out = run(
        &data,
        &expect.args,
        &["check", "2023", "--today", "2024-03-20"],
    );
    no_panic("check", &out, &mut failures);
    if out.status.code() != Some(expect.exit) {
        failures.push(format!(
            "check: exit code {:?}, expected {}: {}",
            out.status.code(),
            expect.exit,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    if let (Some(file), Some(message)) = (&expect.file, &expect.message) {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let location = match expect.line {
            Some(line) => format!("{file}:{line}"),
            None => format!("{file}: "),
        };
        if !shows_location(&stderr, &location) {
            failures.push(format!("check: stderr does not show {location}: {stderr}"));
        }
        if !stderr.contains(message.as_str()) {
            failures.push(format!("check: stderr does not say {message:?}: {stderr}"));
        }
    }
    failures
}

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tests/corpus")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.is_dir() && p.file_name().is_none_or(|n| n != "_base"))
        .collect();
    cases.sort();
    cases
}

#[test]
fn the_baseline_is_valid() {
    let data = corpus().join("_base");
    let out = run(&data, &[], &["validate", "--format", "json"]);
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["errors"], 0, "{json}");
    assert_eq!(json["warnings"], 0, "{json}");
    assert_eq!(out.status.code(), Some(0));
    let out = run(&data, &[], &["check", "2023", "--today", "2024-03-20"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_corpus_case_fails_where_it_should() {
    let cases = cases();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let next = AtomicUsize::new(0);
    let report: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(4, |n| n.get().min(8));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    let failures = check_case(case);
                    if !failures.is_empty() {
                        let name = case.file_name().unwrap_or_default().to_string_lossy();
                        let mut report = report.lock().unwrap_or_else(|e| e.into_inner());
                        report.push(format!("== {name}\n  {}", failures.join("\n  ")));
                    }
                }
            });
        }
    });
    let mut report = report.into_inner().unwrap_or_else(|e| e.into_inner());
    report.sort();
    assert!(
        report.is_empty(),
        "{} of {} cases failed:\n{}",
        report.len(),
        cases.len(),
        report.join("\n")
    );
}
