//! The records of a CSV file, found block by block: the fast reader every
//! loader reads through ([`crate::load::csv_table`] gives its records a
//! header and positions). It knows bytes, cells and lines; nothing of
//! reviews, ids or messages.
//!
//! Most lines of a clerk's file are a record of their own: such a line is
//! split on the delimiter where it lies in the block read (delimiters, line
//! breaks and quotes are found eight bytes at a time), and its UTF-8 was
//! checked with the whole block. A cell in quotes is taken between them when
//! it closes on its line right before the delimiter or the line's end with
//! no quote inside (what Excel writes for a cell holding the delimiter).
//! Any other line with a quote, or with a carriage return other than its
//! last byte, is handed to [`csv_core`], the parser of the `csv` crate,
//! which reads that one record (a quoted cell may run over several lines)
//! before the fast way resumes. Either way a record is what the `csv` crate
//! would read, with RFC 4180 quoting, and CR, LF and CRLF line ends; empty
//! lines are no records (a property test compares the two on random text).
//!
//! Each record says where it starts: the offset of its first byte and the
//! line breaks before it. Lone CRs are noticed (the caller reads such a file
//! again, decoded in memory) but do not stop the scan.

use std::io::{self, Read};
use std::ops::ControlFlow;

use csv_core::{ReadRecordResult, ReaderBuilder};

/// Bytes read from the source at a time; a record longer than this makes
/// the buffer grow.
const BLOCK: usize = 1 << 16;

/// One record, as found.
pub struct Found<'a> {
    /// Its cells' bytes: the line itself, or for a record read by the parser,
    /// the unquoted cells one after the other.
    pub bytes: &'a [u8],
    /// The same as text, when the block it lies in was checked as UTF-8.
    pub text: Option<&'a str>,
    /// Each cell's start and end in `bytes`.
    pub cells: &'a [(usize, usize)],
    /// Whether it is a line read in place: no cell of it holds a line
    /// break.
    pub plain: bool,
    /// Offset of its first byte, from the start of the source.
    pub byte: usize,
    /// Line breaks (LF) before it, from the start of the source.
    pub breaks: u32,
}

/// How a scan ended.
pub struct Scanned {
    /// Line breaks (LF) read.
    pub breaks: u32,
    /// Whether a CR not followed by LF was read.
    pub lone_cr: bool,
    /// Whether `visit` stopped the scan.
    pub stopped: bool,
    /// A read that failed, which ended the scan.
    pub error: Option<io::Error>,
}

