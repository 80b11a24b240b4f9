//! The clerk's documents (`draft`), read back independently: each .docx is
//! unzipped with the zip crate and its `word/document.xml` parsed with
//! quick-xml into paragraphs and tables of text, the way a reader sees it.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use common::{UNITS, Workdir, thiduakt};
use quick_xml::Reader;
use quick_xml::events::Event;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

const DOCS: [&str; 4] = [
    "quyet-dinh-giay-khen",
    "to-trinh-bang-khen",
    "bien-ban-hop-xet",
    "bao-cao",
];

/// One part of a document's body as a reader sees it.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Para(String),
    /// Rows of cells; a cell's paragraphs joined by a newline.
    Table(Vec<Vec<String>>),
}

/// A .docx read back: its parts' XML and its body.
struct Docx {
    document: String,
    styles: String,
    body: Vec<Item>,
}

impl Docx {
    fn open(path: &Path) -> Docx {
        let bytes = std::fs::read(path).expect("read the .docx");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        let mut part = |name: &str| {
            let mut text = String::new();
            zip.by_name(name)
                .unwrap_or_else(|_| panic!("{name} in {}", path.display()))
                .read_to_string(&mut text)
                .expect("UTF-8 XML");
            text
        };
        let document = part("word/document.xml");
        let styles = part("word/styles.xml");
        let body = parse(&document);
        Docx {
            document,
            styles,
            body,
        }
    }

    /// Every paragraph outside tables.
    fn paragraphs(&self) -> Vec<&str> {
        self.body
            .iter()
            .filter_map(|i| match i {
                Item::Para(p) => Some(p.as_str()),
                Item::Table(_) => None,
            })
            .collect()
    }

    fn tables(&self) -> Vec<&Vec<Vec<String>>> {
        self.body
            .iter()
            .filter_map(|i| match i {
                Item::Table(t) => Some(t),
                Item::Para(_) => None,
            })
            .collect()
    }

    /// The visible text: paragraphs, then table rows as `a | b | c`.
    fn text(&self) -> String {
        let mut out = String::new();
        for item in &self.body {
            match item {
                Item::Para(p) if p.trim().is_empty() => {}
                Item::Para(p) => {
                    out.push_str(p);
                    out.push('\n');
                }
                Item::Table(rows) => {
                    for row in rows {
                        let cells: Vec<String> =
                            row.iter().map(|c| c.replace('\n', " / ")).collect();
                        out.push_str("| ");
                        out.push_str(&cells.join(" | "));
                        out.push_str(" |\n");
                    }
                }
            }
        }
        out
    }

    /// The value of an attribute of the first element named `tag`.
    fn attribute(&self, tag: &str, attr: &str) -> Option<String> {
        let at = self.document.find(&format!("<{tag} "))?;
        let rest = &self.document[at..];
        let end = rest.find('>')?;
        let element = &rest[..end];
        let key = format!("{attr}=\"");
        let from = element.find(&key)? + key.len();
        let to = element[from..].find('"')? + from;
        Some(element[from..to].to_string())
    }
}

/// Paragraphs and tables of `word/document.xml`, text from `w:t` runs.
fn parse(xml: &str) -> Vec<Item> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut depth = 0usize;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Vec<String> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                "w:t" => in_text = true,
                "w:p" => para.clear(),
                "w:tbl" => {
                    depth += 1;
                    rows.clear();
                }
                "w:tr" => row.clear(),
                "w:tc" => cell.clear(),
                _ => {}
            },
            Event::Empty(e) if e.name().as_ref() == "w:tab" => para.push('\t'),
            Event::Text(t) if in_text => para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => para.push_str(match r.into_inner().as_ref() {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                _ => "?",
            }),
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" if depth == 0 => out.push(Item::Para(std::mem::take(&mut para))),
                "w:p" => cell.push(std::mem::take(&mut para)),
                "w:tc" => row.push(cell.join("\n").trim().to_string()),
                "w:tr" => rows.push(std::mem::take(&mut row)),
                "w:tbl" => {
                    depth -= 1;
                    out.push(Item::Table(std::mem::take(&mut rows)));
                }
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// `draft ARGS` on the sample data, into a new folder; the folder.
fn draft_sample(args: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("a folder");
    thiduakt(["draft"])
        .args(args)
        .arg("-o")
        .arg(out.path())
        .arg("--data")
        .arg(sample())
        .args(["--today", "2024-03-08"])
        .assert()
        .success();
    out
}

