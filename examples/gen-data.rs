//! Writes a large, valid, synthetic data folder for scale tests.
//!
//! ```sh
//! cargo run --release --example gen-data -- --people 110000 --units 1000 --out /tmp/big [--seed 1]
//! ```
//!
//! The folder has the shipped `plan.toml`, `units.toml` (exactly one `so`,
//! the rest `phong`, `don_vi`, `to_chuc`), `people.csv`, `achievements.csv`
//! (only criteria that apply to each subject's kind, annual reviews
//! 2021–2024 and the final review 2021-2025), `nominations.csv` and
//! `awards.csv`. The output depends only on the parameters and the seed.
//!
//! Proportions: with `--people 110000 --units 1000` there are about
//! 1,000,000 achievement rows and 550,000 nominations: almost every person
//! has CN1 and CN2 in each annual review and XS in the final one (9 rows),
//! and about 99 % of subjects are nominated in each review.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const PLAN: &str = include_str!("../data/plan.toml");

const ANNUAL: [i32; 4] = [2021, 2022, 2023, 2024];
const FINAL: &str = "2021-2025";

// ---------------------------------------------------------------------------
// A small deterministic generator (SplitMix64 seeding an xorshift64*).
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // SplitMix64 step so that small seeds give well-mixed states.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next() >> 32) * u128::from(n)) >> 32) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(u64::from(hi - lo + 1)) as u32
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < u64::from(per_mille)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len() as u64) as usize]
    }
}

// ---------------------------------------------------------------------------
// Vocabulary.
// ---------------------------------------------------------------------------

/// Family names, the common ones repeated to weigh them.
const SURNAMES: &[&str] = &[
    "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Trần",
    "Lê", "Lê", "Lê", "Phạm", "Phạm", "Hoàng", "Huỳnh", "Huỳnh", "Phan", "Vũ", "Võ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương", "Mai", "Tô", "Châu",
    "Quách", "Tạ", "La", "Thái", "Lâm", "Cao", "Hà", "Trương", "Văn", "Kiều",
];
const MIDDLE_MALE: &[&str] = &[
    "Văn", "Văn", "Văn", "Minh", "Quốc", "Đức", "Hoàng", "Thành", "Hữu", "Công", "Quang", "Ngọc",
    "Xuân", "Anh", "Gia", "Trọng", "Tấn", "Thanh", "Đình", "Bảo",
];
const MIDDLE_FEMALE: &[&str] = &[
    "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Phương", "Bích", "Hồng", "Thùy",
    "Hoài", "Diệu", "Tuyết", "Minh", "Khánh", "Bảo",
];
const GIVEN_MALE: &[&str] = &[
    "Khoa", "Dũng", "Hậu", "Tuấn", "Trung", "Phúc", "Nam", "Quân", "Thịnh", "Lộc", "Hải", "Vinh",
    "Cường", "Nhật", "Long", "Hùng", "Sơn", "Bảo", "Khánh", "Thắng", "Tâm", "Hiếu", "Phong", "Đạt",
    "Việt", "Huy", "Kiên", "Trí", "Nghĩa", "Tùng", "Đông", "Lâm", "Thiện",
];
const GIVEN_FEMALE: &[&str] = &[
    "Hương",
    "Tâm",
    "Lan",
    "Dung",
    "Oanh",
    "Hân",
    "Ngọc",
    "Nhung",
    "Thảo",
    "Linh",
    "Diệp",
    "Mai",
    "Trang",
    "Hạnh",
    "Yến",
    "Nga",
    "Vy",
    "Quyên",
    "Thư",
    "Uyên",
    "Hà",
    "Loan",
    "Huyền",
    "Giang",
    "Châu",
    "Trinh",
    "Phượng",
    "Ánh",
    "Nhi",
    "Thủy",
    "Hằng",
    "Liên",
];
const POSITIONS_NOI_BO: &[&str] = &[
    "Chuyên viên",
    "Chuyên viên",
    "Chuyên viên",
    "Chuyên viên chính",
    "Viên chức",
    "Viên chức",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Kế toán",
    "Văn thư",
    "Kỹ sư",
    "Thanh tra viên",
    "Nhân viên hợp đồng",
    "",
];
const POSITIONS_BEN_NGOAI: &[&str] =
    &["Hội viên", "Cộng tác viên", "Chuyên gia", "Tư vấn viên", ""];

