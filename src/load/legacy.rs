//! Recognises Vietnamese typed with the legacy TCVN3 (ABC) or VNI fonts.
//!
//! Before Unicode, Vietnamese was typed with fonts such as `.VnTime` (TCVN3)
//! or `VNI-Times` (VNI) that draw Vietnamese letters in place of Latin-1
//! symbols. Such text survives copy and paste into Unicode files as gibberish:
//! `NguyÔn V¨n` (TCVN3) or `Nguyeãn Vaên` (VNI) for "Nguyễn Văn". The signs
//! are Latin-1 symbols or non-Vietnamese letters glued to Latin letters; a
//! Vietnamese text in Unicode or Windows-1258 has none of them.

/// Whether `c`, right after `previous`, is a sign of TCVN3: a Latin-1
/// symbol glued to a letter (`V¨n` for Văn, `Ph¹m` for Phạm), or a Latin-1
/// capital right after a small letter (`NguyÔn` for Nguyễn, `ThÞ` for Thị).
/// Quotes and signs that real text glues to words (« » © ® ° ±) are not signs.
fn tcvn3_sign(previous: char, c: char) -> bool {
    match c {
        '\u{ab}' | '\u{bb}' | '\u{a9}' | '\u{ae}' | '\u{b0}' | '\u{b1}' => false,
        '\u{a1}'..='\u{bf}' => previous.is_ascii_alphabetic(),
        '\u{c0}'..='\u{de}' => previous.is_ascii_lowercase(),
        _ => false,
    }
}

/// Whether `c`, right after `previous`, is a sign of VNI: a letter
/// Vietnamese never uses, glued to a letter (`Sôû` for Sở, `tröôøng` for
/// trường, `hoïc` for học).
fn vni_sign(previous: char, c: char) -> bool {
    previous.is_alphabetic()
        && matches!(
            c,
            'ø' | 'Ø'
                | 'û'
                | 'Û'
                | 'ï'
                | 'Ï'
                | 'ñ'
                | 'Ñ'
                | 'ö'
                | 'Ö'
                | 'ä'
                | 'Ä'
                | 'ë'
                | 'Ë'
                | 'å'
                | 'Å'
                | 'ü'
                | 'Ü'
                | 'æ'
                | 'Æ'
        )
}

/// The legacy encoding a text seems typed in, and a sample of it. `None` for
/// ordinary text.
pub fn detect(text: &str) -> Option<(&'static str, String)> {
    // Legacy fonts show on every line of Vietnamese: the first 64 KiB (a
    // thousand lines or so) tell as well as the whole file.
    let mut end = text.len().min(1 << 16);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    if text.is_ascii() {
        return None;
    }
    let (mut tcvn3, mut vni, mut non_ascii) = (0usize, 0usize, 0usize);
    let mut first: Option<usize> = None;
    let mut previous = ' ';
    for (i, c) in text.char_indices() {
        if !c.is_ascii() {
            non_ascii += 1;
            if tcvn3_sign(previous, c) {
                tcvn3 += 1;
                first.get_or_insert(i);
            } else if vni_sign(previous, c) {
                vni += 1;
                first.get_or_insert(i);
            }
        }
        previous = c;
    }
    let signs = tcvn3.max(vni);
    if signs < 3 || signs * 5 < non_ascii {
        return None;
    }
    let name = if tcvn3 >= vni { "TCVN3" } else { "VNI" };
    let at = first.unwrap_or(0);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let sample: String = text[line_start..]
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    Some((name, sample))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_vietnamese_is_not_legacy() {
        assert_eq!(
            detect("id,name\nNV01,Nguyễn Văn Ánh\nNV02,Trần Thị Ưng Đào\n"),
            None
        );
        assert_eq!(
            detect("evidence\n« Sáng kiến » số 12 ©2023\n«Đề án» ®\n"),
            None
        );
        assert_eq!(
            detect("name\nTRẦN THỊ HÀ\nLÊ VĂN ÁNH\nNGÔ BẢO CHÂU\n"),
            None
        );
    }

    #[test]
    fn tcvn3_text_is_recognised() {
        // "Nguyễn Văn Đức, Phạm Thị Hằng, Sở Khoa học" typed in .VnTime
        let text = "id,name\nNV01,NguyÔn V¨n §øc\nNV02,Ph¹m ThÞ H»ng\nSO,Së Khoa häc\n";
        assert_eq!(detect(text).map(|d| d.0), Some("TCVN3"));
    }

    #[test]
    fn vni_text_is_recognised() {
        // "Nguyễn Văn Đức, Sở Khoa học và Công nghệ, trường" typed in VNI-Times
        let text = "id,name\nNV01,Nguyeãn Vaên Ñöùc\nSO,Sôû Khoa hoïc vaø Coâng ngheä\nT,tröôøng\n";
        assert_eq!(detect(text).map(|d| d.0), Some("VNI"));
    }
}
