//! Workbooks as data folders: the sample `data/` written as one workbook
//! `thiduakt.xlsx` and as one workbook per file (real date and number
//! cells, a title above a header, hidden sheets that must be ignored) gives
//! the same results as the CSV folder; errors name the workbook, the sheet
//! and the cell; debris of office suites changes nothing.

mod common;

use std::path::{Path, PathBuf};

use common::{Workdir, thiduakt};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

const REVIEWS: [&str; 5] = ["2021", "2022", "2023", "2024", "2021-2025"];
const TODAY: &str = "2026-11-28";
const DATE_COLUMNS: [&str; 3] = ["received", "date", "revoked"];

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

type Table = (Vec<String>, Vec<Vec<String>>);

fn read_csv(name: &str) -> Table {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(sample().join(name))
        .expect("sample file");
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// The units of the sample as a table `id,name,kind`.
fn units_table() -> Table {
    let text = std::fs::read_to_string(sample().join("units.toml")).expect("units.toml");
    let value: toml::Table = toml::from_str(&text).expect("TOML");
    let rows = value["unit"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            ["id", "name", "kind"]
                .iter()
                .map(|k| u[*k].as_str().expect("text").to_string())
                .collect()
        })
        .collect();
    (vec!["id".into(), "name".into(), "kind".into()], rows)
}

/// A date of the forms the sample uses.
fn date(text: &str) -> Option<ExcelDateTime> {
    let (y, m, d) = if text.len() == 10 && text.as_bytes()[4] == b'-' {
        (&text[..4], &text[5..7], &text[8..])
    } else {
        let mut parts = text.split('/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        (y, m, d)
    };
    ExcelDateTime::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// Writes a table from `top`: a date column's dates as date cells, a
/// number as a number cell whenever the number reads back as the same
/// text, everything else as text.
fn write_table(sheet: &mut Worksheet, top: u32, (header, rows): &Table) {
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (c, name) in header.iter().enumerate() {
        sheet
            .write_string(top, c as u16, name)
            .expect("header cell");
    }
    for (r, row) in rows.iter().enumerate() {
        let r = top + 1 + r as u32;
        for (c, text) in row.iter().enumerate() {
            let c16 = c as u16;
            if text.is_empty() {
                continue;
            }
            let is_date = DATE_COLUMNS.contains(&header[c].as_str());
            if let (true, Some(d)) = (is_date, date(text)) {
                sheet
                    .write_datetime_with_format(r, c16, &d, &date_format)
                    .expect("date cell");
                continue;
            }
            if let Ok(n) = text.parse::<f64>() {
                let back = if n.fract() == 0.0 {
                    format!("{}", n as i64)
                } else {
                    format!("{n}")
                };
                if back == *text {
                    sheet.write_number(r, c16, n).expect("number cell");
                    continue;
                }
            }
            sheet.write_string(r, c16, text).expect("text cell");
        }
    }
}

fn hidden_garbage(book: &mut Workbook, name: &str) {
    let sheet = book.add_worksheet();
    sheet.set_name(name).expect("name");
    sheet.write_string(0, 0, "review").expect("cell");
    sheet.write_string(1, 0, "not a review").expect("cell");
    sheet.set_hidden(true);
}

/// The sample as one workbook `thiduakt.xlsx` (sheets with Vietnamese
/// names, a title above the people's header, a hidden sheet), beside
/// `plan.toml`.
fn one_workbook(dir: &Path) {
    std::fs::create_dir_all(dir).expect("folder");
    std::fs::copy(sample().join("plan.toml"), dir.join("plan.toml")).expect("plan");
    let mut book = Workbook::new();
    let sheets: [(&str, Table, u32); 7] = [
        ("Đơn vị", units_table(), 0),
        ("Nhân sự", read_csv("people.csv"), 2),
        ("Kết quả", read_csv("achievements.csv"), 0),
        ("Đề nghị", read_csv("nominations.csv"), 0),
        ("Khen thưởng", read_csv("awards.csv"), 0),
        ("Đăng ký", read_csv("registrations.csv"), 0),
        ("Sáng kiến", read_csv("initiatives.csv"), 0),
    ];
    for (name, table, top) in &sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("name");
        if *top > 0 {
            sheet
                .write_string(0, 0, "DANH SÁCH CÁ NHÂN")
                .expect("title");
        }
        write_table(sheet, *top, table);
    }
    hidden_garbage(&mut book, "people");
    book.save(dir.join("thiduakt.xlsx")).expect("save");
}

/// The sample as one workbook per file: achievements in one sheet per run
/// of a review (in file order), with a hidden sheet among them.
fn workbook_per_file(dir: &Path) {
    std::fs::create_dir_all(dir).expect("folder");
    for name in ["plan.toml", "units.toml"] {
        std::fs::copy(sample().join(name), dir.join(name)).expect("copy");
    }
    for stem in [
        "people",
        "nominations",
        "awards",
        "registrations",
        "initiatives",
    ] {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        if stem == "people" {
            sheet.write_string(0, 0, "Danh sách").expect("title");
            write_table(sheet, 1, &read_csv("people.csv"));
        } else {
            write_table(sheet, 0, &read_csv(&format!("{stem}.csv")));
        }
        book.save(dir.join(format!("{stem}.xlsx"))).expect("save");
    }
    let (header, rows) = read_csv("achievements.csv");
    let mut runs: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for row in rows {
        match runs.last_mut() {
            Some((review, rows)) if *review == row[0] => rows.push(row),
            _ => runs.push((row[0].clone(), vec![row])),
        }
    }
    let mut book = Workbook::new();
    for (i, (review, rows)) in runs.into_iter().enumerate() {
        if i == 1 {
            hidden_garbage(&mut book, "cũ");
        }
        let sheet = book.add_worksheet();
        sheet.set_name(format!("{review} ({i})")).expect("name");
        write_table(sheet, 0, &(header.clone(), rows));
    }
    book.save(dir.join("achievements.xlsx")).expect("save");
}

fn check_csv(dir: &Path, review: &str) -> Vec<u8> {
    let out = thiduakt(["check", review, "--format", "csv", "--today", TODAY])
        .arg("--data")
        .arg(dir)
        .assert()
        .success();
    out.get_output().stdout.clone()
}

fn validate(dir: &Path) -> (i32, String, String) {
    let out = thiduakt(["validate", "--lang", "en"])
        .arg("--data")
        .arg(dir)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn same_checks(dir: &Path) {
    for review in REVIEWS {
        let want = check_csv(&sample(), review);
        let got = check_csv(dir, review);
        assert!(want.len() > 100, "{review}: a real result");
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want),
            "check {review}"
        );
    }
}

