//! Robustness: no input makes the loader panic, and a failed write leaves no
//! half-written file.
//!
//! The inputs are the valid baseline of the bad-input corpus
//! (`tests/corpus/_base/`), with one of its files replaced by random bytes,
//! a random string, or a mutation of itself (byte flips, truncation,
//! inserted quotes, delimiters, line breaks, NULs, BOMs, Vietnamese text).
//! Whatever the input, `load` returns; every diagnostic names a file and a
//! sane position; errors and a dataset never come together; a dataset that
//! loads can be reviewed; diagnostics can be rendered. The binary, run on a
//! few mutated folders, ends with 0 or 1, never a panic.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use thiduakt::Lang;
use thiduakt::diag::report::render;
use thiduakt::load::{Keep, LoadOptions, load};
use thiduakt::output::{OutputError, write_atomic};
use thiduakt::rules::evaluate;

/// The baseline folder, file by file.
const BASE: [(&str, &[u8]); 6] = [
    ("plan.toml", include_bytes!("corpus/_base/plan.toml")),
    ("units.toml", include_bytes!("corpus/_base/units.toml")),
    ("people.csv", include_bytes!("corpus/_base/people.csv")),
    (
        "achievements.csv",
        include_bytes!("corpus/_base/achievements.csv"),
    ),
    (
        "nominations.csv",
        include_bytes!("corpus/_base/nominations.csv"),
    ),
    ("awards.csv", include_bytes!("corpus/_base/awards.csv")),
];

/// Bytes that break files in interesting ways.
const SPECIAL: &[&[u8]] = &[
    b"\"",
    b"\"\"",
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r",
    b"\r\n",
    b"\0",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"=",
    b"[",
    b"]]",
    b"[[unit]]\n",
    b"#",
    b"'''",
    b"\\",
    "đạt".as_bytes(),
    "Nguyễn".as_bytes(),
    "NguyÔn V¨n".as_bytes(),
    "Nguyeãn Vaên".as_bytes(),
    b"\xE1\xBB",
    b"\xFF",
    b"\xC3",
    b"\x80",
    b"\xED\xA0\x80",
    b"\xC0\xAF",
    b"2023",
    b"2021-2025",
    b"31/02/2024",
    b"99999999999999999999",
    b"-1",
    b"9.1255",
    b"TT5",
    b"XS",
    b"NV02",
    b"VP",
];