/// Rows of `check REVIEW --format csv` on the sample: (kind, id, name,
/// status, award), in the check's order.
fn check_rows(review: &str) -> Vec<[String; 5]> {
    let out = thiduakt(["check", review, "--format", "csv", "--today", "2024-03-08"])
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let mut reader = csv::Reader::from_reader(&out.get_output().stdout[..]);
    reader
        .records()
        .map(|r| r.expect("row"))
        .map(|r| {
            [
                r[1].to_string(),
                r[3].to_string(),
                r[4].to_string(),
                r[6].to_string(),
                r[7].to_string(),
            ]
        })
        .collect()
}

fn names_of(rows: &[[String; 5]], kind: &str, award: &str) -> Vec<String> {
    rows.iter()
        .filter(|r| r[0] == kind && r[3] == "proposed" && r[4] == award)
        .map(|r| r[2].clone())
        .collect()
}

#[test]
fn every_document_has_the_form_of_the_decree() {
    let out = draft_sample(&["2023"]);
    let symbols = ["/QĐ-SKHCN", "/TTr-SKHCN", "/BB-SKHCN", "/BC-SKHCN"];
    let titles = ["QUYẾT ĐỊNH", "TỜ TRÌNH", "BIÊN BẢN", "BÁO CÁO"];
    for ((stem, symbol), title) in DOCS.iter().zip(symbols).zip(titles) {
        let path = out.path().join(format!("{stem}-2023.docx"));
        let d = Docx::open(&path);
        // docx-rs's own reader reads it back too.
        let bytes = std::fs::read(&path).expect("the .docx");
        assert!(docx_rs::read_docx(&bytes).is_ok(), "{stem}: read back");
        // A4 portrait; margins top/bottom 20–25 mm, left 30–35, right 15–20.
        assert_eq!(
            d.attribute("w:pgSz", "w:w").as_deref(),
            Some("11906"),
            "{stem}"
        );
        assert_eq!(
            d.attribute("w:pgSz", "w:h").as_deref(),
            Some("16838"),
            "{stem}"
        );
        let margin = |side: &str| -> u32 {
            d.attribute("w:pgMar", side)
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{stem}: w:pgMar {side}"))
        };
        let mm = |twips: u32| twips as f64 * 25.4 / 1440.0;
        for (side, low, high) in [
            ("w:top", 20.0, 25.0),
            ("w:bottom", 20.0, 25.0),
            ("w:left", 30.0, 35.0),
            ("w:right", 15.0, 20.0),
        ] {
            let v = mm(margin(side));
            assert!(
                (low - 0.1..=high + 0.1).contains(&v),
                "{stem}: {side} {v} mm"
            );
        }
        // Times New Roman, 14 pt by default.
        assert!(
            d.styles.contains("w:ascii=\"Times New Roman\""),
            "{stem}: default font"
        );
        assert!(d.styles.contains("<w:sz w:val=\"28\""), "{stem}: 14 pt");
        assert!(!d.document.contains("w:ascii=\"Arial\""), "{stem}");
        // The header: a table without borders, superior and issuer on the
        // left above the number, quốc hiệu and tiêu ngữ on the right above
        // the date line.
        let tables = d.tables();
        let header = tables.first().unwrap_or_else(|| panic!("{stem}: header"));
        assert_eq!(
            header[0][0], "UBND TỈNH BÀ RỊA - VŨNG TÀU\nSỞ KHOA HỌC VÀ CÔNG NGHỆ",
            "{stem}"
        );
        assert_eq!(
            header[0][1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            "{stem}"
        );
        assert_eq!(header[1][0], format!("Số:      {symbol}"), "{stem}");
        assert_eq!(
            header[1][1], "Bà Rịa - Vũng Tàu, ngày      tháng      năm 2024",
            "{stem}"
        );
        assert!(
            d.document.contains("<w:tblBorders />"),
            "{stem}: no borders"
        );
        let paragraphs = d.paragraphs();
        assert!(paragraphs.contains(&title), "{stem}: {title}");
        // Signer and recipients.
        let text = d.text();
        if *stem == "bien-ban-hop-xet" {
            assert!(text.contains("| THƯ KÝ"), "{stem}");
            assert!(text.contains("CHỦ TỊCH HỘI ĐỒNG"), "{stem}");
        } else {
            assert!(text.contains("| Nơi nhận:"), "{stem}");
            assert!(text.contains("| GIÁM ĐỐC"), "{stem}");
        }
    }
}

#[test]
fn the_decision_counts_and_lists_exactly_the_proposed_giay_khen() {
    let rows = check_rows("2023");
    let collectives = names_of(&rows, "collective", "giay_khen");
    let individuals = names_of(&rows, "individual", "giay_khen");
    assert!(!collectives.is_empty() && !individuals.is_empty());
    let out = draft_sample(&["2023", "--doc", "quyet-dinh"]);
    assert_eq!(
        std::fs::read_dir(out.path()).expect("folder").count(),
        1,
        "--doc writes one document"
    );
    let d = Docx::open(&out.path().join("quyet-dinh-giay-khen-2023.docx"));
    let text = d.text();
    let article_1 = d
        .paragraphs()
        .into_iter()
        .find(|p| p.starts_with("Điều 1."))
        .expect("Điều 1")
        .to_string();
    assert_eq!(
        article_1,
        format!(
            "Điều 1. Tặng Giấy khen của Giám đốc Sở Khoa học và Công nghệ cho {} tập thể và {} cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong công tác cải cách hành chính năm 2023.",
            collectives.len(),
            individuals.len()
        )
    );
    // Điều 2: 1.800.000 đồng in force on 08/03/2024, times 0,6 and 0,3.
    let article_2 = d
        .paragraphs()
        .into_iter()
        .find(|p| p.starts_with("Điều 2."))
        .expect("Điều 2")
        .to_string();
    let total = collectives.len() as u64 * 1_080_000 + individuals.len() as u64 * 540_000;
    let dotted = |n: u64| {
        let s = n.to_string();
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(ch);
        }
        out
    };
    assert!(
        article_2.contains("mỗi tập thể 1.080.000 đồng (0,6 lần mức lương cơ sở 1.800.000 đồng)"),
        "{article_2}"
    );
    assert!(
        article_2.contains("mỗi cá nhân 540.000 đồng (0,3 lần mức lương cơ sở 1.800.000 đồng)"),
        "{article_2}"
    );
    assert!(
        article_2.contains(&format!(
            "tổng số tiền thưởng {} đồng ({} tập thể × 1.080.000 đồng + {} cá nhân × 540.000 đồng)",
            dotted(total),
            collectives.len(),
            individuals.len()
        )),
        "{article_2}"
    );
    assert!(
        article_2.contains("Nghị định số 98/2023/NĐ-CP"),
        "{article_2}"
    );
    assert!(
        article_2.contains("Nghị định số 24/2023/NĐ-CP"),
        "{article_2}"
    );
    assert!(d.paragraphs().iter().any(|p| p.starts_with("Điều 3.")));
    // The căn cứ of 2023: the Law of 2022 and NĐ 98/2023, and the plan.
    assert!(text.contains("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"));
    assert!(text.contains("Căn cứ Nghị định số 98/2023/NĐ-CP"));
    assert!(text.contains("/KH-SKHCN"));
    assert!(!text.contains("91/2017"));
    // The attached list: its names are the candidates', collectives apart.
    assert!(text.contains("(Kèm theo Quyết định số      /QĐ-SKHCN ngày      tháng      năm 2024"));
    let tables = d.tables();
    let listed =
        |t: &Vec<Vec<String>>| -> Vec<String> { t.iter().skip(1).map(|r| r[1].clone()).collect() };
    let n = tables.len();
    assert_eq!(tables[n - 2][0][1], "Tên tập thể");
    assert_eq!(listed(tables[n - 2]), collectives);
    assert_eq!(
        &tables[n - 1][0][..4],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"]
    );
    assert_eq!(listed(tables[n - 1]), individuals);
    assert!(tables[n - 1].iter().any(|r| r[1] == "Nguyễn Thị Thanh Tâm"
        && r[2] == "Chánh Văn phòng"
        && r[3] == "Văn phòng Sở"));
}

