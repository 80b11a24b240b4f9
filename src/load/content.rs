//! Where the bytes of a CSV file come from.
//!
//! A UTF-8 file (with or without a BOM) is read straight from disk as its
//! rows are parsed, and never held whole in memory: that
//! is what keeps a million rows cheap. Anything else (another encoding, UTF-16,
//! lone CR line ends, a legacy font, a binary file) is read into memory by
//! [`crate::load::source::read_text`], which decodes it or says why not, and
//! parsed from there. A file that looked like plain UTF-8 in its first
//! kilobytes but is not (found while parsing) goes the same way.

use std::borrow::Cow;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8};

use crate::diag::Diagnostic;
use crate::load::legacy;
use crate::load::source::{
    MAX_FILE_BYTES, TextFile, binary_kind, open_regular, read_text, utf16_without_bom,
};

/// How much of a file is looked at before deciding to stream it.
const PREFIX: usize = 1 << 16;

/// The longest part of a file read for one diagnostic's snippet.
pub const WINDOW: usize = 1 << 20;

enum Content {
    /// Decoded text, in memory.
    Text(String),
    /// UTF-8 on disk, from `start` (after a BOM) to `len`.
    Disk {
        path: PathBuf,
        start: usize,
        len: usize,
    },
}

/// A CSV file to parse.
pub struct CsvFile {
    /// The path as shown to the user.
    pub shown: PathBuf,
    path: PathBuf,
    encoding: Option<&'static Encoding>,
    content: Content,
}

impl CsvFile {
    /// A file whose text is already in memory (tests, and decoded files).
    pub fn from_text(file: TextFile) -> CsvFile {
        CsvFile {
            path: file.shown.clone(),
            shown: file.shown,
            encoding: None,
            content: Content::Text(file.text),
        }
    }

    /// Opens a file: streamed from disk when it is plain UTF-8, read and
    /// decoded in memory otherwise. Errors are those of [`read_text`].
    pub fn open(
        path: &Path,
        shown: &Path,
        encoding: Option<&'static Encoding>,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<CsvFile, Box<Diagnostic>> {
        let in_memory = |diags: &mut Vec<Diagnostic>| {
            read_text(path, shown, encoding, diags).map(|file| CsvFile {
                path: path.to_path_buf(),
                shown: file.shown,
                encoding,
                content: Content::Text(file.text),
            })
        };
        if encoding.is_some_and(|e| e != UTF_8) {
            return in_memory(diags);
        }
        let Some((prefix, len)) = read_prefix(path) else {
            return in_memory(diags);
        };
        if prefix.is_empty() || len > MAX_FILE_BYTES as usize {
            return in_memory(diags);
        }
        let start = match Encoding::for_bom(&prefix) {
            Some((e, n)) if e == UTF_8 => n,
            Some(_) => return in_memory(diags),
            None => 0,
        };
        let body = &prefix[start..];
        if binary_kind(body).is_some() || utf16_without_bom(body).is_some() {
            return in_memory(diags);
        }
        let text = match std::str::from_utf8(body) {
            Ok(text) => text,
            // A character cut by the end of the prefix is fine.
            Err(e) if e.error_len().is_none() && prefix.len() == PREFIX => {
                std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or("")
            }
            Err(_) => return in_memory(diags),
        };
        let lone_cr =
            memchr::memchr_iter(b'\r', body).any(|i| i + 1 < body.len() && body[i + 1] != b'\n');
        if lone_cr || legacy::detect(text).is_some() {
            return in_memory(diags);
        }
        Ok(CsvFile {
            path: path.to_path_buf(),
            shown: shown.to_path_buf(),
            encoding,
            content: Content::Disk {
                path: path.to_path_buf(),
                start,
                len,
            },
        })
    }