/// One change to a file's bytes; positions are taken modulo the length.
#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, mask: u8 },
    Truncate { at: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Delete { at: usize, len: usize },
    DuplicateLine { at: usize },
    SwapHalves { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let special = prop::sample::select(SPECIAL).prop_map(<[u8]>::to_vec);
    let text = "\\PC{0,12}".prop_map(String::into_bytes);
    let bytes = prop::collection::vec(any::<u8>(), 0..8);
    prop_oneof![
        1 => (any::<usize>(), 1u8..=255).prop_map(|(at, mask)| Mutation::Flip { at, mask }),
        1 => any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        4 => (any::<usize>(), prop_oneof![3 => special, 1 => text, 1 => bytes])
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        1 => (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => any::<usize>().prop_map(|at| Mutation::DuplicateLine { at }),
        1 => any::<usize>().prop_map(|at| Mutation::SwapHalves { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    let pos = |at: usize, n: usize| if n == 0 { 0 } else { at % (n + 1) };
    match m {
        Mutation::Flip { at, mask } => {
            if len > 0 {
                bytes[at % len] ^= mask;
            }
        }
        Mutation::Truncate { at } => bytes.truncate(pos(*at, len)),
        Mutation::Insert { at, bytes: new } => {
            let at = pos(*at, len);
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Delete { at, len: n } => {
            let at = pos(*at, len);
            let end = (at + n).min(len);
            bytes.drain(at..end);
        }
        Mutation::DuplicateLine { at } => {
            let at = pos(*at, len);
            let start = bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(len, |i| at + i + 1);
            let line = bytes[start..end].to_vec();
            bytes.splice(end..end, line);
        }
        Mutation::SwapHalves { at } => {
            let at = pos(*at, len);
            bytes.rotate_left(at);
        }
    }
}

/// What replaces a file of the baseline.
#[derive(Clone, Debug)]
enum Content {
    Mutated(Vec<Mutation>),
    Bytes(Vec<u8>),
    Text(String),
    /// Lines of CSV-like cells built from troublesome pieces.
    Cells(Vec<Vec<String>>),
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(SPECIAL).prop_map(|b| String::from_utf8_lossy(b).into_owned()),
        "[a-zA-Z0-9 ]{0,6}",
        "\\PC{0,6}",
        prop::sample::select(vec![
            "review",
            "subject",
            "criterion",
            "result",
            "score",
            "id",
            "name",
            "unit",
            "kind",
            "votes_for",
            "votes_total",
            "received",
            "award",
            "field",
            "date",
            "Mã",
            "Họ và tên",
        ])
        .prop_map(str::to_string),
    ]
}

fn content() -> impl Strategy<Value = Content> {
    prop_oneof![
        6 => prop::collection::vec(mutation(), 1..5).prop_map(Content::Mutated),
        1 => prop::collection::vec(any::<u8>(), 0..300).prop_map(Content::Bytes),
        1 => "\\PC{0,200}".prop_map(Content::Text),
        2 => prop::collection::vec(prop::collection::vec(cell(), 0..9), 0..8)
            .prop_map(Content::Cells),
    ]
}

fn render_content(base: &[u8], content: &Content) -> Vec<u8> {
    match content {
        Content::Mutated(ms) => {
            let mut bytes = base.to_vec();
            for m in ms {
                apply(&mut bytes, m);
            }
            bytes
        }
        Content::Bytes(b) => b.clone(),
        Content::Text(t) => t.clone().into_bytes(),
        Content::Cells(rows) => {
            let mut out = String::new();
            for row in rows {
                out.push_str(&row.join(","));
                out.push('\n');
            }
            out.into_bytes()
        }
    }
}

/// Writes the baseline into `dir`, with file `which` replaced.
fn write_folder(dir: &Path, which: usize, bytes: &[u8]) {
    for (i, (name, base)) in BASE.iter().enumerate() {
        let data = if i == which { bytes } else { base };
        std::fs::write(dir.join(name), data).expect("write input");
    }
}

/// Loads a folder and checks what must hold whatever the input.
fn load_checked(dir: &Path, options: &LoadOptions) -> Result<(), TestCaseError> {
    let loaded = load(dir, options);
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    prop_assert_eq!(
        loaded.dataset.is_some(),
        errors == 0,
        "a dataset comes with no error, and only then: {:?}",
        loaded.diagnostics
    );
    for d in &loaded.diagnostics {
        prop_assert!(d.file.is_some(), "a diagnostic without a file: {:?}", d);
        if let (Some(file), Some(line)) = (&d.file, d.line) {
            // Every line break is a LF or a CR: the file has no more lines.
            let bytes = std::fs::read(file).unwrap_or_default();
            let breaks = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
            prop_assert!(
                line as usize <= breaks + 1,
                "line {} of a file of {} lines: {:?}",
                line,
                breaks + 1,
                d
            );
        }
        prop_assert!(d.line != Some(0), "line 0: {:?}", d);
        prop_assert!(d.column != Some(0), "column 0: {:?}", d);
        prop_assert!(
            d.column.is_none() || d.line.is_some(),
            "a column without a line: {:?}",
            d
        );
        if let Some(s) = &d.snippet {
            prop_assert!(
                s.start <= s.text.chars().count() && s.width >= 1,
                "a snippet marker off its line: {:?}",
                d
            );
            prop_assert!(
                !s.text.contains('\n'),
                "a snippet of more than one line: {:?}",
                d
            );
        }
        for lang in [Lang::Vi, Lang::En] {
            let text = render(d, lang, Some(40));
            prop_assert!(!text.is_empty());
        }
    }
    if let Some(data) = &loaded.dataset {
        let today = NaiveDate::from_ymd_opt(2024, 3, 20).expect("a date");
        for review in data.plan.reviews() {
            let _ = evaluate(data, review, today);
        }
    }
    // Streamed or read whole into memory, keeping some rows or all: the
    // same diagnostics, but that errors of rows of other reviews than the
    // one kept are warnings naming their review.
    let plain = load(
        dir,
        &LoadOptions {
            in_memory: true,
            keep: Keep::All,
            ..*options
        },
    );
    let undeferred: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(thiduakt::diag::Diagnostic::undeferred)
        .collect();
    prop_assert_eq!(
        &plain.diagnostics,
        &undeferred,
        "the streamed path differs from the plain one"
    );
    if !matches!(options.keep, Keep::Review(_)) {
        prop_assert!(loaded.diagnostics.iter().all(|d| d.deferred.is_none()));
    }
    if loaded.diagnostics.iter().all(|d| d.deferred.is_none()) {
        prop_assert_eq!(plain.dataset.is_some(), loaded.dataset.is_some());
    }
    Ok(())
}

fn options() -> impl Strategy<Value = LoadOptions> {
    prop::sample::select(vec![
        None,
        Some(encoding_rs::UTF_8),
        Some(encoding_rs::WINDOWS_1258),
        Some(encoding_rs::UTF_16LE),
        Some(encoding_rs::UTF_16BE),
        Some(encoding_rs::SHIFT_JIS),
    ])
    .prop_flat_map(|encoding| {
        // The streamed and the plain in-memory path, and any rows kept:
        // each must stand any input.
        let keep = prop::sample::select(vec![
            Keep::All,
            Keep::Review(thiduakt::Review::Annual(2023)),
            Keep::Nothing,
        ]);
        (Just(encoding), any::<bool>(), keep).prop_map(|(encoding, in_memory, keep)| LoadOptions {
            encoding,
            in_memory,
            keep,
        })
    })
}

/// A runner of `cases` cases; `ROBUSTNESS_CASES=N` runs N instead (a longer
/// hunt: `ROBUSTNESS_CASES=5000 cargo test --release --test robustness`).
fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("ROBUSTNESS_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Each file of the folder, broken in every way, with every encoding option.
#[test]
fn no_input_file_makes_the_loader_panic() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (which, (name, base)) in BASE.iter().enumerate() {
        let mut runner = runner(160);
        let result = runner.run(&(content(), options()), |(content, options)| {
            write_folder(dir.path(), which, &render_content(base, &content));
            load_checked(dir.path(), &options)
        });
        if let Err(e) = result {
            panic!("{name}: {e}");
        }
    }
}

/// Byte sequences that are never valid UTF-8: a lone continuation byte,
/// bytes UTF-8 never uses, a lead byte without its continuation, a
/// surrogate, an overlong form, a five-byte form.
const INVALID_UTF8: &[&[u8]] = &[
    b"\x80",
    b"\xBF",
    b"\xFF",
    b"\xFE",
    b"\xC3",
    b"\xE1\xBB",
    b"\xF0\x9F\x98",
    b"\xED\xA0\x80",
    b"\xC0\xAF",
    b"\xF8\x88\x80\x80\x80",
    b"\xEA\xDE",
];

/// A few invalid UTF-8 sequences inserted into each valid file of the
/// folder: the loader never panics, and every error it reports has a
/// position (a line; a column too but for a whole line), which the checks of
/// [`load_checked`] keep sane. TOML files and CSV files alike.
#[test]
fn invalid_utf8_in_a_valid_file_is_located() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let inserts = prop::collection::vec((any::<usize>(), prop::sample::select(INVALID_UTF8)), 1..4);
    let encoding = prop::sample::select(vec![None, Some(encoding_rs::UTF_8)]);
    for (which, (name, base)) in BASE.iter().enumerate() {
        let mut runner = runner(60);
        let result = runner.run(
            &(inserts.clone(), encoding.clone(), any::<bool>()),
            |(inserts, encoding, in_memory)| {
                let mut bytes = base.to_vec();
                for (at, invalid) in &inserts {
                    let at = at % (bytes.len() + 1);
                    bytes.splice(at..at, invalid.iter().copied());
                }
                // Two inserts side by side may make a valid character.
                if std::str::from_utf8(&bytes).is_ok() {
                    return Ok(());
                }
                write_folder(dir.path(), which, &bytes);
                let options = LoadOptions {
                    encoding,
                    in_memory,
                    ..LoadOptions::default()
                };
                load_checked(dir.path(), &options)?;
                let loaded = load(dir.path(), &options);
                // An error, or, for a CSV file with few multi-byte UTF-8
                // characters, a reading as Windows-1258 that says so. A file
                // with more than ten for each invalid sequence (at most 3,
                // each breaking at most one character) is UTF-8 with broken
                // bytes; a TOML file is UTF-8 or nothing.
                let characters = String::from_utf8_lossy(base)
                    .chars()
                    .filter(|c| !c.is_ascii())
                    .count();
                let may_be_legacy = name.ends_with(".csv") && characters < 33;
                let legacy = may_be_legacy
                    && loaded
                        .diagnostics
                        .iter()
                        .any(|d| matches!(d.problem, thiduakt::diag::Problem::DecodedAs { .. }));
                prop_assert!(
                    legacy || loaded.diagnostics.iter().any(|d| d.is_error()),
                    "{}: invalid UTF-8 read without a word: {:?}",
                    name,
                    loaded.diagnostics
                );
                for d in loaded.diagnostics.iter().filter(|d| d.is_error()) {
                    prop_assert!(
                        d.line.is_some(),
                        "{}: an error without a position: {:?}",
                        name,
                        d
                    );
                }
                Ok(())
            },
        );
        if let Err(e) = result {
            panic!("{name}: {e}");
        }
    }
}

/// The binary on folders with invalid UTF-8 inserted: exit code 0 or 1,
/// never a panic, and every error on stderr names file:line.
#[test]
fn the_binary_locates_invalid_utf8() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut runner = runner(24);
    let strategy = (
        0..BASE.len(),
        prop::collection::vec((any::<usize>(), prop::sample::select(INVALID_UTF8)), 1..3),
    );
    let result = runner.run(&strategy, |(which, inserts)| {
        let mut bytes = BASE[which].1.to_vec();
        for (at, invalid) in &inserts {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, invalid.iter().copied());
        }
        write_folder(dir.path(), which, &bytes);
        let out = Command::new(env!("CARGO_BIN_EXE_thiduakt"))
            .env_remove("THIDUAKT_LANG")
            .env_remove("THIDUAKT_DATA")
            .env("NO_COLOR", "1")
            .args(["--lang", "en", "--data"])
            .arg(dir.path())
            .args(["check", "2023", "--today", "2024-03-20"])
            .output()
            .expect("run thiduakt");
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "exit {:?}: {}",
            out.status,
            stderr
        );
        prop_assert!(!stderr.contains("panicked"), "{}", stderr);
        for line in stderr.lines().filter(|l| l.starts_with("error: ")) {
            let located = line
                .split(": ")
                .nth(1)
                .is_some_and(|at| at.split(':').filter(|p| p.parse::<u32>().is_ok()).count() >= 1);
            prop_assert!(located, "an error without file:line: {}", line);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Several files broken at once, and an achievements folder beside the file.
#[test]
fn several_broken_files_at_once() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let extra = dir.path().join("achievements");
    std::fs::create_dir_all(&extra).expect("achievements folder");
    let mut runner = runner(120);
    let strategy = (
        prop::collection::vec((0..BASE.len(), content()), 1..4),
        prop::option::of(content()),
    );
    let result = runner.run(&strategy, |(broken, folder_file)| {
        write_folder(dir.path(), usize::MAX, &[]);
        for (which, content) in &broken {
            let (name, base) = BASE[*which];
            std::fs::write(dir.path().join(name), render_content(base, content))
                .expect("write input");
        }
        let in_folder = extra.join("2023.csv");
        match &folder_file {
            Some(content) => {
                std::fs::write(&in_folder, render_content(BASE[3].1, content)).expect("write input")
            }
            None => {
                let _ = std::fs::remove_file(&in_folder);
            }
        }
        load_checked(dir.path(), &LoadOptions::default())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The binary on a few mutated folders: exit code 0 or 1, never a panic.
#[test]
fn the_binary_never_panics_on_a_mutated_folder() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut runner = runner(30);
    let result = runner.run(&(0..BASE.len(), content()), |(which, content)| {
        write_folder(dir.path(), which, &render_content(BASE[which].1, &content));
        for args in [
            &["validate"][..],
            &["validate", "--format", "json"],
            &["check", "2023", "--today", "2024-03-20"],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_thiduakt"))
                .env_remove("THIDUAKT_LANG")
                .env_remove("THIDUAKT_DATA")
                .arg("--data")
                .arg(dir.path())
                .args(args)
                .output()
                .expect("run thiduakt");
            let stderr = String::from_utf8_lossy(&out.stderr);
            prop_assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{:?}: exit {:?}: {}",
                args,
                out.status,
                stderr
            );
            prop_assert!(
                !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
                "{:?}: {}",
                args,
                stderr
            );
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ---- no half-written output ----

/// Every `.thiduakt-*.tmp` file under `dir`.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
            } else if name.starts_with(".thiduakt-") && name.ends_with(".tmp") {
                found.push(path);
            }
        }
    }
    found
}

/// A work folder with a valid data folder in `data/`.
fn workdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("achievements")).expect("data folder");
    write_folder(&data, usize::MAX, &[]);
    (dir, data)
}

#[test]
fn writing_into_a_missing_folder_fails_and_leaves_nothing() {
    let (dir, data) = workdir();
    let missing = dir.path().join("no-such-folder");
    let out = missing.join("de-nghi.csv");
    let result = write_atomic(&out, &data, b"review,subject\n2023,VP\n");
    assert!(matches!(result, Err(OutputError::Io { .. })), "{result:?}");
    assert!(!missing.exists(), "the folder is not created");
    assert!(!out.exists());
    assert_eq!(leftovers(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn a_refused_write_keeps_every_input_as_it_was() {
    let (dir, data) = workdir();
    let before: Vec<(PathBuf, Vec<u8>)> = BASE
        .iter()
        .map(|(name, bytes)| (data.join(name), bytes.to_vec()))
        .collect();
    let mut targets: Vec<PathBuf> = BASE.iter().map(|(name, _)| data.join(name)).collect();
    targets.extend([
        data.join("achievements").join("..").join("people.csv"),
        data.join(".").join("plan.toml"),
        data.join("achievements").join("2023.csv"),
        data.join("nominations.csv"),
    ]);
    #[cfg(unix)]
    {
        let link = dir.path().join("danh-sach.csv");
        std::os::unix::fs::symlink(data.join("achievements.csv"), &link).expect("symlink");
        targets.push(link);
    }
    for target in &targets {
        let result = write_atomic(target, &data, b"half");
        assert!(
            matches!(result, Err(OutputError::IsInput { .. })),
            "{}: {result:?}",
            target.display()
        );
    }
    for (path, bytes) in &before {
        assert_eq!(
            &std::fs::read(path).expect("read input"),
            bytes,
            "{} changed",
            path.display()
        );
    }
    assert!(
        !data.join("achievements").join("2023.csv").exists(),
        "no new file in the achievements folder"
    );
    assert_eq!(leftovers(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn a_failed_write_keeps_the_previous_output() {
    let (dir, data) = workdir();
    let out = dir.path().join("de-nghi.csv");
    write_atomic(&out, &data, b"first run\n").expect("first write");
    assert_eq!(std::fs::read(&out).expect("read"), b"first run\n");
    // A write whose rename fails (the target became a folder) leaves the
    // folder and no temporary file.
    let folder_target = dir.path().join("a-folder.csv");
    std::fs::create_dir_all(folder_target.join("inside")).expect("folder");
    let result = write_atomic(&folder_target, &data, b"second run\n");
    assert!(matches!(result, Err(OutputError::Io { .. })), "{result:?}");
    assert!(folder_target.join("inside").is_dir());
    // The first output is untouched by the failed runs.
    assert_eq!(std::fs::read(&out).expect("read"), b"first run\n");
    // A successful second write replaces it whole.
    write_atomic(&out, &data, b"second run\n").expect("second write");
    assert_eq!(std::fs::read(&out).expect("read"), b"second run\n");
    assert_eq!(leftovers(dir.path()), Vec::<PathBuf>::new());
}

/// In a folder that cannot be written to, the previous output stays whole.
/// (Skipped when permissions do not bind, as for root.)
#[cfg(unix)]
#[test]
fn a_read_only_folder_keeps_the_previous_output() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, data) = workdir();
    let outputs = dir.path().join("out");
    std::fs::create_dir_all(&outputs).expect("folder");
    let out = outputs.join("de-nghi.csv");
    write_atomic(&out, &data, b"first run\n").expect("first write");
    std::fs::set_permissions(&outputs, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = outputs.join("probe");
    let binding = std::fs::write(&probe, b"").is_err();
    let _ = std::fs::remove_file(&probe);
    if binding {
        let result = write_atomic(&out, &data, b"second run\n");
        assert!(matches!(result, Err(OutputError::Io { .. })), "{result:?}");
        assert_eq!(std::fs::read(&out).expect("read"), b"first run\n");
    }
    std::fs::set_permissions(&outputs, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(leftovers(dir.path()), Vec::<PathBuf>::new());
}

// ---- files that are not regular files ----

/// How a data file is replaced by something that is not a regular file.
#[cfg(unix)]
#[derive(Clone, Copy, Debug)]
enum Special {
    /// A named pipe: opening one for reading waits for a writer.
    Fifo,
    /// A symbolic link to a device that never ends.
    LinkTo(&'static str),
    /// A symbolic link to nothing.
    Broken,
}

#[cfg(unix)]
fn make_special(path: &Path, special: Special) {
    let _ = std::fs::remove_file(path);
    match special {
        Special::Fifo => {
            use std::os::unix::ffi::OsStrExt;
            let c = std::ffi::CString::new(path.as_os_str().as_bytes()).expect("a path");
            // SAFETY: `c` is a valid NUL-terminated path.
            let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
            assert_eq!(rc, 0, "mkfifo {}", path.display());
        }
        Special::LinkTo(target) => std::os::unix::fs::symlink(target, path).expect("symlink"),
        Special::Broken => {
            std::os::unix::fs::symlink("gone-away.csv", path).expect("symlink");
        }
    }
}

/// A data file that is a FIFO, a link to `/dev/zero` or `/dev/urandom`, or
/// a link to nothing, in the folder or in `achievements/`: an error naming
/// the file, at once (never a hang, never memory running out), never
/// skipped.
#[cfg(unix)]
#[test]
fn special_files_are_refused_not_read() {
    use std::time::Duration;
    let cases: &[(&str, Special, &str)] = &[
        (
            "people.csv",
            Special::LinkTo("/dev/zero"),
            "not a regular file: it is a device",
        ),
        (
            "awards.csv",
            Special::LinkTo("/dev/urandom"),
            "not a regular file: it is a device",
        ),
        (
            "nominations.csv",
            Special::Fifo,
            "not a regular file: it is a FIFO",
        ),
        (
            "plan.toml",
            Special::Fifo,
            "not a regular file: it is a FIFO",
        ),
        (
            "units.toml",
            Special::LinkTo("/dev/zero"),
            "not a regular file: it is a device",
        ),
        (
            "achievements/2023.csv",
            Special::Fifo,
            "not a regular file: it is a FIFO",
        ),
        (
            "achievements/2024.csv",
            Special::LinkTo("/dev/zero"),
            "not a regular file: it is a device",
        ),
        (
            "people.csv",
            Special::Broken,
            "broken symbolic link: it points to \"gone-away.csv\"",
        ),
        ("nominations.csv", Special::Broken, "broken symbolic link"),
        (
            "achievements/2022.csv",
            Special::Broken,
            "broken symbolic link",
        ),
    ];
    let mut failures = Vec::new();
    for &(name, special, message) in cases {
        let (_dir, data) = workdir();
        make_special(&data.join(name), special);
        for lang in ["en", "vi"] {
            let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_thiduakt"))
                .env_remove("THIDUAKT_LANG")
                .env_remove("THIDUAKT_DATA")
                .args(["--lang", lang, "--data"])
                .arg(&data)
                .args(["validate", "--format", "json"])
                .timeout(Duration::from_secs(20))
                .output()
                .expect("run thiduakt");
            let what = format!("{name} as {special:?} ({lang})");
            if out.status.code() != Some(1) {
                failures.push(format!(
                    "{what}: exit {:?} (a hang ends as a kill)",
                    out.status
                ));
                continue;
            }
            if lang == "vi" {
                continue;
            }
            let json: serde_json::Value = match serde_json::from_slice(&out.stdout) {
                Ok(v) => v,
                Err(e) => {
                    failures.push(format!("{what}: not JSON: {e}"));
                    continue;
                }
            };
            let found = json["problems"].as_array().is_some_and(|ps| {
                ps.iter().any(|p| {
                    p["severity"] == "error"
                        && p["file"].as_str().is_some_and(|f| f.ends_with(name))
                        && p["message"].as_str().is_some_and(|m| m.contains(message))
                })
            });
            if !found {
                failures.push(format!("{what}: no error {message:?}: {json}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- the same input under another name ----

/// `thiduakt --data DATA export 2023 -o OUTPUT`.
fn export_to(data: &Path, output: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_thiduakt"))
        .env_remove("THIDUAKT_LANG")
        .env_remove("THIDUAKT_DATA")
        .args(["--lang", "en", "--data"])
        .arg(data)
        .args(["export", "2023", "--today", "2024-03-20", "-o"])
        .arg(output)
        .output()
        .expect("run thiduakt")
}

/// A hard link to an input, in another folder, is the input itself: an
/// output there is refused, and the input stays as it was.
#[test]
fn a_hard_link_to_an_input_is_refused() {
    let (dir, data) = workdir();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("folder");
    for (name, bytes) in [("people.csv", BASE[2].1), ("achievements.csv", BASE[3].1)] {
        let link = elsewhere.join(name);
        let _ = std::fs::remove_file(&link);
        std::fs::hard_link(data.join(name), &link).expect("hard link");
        let result = write_atomic(&link, &data, b"half");
        assert!(
            matches!(result, Err(OutputError::IsInput { .. })),
            "{name}: {result:?}"
        );
        let out = export_to(&data, &link);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("it is an input of the data folder"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(data.join(name)).expect("read"), bytes);
    }
    // A file linked into the achievements folder counts too.
    std::fs::write(data.join("achievements").join("2023.csv"), BASE[3].1).expect("write");
    let link = elsewhere.join("thanh-tich-2023.csv");
    std::fs::hard_link(data.join("achievements").join("2023.csv"), &link).expect("hard link");
    assert!(matches!(
        write_atomic(&link, &data, b"half"),
        Err(OutputError::IsInput { .. })
    ));
    // An ordinary file beside them is written.
    write_atomic(&elsewhere.join("de-nghi.csv"), &data, b"ok\n").expect("write");
    assert_eq!(leftovers(dir.path()), Vec::<PathBuf>::new());
}

/// The data folder mounted at a second path (`mount --bind`): an output
/// through that path is refused, the input stays as it was. Needs root and
/// a system that allows bind mounts; skipped with a message otherwise.
#[cfg(target_os = "linux")]
#[test]
fn the_data_folder_through_a_bind_mount_is_refused() {
    let (dir, data) = workdir();
    let view = dir.path().join("view");
    std::fs::create_dir_all(&view).expect("folder");
    let mounted = Command::new("mount")
        .arg("--bind")
        .arg(&data)
        .arg(&view)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("skipped: `mount --bind` is not allowed here (needs root)");
        return;
    }
    let mut failures = Vec::new();
    for name in ["people.csv", "nominations.csv", "achievements/2023.csv"] {
        let target = view.join(name);
        let result = write_atomic(&target, &data, b"half");
        if !matches!(result, Err(OutputError::IsInput { .. })) {
            failures.push(format!("{name} through the mount: {result:?}"));
        }
        let out = export_to(&data, &target);
        if out.status.code() != Some(1) {
            failures.push(format!(
                "export -o {name} through the mount: {:?}",
                out.status
            ));
        }
    }
    let people = std::fs::read(data.join("people.csv"));
    let _ = Command::new("umount").arg(&view).status();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(people.expect("read"), BASE[2].1, "people.csv changed");
    assert!(!data.join("achievements").join("2023.csv").exists());
}

// ---- standard output that cannot be written ----

/// Every command that writes to stdout, when stdout is `/dev/full`: exit
/// code 1 and a message saying standard output could not be written, in
/// the language asked for. A closed pipe (`| head -1`) stays silent, exit 0.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_to_stdout_is_an_error() {
    use std::process::Stdio;
    let (_dir, data) = workdir();
    let commands: &[&[&str]] = &[
        &["check", "2023", "--today", "2024-03-20"],
        &["check", "2023", "--format", "csv", "--today", "2024-03-20"],
        &["export", "2023", "-o", "-", "--today", "2024-03-20"],
        &["validate"],
        &["validate", "--format", "json"],
        &["summary"],
        &["deadlines", "--today", "2024-03-20"],
        &["explain", "2023", "VP", "--today", "2024-03-20"],
        &["--help"],
        &["--version"],
    ];
    let mut failures = Vec::new();
    for command in commands {
        for (lang, message) in [
            ("en", "could not write to standard output"),
            ("vi", "không ghi được ra đầu ra chuẩn"),
        ] {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full");
            let out = Command::new(env!("CARGO_BIN_EXE_thiduakt"))
                .env_remove("THIDUAKT_LANG")
                .env_remove("THIDUAKT_DATA")
                .args(["--lang", lang, "--data"])
                .arg(&data)
                .args(*command)
                .stdout(Stdio::from(full))
                .output()
                .expect("run thiduakt");
            let stderr = String::from_utf8_lossy(&out.stderr);
            if out.status.code() != Some(1) || !stderr.contains(message) {
                failures.push(format!(
                    "{command:?} ({lang}) > /dev/full: {:?}: {stderr}",
                    out.status
                ));
            }
        }
        // A reader that went away is not an error.
        let mut child = Command::new(env!("CARGO_BIN_EXE_thiduakt"))
            .env_remove("THIDUAKT_LANG")
            .env_remove("THIDUAKT_DATA")
            .arg("--data")
            .arg(&data)
            .args(*command)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run thiduakt");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        if out.status.code() != Some(0) || !out.stderr.is_empty() {
            failures.push(format!(
                "{command:?} | (closed): {:?}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A stderr that cannot be written does not make the tool panic: messages
/// are lost, the exit code still tells (1 for data with an error, 0 when
/// all is well, 2 for a usage error).
#[cfg(target_os = "linux")]
#[test]
fn a_full_stderr_is_no_panic() {
    use std::process::Stdio;
    let (_dir, data) = workdir();
    let broken = data.join("nominations.csv");
    let cases: &[(&[&str], bool, i32)] = &[
        (&["check", "2023", "--today", "2024-03-20"], false, 0),
        (&["check", "2023", "--today", "2024-03-20"], true, 1),
        (&["validate"], true, 1),
        (&["check", "2025"], false, 1),
        (&["--no-such-option"], false, 2),
    ];
    for &(args, break_it, code) in cases {
        let bytes = if break_it {
            b"review,subject\n2023,NO_ONE\n".to_vec()
        } else {
            BASE[4].1.to_vec()
        };
        std::fs::write(&broken, bytes).expect("write input");
        let full = || {
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full")
        };
        let out = Command::new(env!("CARGO_BIN_EXE_thiduakt"))
            .env_remove("THIDUAKT_LANG")
            .env_remove("THIDUAKT_DATA")
            .arg("--data")
            .arg(&data)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::from(full()))
            .status()
            .expect("run thiduakt");
        assert_eq!(out.code(), Some(code), "{args:?} (broken: {break_it})");
    }
}