#[test]
fn the_submission_lists_the_bang_khen_and_the_record_every_candidate() {
    let rows = check_rows("2023");
    let out = draft_sample(&["2023"]);
    let t = Docx::open(&out.path().join("to-trinh-bang-khen-2023.docx"));
    let text = t.text();
    assert!(text.contains("Kính gửi: Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu."));
    assert!(text.contains("(Có báo cáo thành tích kèm theo)"));
    assert!(text.contains("Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng Sở"));
    let listed: Vec<String> = t
        .tables()
        .iter()
        .skip(1)
        .filter(|t| t[0][0] == "STT")
        .flat_map(|t| t.iter().skip(1).map(|r| r[1].clone()))
        .collect();
    let mut expected = names_of(&rows, "collective", "bang_khen");
    expected.extend(names_of(&rows, "individual", "bang_khen"));
    assert_eq!(listed, expected);

    let b = Docx::open(&out.path().join("bien-ban-hop-xet-2023.docx"));
    let record: Vec<Vec<String>> = b
        .tables()
        .iter()
        .filter(|t| t[0][0] == "STT")
        .flat_map(|t| t.iter().skip(1).cloned())
        .collect();
    assert_eq!(record.len(), rows.len(), "one row per candidate");
    for (r, c) in record.iter().zip(&rows) {
        assert!(r[1].ends_with(&format!("[{}]", c[1])), "{r:?} {c:?}");
    }
    let vp = record.iter().find(|r| r[1].contains("[VP]")).expect("VP");
    assert_eq!((vp[2].as_str(), vp[3].as_str()), ("9/9", "100%"));
    assert_eq!(vp[4], "Đề nghị Bằng khen");
    let so = record.iter().find(|r| r[1].contains("[SO]")).expect("SO");
    assert_eq!(
        (so[2].as_str(), so[3].as_str(), so[4].as_str()),
        ("8/9", "88,9%", "Vượt chỉ tiêu")
    );
    let text = b.text();
    for blank in ["Thời gian:", "Địa điểm:", "Chủ trì:", "Thành viên có mặt:"] {
        assert!(
            text.contains(&format!("{blank} ……………")),
            "{blank} left blank"
        );
    }

    let r = Docx::open(&out.path().join("bao-cao-2023.docx"));
    let table = r
        .tables()
        .into_iter()
        .find(|t| t[0].get(1).is_some_and(|h| h == "Đơn vị"))
        .expect("the table by unit");
    let total = table.last().expect("a total row");
    assert_eq!(total[0], "Tổng cộng");
    let nominated: usize = rows.len();
    assert_eq!(total[1], nominated.to_string());
    let proposed = |award: &str| {
        rows.iter()
            .filter(|r| r[3] == "proposed" && r[4] == award)
            .count()
    };
    assert_eq!(total[3], proposed("bang_khen").to_string());
    assert_eq!(total[4], proposed("giay_khen").to_string());
}