#[test]
fn one_workbook_gives_the_results_of_the_csv_folder() {
    let w = Workdir::new();
    let dir = w.path("book");
    one_workbook(&dir);
    let (code, out, err) = validate(&dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("0 errors"), "{out}");
    same_checks(&dir);
}

#[test]
fn a_workbook_per_file_gives_the_results_of_the_csv_folder() {
    let w = Workdir::new();
    let dir = w.path("books");
    workbook_per_file(&dir);
    let (code, out, err) = validate(&dir);
    assert_eq!(code, 0, "{out}{err}");
    same_checks(&dir);
}

#[test]
fn explain_cites_the_row_of_the_sheet() {
    let w = Workdir::new();
    let dir = w.path("book");
    one_workbook(&dir);
    let out = thiduakt(["explain", "2023", "TTRA", "--lang", "en", "--today", TODAY])
        .arg("--data")
        .arg(&dir)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    // TTRA's first 2023 row is line 110 of achievements.csv: row 110 of
    // the sheet, whose header is row 1 as the CSV's is line 1.
    let line = std::fs::read_to_string(sample().join("achievements.csv"))
        .expect("sample")
        .lines()
        .position(|l| l.starts_with("2023,TTRA,"))
        .expect("a row")
        + 1;
    let want = format!("thiduakt.xlsx[Kết quả]!A{line}");
    assert!(text.contains(&want), "{want} in:\n{text}");
    // The evidence is read again from the sheet.
    assert!(
        text.contains("102/BC-TTS") || text.contains("KH-TTS"),
        "{text}"
    );
}

