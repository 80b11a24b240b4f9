//! Reading a file into text: size and binary checks, encodings, BOMs.
//!
//! UTF-8 with or without a BOM is the norm. A UTF-16 file with a BOM (what
//! Excel writes as "Unicode text") is decoded. A file that is not valid UTF-8
//! is read as Windows-1258, the legacy Vietnamese code page, with a warning;
//! `--encoding` names another. Text typed with the legacy TCVN3 or VNI fonts
//! is recognised and refused with a way to convert it.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1258};

use crate::diag::{Diagnostic, Problem};
use crate::load::legacy;

/// The largest file read, in bytes: far above any real data folder, low
/// enough that a wrong path (a disk image, a video) is refused at once.
pub const MAX_FILE_BYTES: u64 = 2_000_000_000;

/// A decoded text file.
#[derive(Clone, Debug)]
pub struct TextFile {
    /// The path as shown to the user.
    pub shown: PathBuf,
    /// The text, without BOM.
    pub text: String,
}

/// The invalid UTF-8 sequences reported one by one; the rest are counted.
pub const SHOWN_INVALID: usize = 20;

/// Opens a data file for reading, refusing what is not a regular file
/// before it can block or run for ever: a FIFO (opening one waits for a
/// writer), a device (`/dev/zero` never ends), a socket, a folder. On Linux
/// the file is opened with `O_NONBLOCK`, so that even a FIFO swapped in
/// after the first look cannot block the open, and the type is checked
/// again on the opened handle. A link whose target is gone says so.
pub fn open_regular(path: &Path) -> Result<File, Problem> {
    let unreadable = |e: std::io::Error| Problem::Unreadable {
        reason: e.to_string(),
    };
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(broken_link(path).unwrap_or_else(|| unreadable(e)));
        }
        Err(e) => return Err(unreadable(e)),
    };
    if !meta.is_file() {
        return Err(Problem::NotRegular {
            kind: file_kind(&meta.file_type()),
        });
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Problem::NotRegular {
            kind: file_kind(&meta.file_type()),
        });
    }
    Ok(file)
}

/// The problem of a path that is a symbolic link that cannot be followed:
/// to nothing (naming where it points), or in a loop. `None` when it is
/// not a link, or a link that works.
pub fn broken_link(path: &Path) -> Option<Problem> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    match fs::metadata(path) {
        Ok(_) => None,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let target = fs::read_link(path)
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            Some(Problem::BrokenLink { target })
        }
        Err(e) => Some(Problem::Unreadable {
            reason: e.to_string(),
        }),
    }
}

/// What kind of file system object a file type is, for messages.
fn file_kind(kind: &fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "fifo";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
        if kind.is_socket() {
            return "socket";
        }
    }
    "other"
}

