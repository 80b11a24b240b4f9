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

/// Drops a column of a CSV file of the folder, by its header name.
fn drop_column(w: &Workdir, rel: &str, column: &str) {
    let text = w.read(rel);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let at = header
        .iter()
        .position(|h| *h == column)
        .expect("the column");
    let mut out = String::new();
    for line in text.lines() {
        let mut cells: Vec<&str> = line.split(',').collect();
        if cells.len() > at {
            cells.remove(at);
        }
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    w.write(rel, &out);
}

/// A header the tool cannot map is a warning in `validate` and in `check`,
/// naming the nearest column; the optional column it stood for being absent,
/// a warning says what follows (every dossier unreceived).
#[test]
fn an_unknown_header_is_a_warning_naming_the_nearest_column() {
    let w = Workdir::sample();
    w.edit(
        "data/nominations.csv",
        "subject,received,",
        "subject,Ngày nộp,",
    );
    let out = w.cmd(["--lang", "en", "validate"]).output().unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("nominations.csv:1:16: [column Ngày nộp] column \"Ngày nộp\" is none of this file's columns: ignored, not read"),
        "{text}"
    );
    assert!(
        text.contains("hint: the nearest column the file lacks: \"received\" (ngày nhận)"),
        "{text}"
    );
    assert!(
        text.contains("no column \"received\" (ngày nhận): no dossier is recorded as received"),
        "{text}"
    );
    let check = w.cmd(["--lang", "en", "check", "2023"]).output().unwrap();
    let err = stderr(&check);
    assert!(
        err.contains("column \"Ngày nộp\" is none of this file's columns"),
        "{err}"
    );
    assert!(err.contains("no column \"received\""), "{err}");
    // A row number and notes, which clerks' sheets often have, are no data
    // and pass without a word.
    let w = Workdir::sample();
    w.edit(
        "data/nominations.csv",
        "review,subject,",
        "STT,review,subject,",
    );
    let text = w.read("data/nominations.csv");
    let numbered: String = text
        .lines()
        .enumerate()
        .map(|(n, l)| {
            if n == 0 {
                format!("{l},Ghi chú\n")
            } else {
                format!("{n},{l},\n")
            }
        })
        .collect();
    w.write("data/nominations.csv", &numbered);
    let out = w.cmd(["--format", "json", "validate"]).output().unwrap();
    let report = json(&stdout(&out));
    assert_eq!(report["warnings"], 1, "only the stray TT1 row: {report}");
}