/// A folder of small workbooks for error cases.
fn crafted(dir: &Path, people: &[[&str; 3]], achievements: &[[&str; 4]]) {
    std::fs::create_dir_all(dir).expect("folder");
    std::fs::write(dir.join("plan.toml"), thiduakt::load::BUILTIN_PLAN).expect("plan");
    std::fs::write(dir.join("units.toml"), common::UNITS).expect("units");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1").expect("name");
    let header: Vec<String> = ["mã", "họ và tên", "đơn vị"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let rows = people
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect();
    // A title and a blank row above the header: data starts at row 4.
    sheet.write_string(0, 0, "Danh sách").expect("title");
    write_table(sheet, 2, &(header, rows));
    book.save(dir.join("people.xlsx")).expect("save");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("2023").expect("name");
    let header: Vec<String> = ["review", "subject", "criterion", "result"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let rows = achievements
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect();
    write_table(sheet, 0, &(header, rows));
    book.save(dir.join("achievements.xlsx")).expect("save");
}

#[test]
fn errors_name_the_workbook_the_sheet_and_the_cell() {
    let w = Workdir::new();
    let dir = w.path("bad");
    crafted(
        &dir,
        &[["NV01", "Lê Hà", "PA"], ["NV02", "Trần An", "PX"]],
        &[
            ["2023", "NV01", "TT1", "đạt"],
            ["2023", "NV01", "TT2", "có lẽ"],
        ],
    );
    let (code, out, _) = validate(&dir);
    assert_eq!(code, 1, "{out}");
    let people = format!("{}[Sheet1]!C5", dir.join("people.xlsx").display());
    assert!(out.contains(&people), "{people} in:\n{out}");
    let result = format!("{}[2023]!D3", dir.join("achievements.xlsx").display());
    assert!(out.contains(&result), "{result} in:\n{out}");
    // The CSV form of the same diagnostics names the row and the column.
    let csv = thiduakt(["validate", "--format", "csv", "--lang", "en"])
        .arg("--data")
        .arg(&dir)
        .output()
        .expect("run");
    let csv = String::from_utf8_lossy(&csv.stdout).into_owned();
    assert!(csv.contains(",5,3,"), "{csv}");
}

#[test]
fn a_duplicate_id_names_the_first_cell() {
    let w = Workdir::new();
    let dir = w.path("dup");
    crafted(
        &dir,
        &[["NV01", "Lê Hà", "PA"], ["NV01", "Trần An", "PA"]],
        &[["2023", "NV01", "TT1", "đạt"]],
    );
    let (code, out, _) = validate(&dir);
    assert_eq!(code, 1, "{out}");
    let first = format!("{}[Sheet1]!A4", dir.join("people.xlsx").display());
    let second = format!("{}[Sheet1]!A5", dir.join("people.xlsx").display());
    assert!(out.contains(&first) && out.contains(&second), "{out}");
}

#[test]
fn two_sources_for_one_file_are_an_error_naming_both() {
    let w = Workdir::new();
    let dir = w.path("two");
    crafted(
        &dir,
        &[["NV01", "Lê Hà", "PA"]],
        &[["2023", "NV01", "TT1", "đạt"]],
    );
    std::fs::write(dir.join("people.csv"), "id,name,unit\nNV01,Lê Hà,PA\n").expect("csv");
    let (code, out, _) = validate(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("two sources")
            && out.contains(&dir.join("people.csv").display().to_string())
            && out.contains(&dir.join("people.xlsx").display().to_string()),
        "{out}"
    );
    // And a sheet of thiduakt.xlsx beside a workbook of its own.
    std::fs::remove_file(dir.join("people.csv")).expect("rm");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("people").expect("name");
    write_table(
        sheet,
        0,
        &(
            vec!["id".into(), "name".into(), "unit".into()],
            vec![vec!["NV01".into(), "Lê Hà".into(), "PA".into()]],
        ),
    );
    book.save(dir.join("thiduakt.xlsx")).expect("save");
    let (code, out, _) = validate(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("two sources") && out.contains("thiduakt.xlsx[people]"),
        "{out}"
    );
}

#[test]
fn office_debris_changes_nothing() {
    let w = Workdir::new();
    let dir = w.path("books");
    workbook_per_file(&dir);
    let before: Vec<Vec<u8>> = REVIEWS.iter().map(|r| check_csv(&dir, r)).collect();
    std::fs::write(dir.join("~$people.xlsx"), b"\x00lock").expect("lock");
    std::fs::write(dir.join(".~lock.people.xlsx#"), "user,host,2026").expect("lock");
    std::fs::write(dir.join("Thumbs.db"), b"\x00\x01").expect("thumbs");
    std::fs::create_dir_all(dir.join("achievements")).expect("folder");
    std::fs::write(dir.join("achievements/~$2023.xlsx"), b"\x00lock").expect("lock");
    std::fs::write(dir.join("achievements/.DS_Store"), b"\x00\x00").expect("ds");
    std::fs::write(dir.join("achievements/._2023.csv"), b"\x00\x05").expect("apple");
    let after: Vec<Vec<u8>> = REVIEWS.iter().map(|r| check_csv(&dir, r)).collect();
    assert_eq!(before, after);
    let (code, out, err) = validate(&dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("0 errors"), "{out}");
    assert!(
        out.contains("~$people.xlsx") && out.contains(".DS_Store") && out.contains("ignored"),
        "{out}"
    );
}

#[test]
fn a_corrupt_workbook_is_an_error_naming_it() {
    let w = Workdir::new();
    let dir = w.path("corrupt");
    crafted(
        &dir,
        &[["NV01", "Lê Hà", "PA"]],
        &[["2023", "NV01", "TT1", "đạt"]],
    );
    let path = dir.join("people.xlsx");
    let mut bytes = std::fs::read(&path).expect("read");
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&path, &bytes).expect("write");
    std::fs::write(dir.join("awards.ods"), b"PK\x03\x04 not really").expect("write");
    let (code, out, err) = validate(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.contains(&path.display().to_string()), "{out}");
    assert!(out.contains("awards.ods"), "{out}");
}

/// The sample converted by LibreOffice (when it is installed): each CSV
/// file as `.ods`, and as `.xlsx` in the achievements folder.
#[test]
fn libreoffice_conversions_read_the_same() {
    let Some(soffice) = which("soffice") else {
        println!("skipped: soffice is not on PATH");
        return;
    };
    let w = Workdir::new();
    let dir = w.path("lo");
    std::fs::create_dir_all(dir.join("achievements")).expect("folder");
    for name in ["plan.toml", "units.toml"] {
        std::fs::copy(sample().join(name), dir.join(name)).expect("copy");
    }
    let work = w.path("csv");
    std::fs::create_dir_all(&work).expect("folder");
    for name in [
        "people.csv",
        "achievements.csv",
        "nominations.csv",
        "awards.csv",
        "registrations.csv",
        "initiatives.csv",
    ] {
        std::fs::copy(sample().join(name), work.join(name)).expect("copy");
    }
    let convert = |to: &str, files: &[&str], out: &Path| -> bool {
        let status = std::process::Command::new(&soffice)
            .args([
                "--headless",
                "--infilter=CSV:44,34,76,1",
                "--convert-to",
                to,
            ])
            .arg("--outdir")
            .arg(out)
            .args(files.iter().map(|f| work.join(f)))
            .env("HOME", w.root())
            .output();
        status.is_ok_and(|s| s.status.success())
    };
    let ok = convert(
        "ods",
        &[
            "people.csv",
            "nominations.csv",
            "awards.csv",
            "registrations.csv",
            "initiatives.csv",
        ],
        &dir,
    ) && convert("xlsx", &["achievements.csv"], &dir.join("achievements"));
    let made =
        dir.join("people.ods").is_file() && dir.join("achievements/achievements.xlsx").is_file();
    if !ok || !made {
        println!("skipped: soffice could not convert the sample (is LibreOffice Calc installed?)");
        return;
    }
    let (code, out, err) = validate(&dir);
    assert_eq!(code, 0, "{out}{err}");
    same_checks(&dir);
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

/// The XML of each part of an xlsx file whose name starts with `prefix`.
fn parts(path: &Path, prefix: &str) -> Vec<(String, String)> {
    let bytes = std::fs::read(path).expect("workbook");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("entry");
        let name = file.name().expect("a name").to_string();
        if name.starts_with(prefix) {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut file, &mut text).expect("xml");
            out.push((name, text));
        }
    }
    out.sort();
    out
}

