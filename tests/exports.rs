//! Exports, summaries and calendars, read back with independent readers:
//! the CSV with the csv crate (after stripping the BOM), the workbook with
//! calamine, the calendar with an iCalendar parser.

mod common;

use std::path::Path;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
use common::{UNITS, Workdir, thiduakt};
use icalendar::{Component, DatePerhapsTime};

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn read_csv_with_bom(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 BOM for Excel"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
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

/// The proposed candidates of `check --format csv`: (award, kind, id) in
/// the order of the export (Bằng khen first, collectives first, by rank).
fn proposed(review: &str) -> Vec<(String, String, String)> {
    let out = thiduakt(["check", review, "--format", "csv", "--today", "2026-11-28"])
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let mut reader = csv::Reader::from_reader(&out.get_output().stdout[..]);
    let mut rows: Vec<(String, String, String, u32)> = reader
        .records()
        .map(|r| r.expect("row"))
        .filter(|r| &r[6] == "proposed")
        .map(|r| {
            (
                r[7].to_string(),
                r[1].to_string(),
                r[3].to_string(),
                r[2].parse().expect("rank"),
            )
        })
        .collect();
    rows.sort_by_key(|(award, kind, _, rank)| (award.clone(), kind.clone(), *rank));
    rows.into_iter().map(|(a, k, id, _)| (a, k, id)).collect()
}

#[test]
fn export_csv_holds_only_proposed_candidates_grouped_and_ranked() {
    let w = Workdir::new();
    thiduakt(["export", "2023", "-o"])
        .arg(w.path("de-nghi-2023.csv"))
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let (header, rows) =
        read_csv_with_bom(&std::fs::read(w.path("de-nghi-2023.csv")).expect("written"));
    assert_eq!(
        header,
        [
            "STT",
            "Hình thức khen thưởng",
            "Tập thể/Cá nhân",
            "Mã",
            "Họ và tên / Tên tập thể",
            "Chức vụ",
            "Đơn vị",
            "Phiếu đồng ý",
            "Tổng số phiếu",
            "Điểm",
            "Ngày nhận hồ sơ",
            "Ghi chú"
        ]
    );
    let award = |label: &str| {
        if label.starts_with("Bằng") {
            "bang_khen"
        } else {
            "giay_khen"
        }
    };
    let kind = |label: &str| {
        if label == "Tập thể" {
            "collective"
        } else {
            "individual"
        }
    };
    let exported: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                award(&r[1]).to_string(),
                kind(&r[2]).to_string(),
                r[3].clone(),
            )
        })
        .collect();
    assert_eq!(exported, proposed("2023"));
    assert_eq!(rows.len(), 12);
    // Vietnamese text intact, numbers in Vietnamese form, dates DD/MM/YYYY.
    let vp = &rows[0];
    assert_eq!(
        (vp[0].as_str(), vp[3].as_str(), vp[4].as_str()),
        ("1", "VP", "Văn phòng Sở")
    );
    assert_eq!(
        (vp[7].as_str(), vp[8].as_str(), vp[9].as_str()),
        ("9", "9", "94,5")
    );
    assert!(
        rows.iter()
            .any(|r| r[4] == "Nguyễn Thị Thanh Tâm" && r[6] == "Văn phòng Sở")
    );
    assert!(
        rows.iter()
            .all(|r| r[10].len() == 10 && r[10].as_bytes()[2] == b'/')
    );
    // STT restarts in each group.
    let numbers: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        numbers,
        ["1", "1", "2", "1", "2", "3", "1", "2", "3", "4", "5", "6"]
    );
    // Over quota (NV21, NV06, NV16) and ineligible (NV07, NV27) are left out.
    for id in ["NV21", "NV06", "NV16", "NV07", "NV27", "SO", "PQLCNG"] {
        assert!(rows.iter().all(|r| r[3] != id), "{id} is not proposed");
    }
    // The late dossier of a proposed candidate would be noted; TTRA's
    // incomplete one is not exported (over quota).
}

#[test]
fn export_csv_in_english_to_stdout() {
    let out = thiduakt(["export", "2021-2025", "-o", "-", "--bom", "--lang", "en"])
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let (header, rows) = read_csv_with_bom(&out.get_output().stdout);
    assert_eq!(
        header[0..5],
        ["No.", "Award", "Collective/Individual", "Id", "Name"]
    );
    assert_eq!(rows.len(), proposed("2021-2025").len());
    assert_eq!(rows[0][1], "Provincial Bằng khen");
    assert_eq!(rows[0][2], "Collective");
}