/// Without the score column every score is 0, which changes the ranking:
/// never in silence.
#[test]
fn an_absent_score_column_says_the_ranking_ignores_scores() {
    let w = Workdir::sample();
    drop_column(&w, "data/achievements.csv", "score");
    let out = w.cmd(["--lang", "en", "check", "2023"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("achievements.csv:1: no column \"score\" (điểm): every score counts as 0"),
        "{err}"
    );
}

/// `votes_total` without `votes_for` is one error on the header, not an
/// error on every row.
#[test]
fn a_missing_vote_column_is_one_error_on_the_header() {
    let w = Workdir::sample();
    drop_column(&w, "data/nominations.csv", "votes_for");
    let out = w
        .cmd(["--lang", "en", "--format", "json", "validate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = json(&stdout(&out));
    assert_eq!(report["errors"], 1, "{report}");
    let errors: Vec<&Value> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["severity"] == "error")
        .collect();
    assert_eq!(errors[0]["file"], "data/nominations.csv");
    assert_eq!(errors[0]["line"], 1);
    assert_eq!(
        errors[0]["message"],
        "column votes_total is there but \"votes_for\" (phiếu đồng ý) is missing"
    );
    // Without both, nobody is voted: a warning says so.
    drop_column(&w, "data/nominations.csv", "votes_total");
    let out = w.cmd(["--lang", "en", "validate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("no column \"votes_for\" (phiếu đồng ý): nobody has a council vote")
    );
}

/// A bad cell in a row of 2021 does not block `check 2023`: it is a warning
/// saying to fix it before 2021 is judged. `validate`, `check 2021` and
/// `summary` (every review) still stop on it.
#[test]
fn a_bad_row_of_another_review_is_a_warning_for_this_one() {
    let w = Workdir::sample();
    w.edit(
        "data/achievements.csv",
        "2021,VP,TT1,đạt,17.5,",
        "2021,VP,TT1,đạt rồi,17.5,",
    );
    w.edit(
        "data/nominations.csv",
        "2021,SO,2022-03-11,",
        "2021,SO,2022-13-11,",
    );
    let sample = Workdir::sample();
    let expected = stdout(&sample.cmd(["check", "2023"]).output().unwrap());
    let out = w.cmd(["--lang", "en", "check", "2023"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning: data/achievements.csv:11:13: [column result]"),
        "{err}"
    );
    assert!(err.contains("warning: data/nominations.csv:3:"), "{err}");
    assert_eq!(
        err.matches(
            "note: a row of review 2021, which does not affect this one; fix it before judging 2021"
        )
        .count(),
        2,
        "{err}"
    );
    assert!(!err.contains("error"), "{err}");
    let out = w.cmd(["check", "2023"]).output().unwrap();
    assert_eq!(stdout(&out), expected, "the list of 2023 is the same");
    for command in [&["check", "2021"][..], &["validate"], &["summary"]] {
        let out = w.cmd(command).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{command:?}");
    }
    // With JSON, the warning names the review to fix.
    let out = w
        .cmd(["--format", "json", "check", "2023"])
        .output()
        .unwrap();
    let err = json(&stderr(&out));
    assert_eq!(err["errors"].as_array().map(Vec::len), Some(0), "{err}");
    assert_eq!(err["warnings"][0]["other_review"], "2021", "{err}");
}

/// `deadlines -o FILE` writes the format its extension names, as `export`
/// does: never a box-drawing table in a `.csv`.
#[test]
fn deadlines_output_takes_its_format_from_the_extension() {
    let w = Workdir::sample();
    let today = ["--today", "2024-03-01"];
    let csv = w
        .cmd([&today[..], &["--format", "csv", "deadlines"]].concat())
        .output()
        .unwrap();
    let json_out = w
        .cmd([&today[..], &["--format", "json", "deadlines"]].concat())
        .output()
        .unwrap();
    for (file, expected) in [("lich.csv", &csv), ("lich.json", &json_out)] {
        let out = w
            .cmd([&today[..], &["deadlines", "-o", file]].concat())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(w.read(file), stdout(expected), "{file}");
    }
    let out = w
        .cmd([&today[..], &["deadlines", "-o", "lich.txt"]].concat())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = w.read("lich.txt");
    assert!(
        text.contains("15/03/2024") && !text.contains('\u{1b}'),
        "{text}"
    );
    let out = w.cmd(["deadlines", "-o", "lich.docx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(".ics (lịch), .csv, .json hoặc .txt"),
        "{}",
        stderr(&out)
    );
    assert!(!w.path("lich.docx").exists());
}

/// 2025 is judged in the final review: each command suggests itself with
/// `2021-2025`, not `check`.
#[test]
fn a_year_of_the_final_review_suggests_the_same_command() {
    let w = Workdir::sample();
    for (command, suggestion) in [
        (&["summary", "2025"][..], "thiduakt -q summary 2021-2025"),
        (&["deadlines", "2025"], "thiduakt -q deadlines 2021-2025"),
        (
            &["explain", "2025", "NV04"],
            "thiduakt -q explain 2021-2025 NV04",
        ),
        (&["check", "2025"], "thiduakt -q check 2021-2025"),
    ] {
        let out = w.cmd([&["-q"][..], command].concat()).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("hãy dùng: {suggestion}\n")),
            "{command:?}: {err}"
        );
    }
}

/// A US-order date is read back day first in the hint.
#[test]
fn a_month_first_date_gets_its_day_first_reading() {
    let w = Workdir::sample();
    w.edit(
        "data/nominations.csv",
        "2023,VP,2024-02-14,",
        "2023,VP,03/15/2024,",
    );
    let out = w.cmd(["--lang", "en", "validate"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("hint: did you mean 15/03/2024?"), "{text}");
}

/// `explain` finds a subject by its id in any case and by its full name,
/// with or without diacritics.
#[test]
fn explain_finds_a_subject_by_lowercase_id_and_by_name() {
    let w = Workdir::sample();
    let by_id = stdout(&w.cmd(["-q", "explain", "2023", "NV04"]).output().unwrap());
    assert!(
        by_id.starts_with("NV04 — Nguyễn Thị Thanh Tâm\n"),
        "{by_id}"
    );
    for asked in [
        "nv04",
        "Nguyễn Thị Thanh Tâm",
        "nguyen thi thanh tam",
        "văn phòng sở",
    ] {
        let out = w.cmd(["-q", "explain", "2023", asked]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{asked}: {}", stderr(&out));
        if asked.starts_with('v') {
            assert!(stdout(&out).starts_with("VP — Văn phòng Sở\n"), "{asked}");
        } else {
            assert_eq!(stdout(&out), by_id, "{asked}");
        }
    }
    // A name two people share asks for the id.
    w.edit(
        "data/people.csv",
        "NV06,Đặng Ngọc Lan,",
        "NV06,Nguyễn Thị Thanh Tâm,",
    );
    let out = w
        .cmd(["-q", "explain", "2023", "nguyen thi thanh tam"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("NV04 (Nguyễn Thị Thanh Tâm), NV06 (Nguyễn Thị Thanh Tâm); hãy dùng mã"),
        "{err}"
    );
}

/// In JSON, `category` is collective or individual and `kind` the kind of
/// subject, in `check` as in `explain`.
#[test]
fn json_category_and_kind_mean_the_same_in_check_and_explain() {
    let w = Workdir::sample();
    let check = json(&stdout(
        &w.cmd(["-q", "--format", "json", "check", "2023"])
            .output()
            .unwrap(),
    ));
    let vp = check["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["subject"] == "VP")
        .expect("VP")
        .clone();
    let explain = json(&stdout(
        &w.cmd(["-q", "--format", "json", "explain", "2023", "VP"])
            .output()
            .unwrap(),
    ));
    for field in ["category", "kind"] {
        assert_eq!(vp[field], explain[field], "{field}");
    }
    assert_eq!(vp["category"], "collective");
    assert_eq!(vp["kind"], "phong");
    assert!(
        check["quotas"][0].get("category").is_some(),
        "{}",
        check["quotas"]
    );
}

/// A missing folder is named, in the user's language; no temporary file's
/// name reaches the message.
#[test]
fn an_output_in_a_missing_folder_names_the_folder() {
    let w = Workdir::sample();
    for (command, file) in [
        (&["export", "2023", "-o"][..], "khongco/ds.xlsx"),
        (&["publish", "2023", "-o"], "khongco/kq.html"),
        (&["deadlines", "-o"], "khongco/lich.ics"),
    ] {
        let out = w
            .cmd([&["-q"][..], command, &[file]].concat())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(
            err,
            format!(
                "lỗi: không ghi được {file}: không có thư mục khongco; hãy tạo thư mục trước hoặc chọn nơi khác\n"
            )
        );
    }
    assert!(!w.path("khongco").exists());
}

/// `export -o -` is for a pipe or a terminal: no BOM, unless `--bom`.
#[test]
fn export_to_stdout_has_no_bom_unless_asked() {
    let w = Workdir::sample();
    let out = w.cmd(["-q", "export", "2023", "-o", "-"]).output().unwrap();
    assert!(out.stdout.starts_with(b"STT,"), "{:?}", &out.stdout[..8]);
    let out = w
        .cmd(["-q", "export", "2023", "-o", "-", "--bom"])
        .output()
        .unwrap();
    assert!(out.stdout.starts_with("\u{feff}STT,".as_bytes()));
    w.cmd(["-q", "export", "2023", "-o", "ds.csv"])
        .output()
        .unwrap();
    assert!(
        w.read("ds.csv").starts_with("\u{feff}STT,"),
        "a file keeps its BOM for Excel"
    );
}

/// `init`, with CSV files or a workbook, says what it copied and what the
/// clerk changes first.
#[test]
fn init_says_what_it_copied_and_what_to_change_first() {
    for extra in [&[][..], &["--xlsx"]] {
        let w = Workdir::new();
        let out = w
            .cmd([&["init", "moi"][..], extra].concat())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let err = stderr(&out);
        assert!(
            err.contains(
                "plan.toml chép từ kế hoạch mẫu (Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu"
            ),
            "{extra:?}: {err}"
        );
        assert!(
            err.contains("Sửa plan.toml trước tiên: [plan] issuer và period"),
            "{extra:?}: {err}"
        );
        assert!(err.contains("[giay_khen] signer"), "{err}");
    }
}

/// The folder `init` makes holds a registrations file with its header only:
/// a record not kept yet, so nobody is flagged as not registered.
#[test]
fn an_empty_registrations_file_flags_nobody() {
    let w = Workdir::new();
    w.cmd(["init", "moi"]).output().unwrap();
    w.write(
        "moi/units.toml",
        "[[unit]]\nid = \"SO\"\nname = \"Sở Tư pháp\"\nkind = \"so\"\n\n[[unit]]\nid = \"VP\"\nname = \"Văn phòng Sở\"\nkind = \"phong\"\n",
    );
    w.write(
        "moi/people.csv",
        "id,name,unit,position,kind,gender\nCV01,Lê Thị Hoa,VP,Chuyên viên,noi_bo,nữ\n",
    );
    w.write(
        "moi/achievements.csv",
        "review,subject,criterion,result,score\n2023,CV01,CN1,đạt,9\n2023,CV01,CN2,đạt,8\n",
    );
    let out = w
        .cmd(["--data", "moi", "--format", "csv", "check", "2023"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains(",CV01,") && !text.contains("not_registered"),
        "{text}"
    );
    // One row is a record kept: the others are noted.
    w.write(
        "moi/registrations.csv",
        "review,subject,date,pledge\n2023,VP,2023-01-10,\n",
    );
    let out = w
        .cmd(["--data", "moi", "--format", "csv", "check", "2023"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("not_registered"), "{}", stdout(&out));
}

/// A usage error with `--format json` is JSON on stderr too, exit code 2.
#[test]
fn a_usage_error_with_json_is_json() {
    let w = Workdir::sample();
    for args in [
        &["--format", "json", "chek"][..],
        &["check", "--format=json"],
    ] {
        let out = w.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = json(&stderr(&out));
        let message = err["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(!message.is_empty() && !message.contains('\n'), "{err}");
        assert!(err["errors"][0]["hint"].as_str().is_some(), "{err}");
    }
}

/// The signer of the Giấy khen is a person (spec §3): a unit's id in
/// `signer` is told as such, not as an id nobody has, and does not bar
/// that unit from its own Giấy khen.
#[test]
fn a_unit_named_as_signer_is_told_and_keeps_its_giay_khen() {
    let w = Workdir::sample();
    w.edit_plan("signer = \"NV01\"", "signer = \"CCTDC\"");
    let out = w
        .cmd(["check", "2023", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("người ký giấy khen phải là một cá nhân: \"CCTDC\" là mã của một tập thể"),
        "{err}"
    );
    assert!(!err.contains("không có tập thể hay cá nhân nào"), "{err}");
    let row = stdout(&out)
        .lines()
        .find(|l| l.starts_with("2023,collective,") && l.contains(",CCTDC,Chi cục"))
        .map(str::to_string)
        .unwrap_or_default();
    assert!(row.contains(",proposed,giay_khen,"), "{row}");
}

/// A signer whose own row in people.csv is refused is told once, at that
/// row: not again as an id nobody has.
#[test]
fn a_signer_whose_row_is_refused_is_told_at_the_row() {
    let w = Workdir::sample();
    w.edit(
        "data/people.csv",
        "NV01,Trần Minh Khoa,SO,Giám đốc,noi_bo,nam",
        "NV01,Trần Minh Khoa,SO,Giám đốc,noi_boo,nam",
    );
    // validate's report is its output.
    let out = w.cmd(["validate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stdout(&out);
    assert!(err.contains("people.csv:2:"), "{err}");
    assert!(err.contains("noi_boo"), "{err}");
    assert!(!err.contains("không có tập thể hay cá nhân nào"), "{err}");
}

/// The Sở named as signer is still barred from the Giấy khen for being the
/// Sở (III.1.b), and its row says so, not that it signs.
#[test]
fn the_so_named_as_signer_keeps_its_own_reason() {
    let w = Workdir::sample();
    w.edit_plan("signer = \"NV01\"", "signer = \"SO\"");
    let out = w
        .cmd(["check", "2023"])
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    let text = stdout(&out);
    let row = text
        .lines()
        .find(|l| l.contains(" SO ") && l.contains("Sở Khoa học"))
        .unwrap_or_default();
    assert!(row.contains("III.1.b"), "{row}");
    assert!(!row.contains("không tự khen mình"), "{row}");
}