/// Reads a whole data file, at most [`MAX_FILE_BYTES`]: the read itself is
/// capped, so a file that grows, or lies about its size, cannot run away.
fn read_bytes(path: &Path) -> Result<Vec<u8>, Problem> {
    let file = open_regular(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(Problem::TooLarge {
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::Unreadable {
            reason: e.to_string(),
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::TooLarge {
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// Reads and decodes a file. Warnings (another encoding used) go to `diags`.
///
/// A file may have many errors (each invalid byte of a file that is UTF-8
/// but for a few bytes): all but the last go to `diags`, in order, and the
/// last is returned, so that a caller that pushes it keeps the order.
pub fn read_text(
    path: &Path,
    shown: &Path,
    encoding: Option<&'static Encoding>,
    diags: &mut Vec<Diagnostic>,
) -> Result<TextFile, Box<Diagnostic>> {
    read_any(path, shown, encoding, false, diags)
}

/// Reads a TOML file: UTF-8 only, as the TOML standard says (a BOM is
/// allowed). An invalid byte is an error at its place, whatever
/// `--encoding` says.
pub fn read_toml(
    path: &Path,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Result<TextFile, Box<Diagnostic>> {
    read_any(path, shown, Some(UTF_8), true, diags)
}

fn read_any(
    path: &Path,
    shown: &Path,
    encoding: Option<&'static Encoding>,
    toml: bool,
    diags: &mut Vec<Diagnostic>,
) -> Result<TextFile, Box<Diagnostic>> {
    let fail = |problem| Box::new(Diagnostic::error(Some(shown.to_path_buf()), problem));
    let bytes = read_bytes(path).map_err(fail)?;
    // The common case, UTF-8 without a BOM, keeps the bytes read as the
    // text: no copy of a large file.
    let mut decoded = match String::from_utf8(bytes) {
        Ok(text) if Encoding::for_bom(text.as_bytes()).is_none() && binary(&text).is_none() => {
            Decoded { text, legacy: None }
        }
        Ok(text) => decode_located(text.as_bytes(), encoding, shown, toml, diags)?,
        Err(e) => decode_located(e.as_bytes(), encoding, shown, toml, diags)?,
    };
    decoded.text = lone_cr_to_lf(decoded.text);
    if let Some((name, sample)) = legacy::detect(&decoded.text) {
        return Err(fail(Problem::LegacyEncoding { name, sample }));
    }
    if let Some(encoding) = decoded.legacy {
        diags.push(fail(Problem::DecodedAs { encoding }).warning());
    }
    Ok(TextFile {
        shown: shown.to_path_buf(),
        text: decoded.text,
    })
}

/// Whether valid UTF-8 text is binary after all (a NUL, a signature).
fn binary(text: &str) -> Option<Option<&'static str>> {
    binary_kind(text.as_bytes())
}

/// [`decode`], with its errors located: a NUL byte, or the invalid bytes of
/// a file that is UTF-8 but for them, at their line and column.
fn decode_located(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    shown: &Path,
    toml: bool,
    diags: &mut Vec<Diagnostic>,
) -> Result<Decoded, Box<Diagnostic>> {
    let fail = |problem| Box::new(Diagnostic::error(Some(shown.to_path_buf()), problem));
    let body = match Encoding::for_bom(bytes) {
        Some((e, n)) if e == UTF_8 => &bytes[n..],
        Some((encoding, n)) => {
            return decode(bytes, forced).map_err(|problem| {
                // A UTF-16 file that breaks its own encoding (a lone
                // surrogate, an odd byte at the end): where it first breaks.
                let (text, _) = encoding.decode_without_bom_handling(&bytes[n..]);
                match text.find('\u{FFFD}') {
                    Some(at) => Box::new(at_byte(text.as_bytes(), at, shown, problem)),
                    None => fail(problem),
                }
            });
        }
        None => bytes,
    };
    let bom = bytes.len() - body.len();
    let utf16 = forced.is_some_and(|e| e == UTF_16LE || e == UTF_16BE)
        || (forced.is_none() && utf16_without_bom(body).is_some());
    if !toml && utf16 {
        return decode(bytes, forced).map_err(fail);
    }
    if let Some(kind) = binary_kind(body) {
        let problem = match kind {
            // Text with a NUL in it is damaged text, not a binary file.
            None if !many_controls(body) => Problem::NulByte,
            _ => Problem::Binary { looks_like: kind },
        };
        let d = match (kind, first_control(body)) {
            (None, Some(at)) => at_byte(bytes, bom + at, shown, problem),
            _ => *fail(problem),
        };
        return Err(Box::new(d));
    }
    let text = match std::str::from_utf8(body) {
        // Valid UTF-8 is read as UTF-8, whatever `--encoding` says: a
        // legacy encoding can only be meant for a file that is not.
        Ok(text) => {
            return Ok(Decoded {
                text: text.to_string(),
                legacy: None,
            });
        }
        Err(_) => body,
    };
    let forced_other = forced.filter(|e| *e != UTF_8);
    if let (false, Some(_)) = (toml, forced_other) {
        return decode(text, forced).map_err(fail);
    }
    let invalid = invalid_utf8(text);
    // A UTF-8 BOM says the file is UTF-8: never read as another encoding.
    if !toml && forced.is_none() && bom == 0 && looks_legacy(text, invalid.len()) {
        return decode(text, None).map_err(fail);
    }
    // UTF-8 but for a few bytes: an error at each (TOML: at the first).
    let shown_count = if toml { 1 } else { SHOWN_INVALID };
    let total = invalid.len();
    let mut errors: Vec<Diagnostic> = invalid
        .iter()
        .take(shown_count)
        .enumerate()
        .map(|(i, range)| {
            let more = if i + 1 == shown_count.min(total) {
                total - i - 1
            } else {
                0
            };
            let broken = &text[range.clone()];
            let mut hex = broken
                .iter()
                .take(16)
                .map(|b| format!("{b:02X}"))
                .collect::<Vec<_>>()
                .join(" ");
            if broken.len() > 16 {
                hex.push_str(&format!(" … ({} bytes)", broken.len()));
            }
            at_byte(
                bytes,
                bom + range.start,
                shown,
                Problem::InvalidUtf8 {
                    bytes: hex,
                    more,
                    toml,
                },
            )
        })
        .collect();
    let last = errors.pop().unwrap_or_else(|| {
        Diagnostic::error(
            Some(shown.to_path_buf()),
            Problem::BadEncoding { encoding: "UTF-8" },
        )
    });
    diags.extend(errors);
    Err(Box::new(last))
}

/// The byte ranges of the invalid UTF-8 sequences of `bytes`, each as the
/// standard library reports them (a maximal invalid prefix of a sequence).
fn invalid_utf8(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(_) => break,
            Err(e) => {
                let start = at + e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - start);
                // Invalid bytes side by side are one place to fix.
                match out.last_mut() {
                    Some(last) if last.end == start => last.end = start + len,
                    _ => out.push(start..start + len),
                }
                at = start + len;
            }
        }
    }
    out
}

/// Whether a file that is not valid UTF-8 is in a legacy encoding rather
/// than UTF-8 with a few broken bytes. The rule: it is legacy when it holds
/// no valid multi-byte UTF-8 character at all, or fewer of them than a
/// tenth of its invalid sequences (and a UTF-8 BOM rules it out, before
/// this is asked). A file saved as Windows-1258 forms a
/// valid UTF-8 pair only by accident (a capital followed by a symbol),
/// while every accented letter of it is invalid UTF-8; a UTF-8 file into
/// which a few bytes were pasted or damaged keeps its hundreds of
/// characters. The second is an error at each broken byte, never read as
/// another encoding.
fn looks_legacy(bytes: &[u8], invalid: usize) -> bool {
    let mut multi_byte = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        let (valid, skip) = match std::str::from_utf8(&bytes[at..]) {
            Ok(s) => (s, bytes.len() - at),
            Err(e) => {
                let valid = std::str::from_utf8(&bytes[at..at + e.valid_up_to()]).unwrap_or("");
                (
                    valid,
                    e.valid_up_to() + e.error_len().unwrap_or(bytes.len()),
                )
            }
        };
        multi_byte += valid.chars().filter(|c| !c.is_ascii()).count();
        at = at.saturating_add(skip.max(1));
    }
    multi_byte == 0 || multi_byte * 10 < invalid
}

/// The offset of the first NUL, or else of the first control character
/// that is not a line break, tab or form feed: what makes a file binary.
fn first_control(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes).or_else(|| {
        bytes
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
    })
}

/// A diagnostic at a byte offset of a file's raw bytes: its line (a LF, a
/// CRLF or a lone CR ends one, as when the file is parsed), its column in
/// characters (each invalid sequence counts as one, shown as U+FFFD) and
/// the line as a snippet.
pub fn at_byte(bytes: &[u8], offset: usize, shown: &Path, problem: Problem) -> Diagnostic {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let mut line = 1usize;
    let mut line_start = 0usize;
    for i in memchr::memchr2_iter(b'\n', b'\r', before) {
        let crlf = before[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
        if !crlf {
            line += 1;
            line_start = i + 1;
        }
    }
    let line_end =
        memchr::memchr2(b'\n', b'\r', &bytes[offset..]).map_or(bytes.len(), |p| offset + p);
    // A snippet shows at most a window around the place: the rest of a
    // long line would only be cut when shown.
    let from = line_start.max(offset.saturating_sub(400));
    let to = line_end.min(offset.saturating_add(400));
    let lead = String::from_utf8_lossy(&bytes[from..offset]);
    let column = String::from_utf8_lossy(&bytes[line_start..offset])
        .chars()
        .count();
    let text: String = String::from_utf8_lossy(&bytes[from..to])
        .chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    Diagnostic {
        severity: crate::diag::Severity::Error,
        file: Some(shown.to_path_buf()),
        line: u32::try_from(line).ok(),
        column: u32::try_from(column + 1).ok(),
        field: None,
        snippet: Some(crate::diag::Snippet {
            text,
            start: lead.chars().count(),
            width: 1,
        }),
        problem,
        sheet: None,
        cell: None,
        deferred: None,
    }
}

/// Reads a line break written as a lone CR (old Mac files, Excel's "CSV
/// (Macintosh)") as LF. Otherwise such a file is a single line, and its
/// rows would be skipped as if they were part of the header.
fn lone_cr_to_lf(text: String) -> String {
    let bytes = text.as_bytes();
    let lone = memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'));
    if !lone {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Decoded text, and the legacy encoding used when it was not Unicode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// The encoding's name when it was neither UTF-8 nor UTF-16.
    pub legacy: Option<&'static str>,
}

/// Decodes bytes. A BOM decides; otherwise `forced`, then UTF-8, then
/// Windows-1258.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, Problem> {
    let unicode = |text: String| Decoded { text, legacy: None };
    if let Some((bom_encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        return bom_encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .map(|s| unicode(s.into_owned()))
            .ok_or(Problem::BadEncoding {
                encoding: bom_encoding.name(),
            });
    }
    if forced.is_none()
        && let Some(encoding) = utf16_without_bom(bytes)
    {
        return encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|s| Decoded {
                text: s.into_owned(),
                legacy: Some(encoding.name()),
            })
            .ok_or(Problem::BadEncoding {
                encoding: encoding.name(),
            });
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(Problem::Binary { looks_like: kind });
    }
    match forced {
        Some(encoding) if encoding == UTF_8 => std::str::from_utf8(bytes)
            .map(|s| unicode(s.to_string()))
            .map_err(|_| Problem::BadEncoding { encoding: "UTF-8" }),
        Some(encoding) => encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|s| Decoded {
                text: s.into_owned(),
                legacy: (encoding != UTF_16LE && encoding != UTF_16BE).then_some(encoding.name()),
            })
            .ok_or(Problem::BadEncoding {
                encoding: encoding.name(),
            }),
        None => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(unicode(s.to_string())),
            Err(_) => {
                let (text, _, _) = WINDOWS_1258.decode(bytes);
                Ok(Decoded {
                    text: text.into_owned(),
                    legacy: Some(WINDOWS_1258.name()),
                })
            }
        },
    }
}