#[test]
fn export_sorted_by_name_follows_official_lists() {
    let out = thiduakt(["export", "2023", "-o", "-", "--bom", "--sort", "name"])
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let (_, rows) = read_csv_with_bom(&out.get_output().stdout);
    let giay_khen_people: Vec<&str> = rows
        .iter()
        .filter(|r| r[1].starts_with("Giấy") && r[2] == "Cá nhân")
        .map(|r| r[4].as_str())
        .collect();
    // By given name (Cường, Diệp, Nhật, Tâm, Thảo, Vinh), in Vietnamese order.
    assert_eq!(
        giay_khen_people,
        [
            "Đinh Văn Cường",
            "Trần Thị Ngọc Diệp",
            "Quách Minh Nhật",
            "Nguyễn Thị Thanh Tâm",
            "Vũ Thị Phương Thảo",
            "Tạ Quang Vinh"
        ]
    );
}

fn formula_folder() -> Workdir {
    let w = Workdir::new();
    w.write("data/units.toml", UNITS);
    w.write(
        "data/people.csv",
        "id,name,unit,position,kind,gender
N1,\"=HYPERLINK(\"\"http://example.com\"\",\"\"Bấm\"\")\",VP,+Trưởng phòng,noi_bo,nam
N2,@SUM(A1),PA,-Chuyên viên,noi_bo,nữ
",
    );
    let mut achievements = String::from("review,subject,criterion,result,score,evidence\n");
    for id in ["N1", "N2"] {
        achievements.push_str(&format!("2023,{id},CN1,đạt,9,\n2023,{id},CN2,đạt,1,\n"));
    }
    w.write("data/achievements.csv", &achievements);
    w.write(
        "data/nominations.csv",
        "review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total
2023,N1,2024-03-01,a,b,c,9,9
2023,N2,2024-03-02,a,b,c,8,9
",
    );
    w
}

#[test]
fn export_neutralises_formulas() {
    let w = formula_folder();
    w.cmd(["export", "2023", "-o", "out.csv"])
        .assert()
        .success();
    let (_, rows) = read_csv_with_bom(&std::fs::read(w.path("out.csv")).expect("written"));
    assert_eq!(rows[0][4], "'=HYPERLINK(\"http://example.com\",\"Bấm\")");
    assert_eq!(rows[0][5], "'+Trưởng phòng");
    assert_eq!(rows[1][4], "'@SUM(A1)");
    assert_eq!(rows[1][5], "'-Chuyên viên");
    w.cmd(["export", "2023", "-o", "out.xlsx"])
        .assert()
        .success();
    let mut book: Xlsx<_> = open_workbook(w.path("out.xlsx")).expect("xlsx");
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).expect("formulas");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formula in {name}"
        );
    }
    let range = book.worksheet_range("Bằng khen - Cá nhân").expect("sheet");
    assert_eq!(
        range.get_value((4, 1)),
        Some(&Data::String(
            "=HYPERLINK(\"http://example.com\",\"Bấm\")".into()
        ))
    );
    // Each formula-like text carries the quote prefix, so that editing the
    // cell does not turn it into a formula; other texts do not.
    let prefixed = quote_prefixed_cells(&std::fs::read(w.path("out.xlsx")).expect("read"));
    for cell in ["B5", "C5", "B6", "C6"] {
        assert!(
            prefixed.iter().any(|(_, c)| c == cell),
            "{cell} has no quote prefix: {prefixed:?}"
        );
    }
    assert!(
        !prefixed.iter().any(|(_, c)| c == "A5" || c == "D5"),
        "only formula-like cells are prefixed: {prefixed:?}"
    );
}