#[test]
fn init_xlsx_writes_a_workbook_with_validations_that_loads() {
    let w = Workdir::new();
    let dir = w.path("new");
    thiduakt(["init", "--xlsx"]).arg(&dir).assert().success();
    let book = dir.join("thiduakt.xlsx");
    assert!(book.is_file() && dir.join("plan.toml").is_file());
    assert!(
        !dir.join("people.csv").exists(),
        "no CSV beside the workbook"
    );
    let (code, out, err) = validate(&dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("0 errors"), "{out}");

    let plan = thiduakt::load::plan_from_str(thiduakt::load::BUILTIN_PLAN, "plan.toml")
        .expect("the built-in plan");
    let workbook = &parts(&book, "xl/workbook.xml")[0].1;
    for name in ["Đơn vị", "Nhân sự", "Kết quả", "Đề nghị", "Khen thưởng"] {
        assert!(
            workbook.contains(&format!("<sheet name=\"{name}\"")),
            "{workbook}"
        );
    }
    assert!(
        workbook.contains(r#"<sheet name="lists" sheetId="6" state="hidden""#),
        "{workbook}"
    );
    let sheets = parts(&book, "xl/worksheets/sheet");
    let sheet = |n: usize| &sheets[n - 1].1;
    let validation = |xml: &str, column: &str| -> String {
        let at = xml
            .find(&format!("sqref=\"{column}2:{column}1048576\""))
            .unwrap_or_else(|| panic!("a validation of column {column} in {xml}"));
        let start = xml[..at].rfind("<dataValidation ").expect("start");
        let end = at + xml[at..].find("</dataValidation>").expect("end");
        xml[start..end].to_string()
    };
    // Units: kind from the list of unit kinds.
    assert!(validation(sheet(1), "C").contains("<formula1>lists!$E$2:$E$5</formula1>"));
    // People: the unit ids of the units sheet, person kinds, genders.
    let people = sheet(2);
    assert!(
        validation(people, "C").contains("<formula1>'Đơn vị'!$A$2:$A$1001</formula1>"),
        "{people}"
    );
    assert!(validation(people, "E").contains("<formula1>lists!$D$2:$D$3</formula1>"));
    // Achievements: reviews, criteria, results, a score ≥ 0.
    let achievements = sheet(3);
    let reviews = plan.reviews().len();
    assert!(validation(achievements, "A").contains(&format!(
        "<formula1>lists!$F$2:$F${}</formula1>",
        reviews + 1
    )));
    let criteria = plan.criteria.len();
    assert!(validation(achievements, "C").contains(&format!(
        "<formula1>lists!$A$2:$A${}</formula1>",
        criteria + 1
    )));
    assert!(validation(achievements, "D").contains("<formula1>lists!$B$2:$B$3</formula1>"));
    // Nominations: a date, whole votes ≥ 0.
    let nominations = sheet(4);
    assert!(validation(nominations, "C").contains(r#"type="date""#));
    for column in ["G", "H"] {
        let v = validation(nominations, column);
        assert!(
            v.contains(r#"type="whole""#) && v.contains(r#"operator="greaterThanOrEqual""#),
            "{v}"
        );
    }
    // Awards: award kinds.
    assert!(validation(sheet(5), "C").contains("<formula1>lists!$C$2:$C$3</formula1>"));
    // Every data sheet keeps its header in view.
    for n in 1..=5 {
        assert!(sheet(n).contains(r#"state="frozen""#), "sheet {n}");
    }
    // The lists hold what the plan and the loader accept.
    let lists = sheet(6);
    let strings = &parts(&book, "xl/sharedStrings.xml");
    let strings = strings.first().map_or("", |(_, s)| s.as_str());
    for code in plan.criteria.iter().map(|c| c.code.as_str()) {
        assert!(strings.contains(&format!(">{code}<")), "{code}");
    }
    for word in [
        "đạt",
        "không đạt",
        "giay_khen",
        "bang_khen",
        "noi_bo",
        "don_vi",
    ] {
        assert!(strings.contains(&format!(">{word}<")), "{word}");
    }
    assert!(!lists.is_empty());
}

#[test]
fn init_xlsx_in_english_loads_too() {
    let w = Workdir::new();
    let dir = w.path("new");
    thiduakt(["--lang", "en", "init", "--xlsx"])
        .arg(&dir)
        .assert()
        .success();
    let workbook = &parts(&dir.join("thiduakt.xlsx"), "xl/workbook.xml")[0].1;
    assert!(workbook.contains(r#"<sheet name="people""#), "{workbook}");
    let (code, out, err) = validate(&dir);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn units_may_be_a_csv_table() {
    let w = Workdir::new();
    let dir = w.path("units");
    std::fs::create_dir_all(&dir).expect("folder");
    for name in [
        "plan.toml",
        "people.csv",
        "achievements.csv",
        "nominations.csv",
        "awards.csv",
        "registrations.csv",
        "initiatives.csv",
    ] {
        std::fs::copy(sample().join(name), dir.join(name)).expect("copy");
    }
    let (_, rows) = units_table();
    let mut writer = csv::Writer::from_path(dir.join("units.csv")).expect("units.csv");
    writer.write_record(["mã", "tên", "loại"]).expect("header");
    for row in &rows {
        writer.write_record(row).expect("row");
    }
    writer.flush().expect("flush");
    drop(writer);
    let (code, out, err) = validate(&dir);
    assert_eq!(code, 0, "{out}{err}");
    same_checks(&dir);
    // A wrong kind is the error units.toml would give, at its cell.
    let text = std::fs::read_to_string(dir.join("units.csv")).expect("read");
    let bad = text
        .replacen(",so\r\n", ",sở lớn\r\n", 1)
        .replacen(",so\n", ",sở lớn\n", 1);
    assert_ne!(bad, text);
    std::fs::write(dir.join("units.csv"), bad).expect("write");
    let (code, out, _) = validate(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("units.csv:2:") && out.contains("sở lớn"),
        "{out}"
    );
    // units.toml beside units.csv: two sources.
    std::fs::copy(sample().join("units.toml"), dir.join("units.toml")).expect("copy");
    let (code, out, _) = validate(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("two sources"), "{out}");
}

#[test]
fn merged_title_and_header_cells_read_as_their_top_left_value() {
    let w = Workdir::new();
    let dir = w.path("merged");
    crafted(
        &dir,
        &[["NV01", "Lê Hà", "PA"]],
        &[["2023", "NV01", "CN1", "đạt"]],
    );
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    sheet
        .merge_range(0, 0, 1, 5, "DANH SÁCH CÁ NHÂN NĂM 2023", &plain)
        .expect("merged title");
    // The header "họ và tên" spans B:C; column C holds nothing.
    sheet.write_string(2, 0, "mã").expect("cell");
    sheet
        .merge_range(2, 1, 2, 2, "họ và tên", &plain)
        .expect("merged header");
    sheet.write_string(2, 3, "đơn vị").expect("cell");
    sheet.write_string(3, 0, "NV01").expect("cell");
    sheet.write_string(3, 1, "Lê Hà").expect("cell");
    sheet.write_string(3, 3, "PX").expect("cell");
    book.save(dir.join("people.xlsx")).expect("save");
    let (code, out, _) = validate(&dir);
    assert_eq!(code, 1, "{out}");
    // The only error is the unknown unit, at D4: the header was found
    // under the merged title, and its columns are where the sheet has them.
    let want = format!("{}[Sheet1]!D4", dir.join("people.xlsx").display());
    assert!(out.contains(&want), "{want} in:\n{out}");
    assert!(out.contains("1 error,"), "{out}");
}
