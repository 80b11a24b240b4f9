//! A work folder for command-line tests: a temporary directory holding a
//! `data/` folder (the built-in plan, and whatever files a test writes), and
//! a way to run `thiduakt` in it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use snapbox::cmd::{Command, cargo_bin};

/// A temporary folder with `data/plan.toml`.
pub struct Workdir {
    dir: tempfile::TempDir,
}

/// The built-in plan without its `signer` line.
pub fn plan_without_signer() -> String {
    thiduakt::load::BUILTIN_PLAN
        .lines()
        .filter(|l| !l.starts_with("signer = "))
        .map(|l| format!("{l}\n"))
        .collect()
}

impl Workdir {
    /// A folder whose `data/` holds the built-in plan only, without its
    /// signer (the sample Director, whom crafted folders do not have; a
    /// test that needs one sets it with [`Workdir::plan_with_signer`]).
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let w = Workdir { dir };
        w.write("data/plan.toml", &plan_without_signer());
        w
    }

    /// A folder whose `data/` is a copy of the sample Department shipped in
    /// the repository's `data/`.
    pub fn sample() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let w = Workdir { dir };
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for entry in std::fs::read_dir(&from).expect("the sample data folder") {
            let entry = entry.expect("a sample file");
            let bytes = std::fs::read(entry.path()).expect("read a sample file");
            let name = entry.file_name();
            w.write_bytes(&format!("data/{}", name.to_string_lossy()), &bytes);
        }
        w
    }

    /// Replaces the first `from` in a file of the folder, which must have it.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} has no {from:?}");
        self.write(rel, &text.replacen(from, to, 1))
    }

    /// Names `id` as the signer of the Giấy khen in `data/plan.toml`.
    pub fn plan_with_signer(&self, id: &str) -> &Self {
        let plan = plan_without_signer().replacen(
            "not_for = [\"so\"]",
            &format!("not_for = [\"so\"]\nsigner = \"{id}\""),
            1,
        );
        self.write("data/plan.toml", &plan)
    }

    /// Writes a file (folders are created); text is written as UTF-8.
    pub fn write(&self, rel: &str, contents: &str) -> &Self {
        self.write_bytes(rel, contents.as_bytes())
    }

    /// Writes a file's bytes.
    pub fn write_bytes(&self, rel: &str, contents: &[u8]) -> &Self {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(path, contents).expect("write file");
        self
    }

    /// Replaces a text in the plan (quotas, thresholds), which must be there.
    pub fn edit_plan(&self, from: &str, to: &str) -> &Self {
        let plan = self.read("data/plan.toml");
        assert!(plan.contains(from), "the plan has no {from:?}");
        self.write("data/plan.toml", &plan.replacen(from, to, 1))
    }

    /// Reads a file.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read file")
    }

    /// A path in the folder.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `thiduakt ARGS` run in the folder, with no language or data folder
    /// inherited from the environment.
    pub fn cmd<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        thiduakt(args).current_dir(self.root())
    }
}

/// `thiduakt ARGS` with a clean environment for its own variables (and
/// no `COLUMNS`: output keeps its full width).
pub fn thiduakt<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(cargo_bin("thiduakt"))
        .args(args)
        .env_remove("THIDUAKT_LANG")
        .env_remove("THIDUAKT_DATA")
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
}

/// The units most crafted folders use.
pub const UNITS: &str = r#"
[[unit]]
id = "SO"
name = "Sở Khoa học và Công nghệ"
kind = "so"

[[unit]]
id = "VP"
name = "Văn phòng Sở"
kind = "phong"

[[unit]]
id = "PA"
name = "Phòng A"
kind = "phong"

[[unit]]
id = "PB"
name = "Phòng B"
kind = "phong"

[[unit]]
id = "CC"
name = "Chi cục C"
kind = "don_vi"

[[unit]]
id = "TC"
name = "Tổ chức liên quan T"
kind = "to_chuc"
"#;
