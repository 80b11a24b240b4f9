//! The rules of the plan, end to end, on small crafted data folders: each
//! test names the clause it guards and states the expected outcome in full.

mod common;

use common::{UNITS, Workdir};
use snapbox::str;

const PEOPLE: &str = "id,name,unit,position,kind,gender
N1,Nguyễn Văn An,VP,Chuyên viên,noi_bo,nam
N2,Trần Thị Bình,PA,Chuyên viên,noi_bo,nữ
N3,Lê Văn Cường,PB,Trưởng phòng,noi_bo,nam
N4,Phạm Thị Dung,CC,Viên chức,noi_bo,nữ
N5,Hoàng Văn Em,VP,Kế toán,noi_bo,nam
N6,Võ Thị Gấm,PA,Chuyên viên,noi_bo,nữ
N7,Đặng Văn Hải,TC,Chuyên viên,ben_ngoai,nam
";

/// Collectives of 2023: the Sở ranks second behind VP, which takes the only
/// Bằng khen; PB lacks TT4.
fn collectives_2023(w: &Workdir) {
    w.write("data/units.toml", UNITS);
    w.write("data/people.csv", PEOPLE);
    w.write(
        "data/achievements.csv",
        "review,subject,criterion,result,score,evidence
2023,SO,TT1,đạt,9,
2023,SO,TT2,đạt,9,
2023,SO,TT3,đạt,9,
2023,SO,TT4,đạt,9,
2023,SO,TT5,đạt,9,Xếp hạng CCHC thứ 3/20
2023,VP,TT1,đạt,8,
2023,VP,TT2,đạt,8,
2023,VP,TT3,đạt,8,
2023,VP,TT4,đạt,8,
2023,PA,TT1,đạt,9.5,
2023,PA,TT2,đạt,9,
2023,PA,TT3,đạt,9,
2023,PA,TT4,đạt,9,
2023,PB,TT1,đạt,10,
2023,PB,TT2,đạt,10,
2023,PB,TT3,đạt,10,
2023,PB,TT4,,,
2023,CC,TT1,x,7,
2023,CC,TT2,x,7,
2023,CC,TT3,x,7,
2023,CC,TT4,x,7,
2023,TC,TT6,đạt,6,
",
    );
    w.write(
        "data/nominations.csv",
        "review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total
2023,VP,2024-03-01,01/TTr-VP,01/BB-VP,BC VP,9,9
2023,SO,2024-03-01,01/TTr-HĐ,01/BB-HĐ,BC Sở,8,9
2023,PA,2024-03-05,02/TTr-PA,02/BB-PA,BC PA,7,9
2023,PB,2024-03-05,03/TTr-PB,03/BB-PB,BC PB,9,9
2023,CC,2024-03-15,04/TTr-CC,,BC CC,6,9
2023,TC,2024-03-10,05/TTr-TC,05/BB-TC,BC TC,7,9
",
    );
}

