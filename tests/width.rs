//! Output fits the width it is given: `COLUMNS`, else the terminal's; in a
//! pipe without `COLUMNS`, tables keep their full width, the same for every
//! script.

mod common;

use common::thiduakt;

/// The commands that print tables and text for people, on the sample data.
const COMMANDS: [&[&str]; 9] = [
    &["check", "2023"],
    &["check", "2024"],
    &["check", "2021-2025"],
    &["summary"],
    &["summary", "--by", "unit"],
    &["deadlines"],
    &["explain", "2023", "NV04"],
    &["explain", "2021-2025", "NV16"],
    &["explain", "2023", "LHH"],
];

fn run(args: &[&str], lang: &str, columns: Option<&str>) -> String {
    let mut cmd = thiduakt(args)
        .args(["--today", "2024-03-20", "--lang", lang])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if let Some(columns) = columns {
        cmd = cmd.env("COLUMNS", columns);
    }
    let out = cmd.assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
}

#[test]
fn no_line_is_wider_than_columns() {
    for width in [80, 100, 120, 160] {
        for args in COMMANDS {
            for lang in ["vi", "en"] {
                let text = run(args, lang, Some(&width.to_string()));
                for line in text.lines() {
                    // Characters, not bytes: Vietnamese letters are one
                    // column and several bytes.
                    assert!(
                        line.chars().count() <= width,
                        "{args:?} --lang {lang} at {width} columns: {} columns\n{line}\n\n{text}",
                        line.chars().count()
                    );
                }
            }
        }
    }
}

#[test]
fn clause_references_are_never_broken() {
    let broken = |line: &str| {
        // "(III." at the end of a line, its rest on the next.
        line.rfind('(').is_some_and(|open| {
            let rest = &line[open..];
            !rest.contains(')') && rest.len() > 1 && rest[1..].starts_with(['I', 'V', 'X'])
        })
    };
    for width in ["80", "100"] {
        for args in COMMANDS {
            for lang in ["vi", "en"] {
                let text = run(args, lang, Some(width));
                for line in text.lines() {
                    let cells: Vec<&str> = line.split(['│', '┆']).collect();
                    assert!(
                        !cells.iter().any(|c| broken(c.trim_end())),
                        "{args:?} at {width}: {line}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_pipe_without_columns_keeps_the_full_layout() {
    for args in [&["check", "2023"][..], &["summary"], &["deadlines"]] {
        let full = run(args, "vi", None);
        assert!(
            full.lines().any(|l| l.chars().count() > 160),
            "{args:?} kept its full width"
        );
        // A COLUMNS that is not a width is ignored.
        assert_eq!(run(args, "vi", Some("abc")), full, "{args:?}");
        assert_eq!(run(args, "vi", Some("0")), full, "{args:?}");
        // Wide enough, the full layout is what fits.
        assert_eq!(run(args, "vi", Some("1000")), full, "{args:?}");
    }
}
