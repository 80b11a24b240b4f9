//! Text helpers shared by the loader and the renderers: Unicode
//! normalisation, folding for tolerant matching, suggestions for typos, and
//! the Vietnamese order of personal names.

use std::borrow::Cow;
use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The text in Unicode NFC, borrowed when it already is (the common case;
/// ASCII is told inline).
#[inline]
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    nfc_of_non_ascii(text)
}

fn nfc_of_non_ascii(text: &str) -> Cow<'_, str> {
    if precomposed(text) {
        return Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// Whether two short texts are the same: the row memos compare an id or a
/// review of a few bytes on every row, and a call to `memcmp` for it cost
/// about 40 instructions (callgrind); words read from both ends cost a few.
#[inline]
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word8 = |s: &[u8], at: usize| {
        s.get(at..at + 8)
            .map(|w| u64::from_le_bytes(w.try_into().unwrap_or([0; 8])))
    };
    let word4 = |s: &[u8], at: usize| {
        s.get(at..at + 4)
            .map(|w| u32::from_le_bytes(w.try_into().unwrap_or([0; 4])))
    };
    match n {
        0..=3 => a == b,
        4..=8 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        9..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        _ => a == b,
    }
}

/// Whether every character is below U+0300 or in Latin Extended
/// Additional (U+1E00 to U+1EFF): Vietnamese in precomposed form, the
/// common case, which NFC never changes (those letters are neither changed
/// nor composed with one another). Told from the UTF-8 bytes: a lead byte
/// C2 to CB starts a character below U+0300, E1 B8 to E1 BB one of Latin
/// Extended Additional.
fn precomposed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        return true;
    }
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += match b {
            0x00..=0x7F => 1,
            0xC2..=0xCB => 2,
            0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => 3,
            _ => return false,
        };
    }
    true
}

/// The text without white space around it, as `str::trim`, found fast: only
/// a text that starts or ends with ASCII white space or a non-ASCII lead
/// byte of a Unicode space (NBSP...) is trimmed at all. Most cells and dates
/// have none, and their end bytes say so at once.
pub fn trim(cell: &str) -> &str {
    let bytes = cell.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return cell;
    };
    // Lead bytes of the Unicode white space characters (U+0085, U+00A0,
    // U+1680, U+2000 to U+205F, U+3000).
    let may_start_space = |b: u8| b.is_ascii_whitespace() || matches!(b, 0xC2 | 0xE1..=0xE3);
    if !may_start_space(first) && last < 0x80 && !last.is_ascii_whitespace() {
        return cell;
    }
    let t = cell.trim_ascii();
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(a), Some(b)) if *a >= 0x80 || *b >= 0x80 => t.trim(),
        _ => t,
    }
}

/// The first character an id may not hold, with its position from 1: a
/// control character, a space of any kind, or an invisible format
/// character (zero-width space and joiners, a byte-order mark, direction
/// marks, the soft hyphen).
pub fn bad_id_char(id: &str) -> Option<(usize, char)> {
    // An ASCII id, the usual one, is told by its bytes: only controls and
    // the space are bad there (a tenth of the instructions of the chars).
    if id.is_ascii() {
        let at = id.bytes().position(|b| b <= b' ' || b == 0x7F)?;
        return Some((at + 1, char::from(id.as_bytes()[at])));
    }
    id.chars()
        .enumerate()
        .map(|(i, c)| (i + 1, c))
        .find(|&(_, c)| {
            c.is_control()
                || c.is_whitespace()
                || matches!(c,
                '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
        })
}

/// An id's skeleton (Unicode TR39): two ids with the same skeleton look
/// alike, whatever their letters.
pub fn skeleton(id: &str) -> String {
    unicode_security::confusable_detection::skeleton(id).collect()
}

/// Folds a header name or a code for tolerant matching: lower case, no
/// diacritics (`đ` becomes `d`), and no spaces, underscores or hyphens.
/// `Tổng số phiếu` and `tong_so_phieu` both fold to `tongsophieu`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // No diacritics to take off: the usual case of codes, done by bytes.
        return text
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'_' | b'-' | b'\t'))
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    fold_chars(text)
}