/// A 2023 folder where the council has left questions open: VP has no
/// vote, PA's dossier lacks its biên bản, and N1 and N2 tie at the one
/// Giấy khen place for individuals.
fn open_questions(w: &Workdir) {
    w.write("data/units.toml", UNITS);
    w.write(
        "data/people.csv",
        "id,name,unit,position,kind,gender
N1,Nguyễn Văn An,VP,Chuyên viên,noi_bo,nam
N2,Trần Thị Bình,PA,Chuyên viên,noi_bo,nữ
",
    );
    w.write(
        "data/achievements.csv",
        "review,subject,criterion,result,score,evidence
2023,VP,TT1,đạt,8,
2023,VP,TT2,đạt,8,
2023,VP,TT3,đạt,8,
2023,VP,TT4,đạt,8,
2023,PA,TT1,đạt,9,
2023,PA,TT2,đạt,9,
2023,PA,TT3,đạt,9,
2023,PA,TT4,đạt,9,
2023,N1,CN1,đạt,9,
2023,N1,CN2,đạt,9,
2023,N2,CN1,đạt,9,
2023,N2,CN2,đạt,9,
",
    );
    w.write(
        "data/nominations.csv",
        "review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total
2023,VP,2024-03-01,01/TTr-VP,01/BB-VP,BC VP,,
2023,PA,2024-03-01,02/TTr-PA,,BC PA,7,9
2023,N1,2024-03-01,01/TTr-VP,01/BB-VP,BC,8,9
2023,N2,2024-03-01,02/TTr-PA,02/BB-PA,BC,8,9
",
    );
    w.edit_plan(
        "annual = { collectives = 3, individuals = 6 }",
        "annual = { collectives = 3, individuals = 1 }",
    );
    w.edit_plan(
        "2023 = { collectives = 1, individuals = 2 }",
        "2023 = { collectives = 0, individuals = 0 }",
    );
}