/// The cells (sheet file, reference) of a workbook whose style has the
/// quote prefix, read from the XML inside it.
fn quote_prefixed_cells(xlsx: &[u8]) -> Vec<(String, String)> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        archive
            .by_name(name)
            .expect("part")
            .read_to_string(&mut text)
            .expect("xml");
        text
    };
    let styles = read("xl/styles.xml");
    let cell_xfs = styles
        .split("<cellXfs")
        .nth(1)
        .and_then(|s| s.split("</cellXfs>").next())
        .expect("cellXfs");
    let prefixed_styles: Vec<usize> = cell_xfs
        .split("<xf ")
        .skip(1)
        .enumerate()
        .filter(|(_, xf)| {
            xf.split('>')
                .next()
                .is_some_and(|a| a.contains("quotePrefix=\"1\""))
        })
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    for n in 1..=4 {
        let sheet = format!("xl/worksheets/sheet{n}.xml");
        let xml = read(&sheet);
        for cell in xml.split("<c ").skip(1) {
            let attrs = cell.split('>').next().unwrap_or("");
            let attr = |key: &str| {
                attrs
                    .split(&format!("{key}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .map(str::to_string)
            };
            let style = attr("s").and_then(|s| s.parse::<usize>().ok());
            if let (Some(r), Some(s)) = (attr("r"), style)
                && prefixed_styles.contains(&s)
            {
                out.push((sheet.clone(), r));
            }
        }
    }
    out
}

#[test]
fn export_xlsx_is_a_tidy_workbook() {
    let w = Workdir::new();
    thiduakt(["export", "2023", "-o"])
        .arg(w.path("de-nghi-2023.xlsx"))
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let mut book: Xlsx<_> = open_workbook(w.path("de-nghi-2023.xlsx")).expect("xlsx");
    assert_eq!(
        book.sheet_names(),
        [
            "Bằng khen - Tập thể",
            "Bằng khen - Cá nhân",
            "Giấy khen - Tập thể",
            "Giấy khen - Cá nhân"
        ]
    );
    let sheet = book.worksheet_range("Giấy khen - Cá nhân").expect("sheet");
    let title = sheet.get_value((0, 0)).expect("title").to_string();
    assert!(
        title.contains("GIẤY KHEN") && title.contains("NĂM 2023"),
        "{title}"
    );
    let subtitle = sheet.get_value((1, 0)).expect("subtitle").to_string();
    assert!(subtitle.contains("cải cách hành chính"), "{subtitle}");
    assert_eq!(sheet.get_value((3, 0)), Some(&Data::String("STT".into())));
    assert_eq!(
        sheet.get_value((3, 1)),
        Some(&Data::String("Họ và tên / Tên tập thể".into()))
    );
    // No internal column (the id), nothing the title says (award, kind).
    let header: Vec<String> = (0..12)
        .filter_map(|c| sheet.get_value((3, c)).map(|v| v.to_string()))
        .collect();
    for internal in ["Mã", "Hình thức khen thưởng", "Tập thể/Cá nhân"] {
        assert!(!header.iter().any(|h| h == internal), "{header:?}");
    }
    // Six Giấy khen for individuals: numbers as numbers, dates as dates.
    let rows: Vec<_> = sheet
        .rows()
        .skip(4)
        .filter(|r| matches!(r[0], Data::Float(_)))
        .collect();
    assert_eq!(rows.len(), 6);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], Data::Float((i + 1) as f64));
        assert!(matches!(row[4], Data::Float(_)), "votes are numbers");
        assert!(matches!(row[6], Data::Float(_)), "scores are numbers");
        assert!(
            row[7].is_datetime(),
            "received dates are dates: {:?}",
            row[7]
        );
    }
    assert_eq!(rows[0][1], Data::String("Nguyễn Thị Thanh Tâm".into()));
    // data/nominations.csv: 2023,NV04,2024-02-14,...
    assert_eq!(
        rows[0][7].as_date(),
        chrono::NaiveDate::from_ymd_opt(2024, 2, 14)
    );
    // The date line and the signer's block below the list.
    let cells: Vec<String> = sheet.used_cells().map(|(_, _, v)| v.to_string()).collect();
    assert!(
        cells
            .iter()
            .any(|c| c.starts_with("Bà Rịa - Vũng Tàu, ngày") && c.ends_with("năm 2024")),
        "{cells:?}"
    );
    assert!(cells.iter().any(|c| c == "GIÁM ĐỐC"), "{cells:?}");
    // Printable as it stands: A4 landscape, one page wide, the header row
    // repeated, Times New Roman.
    let bytes = std::fs::read(w.path("de-nghi-2023.xlsx")).expect("read");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).expect(name), &mut text)
            .expect("UTF-8");
        text
    };
    let sheet1 = xml("xl/worksheets/sheet1.xml");
    for part in [
        "orientation=\"landscape\"",
        "paperSize=\"9\"",
        "fitToHeight=\"0\"",
        "<pageSetUpPr fitToPage=\"1\"/>",
    ] {
        assert!(sheet1.contains(part), "{part}: {sheet1:.2000}");
    }
    let book_xml = xml("xl/workbook.xml");
    assert!(book_xml.contains("_xlnm.Print_Titles"), "{book_xml}");
    assert!(xml("xl/styles.xml").contains("Times New Roman"));
}

