//! A rerunnable benchmark of `thiduakt` on large synthetic data folders.
//!
//! ```sh
//! cargo run --release --example bench -- [--sizes 55000,110000,220000] [--runs 5] [--dir DIR]
//!                                        [--seed 1] [--warmup 1] [--no-build]
//! ```
//!
//! For each size N (people; units = N/110 rounded, at least 10) it generates a
//! data folder with the `gen-data` example (once: the folder is reused while
//! its `.bench-params` marker matches the parameters and the generator's
//! source), then runs as separate processes, in `runs` rounds, each round
//! going through every size in turn (so that the machine's drift touches
//! all sizes alike), at each size one after the other:
//!
//! - the floor, `csv-floor DIR` (a bare csv-crate read of the same files),
//! - `thiduakt --data DIR check 2023 --format csv` (stdout to /dev/null),
//! - `thiduakt --data DIR validate` (stdout to /dev/null),
//! - `thiduakt --data DIR summary --format csv` (every review; stdout to
//!   /dev/null),
//!
//! measuring each run's wall time and peak RSS (`wait4`'s `ru_maxrss`;
//! Linux). It prints Markdown tables: the median wall time and the largest
//! peak RSS of each command, the ratios of the medians to the floor's, the
//! ratios round by round (each command against the floor of its round, run
//! a moment before it: the machine's drift from minute to minute mostly
//! cancels out), and how the times grow from one size to the next (the
//! ratio of the medians, and round by round). Nothing is asserted: this is
//! a tool for reading numbers, not a test.
//!
//! The binaries are built first with `cargo build --release --bin thiduakt
//! --example csv-floor --example gen-data` (the target directory is the one
//! `cargo metadata` reports, so `CARGO_TARGET_DIR` is respected);
//! `--no-build` skips that step. `--dir` defaults to `<target dir>/bench`.
//! Before the timed runs, `--warmup` untimed rounds (default 1) put the
//! files in the page cache.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
/// What the generated data depends on, besides the parameters: when the
/// generator or the shipped plan changes, cached folders are regenerated.
const GENERATOR_SOURCE: &str = include_str!("gen-data.rs");
const PLAN_SOURCE: &str = include_str!("../data/plan.toml");

struct Args {
    sizes: Vec<usize>,
    runs: usize,
    warmup: usize,
    dir: Option<PathBuf>,
    seed: u64,
    build: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: bench [--sizes 55000,110000,220000] [--runs 5] [--dir DIR] [--seed 1] \
         [--warmup 1] [--no-build]"
    );
    std::process::exit(2);
}

fn parse_args() -> Args {
    let mut args = Args {
        sizes: vec![55_000, 110_000, 220_000],
        runs: 5,
        warmup: 1,
        dir: None,
        seed: 1,
        build: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--sizes" => {
                args.sizes = value()
                    .split(',')
                    .map(|s| {
                        s.trim()
                            .replace('_', "")
                            .parse()
                            .unwrap_or_else(|_| usage())
                    })
                    .collect();
            }
            "--runs" => args.runs = value().parse().unwrap_or_else(|_| usage()),
            "--warmup" => args.warmup = value().parse().unwrap_or_else(|_| usage()),
            "--dir" => args.dir = Some(PathBuf::from(value())),
            "--seed" => args.seed = value().parse().unwrap_or_else(|_| usage()),
            "--no-build" => args.build = false,
            _ => usage(),
        }
    }
    if args.runs == 0 || args.sizes.is_empty() {
        usage();
    }
    args
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// The target directory cargo uses for this package.
fn target_dir() -> PathBuf {
    let manifest = Path::new(MANIFEST_DIR).join("Cargo.toml");
    let out = Command::new(cargo())
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .arg("--manifest-path")
        .arg(&manifest)
        .stderr(Stdio::inherit())
        .output();
    let reported = out
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| serde_json::from_slice::<serde_json::Value>(&out.stdout).ok())
        .and_then(|json| json["target_directory"].as_str().map(PathBuf::from));
    if let Some(dir) = reported {
        return dir;
    }
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => std::env::current_dir()
            .map(|cwd| cwd.join(&dir))
            .unwrap_or_else(|_| PathBuf::from(dir)),
        None => Path::new(MANIFEST_DIR).join("target"),
    }
}

fn build() -> Result<(), String> {
    eprintln!("bench: cargo build --release --bin thiduakt --example csv-floor --example gen-data");
    let status = Command::new(cargo())
        .args(["build", "--release", "--bin", "thiduakt"])
        .args(["--example", "csv-floor", "--example", "gen-data"])
        .arg("--manifest-path")
        .arg(Path::new(MANIFEST_DIR).join("Cargo.toml"))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("cargo build failed ({status})"));
    }
    Ok(())
}