#[test]
fn final_refuses_while_a_question_is_open_and_drafts_show_them() {
    let w = Workdir::new();
    open_questions(&w);
    let out = w
        .cmd([
            "draft",
            "2023",
            "-o",
            "out",
            "--final",
            "--today",
            "2024-03-08",
        ])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("--final"), "{stderr}");
    assert!(
        stderr.contains("VP Văn phòng Sở: chưa biểu quyết"),
        "{stderr}"
    );
    assert!(
        stderr.contains("PA Phòng A: hồ sơ chưa đủ: thiếu biên bản họp xét"),
        "{stderr}"
    );
    assert!(
        stderr.contains("N1 Nguyễn Văn An: bằng phiếu và điểm với Trần Thị Bình (N2)"),
        "{stderr}"
    );
    assert!(!w.path("out").exists(), "nothing written");

    // Without --final the drafts are written, every open question on its row.
    w.cmd(["draft", "2023", "-o", "out", "--today", "2024-03-08"])
        .assert()
        .success();
    let d = Docx::open(&w.path("out/quyet-dinh-giay-khen-2023.docx"));
    let text = d.text();
    assert!(text.starts_with("DỰ THẢO\n"), "{text}");
    let row = |name: &str| -> Vec<String> {
        d.tables()
            .iter()
            .flat_map(|t| t.iter())
            .find(|r| r.get(1).is_some_and(|n| n == name))
            .unwrap_or_else(|| panic!("{name} listed"))
            .clone()
    };
    assert_eq!(
        row("Văn phòng Sở").last().map(String::as_str),
        Some("Chưa biểu quyết")
    );
    assert_eq!(
        row("Phòng A").last().map(String::as_str),
        Some("Hồ sơ chưa đủ: thiếu biên bản họp xét")
    );
    assert!(
        row("Nguyễn Văn An")
            .last()
            .is_some_and(|n| n
                .starts_with("Hội đồng cần quyết định: bằng phiếu và điểm với Trần Thị Bình (N2)")),
        "{text}"
    );
    assert!(text.contains("cho 2 tập thể và 1 cá nhân"), "{text}");
    let b = Docx::open(&w.path("out/bien-ban-hop-xet-2023.docx")).text();
    assert!(
        b.contains("Hội đồng cần quyết định: bằng phiếu và điểm với Nguyễn Văn An (N1)"),
        "{b}"
    );
}

#[test]
fn final_writes_the_documents_once_nothing_is_open() {
    let w = Workdir::new();
    open_questions(&w);
    w.write(
        "data/nominations.csv",
        "review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total
2023,VP,2024-03-01,01/TTr-VP,01/BB-VP,BC VP,9,9
2023,PA,2024-03-01,02/TTr-PA,02/BB-PA,BC PA,7,9
2023,N1,2024-03-01,01/TTr-VP,01/BB-VP,BC,9,9
2023,N2,2024-03-01,02/TTr-PA,02/BB-PA,BC,8,9
",
    );
    w.cmd([
        "draft",
        "2023",
        "-o",
        "out",
        "--final",
        "--today",
        "2024-03-08",
    ])
    .assert()
    .success();
    let d = Docx::open(&w.path("out/quyet-dinh-giay-khen-2023.docx"));
    let text = d.text();
    assert!(!text.contains("DỰ THẢO"));
    assert!(!text.contains("Ghi chú"), "no notes column for signing");
    assert!(text.contains("cho 2 tập thể và 1 cá nhân"));
}