#[test]
fn iii_1_b_department_never_takes_its_own_giay_khen() {
    let w = Workdir::new();
    collectives_2023(&w);
    // VP 9/9 takes the Bằng khen; SO 8/9 could only take a Bằng khen and
    // is over quota; PA 7/9 (36.5 points) and TC 7/9 (6) take Giấy khen; CC
    // 6/9 takes the third; PB lacks TT4 (not assessed).
    w.cmd(["check", "2023", "--format", "csv", "--today", "2024-06-01"]).assert().success().stdout_eq(str![[r#"
review,kind,rank,subject,name,unit,status,award,criteria_met,criteria_required,missing,votes_for,votes_total,score,reason,history_bang_khen,history_giay_khen,warnings
2023,collective,1,VP,Văn phòng Sở,VP,proposed,bang_khen,4,4,,9,9,32,,,,
2023,collective,2,SO,Sở Khoa học và Công nghệ,SO,over_quota,,5,5,,8,9,45,not_entitled,,,
2023,collective,3,PA,Phòng A,PA,proposed,giay_khen,4,4,,7,9,36.5,,,,
2023,collective,4,TC,Tổ chức liên quan T,TC,proposed,giay_khen,1,1,,7,9,6,,,,
2023,collective,5,CC,Chi cục C,CC,proposed,giay_khen,4,4,,6,9,28,,,,dossier_incomplete;dossier_late
2023,collective,,PB,Phòng B,PB,ineligible,,3,4,TT4,9,9,30,,,,

"#]]);
}

#[test]
fn iv_2_iv_3_dossier_warnings_in_json() {
    let w = Workdir::new();
    collectives_2023(&w);
    // CC's dossier came on 15/03/2024, the deadline itself, and lacks its
    // biên bản.
    let out = w
        .cmd([
            "check",
            "2023",
            "--format",
            "json",
            "--today",
            "2024-06-01",
            "--lang",
            "en",
        ])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let warnings: Vec<(String, String)> = json["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| {
            (
                w["code"].as_str().unwrap_or("").to_string(),
                w["subject"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        warnings,
        [
            ("dossier_incomplete".to_string(), "CC".to_string()),
            ("dossier_late".to_string(), "CC".to_string())
        ]
    );
    assert_eq!(
        json["warnings"][1]["message"],
        "the dossier was received on 2024-03-15, late: due before 2024-03-15 (last day 2024-03-14) (IV.3)"
    );
    assert_eq!(
        json["quotas"][0],
        serde_json::json!({"category": "collective", "award": "bang_khen", "quota": 1, "used": 1})
    );
    assert_eq!(json["candidates"][1]["missing"], serde_json::json!([]));
    assert_eq!(json["candidates"][5]["missing"], serde_json::json!(["TT4"]));
}

fn individuals(w: &Workdir, rows: &[(&str, &str, &str, u32, u32)]) {
    w.write("data/units.toml", UNITS);
    w.write("data/people.csv", PEOPLE);
    let mut achievements = String::from("review,subject,criterion,result,score,evidence\n");
    let mut nominations =
        String::from("review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total\n");
    for (id, cn1, cn2, votes_for, score) in rows {
        achievements.push_str(&format!(
            "2023,{id},CN1,{cn1},{score},\n2023,{id},CN2,{cn2},,\n"
        ));
        nominations.push_str(&format!("2023,{id},2024-03-01,a,b,c,{votes_for},9\n"));
    }
    w.write("data/achievements.csv", &achievements);
    w.write("data/nominations.csv", &nominations);
}

#[test]
fn iv_1_level_candidates_across_the_quota_line_are_a_tie() {
    let w = Workdir::new();
    w.edit_plan(
        "2023 = { collectives = 1, individuals = 2 }",
        "2023 = { collectives = 1, individuals = 1 }",
    );
    w.edit_plan(
        "annual = { collectives = 3, individuals = 6 }",
        "annual = { collectives = 3, individuals = 2 }",
    );
    individuals(
        &w,
        &[
            ("N1", "đạt", "đạt", 9, 10),
            ("N2", "đạt", "đạt", 8, 9),
            ("N3", "đạt", "đạt", 7, 9),
            ("N4", "đạt", "đạt", 7, 9),
            ("N5", "đạt", "không đạt", 9, 10),
        ],
    );
    // N3 and N4 are level (7/9, 9 points): N3 takes the last Giấy khen by
    // its id alone, so the council must settle it.
    w.cmd(["check", "2023", "--format", "csv", "--today", "2024-06-01"]).assert().success().stdout_eq(str![[r#"
review,kind,rank,subject,name,unit,status,award,criteria_met,criteria_required,missing,votes_for,votes_total,score,reason,history_bang_khen,history_giay_khen,warnings
2023,individual,1,N1,Nguyễn Văn An,VP,proposed,bang_khen,2,2,,9,9,10,,,,
2023,individual,2,N2,Trần Thị Bình,PA,proposed,giay_khen,2,2,,8,9,9,,,,
2023,individual,3,N3,Lê Văn Cường,PB,proposed,giay_khen,2,2,,7,9,9,,,,tie_at_cutoff
2023,individual,4,N4,Phạm Thị Dung,CC,over_quota,,2,2,,7,9,9,quota_full,,,tie_at_cutoff
2023,individual,,N5,Hoàng Văn Em,VP,ineligible,,1,2,CN2,9,9,10,,,,

"#]]);
    w.cmd(["check", "2023", "--today", "2024-06-01"]).assert().success().stdout_eq(str![[r#"
...
CẢNH BÁO (1)
- N4 Phạm Thị Dung: bằng phiếu và bằng điểm với N3 Lê Văn Cường, người nhận Giấy khen cuối cùng trong chỉ tiêu: Hội đồng cần quyết định [tie_at_cutoff]

"#]]);
}

#[test]
fn iv_1_a_minimum_vote_share_when_the_plan_sets_one() {
    let w = Workdir::new();
    w.edit_plan("# [votes]\n# min_percent = 50", "[votes]\nmin_percent = 60");
    individuals(
        &w,
        &[("N1", "đạt", "đạt", 6, 10), ("N2", "đạt", "đạt", 5, 10)],
    );
    w.cmd(["check", "2023", "--format", "csv", "--today", "2024-06-01"]).assert().success().stdout_eq(str![[r#"
review,kind,rank,subject,name,unit,status,award,criteria_met,criteria_required,missing,votes_for,votes_total,score,reason,history_bang_khen,history_giay_khen,warnings
2023,individual,1,N1,Nguyễn Văn An,VP,proposed,bang_khen,2,2,,6,9,10,,,,
2023,individual,,N2,Trần Thị Bình,PA,ineligible,,2,2,votes,5,9,10,,,,

"#]]);
}

/// The final review: history decides eligibility and the award one may take.
fn final_review(w: &Workdir) {
    w.edit_plan(
        "\"2021-2025\" = { collectives = 2, individuals = 3 }",
        "\"2021-2025\" = { collectives = 2, individuals = 1 }",
    );
    w.edit_plan(
        "final = { collectives = 5, individuals = 10 }",
        "final = { collectives = 5, individuals = 2 }",
    );
    w.write("data/units.toml", UNITS);
    w.write("data/people.csv", PEOPLE);
    let mut achievements = String::from("review,subject,criterion,result,score,evidence\n");
    let mut nominations =
        String::from("review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total\n");
    for (id, votes) in [
        ("N1", 9),
        ("N2", 8),
        ("N3", 7),
        ("N4", 9),
        ("N5", 9),
        ("N6", 9),
        ("N7", 6),
    ] {
        achievements.push_str(&format!("2021-2025,{id},XS,đạt,,\n"));
        nominations.push_str(&format!("2021-2025,{id},10/03/2026,a,b,c,{votes},9\n"));
    }
    w.write("data/achievements.csv", &achievements);
    w.write("data/nominations.csv", &nominations);
    w.write(
        "data/awards.csv",
        "review,subject,award,field,decision,date
2022,N1,bang_khen,cchc,1024/QĐ-UBND,2023-06-15
2021,N2,giay_khen,cchc,215/QĐ-SKHCN,2022-04-20
2023,N2,giay_khen,cchc,198/QĐ-SKHCN,2024-04-18
2022,N3,giay_khen,cchc,,
2022,N5,giay_khen,khac,77/QĐ-SKHCN,2023-01-10
2019,N6,giay_khen,cchc,120/QĐ-SKHCN,2020-04-01
2024,N7,bang_khen,cchc,980/QĐ-UBND,2025-06-30
2021-2025,N1,giay_khen,cchc,300/QĐ-SKHCN,2026-04-20
",
    );
}

#[test]
fn iii_2_b_history_tiers_decide_the_final_review() {
    let w = Workdir::new();
    final_review(&w);
    // N1 (1 BK: provincial tier only) ranks first and takes the one Bằng
    // khen; N2 (2 GK: both tiers) finds it taken and takes a Giấy khen; N3
    // (1 GK, undated, review 2022: department tier) the other; N7 (1 BK:
    // provincial only) is over quota. N4 has no award, N5 only one of
    // another field, N6 one from before the period: no tier.
    w.cmd(["check", "2021-2025", "--format", "csv", "--today", "2026-06-01"]).assert().success().stdout_eq(str![[r#"
review,kind,rank,subject,name,unit,status,award,criteria_met,criteria_required,missing,votes_for,votes_total,score,reason,history_bang_khen,history_giay_khen,warnings
2021-2025,individual,1,N1,Nguyễn Văn An,VP,proposed,bang_khen,1,1,,9,9,0,,1,0,
2021-2025,individual,2,N2,Trần Thị Bình,PA,proposed,giay_khen,1,1,,8,9,0,,0,2,
2021-2025,individual,3,N3,Lê Văn Cường,PB,proposed,giay_khen,1,1,,7,9,0,,0,1,
2021-2025,individual,4,N7,Đặng Văn Hải,TC,over_quota,,1,1,,6,9,0,quota_full,1,0,
2021-2025,individual,,N4,Phạm Thị Dung,CC,ineligible,,1,1,history,9,9,0,,0,0,
2021-2025,individual,,N5,Hoàng Văn Em,VP,ineligible,,1,1,history,9,9,0,,0,0,
2021-2025,individual,,N6,Võ Thị Gấm,PA,ineligible,,1,1,history,9,9,0,,0,0,

"#]]);
}

#[test]
fn iii_2_b_explain_shows_which_awards_count() {
    let w = Workdir::new();
    final_review(&w);
    w.cmd(["explain", "2021-2025", "N5", "--today", "2026-06-01", "--lang", "en"]).assert().success().stdout_eq(str![[r#"
N5 — Hoàng Văn Em
Individual · staff of the Department · Kế toán, Văn phòng Sở (VP)
Review: final review 2021-2025 (as of 2026-06-01)

[II.1] Who competes: staff of the Department — a subject of the movement.
[III.2.b] Criteria that apply (1):
  ✓ XS met — Có thành tích xuất sắc trong công tác CCHC 05 năm (2021 – 2025).
      (data/achievements.csv:6)
[III.2.b] Awards in cchc within the period: 0 Bằng khen, 0 Giấy khen → provincial tier not reached; department tier not reached
  · 2022 Giấy khen khac 77/QĐ-SKHCN 2023-01-10 (not counted: another field)
[IV.1] Council vote: 9/9 in favour (100.0 %)

=> Not eligible: missing award history (III.2.b).

[IV.2] Dossier: tờ trình (request letter) a · biên bản (meeting minutes) b · báo cáo (achievement report) c
[IV.3] Received: 2026-03-10; due: before 2026-03-15 (data/nominations.csv:6)

"#]]);
}

#[test]
fn contract_4_without_nominations_every_assessed_subject_is_a_candidate() {
    let w = Workdir::new();
    w.write("data/units.toml", UNITS);
    w.write("data/people.csv", PEOPLE);
    w.write(
        "data/achievements.csv",
        "review,subject,criterion,result,score,evidence
2022,N1,CN1,đạt,,
2022,N1,CN2,đạt,,
2022,N2,CN1,đạt,,
2023,N3,CN1,đạt,,
",
    );
    w.cmd(["check", "2022", "--format", "csv", "--today", "2023-06-01"]).assert().success().stdout_eq(str![[r#"
review,kind,rank,subject,name,unit,status,award,criteria_met,criteria_required,missing,votes_for,votes_total,score,reason,history_bang_khen,history_giay_khen,warnings
2022,individual,1,N1,Nguyễn Văn An,VP,proposed,bang_khen,2,2,,,,0,,,,not_voted
2022,individual,,N2,Trần Thị Bình,PA,ineligible,,1,2,CN2,,,0,,,,

"#]]);
}

#[test]
fn iv_3_deadline_near_then_missing() {
    let w = Workdir::new();
    individuals(&w, &[("N1", "đạt", "đạt", 9, 10)]);
    w.write(
        "data/nominations.csv",
        "review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total
2023,N1,,,,,,
",
    );
    let codes = |today: &str| {
        let out = w
            .cmd(["check", "2023", "--format", "json", "--today", today])
            .assert()
            .success();
        let json: serde_json::Value =
            serde_json::from_slice(&out.get_output().stdout).expect("JSON");
        json["warnings"]
            .as_array()
            .expect("warnings")
            .iter()
            .map(|w| {
                format!(
                    "{}:{}",
                    w["code"].as_str().unwrap_or(""),
                    w["subject"].as_str().unwrap_or("-")
                )
            })
            .collect::<Vec<_>>()
    };
    // N1 is proposed without a recorded vote: not_voted, whatever the day.
    assert_eq!(
        codes("2024-02-29"),
        ["dossier_incomplete:N1", "not_voted:N1"]
    );
    assert_eq!(
        codes("01/03/2024"),
        ["dossier_incomplete:N1", "deadline_near:N1", "not_voted:N1"]
    );
    assert_eq!(
        codes("2024-03-14"),
        ["dossier_incomplete:N1", "deadline_near:N1", "not_voted:N1"]
    );
    // Past the units' deadline; within 14 days of the Department's (before
    // 01/04/2024): the review as a whole is flagged too.
    assert_eq!(
        codes("2024-03-20"),
        [
            "deadline_near:-",
            "dossier_incomplete:N1",
            "dossier_missing:N1",
            "not_voted:N1"
        ]
    );
    assert_eq!(
        codes("2024-04-01"),
        [
            "dossier_incomplete:N1",
            "dossier_missing:N1",
            "not_voted:N1"
        ]
    );
}

#[test]
fn contract_1_reviews_outside_the_plan_are_errors() {
    let w = Workdir::new();
    individuals(&w, &[("N1", "đạt", "đạt", 9, 10)]);
    w.cmd(["check", "2025"]).assert().code(1).stdout_eq(str![""]).stderr_eq(str![[r#"
lỗi: năm 2025 không có đợt xét hằng năm: kết quả năm 2025 được xét trong đợt tổng kết giai đoạn 2021-2025 (IV.3); hãy dùng: thiduakt check 2021-2025

"#]]);
    w.cmd(["check", "2030", "--lang", "en"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: 2030 is not a review of the plan; its reviews are: 2021, 2022, 2023, 2024, 2021-2025

"#]]);
    w.cmd(["check", "2020-2025", "--lang", "en"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: 2020-2025 is not the plan's period; its final review is 2021-2025; use: thiduakt check 2021-2025 --lang en

"#]]);
    w.cmd(["check", "năm-ngoái"]).assert().code(1);
    w.cmd(["check"]).assert().code(2);
    w.cmd(["check", "2023", "--today", "31/02/2024"])
        .assert()
        .code(2);
    w.cmd(["check", "2023", "--format", "xml"]).assert().code(2);
    w.cmd(["explain", "2023", "N1", "--format", "csv"])
        .assert()
        .code(2);
}

#[test]
fn explain_suggests_a_close_id() {
    let w = Workdir::new();
    individuals(&w, &[("N1", "đạt", "đạt", 9, 10)]);
    w.cmd(["explain", "2023", "N9", "--lang", "en"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: no unit or person has the id "N9"; did you mean "N1"?

"#]]);
}

#[test]
fn init_writes_a_valid_folder_and_never_overwrites() {
    let w = Workdir::new();
    // It says what it copied and what the clerk must change first.
    let out = w.cmd(["init", "new"]).assert().success();
    let said = String::from_utf8(out.get_output().stderr.clone()).expect("UTF-8");
    for part in [
        "kế hoạch mẫu",
        "issuer",
        "signer",
        "[provincial_quota]",
        "[documents]",
    ] {
        assert!(said.contains(part), "{part}: {said}");
    }
    w.cmd(["--data", "new", "validate"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
cảnh báo: new/plan.toml:117:10: không có tập thể hay cá nhân nào mã "NV01"
    |
117 | signer = "NV01"
    |          ^^^^^^
    = gợi ý: mã phải khai báo trong units.toml (tập thể) hoặc people.csv (cá nhân)
0 lỗi, 1 cảnh báo

"#]]);
    assert_eq!(w.read("new/plan.toml"), thiduakt::load::BUILTIN_PLAN);
    // CSV files start with a BOM (Excel reads them as UTF-8 then) and get
    // the permissions of an ordinary file, not a temporary file's 0600.
    assert_eq!(
        w.read("new/people.csv"),
        "\u{feff}mã,họ và tên,đơn vị,chức vụ,loại,giới tính\n"
    );
    assert_eq!(
        w.read("new/registrations.csv"),
        "\u{feff}đợt xét,mã,ngày đăng ký,nội dung đăng ký\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for name in ["plan.toml", "people.csv"] {
            let mode = std::fs::metadata(w.path("new").join(name))
                .expect("written")
                .permissions()
                .mode();
            assert!(mode & 0o044 == 0o044, "{name}: {mode:o}");
        }
    }
    w.cmd(["init", "new"]).assert().code(1);
    w.cmd(["init", "data"]).assert().code(1);
    assert_eq!(
        w.read("data/plan.toml"),
        common::plan_without_signer(),
        "untouched"
    );
    w.cmd(["init", "english", "--lang", "en"])
        .assert()
        .success();
    assert_eq!(
        w.read("english/people.csv"),
        "\u{feff}id,name,unit,position,kind,gender\n"
    );
}

/// Nobody awards himself: the Director named `signer` in plan.toml, ranked
/// first among individuals, cannot take the Giấy khen he signs. With no
/// Bằng khen left he is over quota, `not_entitled` (a Giấy khen still had
/// room), and the next person takes the place he would have had.
#[test]
fn the_signer_is_proposed_for_the_bang_khen_only() {
    let w = Workdir::new();
    w.edit_plan(
        "2023 = { collectives = 1, individuals = 2 }",
        "2023 = { collectives = 1, individuals = 0 }",
    );
    individuals(
        &w,
        &[("N1", "đạt", "đạt", 9, 10), ("N2", "đạt", "đạt", 8, 9)],
    );
    let csv = |w: &Workdir| {
        let out = w
            .cmd(["check", "2023", "--format", "csv", "--today", "2024-06-01"])
            .assert()
            .success();
        let text = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
        text.lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                format!("{} {} {} {}", cells[3], cells[6], cells[7], cells[14])
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        csv(&w),
        ["N1 proposed giay_khen ", "N2 proposed giay_khen "]
    );
    w.plan_with_signer("N1");
    w.edit_plan(
        "2023 = { collectives = 1, individuals = 2 }",
        "2023 = { collectives = 1, individuals = 0 }",
    );
    assert_eq!(
        csv(&w),
        ["N1 over_quota  not_entitled", "N2 proposed giay_khen "]
    );
    // A signer who is no one of the folder is told, as a warning.
    w.plan_with_signer("N9");
    w.cmd(["validate", "--lang", "en"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
warning: data/plan.toml:114:10: no unit or person has the id "N9"
    |
114 | signer = "N9"
    |          ^^^^
    = hint: did you mean "N1"?
0 errors, 1 warning

"#]]);
}

/// A criterion that does not apply to a subject's kind is ignored with a
/// warning, never an error: a related organisation (to_chuc) with a stray
/// TT1 row is judged on TT6 alone.
#[test]
fn a_criterion_that_does_not_apply_is_ignored_with_a_warning() {
    let w = Workdir::new();
    w.write("data/units.toml", UNITS);
    w.write("data/people.csv", PEOPLE);
    w.write(
        "data/achievements.csv",
        "review,subject,criterion,result,score,evidence
2023,TC,TT1,không đạt,,
2023,TC,TT6,đạt,7,
",
    );
    w.write(
        "data/nominations.csv",
        "review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total
2023,TC,2024-03-01,a,b,c,8,9
",
    );
    let out = w
        .cmd([
            "--lang",
            "en",
            "check",
            "2023",
            "--format",
            "csv",
            "--today",
            "2024-06-01",
        ])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("UTF-8");
    assert!(
        stdout.contains("2023,collective,1,TC,Tổ chức liên quan T,TC,proposed,bang_khen,1,1,"),
        "{stdout}"
    );
    assert!(
        stderr.contains("warning: data/achievements.csv:2:")
            && stderr.contains("criterion TT1 does not apply to TC (kind to_chuc)")
            && stderr.contains("[criterion_not_applicable]"),
        "{stderr}"
    );
}

/// NĐ 98/2023, khoản 9 Điều 30, end to end: a Giấy khen for 2020 decided in
/// 2021 gives no history for 2021–2025, one for 2024 decided in 2025 does,
/// and a revoked decision none.
#[test]
fn nd98_d30_k9_the_final_review_counts_awards_by_their_review() {
    let w = Workdir::new();
    w.write("data/units.toml", UNITS);
    w.write("data/people.csv", PEOPLE);
    let mut achievements = String::from("review,subject,criterion,result,score,evidence\n");
    let mut nominations =
        String::from("review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total\n");
    for id in ["N1", "N2", "N3"] {
        achievements.push_str(&format!("2021-2025,{id},XS,đạt,,\n"));
        nominations.push_str(&format!("2021-2025,{id},10/03/2026,a,b,c,8,9\n"));
    }
    w.write("data/achievements.csv", &achievements);
    w.write("data/nominations.csv", &nominations);
    w.write(
        "data/awards.csv",
        "review,subject,award,field,decision,date,revoked
2020,N1,giay_khen,cchc,96/QĐ-SKHCN,2021-04-15,
2024,N2,giay_khen,cchc,51/QĐ-SKHCN,2025-04-10,
2023,N3,giay_khen,cchc,77/QĐ-SKHCN,2024-04-18,x
",
    );
    let out = w
        .cmd([
            "check",
            "2021-2025",
            "--format",
            "csv",
            "--today",
            "2026-03-01",
        ])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    let rows: Vec<String> = text
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            format!("{} {} {} {}/{}", c[3], c[6], c[10], c[15], c[16])
        })
        .collect();
    assert_eq!(
        rows,
        [
            "N2 proposed  0/1",
            "N1 ineligible history 0/0",
            "N3 ineligible history 0/0"
        ]
    );
    w.cmd([
        "--lang",
        "en",
        "explain",
        "2021-2025",
        "N3",
        "--today",
        "2026-03-01",
    ])
    .assert()
    .success()
    .stdout_eq(str![[r#"
...
  · 2023 Giấy khen cchc 77/QĐ-SKHCN 2024-04-18 (not counted: the decision was revoked)
...
"#]]);
}

/// Công văn 5007/BNV-TĐKT, III.5.c: one initiative grounds one award. N1
/// cited SK1 in 2022 and was granted a Giấy khen for 2022: citing it again
/// in 2023 is initiative_reused, naming that decision. N2 cites SK1 too but
/// was granted nothing for it: no warning. SK2 has no recognition decision
/// and SK9 is unknown (Luật TĐKT 2022, khoản 4 Điều 3). None of it changes
/// who is eligible.
#[test]
fn cv5007_one_initiative_grounds_one_award() {
    let w = Workdir::new();
    w.write("data/units.toml", UNITS);
    w.write("data/people.csv", PEOPLE);
    w.write(
        "data/achievements.csv",
        "review,subject,criterion,result,score,evidence,initiative
2022,N1,CN1,đạt,9,,SK1
2022,N1,CN2,đạt,,,
2023,N1,CN1,đạt,9,,SK1
2023,N1,CN2,đạt,,,
2023,N2,CN1,đạt,8,,SK1;SK2
2023,N2,CN2,đạt,,,
2023,N3,CN1,đạt,7,,SK9
2023,N3,CN2,đạt,,,
",
    );
    w.write(
        "data/nominations.csv",
        "review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total
2023,N1,2024-03-01,a,b,c,9,9
2023,N2,2024-03-01,a,b,c,8,9
2023,N3,2024-03-01,a,b,c,7,9
",
    );
    w.write(
        "data/awards.csv",
        "review,subject,award,field,decision,date
2022,N1,giay_khen,cchc,97/QĐ-SKHCN,2023-04-18
",
    );
    w.write(
        "data/initiatives.csv",
        "id,title,authors,recognised_by,decision,date
SK1,Một cửa điện tử,N1;N2,Hội đồng sáng kiến Sở,12/QĐ-SKHCN,2022-12-01
SK2,Số hóa hồ sơ,N2,,,
",
    );
    let out = w
        .cmd([
            "--lang",
            "en",
            "check",
            "2023",
            "--format",
            "json",
            "--today",
            "2024-06-01",
        ])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let warnings: Vec<String> = json["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| {
            w["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("initiative"))
        })
        .map(|w| format!("{} {} {}", w["subject"], w["code"], w["message"]))
        .collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(
        warnings[0].starts_with("\"N1\" \"initiative_reused\"")
            && warnings[0].contains("97/QĐ-SKHCN")
    );
    assert!(
        warnings[1].starts_with("\"N2\" \"initiative_unrecognised\"")
            && warnings[1].contains("SK2")
    );
    assert!(
        warnings[2].starts_with("\"N3\" \"initiative_unrecognised\"")
            && warnings[2].contains("not in initiatives.csv")
    );
    let statuses: Vec<&str> = json["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| c["status"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(statuses, ["proposed", "proposed", "proposed"]);
}

/// VI.1 and Luật TĐKT 2022, Điều 7: a candidate who did not register is
/// noted, never excluded; without registrations.csv nobody is noted.
#[test]
fn vi_1_a_candidate_not_registered_is_noted_not_excluded() {
    let w = Workdir::new();
    individuals(
        &w,
        &[("N1", "đạt", "đạt", 9, 10), ("N2", "đạt", "đạt", 8, 9)],
    );
    let rows = |w: &Workdir| {
        let out = w
            .cmd(["check", "2023", "--format", "csv", "--today", "2024-06-01"])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone())
            .expect("UTF-8")
            .lines()
            .skip(1)
            .map(|l| {
                let c: Vec<&str> = l.split(',').collect();
                format!("{} {} {}", c[3], c[6], c[17])
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&w), ["N1 proposed ", "N2 proposed "]);
    w.write(
        "data/registrations.csv",
        "review,subject,date,pledge\n2023,N1,15/01/2023,Đăng ký thi đua\n2022,N2,15/01/2022,\n",
    );
    assert_eq!(rows(&w), ["N1 proposed ", "N2 proposed not_registered"]);
    let out = w
        .cmd(["summary", "2023", "--format", "csv"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    assert!(
        text.lines()
            .any(|l| l.starts_with("2023,individual,") && l.ends_with(",1")),
        "{text}"
    );
}

/// A header of a hundred thousand cells (`id,` over and over: a 300 KB
/// file) is refused at once with one message, never matched cell by cell;
/// a thousand repeated columns give a bounded number of messages.
#[test]
fn an_endless_header_is_refused_with_one_message() {
    let w = Workdir::new();
    w.write("data/units.toml", UNITS);
    w.write("data/people.csv", &"id,".repeat(100_000));
    w.write("data/achievements.csv", "review,subject,criterion,result\n");
    let out = w
        .cmd(["--lang", "en", "validate", "--format", "json"])
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let about_people: Vec<&serde_json::Value> = json["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter(|p| {
            p["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("people.csv"))
        })
        .collect();
    assert_eq!(about_people.len(), 1, "{about_people:#?}");
    assert_eq!(about_people[0]["line"], 1);
    assert!(
        about_people[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("100001 cells, over the limit of 1000")),
        "{about_people:#?}"
    );
    w.write(
        "data/people.csv",
        &format!("name,unit,{}\n", "id,".repeat(999)),
    );
    let out = w
        .cmd(["--lang", "en", "validate", "--format", "json"])
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let count = json["problems"].as_array().map_or(0, Vec::len);
    assert!(count <= 25, "{count} messages");
}

#[test]
fn english_counts_of_one_are_singular() {
    let w = Workdir::new();
    individuals(&w, &[("N1", "đạt", "đạt", 9, 10)]);
    w.write(
        "data/nominations.csv",
        "review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total
2023,N1,,,,,,
",
    );
    let out = w
        .cmd(["check", "2023", "--lang", "en", "--today", "2024-03-30"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for expected in [
        "Candidates: 0 collectives, 1 individual nominated",
        "\nINDIVIDUAL\n",
        "1 day left",
        "1 dossier incomplete, 1 nomination not yet voted on",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    for wrong in ["1 individuals", "1 dossiers", "1 nominations", "1 days"] {
        assert!(!text.contains(wrong), "{wrong:?} in:\n{text}");
    }
}

#[test]
fn usage_errors_follow_thiduakt_lang_read_before_parsing() {
    let w = Workdir::new();
    w.cmd(["explain", "NV07"])
        .env("THIDUAKT_LANG", "en")
        .assert()
        .code(2)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: "NV07" is not a review: explain needs the review first (a year such as 2023, or the period 2021-2025), then the id of a unit or a person
example: thiduakt explain 2023 NV07
For more information, try 'thiduakt explain --help'.

"#]]);
    // --lang wins over the environment, wherever it is.
    w.cmd(["check", "--format", "xls", "2023", "--lang", "vi"])
        .env("THIDUAKT_LANG", "en")
        .assert()
        .code(2)
        .stderr_eq(str![[r#"
lỗi: giá trị "xls" không hợp lệ cho --format <ĐỊNH_DẠNG>; các giá trị có thể: table, csv, json

Cách dùng: thiduakt check [TÙY CHỌN] <ĐỢT_XÉT>
Xem thêm: thiduakt check --help

"#]]);
    w.cmd(["--help"]).assert().success().stdout_eq(str![[r#"
Kiểm tra danh sách đề nghị khen thưởng theo kế hoạch thi đua, từ một thư mục dữ liệu.

Cách dùng: thiduakt [TÙY CHỌN] <LỆNH>
...
"#]]);
}