/// [`fold`] character by character, for any text.
fn fold_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            'đ' | 'Đ' => out.push('d'),
            ' ' | '_' | '-' | '\t' | '\u{a0}' => {}
            c if is_combining_mark(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}')
}

/// The candidate closest to `input` by edit distance, if it is close enough
/// to be a likely typo ("did you mean TT1?"). Two letters swapped count as
/// one edit (optimal string alignment); between candidates as close, the
/// more alike by Jaro-Winkler wins (`NV91` is `NV19` typed fast before it
/// is `NV01`), then the first.
pub fn suggest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(input, candidates, false)
}

/// [`suggest`] among candidates in no order (the keys of a map): between
/// candidates as close and as alike, the least wins, as if they had been
/// sorted first. Sorting a hundred thousand ids for one typo cost more
/// than looking at them.
pub fn suggest_unordered<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(input, candidates, true)
}

fn closest<'a, I>(input: &str, candidates: I, least: bool) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let folded = fold(input);
    let length = folded.chars().count();
    let limit = (length / 3).max(1);
    let mut best: Option<(usize, f64, &'a str)> = None;
    for c in candidates {
        // An edit changes the length by one at most: a candidate longer or
        // shorter by more than the limit is passed over before its distance
        // is worked out (a hundred thousand ids against one typo).
        if ascii_folded_len(c).is_some_and(|n| n.abs_diff(length) > limit) {
            continue;
        }
        let other = fold(c);
        let distance = strsim::osa_distance(&folded, &other);
        if distance > limit {
            continue;
        }
        let alike = strsim::jaro_winkler(&folded, &other);
        let better = best.is_none_or(|(d, a, b)| {
            distance < d || (distance == d && (alike > a || (least && alike == a && c < b)))
        });
        if better {
            best = Some((distance, alike, c));
        }
    }
    best.map(|(_, _, c)| c)
}

/// The length in characters of an ASCII text once folded ([`fold`] drops
/// spaces, underscores, hyphens and tabs); `None` for any other text.
fn ascii_folded_len(text: &str) -> Option<usize> {
    text.is_ascii().then(|| {
        text.bytes()
            .filter(|b| !matches!(b, b' ' | b'_' | b'-' | b'\t'))
            .count()
    })
}

/// Compares Vietnamese personal names the way official lists order them: by
/// given name (the last word), then the middle names, then the family name,
/// each in Vietnamese alphabetical order (a ă â b c d đ e ê …).
pub struct NameOrder {
    collator: Option<CollatorBorrowed<'static>>,
}

impl Default for NameOrder {
    fn default() -> Self {
        Self::new()
    }
}

impl NameOrder {
    /// A comparer with the Vietnamese collation of the Unicode CLDR. Should
    /// the collation data be unavailable, names are compared by code point.
    pub fn new() -> Self {
        let locale = icu_locale_core::locale!("vi");
        let collator = CollatorBorrowed::try_new(
            CollatorPreferences::from(&locale),
            CollatorOptions::default(),
        )
        .ok();
        NameOrder { collator }
    }

    /// Compares two words or phrases in Vietnamese alphabetical order.
    pub fn compare_words(&self, a: &str, b: &str) -> Ordering {
        match &self.collator {
            Some(c) => c.compare(a, b),
            None => a.cmp(b),
        }
    }

    /// Compares two full names: given name, then middle names, then family name.
    pub fn compare_names(&self, a: &str, b: &str) -> Ordering {
        let (ga, ma, fa) = split_name(a);
        let (gb, mb, fb) = split_name(b);
        self.compare_words(ga, gb)
            .then_with(|| self.compare_words(ma, mb))
            .then_with(|| self.compare_words(fa, fb))
    }
}