#[test]
fn without_documents_and_prize_the_drafts_leave_blanks_and_say_so() {
    let w = Workdir::new();
    open_questions(&w);
    let plan = w.read("data/plan.toml");
    let cut = plan.find("[documents]").expect("the plan has [documents]");
    w.write("data/plan.toml", &plan[..cut]);
    let out = w
        .cmd([
            "draft",
            "2023",
            "-o",
            "out",
            "--doc",
            "quyet-dinh",
            "--today",
            "2024-03-08",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("[documents]"), "{stderr}");
    assert!(stderr.contains("[prize]"), "{stderr}");
    let d = Docx::open(&w.path("out/quyet-dinh-giay-khen-2023.docx"));
    let text = d.text();
    assert!(text.contains("Số:      /QĐ-……………"), "{text}");
    assert!(
        text.contains("Điều 2. Mỗi tập thể được tặng kèm theo tiền thưởng …………… đồng"),
        "{text}"
    );
    assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
}

#[test]
fn a_bad_documents_value_is_an_error_at_its_line() {
    let w = Workdir::new();
    open_questions(&w);
    w.edit_plan("symbol = \"SKHCN\"", "symbol = \"S KHCN\"");
    let line = w
        .read("data/plan.toml")
        .lines()
        .position(|l| l.starts_with("symbol = "))
        .expect("the symbol line")
        + 1;
    let out = w
        .cmd(["draft", "2023", "-o", "out", "--today", "2024-03-08"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains(&format!("plan.toml:{line}")), "{stderr}");
    assert!(stderr.contains("documents.symbol"), "{stderr}");
}

#[test]
fn the_final_review_goes_to_the_merged_city() {
    let out = tempfile::tempdir().expect("a folder");
    thiduakt(["draft", "2021-2025", "--doc", "to-trinh", "-o"])
        .arg(out.path())
        .arg("--data")
        .arg(sample())
        .args(["--today", "2026-03-20"])
        .assert()
        .success();
    let d = Docx::open(&out.path().join("to-trinh-bang-khen-2021-2025.docx"));
    let header = d.tables()[0].clone();
    assert_eq!(
        header[0][0],
        "UBND THÀNH PHỐ HỒ CHÍ MINH\nSỞ KHOA HỌC VÀ CÔNG NGHỆ"
    );
    assert_eq!(
        header[1][1],
        "Thành phố Hồ Chí Minh, ngày      tháng      năm 2026"
    );
    assert!(
        d.text()
            .contains("Kính gửi: Ủy ban nhân dân Thành phố Hồ Chí Minh.")
    );
}

#[test]
fn snapshot_of_the_drafts_of_2023() {
    let out = draft_sample(&["2023"]);
    for stem in DOCS {
        let d = Docx::open(&out.path().join(format!("{stem}-2023.docx")));
        insta::assert_snapshot!(format!("draft_2023_{stem}"), d.text());
    }
}

/// The rows of the tables of an HTML page that follow `heading`, up to the
/// next heading of that level: each row's cells as text.
fn html_rows(page: &str, from: &str, to: &str) -> Vec<Vec<String>> {
    let start = page
        .find(from)
        .unwrap_or_else(|| panic!("{from} in the page"));
    let rest = &page[start..];
    let end = rest[from.len()..]
        .find(to)
        .map_or(rest.len(), |e| e + from.len());
    let part = &rest[..end];
    part.split("<tr>")
        .skip(1)
        .map(|row| {
            let row = row.split("</tr>").next().unwrap_or("");
            row.split("<t")
                .skip(1)
                .filter(|c| c.starts_with('d') || c.starts_with('h'))
                .map(|c| {
                    let text = c.split_once('>').map_or("", |(_, t)| t);
                    text.split("</t").next().unwrap_or("").to_string()
                })
                .collect()
        })
        .collect()
}

#[test]
fn publish_writes_one_self_contained_accessible_page() {
    let out = tempfile::tempdir().expect("a folder");
    let file = out.path().join("ket-qua-2023.html");
    thiduakt(["publish", "2023", "-o"])
        .arg(&file)
        .arg("--data")
        .arg(sample())
        .args(["--today", "2024-06-01"])
        .assert()
        .success();
    let page = std::fs::read_to_string(&file).expect("the page");
    assert!(
        page.starts_with("<!DOCTYPE html><html lang=\"vi\">"),
        "{}",
        &page[..80]
    );
    assert!(
        page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    for outside in [
        "<script",
        "src=\"http",
        "href=\"http",
        "@import",
        "<link",
        "url(",
    ] {
        assert!(
            !page.contains(outside),
            "nothing fetched at view time: {outside}"
        );
    }
    assert!(page.contains("@media print"));
    assert!(page.contains("<svg width=\"640\""));
    assert!(
        page.contains("viewBox=\"0 0 640 "),
        "the chart scales to the page"
    );
    assert!(page.contains("<figcaption>"));
    // 2023 has decisions in awards.csv: the granted list, with decisions.
    let awards = std::fs::read_to_string(sample().join("awards.csv")).expect("awards.csv");
    let granted = |award: &str| {
        awards
            .lines()
            .filter(|l| l.starts_with("2023,") && l.split(',').nth(2) == Some(award))
            .count()
    };
    let rows = |from: &str, to: &str| -> Vec<Vec<String>> {
        html_rows(&page, from, to)
            .into_iter()
            .filter(|r| r.first().is_some_and(|c| c.parse::<u32>().is_ok()))
            .collect()
    };
    let bang_khen = rows("<h2>Bằng khen UBND tỉnh</h2>", "<h2>");
    let giay_khen = rows("<h2>Giấy khen Giám đốc Sở</h2>", "<h2>");
    assert_eq!(bang_khen.len(), granted("bang_khen"));
    assert_eq!(giay_khen.len(), granted("giay_khen"));
    assert!(page.contains("<th scope=\"col\">Quyết định</th>"));
    assert!(
        bang_khen
            .iter()
            .any(|r| r.last().is_some_and(|d| d.ends_with("/QĐ-UBND"))),
        "{bang_khen:?}"
    );
    // The chart's figures: every award of the plan's reviews, under a unit.
    let table = html_rows(&page, "<caption>Số liệu của biểu đồ</caption>", "</table>");
    let header = &table[0];
    assert_eq!(
        &header[1..],
        ["2021", "2022", "2023", "2024", "2021-2025", "Cộng"]
    );
    let total: u32 = table[1..]
        .iter()
        .map(|r| {
            r.last()
                .and_then(|t| t.parse::<u32>().ok())
                .expect("a total")
        })
        .sum();
    let in_plan = awards
        .lines()
        .skip(1)
        .filter(|l| {
            ["2021,", "2022,", "2023,", "2024,", "2021-2025,"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        // A revoked decision (the last cell filled) granted nothing.
        .filter(|l| l.rsplit(',').next().is_none_or(str::is_empty))
        .count() as u32;
    assert_eq!(total, in_plan);
}

#[test]
fn publish_shows_the_proposed_list_before_any_decision() {
    let w = Workdir::new();
    open_questions(&w);
    w.cmd([
        "publish",
        "2023",
        "-o",
        "trang.html",
        "--today",
        "2024-03-08",
    ])
    .assert()
    .success();
    let page = w.read("trang.html");
    assert!(page.contains("đề nghị khen thưởng"));
    assert!(!page.contains("<th scope=\"col\">Quyết định</th>"));
    let giay_khen: Vec<String> = html_rows(&page, "<h2>Giấy khen Giám đốc Sở</h2>", "<h2>")
        .into_iter()
        .filter(|r| r.first().is_some_and(|c| c.parse::<u32>().is_ok()))
        .map(|r| r[1].clone())
        .collect();
    // In rank order: PA has a vote, VP none yet.
    assert_eq!(giay_khen, ["Phòng A", "Văn phòng Sở", "Nguyễn Văn An"]);
    // No awards.csv: no chart, and the page says why.
    assert!(!page.contains("<svg"));
    assert!(page.contains("Chưa có quyết định khen thưởng nào"));
    w.cmd(["publish", "2023", "-o", "trang.txt"])
        .assert()
        .code(2);
}

/// Replaces `from` by `to` in the plan, runs `validate`, and returns the
/// 1-based line of `to` and what it printed.
fn plan_error(from: &str, to: &str) -> (usize, String) {
    let w = Workdir::new();
    open_questions(&w);
    w.edit_plan(from, to);
    let first = to.lines().next().unwrap_or(to);
    let line = w
        .read("data/plan.toml")
        .lines()
        .position(|l| l.contains(first))
        .expect("the edited line")
        + 1;
    // validate writes its report to stdout.
    let out = w.cmd(["validate"]).assert().code(1);
    let output = out.get_output();
    (
        line,
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

#[test]
fn bad_prize_and_documents_values_are_errors_at_their_lines() {
    for (from, to, key) in [
        (
            "{ from = 2023-07-01, amount = 1800000,",
            "{ from = 2023-07-01, amount = 0,",
            "prize.base_salary.amount",
        ),
        (
            "{ from = 2024-07-01, amount = 2340000,",
            "{ from = 2019-01-01, amount = 2340000,",
            "prize.base_salary.from",
        ),
        (
            "giay_khen = { individual = 0.3, collective = 0.6 }",
            "giay_khen = { individual = \"0,3\", collective = 0.6 }",
            "prize.multiple.giay_khen.individual",
        ),
        (
            "giay_khen = { individual = 0.3, collective = 0.6 }",
            "giay_khen = { individual = 0.3333, collective = 0.6 }",
            "prize.multiple.giay_khen.individual",
        ),
        (
            "[documents.by_review.\"2021-2025\"]",
            "[documents.by_review.\"2021-2024\"]",
            "documents.by_review",
        ),
        (
            "signer_title = \"Giám đốc\"",
            "signer_title = \"  \"",
            "documents.signer_title",
        ),
    ] {
        let (line, stderr) = plan_error(from, to);
        assert!(
            stderr.contains(&format!("plan.toml:{line}")),
            "{to}: {stderr}"
        );
        assert!(stderr.contains(key), "{to}: {stderr}");
    }
    // An annual review the plan does not hold, as a key of [documents.can_cu].
    let (_, stderr) = plan_error("\n2024 = [\n    \"Luật", "\n2025 = [\n    \"Luật");
    assert!(stderr.contains("documents.can_cu"), "{stderr}");
    // A key of [documents] that does not exist is an error too.
    let (line, stderr) = plan_error("symbol = \"SKHCN\"", "sign = \"SKHCN\"");
    assert!(stderr.contains(&format!("plan.toml:{line}")), "{stderr}");
}

/// The browser on this machine, if any (Debian's package: `chromium`).
fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .filter_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join(name))
                    .find(|p| p.is_file())
            })
        })
        .next()
}

/// The published page, rendered by a real browser (headless Chromium, as
/// the Department's website visitors would see it): the DOM holds the
/// granted list of 2023 and the chart's bars, and a phone-wide screenshot
/// is made. Skipped, saying so, where no browser is installed (`.ci/run`
/// installs Debian's chromium).
#[test]
fn the_published_page_renders_in_a_browser() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on PATH (apt-get install chromium)");
        return;
    };
    let w = Workdir::new();
    let page = w.path("ket-qua-2023.html");
    thiduakt(["publish", "2023", "--today", "2024-06-01", "-o"])
        .arg(&page)
        .arg("--data")
        .arg(sample())
        .assert()
        .success();
    let profile = w.path("profile");
    let run = |extra: &[&str]| {
        std::process::Command::new(&browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("chromium runs")
    };
    let dom = String::from_utf8_lossy(&run(&["--dump-dom"]).stdout).into_owned();
    assert!(dom.contains("lang=\"vi\""), "{dom:.500}");
    assert!(dom.matches("<table").count() >= 2, "tables: {dom:.2000}");
    assert!(
        dom.contains("<svg") && dom.matches("<rect").count() > 1,
        "no chart bars"
    );
    // Every individual granted an award for 2023 (awards.csv) is listed.
    let people = std::fs::read_to_string(sample().join("people.csv")).expect("people");
    let awards = std::fs::read_to_string(sample().join("awards.csv")).expect("awards");
    let granted: Vec<&str> = awards
        .lines()
        .filter(|l| l.starts_with("2023,"))
        .filter_map(|l| l.split(',').nth(1))
        .filter_map(|id| {
            people
                .lines()
                .find(|p| p.starts_with(&format!("{id},")))
                .and_then(|p| p.split(',').nth(1))
        })
        .collect();
    assert!(granted.len() >= 5, "{granted:?}");
    for name in granted {
        assert!(dom.contains(name), "{name} is not on the page");
    }
    let shot = w.path("phone.png");
    run(&[
        "--window-size=375,1600",
        &format!("--screenshot={}", shot.display()),
    ]);
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{} bytes",
        png.len()
    );
}
