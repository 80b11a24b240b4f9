//! Reading a file into text: size and binary checks, encodings, BOMs.
//!
//! UTF-8 with or without a BOM is the norm. A UTF-16 file with a BOM (what
//! Excel writes as "Unicode text") is decoded. A file that is not valid UTF-8
//! is read as Windows-1258, the legacy Vietnamese code page, with a warning;
//! `--encoding` names another. Text typed with the legacy TCVN3 or VNI fonts
//! is recognised and refused with a way to convert it.

use std::fs;
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

/// Reads and decodes a file. Warnings (another encoding used) go to `diags`.
pub fn read_text(
    path: &Path,
    shown: &Path,
    encoding: Option<&'static Encoding>,
    diags: &mut Vec<Diagnostic>,
) -> Result<TextFile, Box<Diagnostic>> {
    let fail = |problem| Box::new(Diagnostic::error(Some(shown.to_path_buf()), problem));
    let meta = fs::metadata(path).map_err(|e| {
        fail(Problem::Unreadable {
            reason: e.to_string(),
        })
    })?;
    if meta.is_dir() {
        return Err(fail(Problem::Unreadable {
            reason: "is a directory".into(),
        }));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(Problem::TooLarge {
            limit: MAX_FILE_BYTES,
        }));
    }
    let bytes = fs::read(path).map_err(|e| {
        fail(Problem::Unreadable {
            reason: e.to_string(),
        })
    })?;
    // The common case, UTF-8 without a BOM, keeps the bytes read as the
    // text: no copy of a large file.
    let plain_utf8 = encoding.is_none_or(|e| e == UTF_8) && Encoding::for_bom(&bytes).is_none();
    let mut decoded = match String::from_utf8(bytes) {
        Ok(text) if plain_utf8 && binary_kind(text.as_bytes()).is_none() => {
            Decoded { text, legacy: None }
        }
        Ok(text) => decode(text.as_bytes(), encoding).map_err(fail)?,
        Err(e) => decode(e.as_bytes(), encoding).map_err(fail)?,
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
    if forced.is_none() {
        if let Some(encoding) = utf16_without_bom(bytes) {
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
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Some(None);
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    (controls * 20 > head.len().max(1)).then_some(None)
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