/// Recognises UTF-16 that lost its BOM: text whose every other byte is
/// zero (ASCII letters, digits and delimiters in UTF-16), on one side only.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // Vietnamese text in UTF-16 still has mostly ASCII code units.
    if odd * 10 >= pairs * 6 && even * 50 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 6 && odd * 50 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Recognises binary files: known signatures, NUL bytes, or many control
/// characters.
pub(crate) fn binary_kind(bytes: &[u8]) -> Option<Option<&'static str>> {
    const SIGNATURES: [(&[u8], &str); 6] = [
        (b"PK\x03\x04", "Excel .xlsx / ZIP"),
        (b"\xD0\xCF\x11\xE0", "Excel .xls / Word .doc"),
        (b"%PDF", "PDF"),
        (b"\x89PNG", "PNG"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"\x7FELF", "ELF"),
    ];
    for (magic, name) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Some(Some(name));
        }
    }
    // A NUL is looked for further than the rest: as far as a streamed
    // file is looked at before it is streamed, so both paths agree.
    let nul_head = &bytes[..bytes.len().min(1 << 16)];
    if memchr::memchr(0, nul_head).is_some() {
        return Some(None);
    }
    many_controls(bytes).then_some(None)
}

/// Whether the start of a file has many control characters (other than
/// line breaks, tabs and form feeds): a binary file, not damaged text.
fn many_controls(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("mã".as_bytes(), None).unwrap().text, "mã");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("mã".as_bytes());
        let d = decode(&bom, None).unwrap();
        assert_eq!((d.text.as_str(), d.legacy), ("mã", None));
    }

    #[test]
    fn utf16_with_bom_is_excel_unicode_text() {
        let mut le = vec![0xFF, 0xFE];
        for u in "mã\tđạt".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le, None).unwrap();
        assert_eq!((d.text.as_str(), d.legacy), ("mã\tđạt", None));
        let mut be = vec![0xFE, 0xFF];
        for u in "mã".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be, None).unwrap().text, "mã");
    }

    #[test]
    fn not_utf8_is_read_as_windows_1258() {
        // "Nguyễn" in Windows-1258: e + circumflex as 0xEA, tilde as combining 0xDE.
        let bytes = b"Nguy\xEA\xDEn";
        let d = decode(bytes, None).unwrap();
        assert_eq!(crate::text::nfc(&d.text), "Nguyễn");
        assert_eq!(d.legacy, Some("windows-1258"));
    }

    #[test]
    fn lone_carriage_returns_are_line_breaks() {
        assert_eq!(lone_cr_to_lf("a,b\r1,2\r".into()), "a,b\n1,2\n");
        assert_eq!(lone_cr_to_lf("a,b\r\n1,2\r\n".into()), "a,b\r\n1,2\r\n");
        assert_eq!(lone_cr_to_lf("đạt\r\rx".into()), "đạt\n\nx");
    }

    #[test]
    fn utf16_that_lost_its_bom_is_read_with_a_warning() {
        let text = "mã,họ và tên\nNV01,Nguyễn Văn Ánh\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode(&bytes, None).unwrap();
            assert_eq!((d.text.as_str(), d.legacy), (text, Some(name)));
        }
    }

    #[test]
    fn legacy_only_when_it_does_not_look_like_utf8() {
        let mostly = "Nguyễn Thị Thanh Tâm, Lê Hoàng Yến\n".repeat(3);
        let mut bytes = mostly.into_bytes();
        bytes.extend_from_slice(b"Nguy\xff\xfen\n");
        let invalid = invalid_utf8(&bytes);
        assert_eq!(invalid.len(), 1, "FF FE side by side are one place");
        assert!(!looks_legacy(&bytes, invalid.len()));
        let cp1258 = b"id,name\nNV01,Nguy\xEA\xDEn V\xE3n\n";
        assert!(looks_legacy(cp1258, invalid_utf8(cp1258).len()));
    }

    #[test]
    fn a_byte_is_located_by_line_and_character() {
        // "a,b", CRLF, "đạt," then 0xFF, a lone CR, "x".
        let bytes = b"a,b\r\n\xc4\x91\xe1\xba\xa1t,\xff\rx\n";
        let offset = bytes.iter().position(|&b| b == 0xFF).unwrap_or(0);
        let d = at_byte(bytes, offset, Path::new("f.csv"), Problem::NulByte);
        assert_eq!((d.line, d.column), (Some(2), Some(5)));
        let x = bytes.iter().position(|&b| b == b'x').unwrap_or(0);
        let d = at_byte(bytes, x, Path::new("f.csv"), Problem::NulByte);
        assert_eq!(
            (d.line, d.column),
            (Some(3), Some(1)),
            "a lone CR ends a line"
        );
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"PK\x03\x04rest", None),
            Err(Problem::Binary {
                looks_like: Some(_)
            })
        ));
        assert!(matches!(
            decode(b"\0\0\x01\x02 garbage \0\0\xff\x00", None),
            Err(Problem::Binary { looks_like: None })
        ));
    }
}