/// Reads the records of `source` (a piece of a file starting at a record),
/// calling `visit` on each until it breaks. The bytes are read into `buf`,
/// whatever it held: a thread that reads several pieces keeps one (its
/// pages are touched once).
pub fn scan(
    source: impl Read,
    delimiter: u8,
    buf: &mut Vec<u8>,
    visit: impl FnMut(&Found<'_>) -> ControlFlow<()>,
) -> Scanned {
    scan_in_blocks(source, delimiter, BLOCK, buf, visit)
}

/// [`scan`], reading `block` bytes at a time (tests use tiny blocks to
/// cut records everywhere).
fn scan_in_blocks(
    mut source: impl Read,
    delimiter: u8,
    block: usize,
    buf: &mut Vec<u8>,
    mut visit: impl FnMut(&Found<'_>) -> ControlFlow<()>,
) -> Scanned {
    // The parser is built (its tables made) only when a line needs it.
    let mut parser = None;
    let block = block.max(1);
    // What it holds is never read before it is written: only its size
    // matters.
    if buf.len() < block {
        buf.resize(block, 0);
    }
    // End of the bytes read, in buf.
    let mut end = 0usize;
    // Offset of buf[0] in the source.
    let mut base = 0usize;
    // Next byte to look at, in buf: always the start of a line, or the
    // rest of a line after a record the parser read.
    let mut pos = 0usize;
    let mut eof = false;
    let mut scanned = Scanned {
        breaks: 0,
        lone_cr: false,
        stopped: false,
        error: None,
    };
    // Whether the last byte read so far was a CR.
    let mut cr_at_end = false;
    let mut cells: Vec<(usize, usize)> = Vec::with_capacity(16);
    let mut out: Vec<u8> = vec![0; 1024];
    let mut ends: Vec<usize> = vec![0; 64];
    loop {
        // Keep what is left (a line begun), read more after it.
        if pos > 0 {
            buf.copy_within(pos..end, 0);
            base += pos;
            end -= pos;
            pos = 0;
        }
        if !eof {
            if buf.len() - end < (block / 2).max(1) {
                // A line longer than the buffer: make room.
                let more = buf.len().max(block);
                buf.resize(buf.len() + more, 0);
            }
            let old = end;
            while end < buf.len() {
                match source.read(&mut buf[end..]) {
                    Ok(0) => {
                        eof = true;
                        break;
                    }
                    Ok(n) => end += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        scanned.error = Some(e);
                        return scanned;
                    }
                }
            }
            let new = &buf[old..end];
            if cr_at_end && new.first().is_some_and(|b| *b != b'\n') {
                scanned.lone_cr = true;
            }
            if memchr::memchr_iter(b'\r', new).any(|i| new.get(i + 1).is_some_and(|b| *b != b'\n'))
            {
                scanned.lone_cr = true;
            }
            if let Some(last) = new.last() {
                cr_at_end = *last == b'\r';
            }
        }
        // The whole lines read (all of it at the end), checked as UTF-8
        // at once.
        let whole = if eof {
            end
        } else {
            match memchr::memrchr(b'\n', &buf[..end]) {
                Some(i) => i + 1,
                None => continue,
            }
        };
        let lines = &buf[..whole];
        let checked = simdutf8::basic::from_utf8(lines).ok();
        let has_cr = memchr::memchr(b'\r', &lines[pos..]).is_some();
        // Lines are split where the delimiter, a line break or a quote is.
        'lines: while pos < whole {
            let mut marks = Marks::new(&lines[pos..], delimiter);
            let mut start = pos;
            let mut line = pos;
            let mut cell = pos;
            // A last cell in quotes: where its text starts and ends.
            let mut quoted_last: Option<(usize, usize)> = None;
            cells.clear();
            loop {
                let (at, is_delimiter) = match marks.next() {
                    Some((i, is_delimiter)) => (start + i, is_delimiter),
                    // The last line, without a line break.
                    None => (whole, false),
                };
                if is_delimiter {
                    cells.push((cell - line, at - line));
                    cell = at + 1;
                    continue;
                }
                if at < whole && lines[at] == b'"' {
                    // A cell in quotes, closed on its line and right before
                    // the delimiter or the line's end, with no quote inside:
                    // its text is between them. Anything else is the
                    // parser's.
                    let close = (at == cell)
                        .then(|| memchr::memchr2(b'"', b'\n', &lines[at + 1..whole]))
                        .flatten()
                        .map(|i| at + 1 + i)
                        .filter(|&q| lines[q] == b'"');
                    let Some(q) = close else {
                        break;
                    };
                    match lines.get(q + 1) {
                        Some(&d) if d == delimiter => {
                            cells.push((at + 1 - line, q - line));
                            cell = q + 2;
                            start = q + 2;
                        }
                        Some(b'\n') | None => {
                            quoted_last = Some((at + 1, q));
                            start = q + 1;
                        }
                        Some(b'\r') if lines.get(q + 2) == Some(&b'\n') => {
                            quoted_last = Some((at + 1, q));
                            start = q + 1;
                        }
                        _ => break,
                    }
                    marks = Marks::new(&lines[start.min(whole)..], delimiter);
                    continue;
                }
                // The end of a line.
                let body = lines[line..at]
                    .strip_suffix(b"\r")
                    .unwrap_or(&lines[line..at]);
                let plain = !has_cr || memchr::memchr(b'\r', body).is_none();
                if !plain {
                    break;
                }
                if !body.is_empty() {
                    match quoted_last.take() {
                        Some((from, to)) => cells.push((from - line, to - line)),
                        None => {
                            let last = (cell - line).min(body.len());
                            cells.push((last, body.len()));
                        }
                    }
                    let found = Found {
                        bytes: body,
                        text: checked.and_then(|t| t.get(line..line + body.len())),
                        cells: &cells,
                        plain: true,
                        byte: base + line,
                        breaks: scanned.breaks,
                    };
                    if visit(&found).is_break() {
                        scanned.stopped = true;
                        return scanned;
                    }
                }
                if at == whole {
                    pos = whole;
                    continue 'lines;
                }
                scanned.breaks += 1;
                line = at + 1;
                cell = line;
                quoted_last = None;
                cells.clear();
            }
            // A quote or a lone CR on the line from `line`: the parser reads
            // this record, to its end wherever that is. Line ends it would
            // skip first are skipped here, so that the record starts at its
            // first byte.
            pos = line;
            let mut next_line = false;
            while pos < whole && matches!(buf[pos], b'\r' | b'\n') {
                if buf[pos] == b'\n' {
                    scanned.breaks += 1;
                    next_line = true;
                }
                pos += 1;
            }
            if next_line || pos >= whole {
                continue 'lines;
            }
            let core =
                parser.get_or_insert_with(|| ReaderBuilder::new().delimiter(delimiter).build());
            core.reset();
            let input = &buf[pos..end];
            let (mut nin, mut nout, mut nends) = (0, 0, 0);
            let read = loop {
                let (result, i, o, e) =
                    core.read_record(&input[nin..], &mut out[nout..], &mut ends[nends..]);
                nin += i;
                nout += o;
                nends += e;
                match result {
                    ReadRecordResult::InputEmpty if nin < input.len() => {}
                    ReadRecordResult::InputEmpty if !eof => break false,
                    ReadRecordResult::InputEmpty => {
                        // The end: an empty input ends the last record.
                        let (result, _, o, e) =
                            core.read_record(&[], &mut out[nout..], &mut ends[nends..]);
                        nout += o;
                        nends += e;
                        match result {
                            ReadRecordResult::OutputFull => grow(&mut out),
                            ReadRecordResult::OutputEndsFull => grow(&mut ends),
                            _ => break true,
                        }
                        // Room made: read the record again from its start.
                        core.reset();
                        (nin, nout, nends) = (0, 0, 0);
                    }
                    ReadRecordResult::OutputFull => grow(&mut out),
                    ReadRecordResult::OutputEndsFull => grow(&mut ends),
                    ReadRecordResult::Record | ReadRecordResult::End => break true,
                }
            };
            if !read {
                // The record goes on past what is read: read more first.
                break 'lines;
            }
            if nends > 0 {
                cells.clear();
                let mut from = 0;
                for &to in &ends[..nends] {
                    cells.push((from, to));
                    from = to;
                }
                let found = Found {
                    bytes: &out[..nout],
                    text: None,
                    cells: &cells,
                    plain: false,
                    byte: base + pos,
                    breaks: scanned.breaks,
                };
                if visit(&found).is_break() {
                    scanned.stopped = true;
                    return scanned;
                }
            }
            scanned.breaks += count_breaks(&input[..nin]);
            pos += nin;
            if pos > whole {
                // The record ran past the whole lines checked.
                break 'lines;
            }
        }
        if eof && pos >= end {
            return scanned;
        }
    }
}