const PHONG: &[&str] = &[
    "Văn phòng",
    "Thanh tra",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Quản lý khoa học",
    "Phòng Quản lý công nghệ và Thị trường công nghệ",
    "Phòng Quản lý chuyên ngành",
    "Phòng Tổ chức cán bộ",
    "Phòng Pháp chế",
    "Phòng Thông tin - Thống kê",
    "Phòng Sở hữu trí tuệ",
    "Phòng An toàn bức xạ và hạt nhân",
    "Phòng Hợp tác quốc tế",
];
const DON_VI: &[&str] = &[
    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
    "Trung tâm Thông tin và Ứng dụng Khoa học và Công nghệ",
    "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
    "Trung tâm Đổi mới sáng tạo",
    "Trạm Thực nghiệm nông nghiệp công nghệ cao",
];
const TO_CHUC: &[&str] = &[
    "Liên hiệp các Hội Khoa học và Kỹ thuật",
    "Trung tâm Phục vụ hành chính công",
    "Hội Sở hữu trí tuệ",
    "Hội Tin học",
    "Bưu điện",
    "Hội Doanh nghiệp khoa học và công nghệ",
];
const PLACES: &[&str] = &[
    "Bà Rịa",
    "Vũng Tàu",
    "Phú Mỹ",
    "Châu Đức",
    "Xuyên Mộc",
    "Long Điền",
    "Đất Đỏ",
    "Côn Đảo",
    "Long Hải",
    "Ngãi Giao",
    "Phước Bửu",
    "Hòa Long",
];
const INITIATIVES: &[&str] = &[
    "Rút ngắn thời gian giải quyết TTHC",
    "Số hóa hồ sơ lưu trữ",
    "Ứng dụng chữ ký số trong văn bản điện tử",
    "Chuẩn hóa quy trình nội bộ ISO 9001",
    "Tiếp nhận hồ sơ trực tuyến toàn trình",
    "Cải tiến biểu mẫu báo cáo thống kê",
];

// ---------------------------------------------------------------------------
// The data model of the generator.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    So,
    Phong,
    DonVi,
    ToChuc,
}

impl UnitKind {
    fn code(self) -> &'static str {
        match self {
            UnitKind::So => "so",
            UnitKind::Phong => "phong",
            UnitKind::DonVi => "don_vi",
            UnitKind::ToChuc => "to_chuc",
        }
    }

    /// The annual criteria of plan.toml that apply to this kind.
    fn annual_criteria(self) -> &'static [&'static str] {
        match self {
            UnitKind::So => &["TT1", "TT2", "TT3", "TT4", "TT5"],
            UnitKind::Phong | UnitKind::DonVi => &["TT1", "TT2", "TT3", "TT4"],
            UnitKind::ToChuc => &["TT6"],
        }
    }
}

struct Unit {
    id: String,
    kind: UnitKind,
}

struct Person {
    /// Index into the units, or none (some `ben_ngoai`).
    unit: Option<usize>,
}

/// A subject as seen by the per-review loops.
#[derive(Clone, Copy)]
enum Who {
    Unit(usize),
    Person(usize),
}

/// What to generate.
pub struct Args {
    /// How many people.
    pub people: usize,
    /// How many units (at least 1: the Department).
    pub units: usize,
    /// The folder to write.
    pub out: PathBuf,
    /// The random seed: the same seed gives the same files.
    pub seed: u64,
}

fn usage() -> ! {
    eprintln!("usage: gen-data --people N --units M --out DIR [--seed S]");
    std::process::exit(2);
}

fn parse_args() -> Args {
    let mut people = None;
    let mut units = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--people" => people = value().parse().ok(),
            "--units" => units = value().parse().ok(),
            "--out" => out = Some(PathBuf::from(value())),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage()),
            "-h" | "--help" => usage(),
            _ => usage(),
        }
    }
    let (Some(people), Some(units), Some(out)) = (people, units, out) else {
        usage()
    };
    if units < 1 {
        eprintln!("gen-data: --units must be at least 1");
        std::process::exit(2);
    }
    Args {
        people,
        units,
        out,
        seed,
    }
}

