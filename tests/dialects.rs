//! A clerk who keeps the CSV files in Excel (Vietnamese headers, semicolons,
//! a BOM, CRLF, DD/MM/YYYY dates, decimal commas), or saves them as "Unicode
//! text" or on an old machine in Windows-1258, gets exactly the results of
//! one who writes them by hand.

mod common;

use std::path::Path;

use common::{Workdir, thiduakt};
use thiduakt::load::csv_table::Column;
use thiduakt::load::{achievements, awards, nominations, people};
use unicode_normalization::UnicodeNormalization;

const REVIEWS: [&str; 5] = ["2021", "2022", "2023", "2024", "2021-2025"];

/// Rewrites one CSV of the sample data the way Excel in a Vietnamese locale
/// saves it.
fn excel_vietnamese(text: &str, columns: &[Column]) -> Vec<u8> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let vi: Vec<String> = header
        .iter()
        .map(|h| {
            columns
                .iter()
                .find(|c| c.key == h)
                .map(|c| c.vi.to_uppercase())
                .unwrap_or_else(|| h.clone())
        })
        .collect();
    writer.write_record(&vi).expect("write");
    for record in reader.records() {
        let record = record.expect("record");
        let row: Vec<String> = record
            .iter()
            .zip(&header)
            .map(|(value, column)| match column.as_str() {
                "received" | "date" if !value.is_empty() => {
                    let (y, rest) = value.split_at(4);
                    let (m, d) = rest[1..].split_at(2);
                    format!("{}/{}/{y}", &d[1..], m)
                }
                "score" => value.replace('.', ","),
                "result" if value == "đạt" => "Đạt".to_string(),
                _ => format!(" {value} "),
            })
            .collect();
        writer.write_record(&row).expect("write");
    }
    writer.into_inner().expect("flush")
}

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn copy_sample(w: &Workdir) {
    for name in [
        "plan.toml",
        "units.toml",
        "people.csv",
        "achievements.csv",
        "nominations.csv",
        "awards.csv",
    ] {
        let text = std::fs::read_to_string(sample().join(name)).expect("sample file");
        w.write(&format!("data/{name}"), &text);
    }
}

fn check_csv(dir: &Path, review: &str) -> String {
    let out = thiduakt([
        "check",
        review,
        "--format",
        "csv",
        "--today",
        "2026-11-28",
        "-q",
    ])
    .arg("--data")
    .arg(dir)
    .assert()
    .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
}

#[test]
fn excel_in_a_vietnamese_locale_gives_the_same_results() {
    let w = Workdir::new();
    copy_sample(&w);
    let files: [(&str, &[Column]); 4] = [
        ("people.csv", &people::COLUMNS),
        ("achievements.csv", &achievements::COLUMNS),
        ("nominations.csv", &nominations::COLUMNS),
        ("awards.csv", &awards::COLUMNS),
    ];
    for (name, columns) in files {
        let text = std::fs::read_to_string(sample().join(name)).expect("sample file");
        w.write_bytes(&format!("excel/{name}"), &excel_vietnamese(&text, columns));
    }
    for name in ["plan.toml", "units.toml"] {
        w.write(
            &format!("excel/{name}"),
            &std::fs::read_to_string(sample().join(name)).expect("sample"),
        );
    }
    assert!(w.read("excel/people.csv").contains("MÃ;HỌ VÀ TÊN;ĐƠN VỊ"));
    thiduakt(["validate"])
        .arg("--data")
        .arg(w.path("excel"))
        .assert()
        .success();
    for review in REVIEWS {
        let plain = check_csv(&w.path("data"), review);
        assert!(
            plain.lines().count() > 5,
            "{review}: the sample has candidates"
        );
        assert_eq!(
            plain,
            check_csv(&w.path("excel"), review),
            "review {review}"
        );
    }
}

#[test]
fn unicode_text_from_excel_utf16_with_tabs_gives_the_same_results() {
    let w = Workdir::new();
    copy_sample(&w);
    let w2 = Workdir::new();
    copy_sample(&w2);
    let text = std::fs::read_to_string(sample().join("people.csv")).expect("sample");
    let tabbed = text.replace(',', "\t").replace('\n', "\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in tabbed.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    w2.write_bytes("data/people.csv", &bytes);
    for review in REVIEWS {
        assert_eq!(
            check_csv(&w.path("data"), review),
            check_csv(&w2.path("data"), review),
            "review {review}"
        );
    }
}

/// Encodes Vietnamese text in Windows-1258: base letters with their
/// circumflex, breve or horn precomposed, tone marks as combining characters.
fn windows_1258(text: &str) -> Vec<u8> {
    let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut out = String::new();
    let mut pending: Vec<char> = Vec::new();
    let flush = |out: &mut String, pending: &mut Vec<char>| {
        let (tone, rest): (Vec<char>, Vec<char>) =
            pending.drain(..).partition(|c| tones.contains(c));
        out.extend(rest.into_iter().collect::<String>().nfc());
        out.extend(tone);
    };
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            pending.push(c);
        } else {
            flush(&mut out, &mut pending);
            pending.push(c);
        }
    }
    flush(&mut out, &mut pending);
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&out);
    assert!(!unmappable, "every Vietnamese letter maps to Windows-1258");
    bytes.into_owned()
}

#[test]
fn a_file_saved_in_windows_1258_is_read_with_a_warning() {
    let w = Workdir::new();
    copy_sample(&w);
    let w2 = Workdir::new();
    copy_sample(&w2);
    let text = std::fs::read_to_string(sample().join("people.csv")).expect("sample");
    w2.write_bytes("data/people.csv", &windows_1258(&text));
    for review in REVIEWS {
        assert_eq!(
            check_csv(&w.path("data"), review),
            check_csv(&w2.path("data"), review),
            "review {review}"
        );
    }
    w2.cmd(["validate", "--lang", "en"])
        .assert()
        .success()
        .stdout_eq(snapbox::str![[r#"
warning: data/people.csv: the file is not UTF-8; it was read as windows-1258
  = hint: check that Vietnamese names read correctly; better save the file as "CSV UTF-8"
warning: data/achievements.csv:137:10: [column criterion] criterion TT1 does not apply to LHH (kind to_chuc) in review 2023: the row is ignored [criterion_not_applicable]
    |
137 | 2023,LHH,TT1,đạt,20,Có kế hoạch CCHC của Liên hiệp (không thuộc tiêu chí của tổ chức liên quan),
    |          ^^^
    = expected: one of: TT6
0 errors, 2 warnings

"#]]);
}