/// The positions of the delimiter, LF and `"` in a text, in order, each
/// with whether it is the delimiter: found sixty-four bytes at a time, as a
/// line of a CSV file has one every few bytes (where a byte search
/// restarting at each would cost more than it finds).
struct Marks<'a> {
    text: &'a [u8],
    /// Start of the 64 bytes whose marks are in `found`.
    word: usize,
    /// One bit per marked byte of those 64 bytes, lowest first.
    found: u64,
    /// The bits of `found` that are the delimiter.
    delimiters: u64,
    delimiter: u8,
}

/// Bytes looked at together.
const SPAN: usize = 64;

impl<'a> Marks<'a> {
    fn new(text: &'a [u8], delimiter: u8) -> Self {
        let mut marks = Marks {
            text,
            word: 0,
            found: 0,
            delimiters: 0,
            delimiter,
        };
        (marks.found, marks.delimiters) = marks.marks_at(0);
        marks
    }

    /// The marks of the 64 bytes at `at`, and those that are the delimiter
    /// (bytes past the end are zeros, never a mark).
    fn marks_at(&self, at: usize) -> (u64, u64) {
        let rest = self.text.get(at..).unwrap_or(&[]);
        match rest.first_chunk::<SPAN>() {
            Some(bytes) => mask(bytes, self.delimiter),
            None => {
                let mut bytes = [0u8; SPAN];
                bytes[..rest.len()].copy_from_slice(rest);
                mask(&bytes, self.delimiter)
            }
        }
    }
}