/// One finished run.
struct Run {
    wall: Duration,
    /// Peak resident set size, in KiB.
    max_rss_kib: i64,
}

/// Spawns `cmd`, waits for it with `wait4` and returns its wall time and
/// peak RSS. A failing command is an error carrying the tail of its stderr.
fn measure(cmd: &mut Command, stderr_file: &Path) -> Result<Run, String> {
    let stderr =
        File::create(stderr_file).map_err(|e| format!("{}: {e}", stderr_file.display()))?;
    cmd.stdin(Stdio::null()).stderr(stderr);
    let shown = format!("{cmd:?}");
    let start = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = loop {
        // SAFETY: valid pointers to a status and a rusage owned by this frame.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    let wall = start.elapsed();
    // The child is reaped: std must not wait for it again.
    drop(child);
    if r != pid {
        return Err(format!(
            "wait4 failed for {shown}: {}",
            std::io::Error::last_os_error()
        ));
    }
    let exited_ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    if !exited_ok {
        let text = fs::read_to_string(stderr_file).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(20).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        let how = if libc::WIFEXITED(status) {
            format!("exit code {}", libc::WEXITSTATUS(status))
        } else {
            format!("signal {}", libc::WTERMSIG(status))
        };
        return Err(format!(
            "{shown} failed ({how}); stderr:\n{}",
            tail.join("\n")
        ));
    }
    Ok(Run {
        wall,
        max_rss_kib: usage.ru_maxrss,
    })
}

fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Generates the folder for one size unless a matching one exists. Returns
/// the generation time when it ran.
fn ensure_data(
    gen_data: &Path,
    dir: &Path,
    people: usize,
    units: usize,
    seed: u64,
) -> Result<Option<Duration>, String> {
    let marker = dir.join(".bench-params");
    let params = format!(
        "gen-data people={people} units={units} seed={seed} source={:016x}",
        fnv1a(&[GENERATOR_SOURCE, PLAN_SOURCE])
    );
    if fs::read_to_string(&marker).is_ok_and(|m| m.lines().next() == Some(params.as_str())) {
        eprintln!("bench: reusing {}", dir.display());
        return Ok(None);
    }
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    eprintln!(
        "bench: generating {} ({people} people, {units} units)",
        dir.display()
    );
    let start = Instant::now();
    let out = Command::new(gen_data)
        .args([
            "--people",
            &people.to_string(),
            "--units",
            &units.to_string(),
        ])
        .args(["--seed", &seed.to_string(), "--out"])
        .arg(dir)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", gen_data.display()))?;
    let took = start.elapsed();
    if !out.status.success() {
        return Err(format!("gen-data failed ({})", out.status));
    }
    let summary = String::from_utf8_lossy(&out.stdout);
    fs::write(&marker, format!("{params}\n{summary}"))
        .map_err(|e| format!("{}: {e}", marker.display()))?;
    Ok(Some(took))
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The results of one command at one size.
struct Stats {
    walls: Vec<Duration>,
    max_rss_kib: i64,
}

impl Stats {
    fn new() -> Self {
        Stats {
            walls: Vec::new(),
            max_rss_kib: 0,
        }
    }
    fn add(&mut self, run: Run) {
        self.walls.push(run.wall);
        self.max_rss_kib = self.max_rss_kib.max(run.max_rss_kib);
    }
    fn median_ms(&self) -> f64 {
        ms(median(self.walls.clone()))
    }
    fn min_ms(&self) -> f64 {
        self.walls.iter().copied().min().map_or(0.0, ms)
    }
    fn max_ms(&self) -> f64 {
        self.walls.iter().copied().max().map_or(0.0, ms)
    }
    fn rss_mb(&self) -> f64 {
        self.max_rss_kib as f64 / 1024.0
    }
    /// This command's time over `other`'s in each round (the floor of the
    /// same size, or the same command at the size before, run a moment
    /// before): median, least and most. A shared machine's speed drifts
    /// from minute to minute; a round's ratio drifts much less.
    fn paired(&self, other: &Stats) -> (f64, f64, f64) {
        let mut ratios: Vec<f64> = self
            .walls
            .iter()
            .zip(&other.walls)
            .map(|(a, f)| a.as_secs_f64() / f.as_secs_f64().max(1e-9))
            .collect();
        ratios.sort_by(f64::total_cmp);
        let n = ratios.len();
        if n == 0 {
            return (0.0, 0.0, 0.0);
        }
        let median = if n % 2 == 1 {
            ratios[n / 2]
        } else {
            (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0
        };
        (median, ratios[0], ratios[n - 1])
    }
}

struct SizeResult {
    people: usize,
    units: usize,
    rows: Vec<(String, u64)>,
    generated_in: Option<Duration>,
    floor: Stats,
    check: Stats,
    validate: Stats,
    summary: Stats,
}

impl SizeResult {
    fn rows_of(&self, prefix: &str) -> u64 {
        self.rows
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .map(|(_, n)| n)
            .sum()
    }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args();
    if args.build {
        build()?;
    }
    let target = target_dir();
    let release = target.join("release");
    let thiduakt = release.join("thiduakt");
    let floor = release.join("examples").join("csv-floor");
    let gen_data = release.join("examples").join("gen-data");
    for bin in [&thiduakt, &floor, &gen_data] {
        if !bin.exists() {
            return Err(format!(
                "{} not found: run `cargo build --release --bins --examples` first (or drop --no-build)",
                bin.display()
            ));
        }
    }
    let bench_dir = args.dir.clone().unwrap_or_else(|| target.join("bench"));
    fs::create_dir_all(&bench_dir).map_err(|e| format!("{}: {e}", bench_dir.display()))?;
    let floor_out = bench_dir.join("floor.out");
    let stderr_file = bench_dir.join("last-stderr.txt");

    // Every folder first; then each round runs every size in turn, so that
    // the machine's drift from minute to minute touches all sizes alike.
    let mut results: Vec<SizeResult> = Vec::new();
    let mut dirs: Vec<PathBuf> = Vec::new();
    for &people in &args.sizes {
        let units = ((people as f64 / 110.0).round() as usize).max(10);
        let dir = bench_dir.join(format!("p{people}-u{units}-s{}", args.seed));
        let generated_in = ensure_data(&gen_data, &dir, people, units, args.seed)?;
        dirs.push(dir);
        results.push(SizeResult {
            people,
            units,
            rows: Vec::new(),
            generated_in,
            floor: Stats::new(),
            check: Stats::new(),
            validate: Stats::new(),
            summary: Stats::new(),
        });
    }
    let thiduakt_cmd = |dir: &Path, args: &[&str]| {
        let mut c = Command::new(&thiduakt);
        c.arg("--data").arg(dir).args(args);
        c.stdout(Stdio::null());
        c
    };
    let total = args.warmup + args.runs;
    for round in 0..total {
        let timed = round >= args.warmup;
        eprintln!(
            "bench: {} {}/{}",
            if timed { "run" } else { "warm-up" },
            if timed {
                round - args.warmup + 1
            } else {
                round + 1
            },
            if timed { args.runs } else { args.warmup }
        );
        for (result, dir) in results.iter_mut().zip(&dirs) {
            let out =
                File::create(&floor_out).map_err(|e| format!("{}: {e}", floor_out.display()))?;
            let f = measure(Command::new(&floor).arg(dir).stdout(out), &stderr_file)?;
            let check = ["check", "2023", "--format", "csv"];
            let c = measure(&mut thiduakt_cmd(dir, &check), &stderr_file)?;
            let v = measure(&mut thiduakt_cmd(dir, &["validate"]), &stderr_file)?;
            let summary = ["summary", "--format", "csv"];
            let m = measure(&mut thiduakt_cmd(dir, &summary), &stderr_file)?;
            if timed {
                result.floor.add(f);
                result.check.add(c);
                result.validate.add(v);
                result.summary.add(m);
            }
            if round + 1 == total {
                let counts = fs::read_to_string(&floor_out).unwrap_or_default();
                result.rows = counts
                    .lines()
                    .filter_map(|l| {
                        let (name, n) = l.split_once('\t')?;
                        Some((name.to_string(), n.parse().ok()?))
                    })
                    .collect();
            }
        }
    }
    for result in &results {
        eprintln!(
            "bench: {} people: floor {:.0} ms, check {:.0} ms, validate {:.0} ms, summary {:.0} ms",
            result.people,
            result.floor.median_ms(),
            result.check.median_ms(),
            result.validate.median_ms(),
            result.summary.median_ms()
        );
    }

    print!("{}", report(&args, &results));
    Ok(())
}

/// A table's title (after a blank line), header and alignment row.
fn table_head(s: &mut String, title: &str, header: &str, rule: &str) {
    let _ = writeln!(s, "\n{title}\n\n{header}\n{rule}");
}

fn report(args: &Args, results: &[SizeResult]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "thiduakt bench: {} timed runs per command (median wall time, max peak RSS), {} warm-up; {} ({} CPUs)\n",
        args.runs,
        args.warmup,
        cpu_model(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let _ = writeln!(
        s,
        "| people | achievement rows | floor (ms) | check (ms) | check/floor | validate (ms) | validate/floor | summary (ms) | summary/floor | check peak RSS (MB) |"
    );
    let _ = writeln!(s, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in results {
        let floor = r.floor.median_ms();
        let check = r.check.median_ms();
        let validate = r.validate.median_ms();
        let summary = r.summary.median_ms();
        let _ = writeln!(
            s,
            "| {} | {} | {:.0} | {:.0} | {:.2} | {:.0} | {:.2} | {:.0} | {:.2} | {:.0} |",
            thousands(r.people as u64),
            thousands(r.rows_of("achievements")),
            floor,
            check,
            check / floor,
            validate,
            validate / floor,
            summary,
            summary / floor,
            r.check.rss_mb()
        );
    }

    table_head(
        &mut s,
        "Ratios round by round (each command's time over the floor's in the same round: floor, check, validate, summary, one after the other): median, least–most:",
        "| people | check/floor | validate/floor | summary/floor |",
        "|---:|---|---|---|",
    );
    for r in results {
        let cell = |st: &Stats| {
            let (median, least, most) = st.paired(&r.floor);
            format!("{median:.2} ({least:.2}–{most:.2})")
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            thousands(r.people as u64),
            cell(&r.check),
            cell(&r.validate),
            cell(&r.summary)
        );
    }

    table_head(
        &mut s,
        "Growth between consecutive sizes (time ratio; 2.0 for twice the people is linear):",
        "| from → to | people × | input rows × | floor × | check × | validate × | summary × |",
        "|---|---:|---:|---:|---:|---:|---:|",
    );
    for pair in results.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let rows = |r: &SizeResult| r.rows_of("total") as f64;
        let _ = writeln!(
            s,
            "| {} → {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
            thousands(a.people as u64),
            thousands(b.people as u64),
            b.people as f64 / a.people as f64,
            rows(b) / rows(a),
            b.floor.median_ms() / a.floor.median_ms(),
            b.check.median_ms() / a.check.median_ms(),
            b.validate.median_ms() / a.validate.median_ms(),
            b.summary.median_ms() / a.summary.median_ms()
        );
    }
    if results.len() < 2 {
        let _ = writeln!(s, "| (one size only) | | | | | | |");
    }

    table_head(
        &mut s,
        "Growth round by round (each run over the same command's at the size before, in the same round): median, least–most:",
        "| from → to | floor × | check × | validate × | summary × |",
        "|---|---|---|---|---|",
    );
    for pair in results.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let cell = |x: &Stats, y: &Stats| {
            let (median, least, most) = y.paired(x);
            format!("{median:.2} ({least:.2}–{most:.2})")
        };
        let _ = writeln!(
            s,
            "| {} → {} | {} | {} | {} | {} |",
            thousands(a.people as u64),
            thousands(b.people as u64),
            cell(&a.floor, &b.floor),
            cell(&a.check, &b.check),
            cell(&a.validate, &b.validate),
            cell(&a.summary, &b.summary)
        );
    }
    if results.len() < 2 {
        let _ = writeln!(s, "| (one size only) | | | | |");
    }

    table_head(
        &mut s,
        "Details (wall time min–median–max in ms; peak RSS in MB = MiB):",
        "| people | units | nominations | total CSV rows | generated (s) | floor | floor RSS | check | check RSS | validate | validate RSS | summary | summary RSS |",
        "|---:|---:|---:|---:|---:|---|---:|---|---:|---|---:|---|---:|",
    );
    for r in results {
        let spread = |st: &Stats| {
            format!(
                "{:.0}–{:.0}–{:.0}",
                st.min_ms(),
                st.median_ms(),
                st.max_ms()
            )
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {:.0} | {} | {:.0} | {} | {:.0} | {} | {:.0} |",
            thousands(r.people as u64),
            thousands(r.units as u64),
            thousands(r.rows_of("nominations")),
            thousands(r.rows_of("total")),
            r.generated_in
                .map_or("cached".to_string(), |d| format!("{:.2}", d.as_secs_f64())),
            spread(&r.floor),
            r.floor.rss_mb(),
            spread(&r.check),
            r.check.rss_mb(),
            spread(&r.validate),
            r.validate.rss_mb(),
            spread(&r.summary),
            r.summary.rss_mb()
        );
    }
    s
}