    /// The same file read into memory and decoded, for what only the whole
    /// file can settle.
    pub fn into_memory(self, diags: &mut Vec<Diagnostic>) -> Result<CsvFile, Box<Diagnostic>> {
        match self.content {
            Content::Text(_) => Ok(self),
            Content::Disk { .. } => {
                read_text(&self.path, &self.shown, self.encoding, diags).map(|file| CsvFile {
                    path: self.path,
                    shown: file.shown,
                    encoding: self.encoding,
                    content: Content::Text(file.text),
                })
            }
        }
    }

    /// Whether the file is read from disk as it is parsed.
    pub fn streamed(&self) -> bool {
        matches!(self.content, Content::Disk { .. })
    }

    /// Where the text starts (after a BOM) and ends, in bytes.
    pub fn bounds(&self) -> (usize, usize) {
        match &self.content {
            Content::Text(text) => (0, text.len()),
            Content::Disk { start, len, .. } => (*start, *len),
        }
    }

    /// A reader of the bytes from `from` to `to`.
    pub fn reader(&self, from: usize, to: usize) -> io::Result<Box<dyn Read + Send + '_>> {
        match &self.content {
            Content::Text(text) => {
                let bytes = text.as_bytes();
                Ok(Box::new(&bytes[from.min(bytes.len())..to.min(bytes.len())]))
            }
            Content::Disk { path, .. } => {
                let mut file = open_regular(path)
                    .map_err(|p| io::Error::other(p.message(crate::lang::Lang::En)))?;
                file.seek(SeekFrom::Start(from as u64))?;
                Ok(Box::new(file.take(to.saturating_sub(from) as u64)))
            }
        }
    }

    /// The text from `from`, at most `max` bytes and never past `to`: what a
    /// diagnostic shows, or a scan of one record needs. Bytes that are not
    /// UTF-8 show as U+FFFD.
    pub fn window(&self, from: usize, to: usize, max: usize) -> Cow<'_, str> {
        let to = to.min(from.saturating_add(max));
        match &self.content {
            Content::Text(text) => {
                let mut end = to.min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let from = from.min(end);
                Cow::Borrowed(text.get(from..end).unwrap_or(""))
            }
            Content::Disk { .. } => {
                let mut bytes = Vec::new();
                if let Ok(mut r) = self.reader(from, to) {
                    let _ = r.read_to_end(&mut bytes);
                }
                // A character cut by the window's end is dropped, as above.
                let valid = match std::str::from_utf8(&bytes) {
                    Ok(_) => bytes.len(),
                    Err(e) if e.error_len().is_none() => e.valid_up_to(),
                    Err(_) => bytes.len(),
                };
                bytes.truncate(valid);
                Cow::Owned(String::from_utf8_lossy(&bytes).into_owned())
            }
        }
    }
}

/// The first bytes of a file, and its length; `None` when it cannot be read
/// (the in-memory path then says why).
fn read_prefix(path: &Path) -> Option<(Vec<u8>, usize)> {
    let mut file = open_regular(path).ok()?;
    let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
    let mut prefix = vec![0u8; PREFIX.min(len)];
    file.read_exact(&mut prefix).ok()?;
    Some((prefix, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_is_streamed_and_the_rest_read_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8], bool); 5] = [
            ("plain.csv", "id,name\nNV01,Lê Hà\n".as_bytes(), true),
            ("bom.csv", b"\xEF\xBB\xBFid,name\nNV01,A\n", true),
            ("cp1258.csv", b"id,name\nNV01,Nguy\xEA\xDEn\n", false),
            ("cr.csv", b"id,name\rNV01,A\r", false),
            ("utf16.csv", b"\xFF\xFEi\0d\0", false),
        ];
        for (name, bytes, streamed) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let mut diags = Vec::new();
            let file = CsvFile::open(&path, &path, None, &mut diags).unwrap();
            assert_eq!(file.streamed(), streamed, "{name}");
        }
        let path = dir.path().join("bom.csv");
        let file = CsvFile::open(&path, &path, None, &mut Vec::new()).unwrap();
        assert_eq!(file.bounds(), (3, 18));
        assert_eq!(file.window(3, 18, WINDOW), "id,name\nNV01,A\n");
    }
}