/// Bit `i` set when byte `i` is the delimiter, LF or `"`, and the same for
/// the delimiter alone: sixteen bytes compared at once with SSE2, which
/// every x86-64 processor has.
#[cfg(target_arch = "x86_64")]
fn mask(bytes: &[u8; SPAN], delimiter: u8) -> (u64, u64) {
    // SAFETY: SSE2 is part of the x86-64 baseline: every processor this
    // code is compiled for has it.
    unsafe { sse2_mask(bytes, delimiter) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sse2_mask(bytes: &[u8; SPAN], delimiter: u8) -> (u64, u64) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let [d, lf, quote] = [delimiter, b'\n', b'"'].map(|b| _mm_set1_epi8(i8::from_ne_bytes([b])));
    let (mut found, mut delimiters) = (0u64, 0u64);
    // The sign bit of each of 16 bytes, as the low 16 bits.
    let bits = |v| u64::from(u32::from_ne_bytes(_mm_movemask_epi8(v).to_ne_bytes()) & 0xffff);
    for (i, chunk) in bytes.chunks_exact(16).enumerate() {
        // SAFETY: `chunk` is 16 readable bytes; the load needs no alignment.
        let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
        let is_delimiter = _mm_cmpeq_epi8(v, d);
        let hits = _mm_or_si128(
            _mm_or_si128(is_delimiter, _mm_cmpeq_epi8(v, lf)),
            _mm_cmpeq_epi8(v, quote),
        );
        found |= bits(hits) << (16 * i);
        delimiters |= bits(is_delimiter) << (16 * i);
    }
    (found, delimiters)
}

#[cfg(not(target_arch = "x86_64"))]
fn mask(bytes: &[u8; SPAN], delimiter: u8) -> (u64, u64) {
    portable_mask(bytes, delimiter)
}

/// [`mask`] eight bytes at a time in plain integers, for other processors.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn portable_mask(bytes: &[u8; SPAN], delimiter: u8) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bit of byte k moved to bit k.
    let gather = |high: u64| ((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
    let (mut found, mut delimiters) = (0u64, 0u64);
    for (i, chunk) in bytes.chunks_exact(8).enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let is_delimiter = zero_bytes(word ^ (ONES * u64::from(delimiter)));
        let high = is_delimiter
            | zero_bytes(word ^ (ONES * u64::from(b'\n')))
            | zero_bytes(word ^ (ONES * u64::from(b'"')));
        found |= gather(high) << (8 * i);
        delimiters |= gather(is_delimiter) << (8 * i);
    }
    (found, delimiters)
}

/// The high bit of each byte of `x` that is zero, and of no other.
fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

impl Iterator for Marks<'_> {
    type Item = (usize, bool);

    fn next(&mut self) -> Option<(usize, bool)> {
        while self.found == 0 {
            self.word += SPAN;
            if self.word >= self.text.len() {
                return None;
            }
            (self.found, self.delimiters) = self.marks_at(self.word);
        }
        let bit = self.found & self.found.wrapping_neg();
        let at = self.word + self.found.trailing_zeros() as usize;
        self.found ^= bit;
        (at < self.text.len()).then_some((at, self.delimiters & bit != 0))
    }
}

fn count_breaks(bytes: &[u8]) -> u32 {
    u32::try_from(memchr::memchr_iter(b'\n', bytes).count()).unwrap_or(u32::MAX)
}

