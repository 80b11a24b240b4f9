//! What a new clerk and a new script writer meet in their first hour, on
//! the sample Department: each test states a behaviour a user relies on.

mod common;

use common::Workdir;
use serde_json::Value;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// `-q` hides warnings on stderr and nothing else: `validate`'s report, its
/// counts and its exit code are the same with and without it.
#[test]
fn quiet_does_not_change_what_validate_reports() {
    let w = Workdir::sample();
    for format in ["table", "json", "csv"] {
        let plain = w.cmd(["--format", format, "validate"]).output().unwrap();
        let quiet = w
            .cmd(["-q", "--format", format, "validate"])
            .output()
            .unwrap();
        assert_eq!(stdout(&plain), stdout(&quiet), "--format {format}");
        assert_eq!(plain.status.code(), quiet.status.code());
    }
    let report = json(&stdout(
        &w.cmd(["-q", "--format", "json", "validate"])
            .output()
            .unwrap(),
    ));
    assert_eq!(report["warnings"], 1, "the stray TT1 row of LHH: {report}");
    // On stderr, -q does hide the warnings of other commands.
    let quiet = w.cmd(["-q", "check", "2023"]).output().unwrap();
    assert_eq!(stderr(&quiet), "");
    let plain = w.cmd(["check", "2023"]).output().unwrap();
    assert!(stderr(&plain).contains("criterion_not_applicable"));
}

/// With `--format json`, what goes to stderr is JSON too (spec §5): the
/// errors of the data with their place, and a command's own error.
#[test]
fn json_errors_go_to_stderr_as_json() {
    let w = Workdir::sample();
    w.edit(
        "data/achievements.csv",
        "2023,VP,TT1,đạt,",
        "2023,VP,TT1,đạt rồi,",
    );
    let out = w
        .cmd(["--format", "json", "check", "2023"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = json(&stderr(&out));
    let errors = err["errors"].as_array().expect("an errors list");
    assert_eq!(errors.len(), 1, "{err}");
    let e = &errors[0];
    assert_eq!(e["file"], "data/achievements.csv");
    assert!(e["line"].as_u64().is_some() && e["column"].as_u64().is_some());
    assert!(e["message"].as_str().is_some_and(|m| m.contains("đạt rồi")));
    assert!(e.get("hint").is_some() && e.get("sheet").is_some() && e.get("cell").is_some());
    assert_eq!(err["warnings"].as_array().map(Vec::len), Some(1));

    // A review the plan does not hold: the command's own error, as JSON.
    let w = Workdir::sample();
    let out = w
        .cmd(["--format", "json", "check", "2019"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = json(stderr(&out).lines().last().unwrap_or_default());
    assert!(
        err["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("2019")),
        "{err}"
    );
}