#[test]
fn export_never_writes_an_input_and_keeps_the_previous_output_on_failure() {
    let w = Workdir::new();
    for name in [
        "units.toml",
        "people.csv",
        "achievements.csv",
        "nominations.csv",
        "awards.csv",
    ] {
        w.write(
            &format!("data/{name}"),
            &std::fs::read_to_string(sample().join(name)).expect("sample"),
        );
    }
    let before = w.read("data/people.csv");
    for target in [
        "data/people.csv",
        "data/../data/people.csv",
        "./data/nominations.csv",
        "data/achievements/new.csv",
    ] {
        w.cmd(["export", "2023", "-o", target]).assert().code(1);
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(w.path("data/people.csv"), w.path("link.csv")).expect("symlink");
        w.cmd(["export", "2023", "-o", "link.csv"]).assert().code(1);
    }
    assert_eq!(w.read("data/people.csv"), before);
    assert!(!w.path("data/achievements/new.csv").exists());

    w.cmd(["export", "2023", "-o", "out.csv"])
        .assert()
        .success();
    let good = std::fs::read(w.path("out.csv")).expect("written");
    // An output gets an ordinary file's permissions, not 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(w.path("out.csv"))
            .expect("written")
            .permissions()
            .mode();
        assert!(mode & 0o044 == 0o044, "{mode:o}");
    }
    // A failed run (a broken data file) leaves the previous output intact.
    w.write(
        "data/achievements.csv",
        "review,subject,criterion,result\n2023,NOBODY,CN1,đạt\n",
    );
    w.cmd(["export", "2023", "-o", "out.csv"]).assert().code(1);
    assert_eq!(std::fs::read(w.path("out.csv")).expect("still there"), good);
    let leftovers: Vec<_> = std::fs::read_dir(w.root())
        .expect("folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".thiduakt-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
    w.cmd(["export", "2023", "-o", "out.pdf"]).assert().code(2);
}