fn grow<T: Default + Clone>(v: &mut Vec<T>) {
    let len = v.len().max(1);
    v.resize(len * 2, T::default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A record as seen from outside: its cells, where it starts (offset of
    /// its first byte) and the line breaks before it.
    type Seen = (Vec<Vec<u8>>, usize, u32);

    fn scanned(text: &[u8], delimiter: u8, block: usize) -> (Vec<Seen>, u32, bool) {
        scanned_in(text, delimiter, block, &mut Vec::new())
    }

    /// [`scanned`], reading into `buf` as it is.
    fn scanned_in(
        text: &[u8],
        delimiter: u8,
        block: usize,
        buf: &mut Vec<u8>,
    ) -> (Vec<Seen>, u32, bool) {
        let mut seen = Vec::new();
        let end = scan_in_blocks(text, delimiter, block, buf, |found| {
            let cells = found
                .cells
                .iter()
                .map(|&(a, b)| found.bytes[a..b].to_vec())
                .collect();
            if let Some(text) = found.text {
                assert_eq!(text.as_bytes(), found.bytes);
            }
            seen.push((cells, found.byte, found.breaks));
            ControlFlow::Continue(())
        });
        assert!(end.error.is_none() && !end.stopped);
        (seen, end.breaks, end.lone_cr)
    }

    /// What the `csv` crate reads, each record placed at its first byte
    /// (the crate reports where it began looking, before skipped line ends).
    fn reference(text: &[u8], delimiter: u8) -> (Vec<Seen>, u32, bool) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text);
        let mut record = csv::ByteRecord::new();
        let mut seen = Vec::new();
        while reader.read_byte_record(&mut record).expect("in memory") {
            let mut at = record.position().map_or(0, |p| p.byte() as usize);
            while matches!(text.get(at), Some(b'\r' | b'\n')) {
                at += 1;
            }
            let breaks = text[..at].iter().filter(|b| **b == b'\n').count() as u32;
            seen.push((record.iter().map(<[u8]>::to_vec).collect(), at, breaks));
        }
        let breaks = text.iter().filter(|b| **b == b'\n').count() as u32;
        let lone_cr = text.windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n');
        (seen, breaks, lone_cr)
    }

    #[test]
    fn plain_quoted_and_odd_lines() {
        let text = "a,b,c\n\n\nd,\"e,\nf\",g\r\nh,i\rj,k\r\n\"x,y\",z,\"w\"\r\n\"\",\"a\"\"b\",\"c\"d\n\r\n\"unclosed,x\ny\n";
        for block in [1, 2, 3, 7, 64, BLOCK] {
            assert_eq!(
                scanned(text.as_bytes(), b',', block),
                reference(text.as_bytes(), b','),
                "block {block}"
            );
        }
    }

    #[test]
    fn a_record_after_blank_lines_starts_at_its_first_byte() {
        let (seen, breaks, _) = scanned(b"h\n\n\nx,y\n", b',', BLOCK);
        assert_eq!(seen[1], (vec![b"x".to_vec(), b"y".to_vec()], 4, 3));
        assert_eq!(breaks, 4);
    }

    proptest! {
        #[test]
        fn marks_are_every_delimiter_line_break_and_quote(
            text in proptest::collection::vec(any::<u8>(), 0..300),
            delimiter in prop_oneof![Just(b','), Just(b';'), Just(b'\t')],
        ) {
            let expected: Vec<(usize, bool)> = (0..text.len())
                .filter(|&i| [delimiter, b'\n', b'"'].contains(&text[i]))
                .map(|i| (i, text[i] == delimiter))
                .collect();
            prop_assert_eq!(Marks::new(&text, delimiter).collect::<Vec<_>>(), expected);
        }

        #[test]
        fn the_portable_mask_is_the_same(
            text in proptest::array::uniform32(any::<u8>()),
            more in proptest::array::uniform32(any::<u8>()),
            delimiter in prop_oneof![Just(b','), Just(b';'), Just(b'\t')],
        ) {
            let mut bytes = [0u8; SPAN];
            bytes[..32].copy_from_slice(&text);
            bytes[32..].copy_from_slice(&more);
            let bits = |marks: &[u8]| {
                (0..SPAN)
                    .filter(|&i| marks.contains(&bytes[i]))
                    .fold(0u64, |m, i| m | 1 << i)
            };
            let expected = (bits(&[delimiter, b'\n', b'"']), bits(&[delimiter]));
            prop_assert_eq!(portable_mask(&bytes, delimiter), expected);
            prop_assert_eq!(mask(&bytes, delimiter), expected);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn the_same_records_as_the_csv_crate(
            text in proptest::collection::vec(
                prop_oneof![
                    Just(b'a'), Just(b'b'), Just(b','), Just(b';'), Just(b'"'),
                    Just(b'\r'), Just(b'\n'), Just(b' '), Just(0xC3), Just(0xA9),
                ],
                0..120,
            ),
            semicolon in any::<bool>(),
            block in 1usize..40,
            left in proptest::collection::vec(
                prop_oneof![Just(b'"'), Just(b'\n'), Just(b','), any::<u8>()],
                0..100,
            ),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            let expected = reference(&text, delimiter);
            prop_assert_eq!(scanned(&text, delimiter, block), expected.clone());
            // A buffer that held another piece's bytes reads the same.
            let mut buf = left;
            prop_assert_eq!(scanned_in(&text, delimiter, block, &mut buf), expected);
        }
    }
}