/// Splits a Vietnamese full name into (given, middle, family): `Nguyễn Thị
/// Minh Khai` gives (`Khai`, `Thị Minh`, `Nguyễn`).
pub fn split_name(name: &str) -> (&str, &str, &str) {
    let name = name.trim();
    let Some((rest, given)) = name.rsplit_once(char::is_whitespace) else {
        return (name, "", "");
    };
    let rest = rest.trim_end();
    match rest.split_once(char::is_whitespace) {
        Some((family, middle)) => (given, middle.trim(), family),
        None => (given, "", rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_tells_a_difference_at_every_byte() {
        for n in 0..24 {
            let a = "x".repeat(n);
            assert!(same(&a, &a.clone()));
            for at in 0..n {
                let mut b = a.clone().into_bytes();
                b[at] = b'y';
                let b = String::from_utf8(b).unwrap();
                assert!(!same(&a, &b), "{n} {at}");
            }
        }
    }

    proptest::proptest! {
        /// `same` is `==`, for texts of every length around its words.
        #[test]
        fn same_is_equality(a in "[ab\u{1EA1}]{0,20}", b in "[ab\u{1EA1}]{0,20}") {
            proptest::prop_assert_eq!(same(&a, &b), a == b);
            proptest::prop_assert!(same(&a, &a.clone()));
        }

        #[test]
        fn precomposed_is_told_from_the_bytes(text in "\\PC{0,12}") {
            let by_chars = text
                .chars()
                .all(|c| c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c));
            proptest::prop_assert_eq!(precomposed(&text), by_chars);
        }

        #[test]
        fn precomposed_vietnamese_is_told_from_the_bytes(
            text in "[a-zA-Z0-9 àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ\u{300}\u{301}\u{303}\u{309}\u{323}\u{1DC0}\u{1F00}]{0,12}"
        ) {
            let by_chars = text
                .chars()
                .all(|c| c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c));
            proptest::prop_assert_eq!(precomposed(&text), by_chars);
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_is_str_trim(
            text in "[ \\t\\r\\n\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}a-zà-ỹĐđ]{0,6}",
        ) {
            proptest::prop_assert_eq!(trim(&text), text.trim());
        }
    }

    #[test]
    fn texts_are_trimmed_of_ascii_and_unicode_white_space() {
        for (cell, trimmed) in [
            ("", ""),
            ("đạt", "đạt"),
            ("  đạt\t", "đạt"),
            ("\u{a0}NV01\u{a0}", "NV01"),
            ("nữ", "nữ"),
            ("nữ\u{3000}", "nữ"),
            ("\u{2003}x", "x"),
            (" \r\n", ""),
            ("a b", "a b"),
        ] {
            assert_eq!(trim(cell), trimmed, "{cell:?}");
        }
    }

    #[test]
    fn fold_ignores_case_diacritics_and_separators() {
        assert_eq!(fold("Tổng số phiếu"), "tongsophieu");
        assert_eq!(fold("votes_total"), "votestotal");
        assert_eq!(fold("Đơn vị"), "donvi");
        assert_eq!(fold("MÃ"), "ma");
    }

    proptest::proptest! {
        #[test]
        fn fold_of_ascii_is_the_same_by_bytes(text in "[ -~\t]{0,24}") {
            proptest::prop_assert_eq!(fold(&text), fold_chars(&text));
        }
    }

    #[test]
    fn nfc_composes_decomposed_vietnamese() {
        let decomposed = "Nguye\u{0302}\u{0303}n";
        assert_eq!(nfc(decomposed), "Nguyễn");
        assert!(matches!(nfc("Nguyễn"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_fast_nfc_path_agrees_with_normalisation() {
        let fast = ('\u{0}'..'\u{300}').chain('\u{1E00}'..='\u{1EFF}');
        let all: String = fast.clone().collect();
        assert_eq!(
            all.nfc().collect::<String>(),
            all,
            "these characters are NFC"
        );
        for c in fast {
            let pair = format!("a{c}ê{c}");
            assert_eq!(nfc(&pair), pair.nfc().collect::<String>(), "{c:?}");
        }
        assert_eq!(nfc("Trần Thị Hằng"), "Trần Thị Hằng");
        assert_eq!(nfc("A\u{30A}"), "Å");
        assert_eq!(nfc("\u{212B}"), "Å", "a singleton outside the fast path");
    }

    proptest::proptest! {
        /// The bytes of an ASCII id tell what its characters tell.
        #[test]
        fn ascii_ids_are_told_by_their_bytes(id in "[\\x00-\\x7F]{0,12}") {
            let by_chars = id.chars().enumerate().find(|&(_, c)| c.is_control() || c.is_whitespace());
            proptest::prop_assert_eq!(bad_id_char(&id), by_chars.map(|(i, c)| (i + 1, c)));
        }
    }

    #[test]
    fn ids_with_invisible_or_space_characters_are_told() {
        assert_eq!(bad_id_char("NV04"), None);
        assert_eq!(bad_id_char("CCTĐC"), None);
        assert_eq!(bad_id_char("NV\u{200b}04"), Some((3, '\u{200b}')));
        assert_eq!(bad_id_char("\u{feff}NV04"), Some((1, '\u{feff}')));
        assert_eq!(bad_id_char("NV 04"), Some((3, ' ')));
        assert_eq!(bad_id_char("NV\t04"), Some((3, '\t')));
        // A Cyrillic С for a Latin C looks the same.
        assert_eq!(skeleton("\u{0421}CTDC"), skeleton("CCTDC"));
        assert_ne!(skeleton("CCTDC"), skeleton("CCTĐC"));
    }

    /// Two letters swapped are one slip: `NV91` is `NV19` before `NV01`.
    #[test]
    fn a_transposition_is_the_closest_typo() {
        assert_eq!(suggest("NV91", ["NV01", "NV19"]), Some("NV19"));
        assert_eq!(suggest("NV91", ["NV19", "NV01"]), Some("NV19"));
        assert_eq!(suggest("PQKLH", ["PQLKH", "PQLCN"]), Some("PQLKH"));
    }

    proptest::proptest! {
        /// Passing over candidates by length changes no answer, and the
        /// unordered search answers as the search of the sorted ids.
        #[test]
        fn suggestions_pass_over_only_the_too_long_or_short(
            input in "[A-Za-z0-9_ ]{1,9}",
            ids in proptest::collection::vec("[A-Za-zđ0-9_ -]{0,9}", 0..30),
        ) {
            fn by_distance<'a>(input: &str, ids: &'a [String]) -> Option<&'a str> {
                let folded = fold(input);
                let limit = (folded.chars().count() / 3).max(1);
                ids.iter()
                    .map(|c| (strsim::osa_distance(&folded, &fold(c)), c))
                    .filter(|(d, _)| *d <= limit)
                    .min_by(|(d, c), (e, b)| {
                        let (x, y) = (fold(c), fold(b));
                        d.cmp(e).then(
                            strsim::jaro_winkler(&folded, &y)
                                .total_cmp(&strsim::jaro_winkler(&folded, &x)),
                        )
                    })
                    .map(|(_, c)| c.as_str())
            }
            let mut sorted = ids.clone();
            sorted.sort();
            sorted.dedup();
            let first = suggest(&input, sorted.iter().map(String::as_str));
            proptest::prop_assert_eq!(first, by_distance(&input, &sorted));
            let unordered = suggest_unordered(&input, ids.iter().rev().map(String::as_str));
            proptest::prop_assert_eq!(unordered, first);
        }
    }

    #[test]
    fn suggestions_catch_typos_only() {
        let codes = ["TT1", "TT2", "CN1", "XS"];
        assert_eq!(suggest("TTI", codes), Some("TT1"));
        assert_eq!(suggest("tt2", codes), Some("TT2"));
        assert_eq!(suggest("ABCDEF", codes), None);
    }

    #[test]
    fn names_split_into_given_middle_family() {
        assert_eq!(
            split_name("Nguyễn Thị Minh Khai"),
            ("Khai", "Thị Minh", "Nguyễn")
        );
        assert_eq!(split_name("Lê Hà"), ("Hà", "", "Lê"));
        assert_eq!(split_name("Hà"), ("Hà", "", ""));
    }

    #[test]
    fn names_sort_by_given_name_in_vietnamese_order() {
        let order = NameOrder::new();
        let mut names = vec![
            "Trần Văn Đức",
            "Nguyễn Văn Dũng",
            "Lê Thị Ân",
            "Phạm An",
            "Võ Thị Ăn",
            "Nguyễn Thị An",
        ];
        names.sort_by(|a, b| order.compare_names(a, b));
        assert_eq!(
            names,
            vec![
                "Phạm An",
                "Nguyễn Thị An",
                "Võ Thị Ăn",
                "Lê Thị Ân",
                "Nguyễn Văn Dũng",
                "Trần Văn Đức"
            ]
        );
    }
}