#[test]
fn summary_counts_agree_with_check() {
    let out = thiduakt(["summary", "--format", "csv", "--today", "2026-11-28"])
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let mut reader = csv::Reader::from_reader(&out.get_output().stdout[..]);
    assert_eq!(
        reader.headers().expect("header").iter().collect::<Vec<_>>(),
        [
            "review",
            "kind",
            "nominated",
            "eligible",
            "proposed_bang_khen",
            "proposed_giay_khen",
            "over_quota",
            "ineligible",
            "granted_bang_khen",
            "granted_giay_khen",
            "registered"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 10, "five reviews, two kinds");
    for row in &rows {
        let review = &row[0];
        let kind = &row[1];
        let check = thiduakt(["check", review, "--format", "csv", "--today", "2026-11-28"])
            .arg("--data")
            .arg(sample())
            .assert()
            .success();
        let mut r = csv::Reader::from_reader(&check.get_output().stdout[..]);
        let of_kind: Vec<csv::StringRecord> = r
            .records()
            .map(|x| x.expect("row"))
            .filter(|x| &x[1] == kind)
            .collect();
        let count = |f: &dyn Fn(&csv::StringRecord) -> bool| {
            of_kind.iter().filter(|x| f(x)).count().to_string()
        };
        assert_eq!(
            row[2],
            of_kind.len().to_string(),
            "{review} {kind} nominated"
        );
        assert_eq!(
            row[3],
            count(&|x| &x[6] != "ineligible"),
            "{review} {kind} eligible"
        );
        assert_eq!(row[4], count(&|x| &x[7] == "bang_khen"), "{review} {kind}");
        assert_eq!(row[5], count(&|x| &x[7] == "giay_khen"), "{review} {kind}");
        assert_eq!(row[6], count(&|x| &x[6] == "over_quota"), "{review} {kind}");
        assert_eq!(row[7], count(&|x| &x[6] == "ineligible"), "{review} {kind}");
    }
    // Granted, from awards.csv: the Director granted every proposed Giấy khen of 2023.
    let g2023 = rows
        .iter()
        .find(|r| &r[0] == "2023" && &r[1] == "individual")
        .expect("row");
    assert_eq!((&g2023[5], &g2023[9]), ("6", "6"));
}

#[test]
fn summary_by_unit_adds_up_to_the_totals() {
    let totals = thiduakt(["summary", "2023", "--format", "json"])
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let by_unit = thiduakt(["summary", "2023", "--by", "unit", "--format", "json"])
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let totals: serde_json::Value =
        serde_json::from_slice(&totals.get_output().stdout).expect("JSON");
    let by_unit: serde_json::Value =
        serde_json::from_slice(&by_unit.get_output().stdout).expect("JSON");
    for column in [
        "nominated",
        "eligible",
        "proposed_bang_khen",
        "proposed_giay_khen",
        "granted_giay_khen",
    ] {
        for kind in ["collective", "individual"] {
            let total = totals["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .find(|r| r["category"] == kind)
                .expect("kind")[column]
                .as_u64();
            let sum: u64 = by_unit["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .filter(|r| r["category"] == kind)
                .map(|r| r[column].as_u64().expect("count"))
                .sum();
            assert_eq!(total, Some(sum), "{column} {kind}");
        }
    }
    assert!(
        by_unit["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .any(|r| r["unit"] == "VP")
    );
}

#[test]
fn deadlines_as_an_icalendar_file() {
    let w = Workdir::new();
    thiduakt(["deadlines", "-o"])
        .arg(w.path("lich.ics"))
        .arg("--today")
        .arg("2024-03-20")
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let text = w.read("lich.ics");
    assert!(
        text.lines().count() > 10 && text.contains("\r\n"),
        "CRLF lines"
    );
    let calendar: icalendar::Calendar = text.parse().expect("a valid iCalendar file");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 12, "every deadline of the plan");
    let day =
        |y, m, d| DatePerhapsTime::Date(chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date"));
    let unit_2023 = events
        .iter()
        .find(|e| e.get_uid() == Some("2023-unit_submission-cchc-2021-2025@thiduakt"))
        .expect("the 2023 units' deadline");
    assert_eq!(
        unit_2023.get_start(),
        Some(day(2024, 3, 14)),
        "the last valid day"
    );
    assert_eq!(
        unit_2023.get_end(),
        Some(day(2024, 3, 15)),
        "an all-day event"
    );
    assert!(
        unit_2023
            .get_summary()
            .expect("summary")
            .contains("Các đơn vị gửi hồ sơ")
    );
    assert!(
        unit_2023
            .get_description()
            .expect("description")
            .contains("trước ngày 15/03/2024")
    );
    // A reminder a week before each event.
    let unfolded = icalendar::parser::unfold(&text);
    let raw = icalendar::parser::read_calendar(&unfolded).expect("parse");
    let vevents: Vec<_> = raw
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(vevents.len(), 12);
    for e in vevents {
        let alarm = e
            .components
            .iter()
            .find(|c| c.name == "VALARM")
            .expect("an alarm");
        assert_eq!(
            alarm.find_prop("TRIGGER").expect("trigger").val.as_str(),
            "-P7D"
        );
    }
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = thiduakt(["completions", shell]).assert().success();
        let text = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
        assert!(
            text.contains("thiduakt") && text.contains("export") && text.contains("deadlines"),
            "{shell}"
        );
    }
    let out = thiduakt(["man"]).assert().success();
    let page = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    assert!(
        page.starts_with(".ie") || page.contains(".TH thiduakt"),
        "roff"
    );
    assert!(page.contains("check") && page.contains("export"));
    thiduakt(["completions", "tcsh"]).assert().code(2);
}

/// Every `thiduakt-COMMAND(1)` the main page refers to is a page that
/// `man --dir` writes, and `man COMMAND` prints.
#[test]
fn the_man_pages_referred_to_exist() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    thiduakt(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let main = std::fs::read_to_string(dir.path().join("thiduakt.1")).expect("thiduakt.1");
    let referred: Vec<&str> = main
        .split("thiduakt\\-")
        .skip(1)
        .filter_map(|rest| rest.split_once("(1)").map(|(name, _)| name))
        .collect();
    assert!(
        referred.contains(&"check") && referred.contains(&"export"),
        "{referred:?}"
    );
    assert!(!referred.contains(&"help"), "help has no page");
    for name in referred {
        let page = std::fs::read_to_string(dir.path().join(format!("thiduakt-{name}.1")))
            .unwrap_or_else(|_| panic!("no page thiduakt-{name}.1"));
        assert!(page.contains(&format!(".TH thiduakt-{name} 1")), "{name}");
        let out = thiduakt(["man", name]).assert().success();
        assert_eq!(out.get_output().stdout, page.as_bytes(), "{name}");
    }
}