/// Writes a CSV cell, quoted when needed.
fn cell(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// A date, ISO most of the time and DD/MM/YYYY otherwise (both are read).
fn date(out: &mut String, rng: &mut Rng, y: i32, m: u32, d: u32) {
    if rng.chance(900) {
        let _ = write!(out, "{y}-{m:02}-{d:02}");
    } else {
        let _ = write!(out, "{d:02}/{m:02}/{y}");
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-data: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> io::Result<()> {
    let args = parse_args();
    let started = Instant::now();
    generate(&args, true)?;
    println!("seconds      {:.2}", started.elapsed().as_secs_f64());
    Ok(())
}

/// Writes a data folder; with `report`, prints what it wrote.
pub fn generate(args: &Args, report: bool) -> io::Result<()> {
    fs::create_dir_all(&args.out)?;
    let mut rng = Rng::new(args.seed);

    fs::write(args.out.join("plan.toml"), PLAN)?;

    // --- units.toml -------------------------------------------------------
    let width = if args.units > 9999 { 6 } else { 4 };
    let mut units = Vec::with_capacity(args.units);
    let mut text = String::from(
        "# Tập thể sinh tự động (gen-data) cho kiểm thử quy mô lớn.\n\
         # kind: so | phong | don_vi | to_chuc\n",
    );
    for i in 0..args.units {
        let id = format!("U{:0width$}", i + 1);
        let (kind, name) = if i == 0 {
            (UnitKind::So, "Sở Khoa học và Công nghệ".to_string())
        } else {
            let r = rng.below(100);
            if r < 45 {
                let base = rng.word(PHONG);
                (UnitKind::Phong, format!("{base} {}", i + 1))
            } else if r < 85 {
                let base = rng.word(DON_VI);
                let place = rng.word(PLACES);
                (UnitKind::DonVi, format!("{base} khu vực {place} {}", i + 1))
            } else {
                let base = rng.word(TO_CHUC);
                let place = rng.word(PLACES);
                (UnitKind::ToChuc, format!("{base} {place} {}", i + 1))
            }
        };
        let _ = write!(
            text,
            "\n[[unit]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"{}\"\n",
            kind.code()
        );
        units.push(Unit { id, kind });
    }
    fs::write(args.out.join("units.toml"), text)?;
    let internal: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].kind != UnitKind::ToChuc)
        .collect();
    let external: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].kind == UnitKind::ToChuc)
        .collect();

    // --- people.csv -------------------------------------------------------
    let pwidth = if args.people > 999_999 { 8 } else { 6 };
    let person_id = |i: usize| format!("P{:0pwidth$}", i + 1);
    let mut people = Vec::with_capacity(args.people);
    let mut w = BufWriter::with_capacity(1 << 20, File::create(args.out.join("people.csv"))?);
    w.write_all(b"id,name,unit,position,kind,gender\n")?;
    let mut line = String::with_capacity(256);
    for i in 0..args.people {
        line.clear();
        let ben_ngoai = rng.chance(50);
        let female = rng.chance(500);
        let unit = if ben_ngoai {
            // Outside people belong to a related organisation, or to none.
            if !external.is_empty() && rng.chance(700) {
                Some(*rng.pick(&external))
            } else {
                None
            }
        } else {
            Some(*rng.pick(&internal))
        };
        let _ = write!(line, "{},{}", person_id(i), rng.word(SURNAMES));
        let (middle, given) = if female {
            (MIDDLE_FEMALE, GIVEN_FEMALE)
        } else {
            (MIDDLE_MALE, GIVEN_MALE)
        };
        line.push(' ');
        line.push_str(rng.word(middle));
        if rng.chance(300) {
            line.push(' ');
            line.push_str(rng.word(middle));
        }
        line.push(' ');
        line.push_str(rng.word(given));
        line.push(',');
        if let Some(u) = unit {
            line.push_str(&units[u].id);
        }
        line.push(',');
        line.push_str(rng.word(if ben_ngoai {
            POSITIONS_BEN_NGOAI
        } else {
            POSITIONS_NOI_BO
        }));
        line.push_str(if ben_ngoai { ",ben_ngoai," } else { ",noi_bo," });
        if !rng.chance(20) {
            line.push_str(if female { "nữ" } else { "nam" });
        }
        line.push('\n');
        w.write_all(line.as_bytes())?;
        people.push(Person { unit });
    }
    w.flush()?;

    let subjects: Vec<Who> = (0..units.len())
        .map(Who::Unit)
        .chain((0..people.len()).map(Who::Person))
        .collect();
    let id_of = |who: Who| -> String {
        match who {
            Who::Unit(u) => units[u].id.clone(),
            Who::Person(p) => person_id(p),
        }
    };
    // The unit code written in document numbers.
    let office_of = |who: Who| -> &str {
        match who {
            Who::Unit(u) => &units[u].id,
            Who::Person(p) => people[p].unit.map_or("BN", |u| units[u].id.as_str()),
        }
    };
    let reviews: Vec<(String, Option<i32>)> = ANNUAL
        .iter()
        .map(|y| (y.to_string(), Some(*y)))
        .chain(std::iter::once((FINAL.to_string(), None)))
        .collect();

    // --- achievements.csv -------------------------------------------------
    let mut achievement_rows = 0u64;
    let mut w = BufWriter::with_capacity(1 << 20, File::create(args.out.join("achievements.csv"))?);
    w.write_all(b"review,subject,criterion,result,score,evidence\n")?;
    let mut evidence = String::with_capacity(160);
    for (review, year) in &reviews {
        for &who in &subjects {
            // A few subjects have no results at all in a review.
            if !rng.chance(995) {
                continue;
            }
            let criteria: &[&str] = match (who, year) {
                (_, None) => &["XS"],
                (Who::Unit(u), Some(_)) => units[u].kind.annual_criteria(),
                (Who::Person(_), Some(_)) => &["CN1", "CN2"],
            };
            let id = id_of(who);
            for &code in criteria {
                // A few criteria are not assessed at all (no row).
                if !rng.chance(995) {
                    continue;
                }
                line.clear();
                line.push_str(review);
                line.push(',');
                line.push_str(&id);
                line.push(',');
                line.push_str(code);
                let max: u32 = match code {
                    "TT4" => 400,
                    "TT6" | "XS" => 1000,
                    "CN1" => 700,
                    "CN2" => 300,
                    _ => 200,
                };
                let r = rng.below(1000);
                let tenths = if r < 930 {
                    line.push_str(",đạt,");
                    Some(rng.range(max * 7 / 10, max))
                } else if r < 980 {
                    line.push_str(",không đạt,");
                    Some(rng.range(max / 10, max * 6 / 10))
                } else {
                    line.push_str(",,");
                    None
                };
                if let Some(t) = tenths.filter(|_| rng.chance(990)) {
                    let _ = write!(line, "{}.{}", t / 10, t % 10);
                }
                line.push(',');
                let with_evidence = match who {
                    Who::Unit(_) => rng.chance(800),
                    Who::Person(_) => rng.chance(250),
                };
                if with_evidence {
                    evidence.clear();
                    let office = office_of(who);
                    let y = year.unwrap_or(2025);
                    let n = rng.range(1, 320);
                    let _ = match code {
                        "TT1" => write!(
                            evidence,
                            "Kế hoạch {n}/KH-{office} ngày {:02}/01/{y} về cải cách hành chính năm {y}",
                            rng.range(2, 28)
                        ),
                        "TT2" => write!(
                            evidence,
                            "Kế hoạch {n}/KH-{office} ngày {:02}/02/{y} phát động thi đua CCHC năm {y}",
                            rng.range(1, 28)
                        ),
                        "TT3" => write!(
                            evidence,
                            "Tuyên truyền CCHC: {} tin, bài; {} buổi sinh hoạt chuyên đề",
                            rng.range(3, 40),
                            rng.range(1, 6)
                        ),
                        "TT4" => write!(
                            evidence,
                            "Báo cáo {n}/BC-{office} ngày {:02}/12/{y}: hoàn thành {}% nhiệm vụ CCHC được giao",
                            rng.range(1, 20),
                            rng.range(85, 100)
                        ),
                        "TT5" => write!(
                            evidence,
                            "Chỉ số CCHC năm {y} xếp hạng {}/21 sở, ban, ngành",
                            rng.range(1, 21)
                        ),
                        "TT6" => write!(
                            evidence,
                            "Phối hợp tổ chức {} hội nghị, hội thảo về CCHC năm {y}",
                            rng.range(1, 9)
                        ),
                        "CN1" => write!(
                            evidence,
                            "Sáng kiến: {} (giảm {}% thời gian xử lý)",
                            rng.word(INITIATIVES),
                            rng.range(10, 50)
                        ),
                        "CN2" => write!(
                            evidence,
                            "Phiếu đánh giá, xếp loại năm {y}: hoàn thành tốt nhiệm vụ"
                        ),
                        _ => write!(
                            evidence,
                            "Báo cáo tổng kết phong trào thi đua CCHC 2021 – 2025 số {n}/BC-{office}"
                        ),
                    };
                    cell(&mut line, &evidence);
                }
                line.push('\n');
                w.write_all(line.as_bytes())?;
                achievement_rows += 1;
            }
        }
    }
    w.flush()?;

    // --- nominations.csv --------------------------------------------------
    let mut nomination_rows = 0u64;
    let mut w = BufWriter::with_capacity(1 << 20, File::create(args.out.join("nominations.csv"))?);
    w.write_all(b"review,subject,received,to_trinh,bien_ban,bao_cao,votes_for,votes_total\n")?;
    for (review, year) in &reviews {
        // Dossiers arrive in the year after the review (2026 for the final).
        let arrival_year = year.map_or(2026, |y| y + 1);
        for &who in &subjects {
            if !rng.chance(990) {
                continue;
            }
            line.clear();
            line.push_str(review);
            line.push(',');
            line.push_str(&id_of(who));
            line.push(',');
            let r = rng.below(1000);
            if r < 880 {
                let d = rng.range(1, 14);
                date(&mut line, &mut rng, arrival_year, 3, d);
            } else if r < 970 {
                let d = rng.range(15, 20);
                date(&mut line, &mut rng, arrival_year, 3, d);
            }
            line.push(',');
            let office = office_of(who);
            if rng.chance(985) {
                let _ = write!(line, "{}/TTr-{office}", rng.range(1, 99));
            }
            line.push(',');
            if rng.chance(975) {
                let _ = write!(line, "{}/BB-{office}", rng.range(1, 60));
            }
            line.push(',');
            if rng.chance(975) {
                match who {
                    Who::Unit(_) => {
                        let _ = write!(line, "{}/BC-{office}", rng.range(1, 300));
                    }
                    Who::Person(_) => line.push_str("BC thành tích"),
                }
            }
            if rng.chance(950) {
                let total = if rng.chance(850) { 9 } else { rng.range(6, 8) };
                // Councils mostly vote for: the larger of two draws.
                let votes_for = rng.range(0, total).max(rng.range(0, total));
                let _ = writeln!(line, ",{votes_for},{total}");
            } else {
                line.push_str(",,\n");
            }
            w.write_all(line.as_bytes())?;
            nomination_rows += 1;
        }
    }
    w.flush()?;

    // --- awards.csv -------------------------------------------------------
    // At most one award per subject and review; a little history before the
    // plan (2019, 2020) and awards of another field.
    let mut award_rows = 0u64;
    let mut w = BufWriter::with_capacity(1 << 20, File::create(args.out.join("awards.csv"))?);
    w.write_all(b"review,subject,award,field,decision,date\n")?;
    for year in [2019, 2020, 2021, 2022, 2023, 2024] {
        let history = year < 2021;
        let giay_number = rng.range(50, 150);
        let bang_number = rng.range(900, 1600);
        for &who in &subjects {
            let (bang, giay) = match who {
                Who::Unit(_) if history => (5, 20),
                Who::Unit(_) => (20, 100),
                Who::Person(_) if history => (1, 5),
                Who::Person(_) => (5, 40),
            };
            let r = rng.below(1000) as u32;
            let bang_khen = if r < bang {
                true
            } else if r < bang + giay {
                false
            } else {
                continue;
            };
            line.clear();
            let _ = write!(line, "{year},{},", id_of(who));
            line.push_str(if bang_khen {
                "bang_khen,"
            } else {
                "giay_khen,"
            });
            line.push_str(if rng.chance(950) {
                "cchc,"
            } else {
                rng.word(&["chuyen_mon,", "thi_dua_chung,"])
            });
            let (month, number, issuer) = if bang_khen {
                (rng.range(5, 7), bang_number, "UBND")
            } else {
                (rng.range(4, 6), giay_number, "SKHCN")
            };
            let _ = write!(line, "{number}/QĐ-{issuer},");
            if rng.chance(980) {
                let d = rng.range(1, 28);
                date(&mut line, &mut rng, year + 1, month, d);
            }
            line.push('\n');
            w.write_all(line.as_bytes())?;
            award_rows += 1;
        }
    }
    w.flush()?;

    let phong = units.iter().filter(|u| u.kind == UnitKind::Phong).count();
    let don_vi = units.iter().filter(|u| u.kind == UnitKind::DonVi).count();
    let to_chuc = units.iter().filter(|u| u.kind == UnitKind::ToChuc).count();
    if !report {
        return Ok(());
    }
    println!("folder       {}", args.out.display());
    println!(
        "units        {} (so 1, phong {phong}, don_vi {don_vi}, to_chuc {to_chuc})",
        units.len()
    );
    println!("people       {}", people.len());
    println!("achievements {achievement_rows}");
    println!("nominations  {nomination_rows}");
    println!("awards       {award_rows}");
    Ok(())
}
