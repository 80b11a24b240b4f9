//! Writing output files safely.
//!
//! Output is written to a temporary file in the same folder and renamed into
//! place, so a failed run leaves the previous file intact and nobody ever
//! opens half a file. A path that is, or would become, an input of the data
//! folder is refused however it is spelled (relative, `..`, symbolic links,
//! hard links, the folder mounted at a second path).

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::load::{files, input_paths};

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The path is an input of the data folder.
    #[error("refusing to write {path}: it is an input of the data folder")]
    IsInput {
        /// The path as given.
        path: PathBuf,
    },
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path as given.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

/// The absolute, symlink-free form of a path that may not exist yet: its
/// nearest existing ancestor is canonicalised, the rest appended with `..`
/// and `.` resolved.
pub fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = absolute.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            let mut out = canonical;
            for part in rest.iter().rev() {
                match Path::new(part).components().next() {
                    Some(Component::ParentDir) => {
                        out.pop();
                    }
                    Some(Component::CurDir) => {}
                    _ => out.push(part),
                }
            }
            return out;
        }
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => {
                // `..` as the last component has no file name.
                match existing.parent() {
                    Some(parent) if existing.ends_with("..") => {
                        rest.push("..".into());
                        existing = parent.to_path_buf();
                    }
                    _ => return absolute,
                }
            }
        }
    }
}

/// Whether writing `output` would overwrite, or add to, the data folder's
/// inputs: one of its files, or a new CSV in its achievements folder.
///
/// Paths are compared once resolved, and files (and folders) by identity
/// too: the same device and inode, where the platform has them. So a hard
/// link to an input, or the data folder seen through another path (a bind
/// mount, a second mount of a network share), is an input as well.
pub fn is_input(output: &Path, data_dir: &Path) -> bool {
    let target = resolve(output);
    let dir = resolve(data_dir);
    let inputs = input_paths(&dir);
    if inputs.iter().any(|p| resolve(p) == target) {
        return true;
    }
    let achievements = resolve(&dir.join(files::ACHIEVEMENTS_DIR));
    let csv = target
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if target.parent() == Some(achievements.as_path()) && csv {
        return true;
    }
    // The same file under another name.
    if let Some(id) = identity(&target) {
        let in_folder = std::fs::read_dir(&achievements)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path());
        if inputs
            .iter()
            .cloned()
            .chain(in_folder)
            .any(|p| identity(&p).as_ref() == Some(&id))
        {
            return true;
        }
    }
    // The data folder, or its achievements folder, under another name.
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return false;
    };
    let Some(folder) = identity(parent) else {
        return false;
    };
    if identity(&dir).as_ref() == Some(&folder)
        && inputs.iter().any(|p| p.file_name() == Some(name))
    {
        return true;
    }
    identity(&achievements).as_ref() == Some(&folder) && csv
}

/// What makes a file itself, whatever its name: the device and the inode
/// where the platform has them, else the resolved path. `None` when the
/// path does not exist.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok()
}

/// Writes `bytes` to `path` atomically, after refusing inputs of `data_dir`.
pub fn write_atomic(path: &Path, data_dir: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    if is_input(path, data_dir) {
        return Err(OutputError::IsInput {
            path: path.to_path_buf(),
        });
    }
    let io = |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let target = resolve(path);
    let folder = target
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".thiduakt-").suffix(".tmp");
    // The permissions of an ordinary new file (0666 under the umask), not
    // a temporary file's 0600: the clerk's colleagues read the exports.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&folder).map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    // A temporary file is private (0600); the output gets the permissions of
    // the file it replaces, or those of an ordinary new file.
    let permissions = match std::fs::metadata(&target) {
        Ok(meta) => meta.permissions(),
        Err(_) => ordinary_permissions(temp.as_file()).map_err(io)?,
    };
    temp.as_file().set_permissions(permissions).map_err(io)?;
    temp.persist(&target).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn ordinary_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    let mut p = file.metadata()?.permissions();
    p.set_mode(0o644);
    Ok(p)
}

#[cfg(not(unix))]
fn ordinary_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_recognised_however_spelled() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("achievements")).unwrap();
        std::fs::write(data.join("people.csv"), "id\n").unwrap();
        assert!(is_input(&data.join("people.csv"), &data));
        assert!(is_input(
            &data.join("achievements").join("..").join("people.csv"),
            &data
        ));
        assert!(
            is_input(&data.join("nominations.csv"), &data),
            "an optional input not yet written"
        );
        assert!(is_input(&data.join("achievements").join("new.csv"), &data));
        assert!(!is_input(&dir.path().join("de-nghi.csv"), &data));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.csv");
            std::os::unix::fs::symlink(data.join("people.csv"), &link).unwrap();
            assert!(is_input(&link, &data));
        }
    }

    #[test]
    fn atomic_write_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        let out = dir.path().join("out.csv");
        write_atomic(&out, &data, b"first").unwrap();
        write_atomic(&out, &data, b"second").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"second");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 2, "no temporary file left behind");
        assert!(matches!(
            write_atomic(&data.join("people.csv"), &data, b"x"),
            Err(OutputError::IsInput { .. })
        ));
    }
}
