//! File bytes to UTF-8, in chunks of any size. Survey exports come as UTF-8,
//! as Excel's "Unicode text" (UTF-16 with a byte-order mark) or as
//! Windows-1252 from Excel on Windows; the parser reads UTF-8 only, and sees
//! one kind of line end: a bare CR (Excel for Mac) becomes LF, CRLF stays.
//!
//! The encoding is found from the first bytes alone, so it never depends on
//! how the file was cut into chunks: bytes are held back (at most
//! [`DETECT_BYTES`] and one more) until the decision can be made.

use super::scan::find_bare_cr;
use serde::Serialize;

/// Bytes that must be valid UTF-8 for a file without a byte-order mark to be
/// read as UTF-8. A sequence cut by this boundary counts as valid when the
/// file goes on; nothing after it is checked.
pub const DETECT_BYTES: usize = 64 * 1024;
/// Bytes looked at for UTF-16 without a byte-order mark.
const UTF16_SAMPLE_BYTES: usize = 1024;
/// Shorter samples are too few to call UTF-16.
const UTF16_MIN_BYTES: usize = 16;
/// Input transcoded at a time, which bounds the buffer the output is built in.
const WINDOW_BYTES: usize = 8 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// How a file's bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    /// The name reports use, the same as the serialised value.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// Turns chunks of file bytes into chunks of UTF-8 text.
pub struct Decoder {
    stage: Stage,
    line_ends: LineEnds,
    /// Output of the transcoding encodings, reused from window to window.
    text: Vec<u8>,
}

enum Stage {
    Detecting(Detection),
    Utf8,
    Utf16(Utf16),
    Windows1252,
}

impl Decoder {
    /// Finds the encoding from the bytes.
    pub fn detect() -> Self {
        Decoder::starting(Detection::new(false))
    }

    /// Input known to be UTF-8 (text from a JavaScript string): no detection, a leading BOM still dropped.
    pub fn utf8() -> Self {
        Decoder::starting(Detection::new(true))
    }

    fn starting(detection: Detection) -> Self {
        Decoder { stage: Stage::Detecting(detection), line_ends: LineEnds::default(), text: Vec::new() }
    }

    /// Takes the next slice; calls `out` with UTF-8 bytes (zero or more times).
    pub fn push(&mut self, bytes: &[u8], out: &mut impl FnMut(&[u8])) {
        if let Stage::Detecting(detection) = &mut self.stage {
            if let Some(decision) = detection.offer(bytes, false) {
                self.start(decision, bytes, out);
            }
        } else {
            self.decode(bytes, out);
        }
    }

    /// Ends the input; flushes anything held.
    pub fn finish(&mut self, out: &mut impl FnMut(&[u8])) {
        if let Stage::Detecting(detection) = &mut self.stage {
            if let Some(decision) = detection.offer(&[], true) {
                self.start(decision, &[], out);
            }
        }
        if let Stage::Utf16(utf16) = &mut self.stage {
            self.text.clear();
            utf16.finish(&mut self.text);
            self.line_ends.write(&self.text, out);
        }
        self.line_ends.finish(out);
    }

    /// The encoding, once decided (always decided after finish).
    pub fn encoding(&self) -> Option<Encoding> {
        match &self.stage {
            Stage::Detecting(detection) if detection.assume_utf8 => Some(Encoding::Utf8),
            Stage::Detecting(_) => None,
            Stage::Utf8 => Some(Encoding::Utf8),
            Stage::Utf16(utf16) if utf16.big_endian => Some(Encoding::Utf16Be),
            Stage::Utf16(_) => Some(Encoding::Utf16Le),
            Stage::Windows1252 => Some(Encoding::Windows1252),
        }
    }

    /// Leaves detection and decodes what it held, then the rest of `bytes`.
    fn start(&mut self, decision: Decision, bytes: &[u8], out: &mut impl FnMut(&[u8])) {
        self.stage = match decision.encoding {
            Encoding::Utf8 => Stage::Utf8,
            Encoding::Utf16Le => Stage::Utf16(Utf16::new(false)),
            Encoding::Utf16Be => Stage::Utf16(Utf16::new(true)),
            Encoding::Windows1252 => Stage::Windows1252,
        };
        if decision.held.is_empty() {
            // The decision was made on `bytes` alone, which are then passed on without a copy.
            self.decode(bytes.get(decision.bom..).unwrap_or_default(), out);
        } else {
            self.decode(decision.held.get(decision.bom..).unwrap_or_default(), out);
            self.decode(bytes.get(decision.taken..).unwrap_or_default(), out);
        }
    }

    fn decode(&mut self, bytes: &[u8], out: &mut impl FnMut(&[u8])) {
        match &mut self.stage {
            Stage::Detecting(_) => {}
            Stage::Utf8 => self.line_ends.write(bytes, out),
            Stage::Utf16(utf16) => {
                for window in bytes.chunks(WINDOW_BYTES) {
                    self.text.clear();
                    utf16.decode(window, &mut self.text);
                    self.line_ends.write(&self.text, out);
                }
            }
            Stage::Windows1252 => {
                for window in bytes.chunks(WINDOW_BYTES) {
                    self.text.clear();
                    windows_1252(window, &mut self.text);
                    self.line_ends.write(&self.text, out);
                }
            }
        }
    }
}

/// The bytes seen while the encoding is not yet known.
struct Detection {
    /// Text from a JavaScript string: only a UTF-8 BOM is looked for.
    assume_utf8: bool,
    /// The start of the input, kept once it came in more than one chunk.
    held: Vec<u8>,
    /// Bytes at the start known to be whole, valid UTF-8 characters.
    valid_utf8: usize,
    /// Whether the UTF-16 sample was looked at and did not match.
    not_utf16: bool,
}

/// The encoding found, and where the text starts.
struct Decision {
    encoding: Encoding,
    /// Length of the byte-order mark, counted from the start of `held`, or
    /// of the chunk when nothing was held.
    bom: usize,
    /// The start of the input, or empty when the first chunk was enough.
    held: Vec<u8>,
    /// Bytes of the chunk that were moved into `held`.
    taken: usize,
}

impl Detection {
    fn new(assume_utf8: bool) -> Self {
        Detection { assume_utf8, held: Vec::new(), valid_utf8: 0, not_utf16: false }
    }

    /// Adds the next chunk; gives the decision once it can be made. When it
    /// cannot, the whole chunk has been kept.
    fn offer(&mut self, bytes: &[u8], at_end: bool) -> Option<Decision> {
        let taken;
        let found = if self.held.is_empty() {
            taken = 0;
            self.judge(bytes, at_end)
        } else {
            // More than `DETECT_BYTES` held always decides, so this never keeps more.
            let room = (DETECT_BYTES + 1).saturating_sub(self.held.len());
            taken = bytes.len().min(room);
            self.held.extend_from_slice(bytes.get(..taken).unwrap_or_default());
            let held = std::mem::take(&mut self.held);
            let found = self.judge(&held, at_end);
            self.held = held;
            found
        };
        match found {
            Some((encoding, bom)) => {
                Some(Decision { encoding, bom, held: std::mem::take(&mut self.held), taken })
            }
            None => {
                if self.held.is_empty() {
                    self.held.extend_from_slice(bytes);
                }
                None
            }
        }
    }

    /// The encoding of a file starting with `start` and its BOM's length, or
    /// `None` while more bytes could change the answer.
    fn judge(&mut self, start: &[u8], at_end: bool) -> Option<(Encoding, usize)> {
        if start.is_empty() && !at_end {
            return None;
        }
        // A start that could still grow into a BOM waits for the next byte.
        let could_be_bom = |bom: &[u8]| start.len() < bom.len() && bom.starts_with(start);
        if start.starts_with(UTF8_BOM) {
            return Some((Encoding::Utf8, UTF8_BOM.len()));
        }
        if !at_end && could_be_bom(UTF8_BOM) {
            return None;
        }
        if self.assume_utf8 {
            return Some((Encoding::Utf8, 0));
        }
        if start.starts_with(UTF16LE_BOM) {
            return Some((Encoding::Utf16Le, UTF16LE_BOM.len()));
        }
        if start.starts_with(UTF16BE_BOM) {
            return Some((Encoding::Utf16Be, UTF16BE_BOM.len()));
        }
        if !at_end && (could_be_bom(UTF16LE_BOM) || could_be_bom(UTF16BE_BOM)) {
            return None;
        }

        if !self.not_utf16 {
            if start.len() < UTF16_SAMPLE_BYTES && !at_end {
                return None;
            }
            if let Some(encoding) = utf16_by_zero_bytes(start.get(..UTF16_SAMPLE_BYTES).unwrap_or(start)) {
                return Some((encoding, 0));
            }
            self.not_utf16 = true;
        }

        let prefix = start.get(..DETECT_BYTES).unwrap_or(start);
        let unchecked = prefix.get(self.valid_utf8..).unwrap_or_default();
        let complete = match std::str::from_utf8(unchecked) {
            Ok(_) => {
                self.valid_utf8 = prefix.len();
                true
            }
            Err(error) if error.error_len().is_some() => return Some((Encoding::Windows1252, 0)),
            Err(error) => {
                // The prefix ends inside a character that may still be whole.
                self.valid_utf8 += error.valid_up_to();
                false
            }
        };
        if start.len() > DETECT_BYTES {
            Some((Encoding::Utf8, 0))
        } else if !at_end {
            None
        } else if complete {
            Some((Encoding::Utf8, 0))
        } else {
            // A file that ends inside a character is not UTF-8 ("é" alone in 1252 is 0xE9).
            Some((Encoding::Windows1252, 0))
        }
    }
}

/// UTF-16 without a BOM, told by mostly-ASCII text: at least 90 % of the
/// code units have one zero byte, always on the same side.
fn utf16_by_zero_bytes(sample: &[u8]) -> Option<Encoding> {
    if sample.len() < UTF16_MIN_BYTES {
        return None;
    }
    let (mut little, mut big, mut units) = (0usize, 0usize, 0usize);
    for unit in sample.chunks_exact(2) {
        if let &[first, second] = unit {
            units += 1;
            little += usize::from(first != 0 && second == 0);
            big += usize::from(first == 0 && second != 0);
        }
    }
    if little * 10 >= units * 9 {
        Some(Encoding::Utf16Le)
    } else if big * 10 >= units * 9 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// A bare CR becomes LF; CRLF stays. A CR at the end of a piece waits for
/// the next byte.
#[derive(Default)]
struct LineEnds {
    cr_held: bool,
}

impl LineEnds {
    /// Passes `text` on in runs between bare CRs, without copying it.
    fn write(&mut self, text: &[u8], out: &mut impl FnMut(&[u8])) {
        let Some(&first) = text.first() else { return };
        if self.cr_held {
            self.cr_held = false;
            out(if first == b'\n' { b"\r" } else { b"\n" });
        }
        let mut run_start = 0;
        while let Some(found) = find_bare_cr(text.get(run_start..).unwrap_or_default()) {
            let cr = run_start + found;
            send(text.get(run_start..cr).unwrap_or_default(), out);
            run_start = cr + 1;
            if cr + 1 == text.len() {
                // The next byte decides: LF makes it CRLF.
                self.cr_held = true;
                return;
            }
            out(b"\n");
        }
        send(text.get(run_start..).unwrap_or_default(), out);
    }

    fn finish(&mut self, out: &mut impl FnMut(&[u8])) {
        if std::mem::take(&mut self.cr_held) {
            out(b"\n");
        }
    }
}

fn send(piece: &[u8], out: &mut impl FnMut(&[u8])) {
    if !piece.is_empty() {
        out(piece);
    }
}

fn push_char(c: char, text: &mut Vec<u8>) {
    let mut buffer = [0u8; 4];
    text.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
}

/// UTF-16 code units to UTF-8, with a byte or a high surrogate kept across chunks.
struct Utf16 {
    big_endian: bool,
    odd_byte: Option<u8>,
    high_surrogate: Option<u16>,
}

impl Utf16 {
    fn new(big_endian: bool) -> Self {
        Utf16 { big_endian, odd_byte: None, high_surrogate: None }
    }

    fn decode(&mut self, bytes: &[u8], text: &mut Vec<u8>) {
        let mut bytes = bytes;
        if let Some(first) = self.odd_byte.take() {
            let Some((&second, rest)) = bytes.split_first() else {
                self.odd_byte = Some(first);
                return;
            };
            self.unit(self.join(first, second), text);
            bytes = rest;
        }
        let mut units = bytes.chunks_exact(2);
        for unit in &mut units {
            if let &[first, second] = unit {
                self.unit(self.join(first, second), text);
            }
        }
        if let &[last] = units.remainder() {
            self.odd_byte = Some(last);
        }
    }

    fn join(&self, first: u8, second: u8) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([first, second])
        } else {
            u16::from_le_bytes([first, second])
        }
    }

    fn unit(&mut self, unit: u16, text: &mut Vec<u8>) {
        if let Some(high) = self.high_surrogate.take() {
            if (0xDC00..=0xDFFF).contains(&unit) {
                let scalar = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                push_char(char::from_u32(scalar).unwrap_or(char::REPLACEMENT_CHARACTER), text);
                return;
            }
            push_char(char::REPLACEMENT_CHARACTER, text);
        }
        match unit {
            0..=0x7F => text.push(unit as u8),
            0xD800..=0xDBFF => self.high_surrogate = Some(unit),
            _ => push_char(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER), text),
        }
    }

    /// A high surrogate or half a code unit left at the end is not a character.
    fn finish(&mut self, text: &mut Vec<u8>) {
        if self.high_surrogate.take().is_some() {
            push_char(char::REPLACEMENT_CHARACTER, text);
        }
        if self.odd_byte.take().is_some() {
            push_char(char::REPLACEMENT_CHARACTER, text);
        }
    }
}

/// Windows-1252 bytes 0x80–0x9F, as the WHATWG Encoding Standard maps them:
/// the five unassigned bytes become the C1 controls of the same number.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', //
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', //
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', //
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}', //
];

/// Bytes 0xA0–0xFF are Latin-1, U+00A0–U+00FF.
fn windows_1252(bytes: &[u8], text: &mut Vec<u8>) {
    for &byte in bytes {
        match byte {
            0..=0x7F => text.push(byte),
            0x80..=0x9F => push_char(
                WINDOWS_1252_HIGH.get(usize::from(byte - 0x80)).copied().unwrap_or(char::REPLACEMENT_CHARACTER),
                text,
            ),
            _ => push_char(char::from(byte), text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Decodes `input` cut at `cuts` (positions, any order; out-of-range ones ignored).
    fn decode_cut(input: &[u8], cuts: &[usize], decoder: Decoder) -> (Vec<u8>, Option<Encoding>) {
        let mut decoder = decoder;
        let mut cuts: Vec<usize> = cuts.iter().copied().filter(|&c| c <= input.len()).collect();
        cuts.sort_unstable();
        let mut text = Vec::new();
        let mut out = |piece: &[u8]| text.extend_from_slice(piece);
        let mut from = 0;
        for cut in cuts.into_iter().chain([input.len()]) {
            decoder.push(&input[from..cut], &mut out);
            from = cut;
        }
        decoder.finish(&mut out);
        (text, decoder.encoding())
    }

    fn decode(input: &[u8]) -> (Vec<u8>, Option<Encoding>) {
        decode_cut(input, &[], Decoder::detect())
    }

    fn decode_bytewise(input: &[u8]) -> (Vec<u8>, Option<Encoding>) {
        decode_cut(input, &(0..input.len()).collect::<Vec<_>>(), Decoder::detect())
    }

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn names_are_the_report_values() {
        let names = [Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be, Encoding::Windows1252].map(Encoding::name);
        assert_eq!(names, ["utf-8", "utf-16le", "utf-16be", "windows-1252"]);
    }

    // --- Detection -------------------------------------------------------

    #[test]
    fn byte_order_marks_decide_and_are_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBF9\n"), (b"9\n".to_vec(), Some(Encoding::Utf8)));
        // Excel's "Unicode text": UTF-16 LE with a BOM, "9\r\n10" → 39 00 0D 00 0A 00 31 00 30 00.
        assert_eq!(
            decode(b"\xFF\xFE9\x00\r\x00\n\x001\x000\x00"),
            (b"9\r\n10".to_vec(), Some(Encoding::Utf16Le))
        );
        assert_eq!(decode(b"\xFE\xFF\x009\x00\t\x001"), (b"9\t1".to_vec(), Some(Encoding::Utf16Be)));
    }

    #[test]
    fn a_bom_is_found_when_it_comes_one_byte_at_a_time() {
        assert_eq!(decode_bytewise(b"\xEF\xBB\xBF10"), (b"10".to_vec(), Some(Encoding::Utf8)));
        assert_eq!(decode_bytewise(b"\xFF\xFE1\x000\x00"), (b"10".to_vec(), Some(Encoding::Utf16Le)));
    }

    #[test]
    fn the_start_of_a_bom_alone_is_text() {
        // EF BB at the end is no BOM and no whole UTF-8 character: 1252 "ï»" is C3 AF C2 BB.
        assert_eq!(decode(b"\xEF\xBB"), (b"\xC3\xAF\xC2\xBB".to_vec(), Some(Encoding::Windows1252)));
        // FF alone: 1252 "ÿ" (U+00FF) is C3 BF.
        assert_eq!(decode(b"\xFF"), (b"\xC3\xBF".to_vec(), Some(Encoding::Windows1252)));
    }

    #[test]
    fn valid_utf8_is_utf8_and_empty_input_too() {
        assert_eq!(decode("é;9\n".as_bytes()), ("é;9\n".as_bytes().to_vec(), Some(Encoding::Utf8)));
        assert_eq!(decode(b""), (Vec::new(), Some(Encoding::Utf8)));
    }

    #[test]
    fn the_encoding_is_unknown_until_the_bytes_decide_it() {
        let mut decoder = Decoder::detect();
        let mut text = Vec::new();
        decoder.push(b"9\n10\n", &mut |piece| text.extend_from_slice(piece));
        // Five valid bytes of a file that may go on: nothing is decided or sent.
        assert_eq!((decoder.encoding(), text.len()), (None, 0));
        decoder.finish(&mut |piece| text.extend_from_slice(piece));
        assert_eq!((decoder.encoding(), text), (Some(Encoding::Utf8), b"9\n10\n".to_vec()));
    }

    #[test]
    fn empty_chunks_decide_nothing() {
        // An empty first chunk must not settle the encoding before the BOM arrives.
        for decoder in [Decoder::detect(), Decoder::utf8()] {
            assert_eq!(decode_cut(b"\xEF\xBB\xBF9", &[0, 0, 1, 1, 3], decoder).0, b"9");
        }
        assert_eq!(decode_cut(b"\xFF\xFE9\x00", &[0, 0, 4], Decoder::detect()).0, b"9");
    }

    #[test]
    fn invalid_utf8_in_the_first_64_kib_is_windows_1252() {
        let mut input = vec![b'9'; 2000];
        input[1500] = 0xE9;
        let (text, encoding) = decode(&input);
        assert_eq!(encoding, Some(Encoding::Windows1252));
        // One byte became two (C3 A9): 2000 + 1.
        assert_eq!(text.len(), 2001);
        assert_eq!(&text[1500..1502], b"\xC3\xA9");
    }

    #[test]
    fn invalid_utf8_after_64_kib_passes_through() {
        let mut input = vec![b'7'; DETECT_BYTES];
        input.extend_from_slice(b"\xE9\n");
        assert_eq!(decode(&input), (input.clone(), Some(Encoding::Utf8)));
        assert_eq!(decode_bytewise(&input), (input.clone(), Some(Encoding::Utf8)));
    }

    #[test]
    fn a_character_cut_by_the_64_kib_boundary_is_valid() {
        // "€" (E2 82 AC) starts two bytes before the boundary.
        let mut input = vec![b'1'; DETECT_BYTES - 2];
        input.extend_from_slice("€\n".as_bytes());
        assert_eq!(decode(&input), (input.clone(), Some(Encoding::Utf8)));
        // Cut off right after the boundary, the file ends inside "€": not UTF-8.
        let cut = &input[..DETECT_BYTES];
        assert_eq!(decode(cut).1, Some(Encoding::Windows1252));
        // One byte more and the boundary is passed: UTF-8, passed through as it is.
        let cut = &input[..DETECT_BYTES + 1];
        assert_eq!(decode(cut), (cut.to_vec(), Some(Encoding::Utf8)));
    }

    #[test]
    fn utf16_without_a_bom_is_found_by_its_zero_bytes() {
        let text = "Score\r\n9\r\n10\r\n";
        assert_eq!(decode(&utf16le(text)), (text.as_bytes().to_vec(), Some(Encoding::Utf16Le)));
        assert_eq!(decode(&utf16be(text)), (text.as_bytes().to_vec(), Some(Encoding::Utf16Be)));
        // Seven code units (14 bytes) are too few to tell: valid UTF-8 with NULs.
        let short = utf16le("9\n10\n7");
        assert_eq!(decode(&short), (short.clone(), Some(Encoding::Utf8)));
        // 20 units, 17 with a zero high byte (85 % < 90 %): not UTF-16.
        let mixed = utf16le("€€€12345678901234567");
        assert_eq!(decode(&mixed).1, Some(Encoding::Windows1252));
    }

    #[test]
    fn utf16_sample_is_the_first_kib() {
        // 600 ASCII units (1200 bytes) in LE: the first 1024 bytes decide, with the file still open.
        let text = "8\r\n".repeat(200);
        let mut decoder = Decoder::detect();
        let mut got = Vec::new();
        decoder.push(&utf16le(&text), &mut |piece| got.extend_from_slice(piece));
        assert_eq!(decoder.encoding(), Some(Encoding::Utf16Le));
        decoder.finish(&mut |piece| got.extend_from_slice(piece));
        assert_eq!(got, text.as_bytes());
    }

    #[test]
    fn text_from_javascript_skips_detection_but_drops_a_bom() {
        let decoder = Decoder::utf8();
        assert_eq!(decoder.encoding(), Some(Encoding::Utf8));
        assert_eq!(decode_cut("\u{FEFF}é\r9".as_bytes(), &[1, 2], Decoder::utf8()).0, "é\n9".as_bytes());
        // Bytes that detection would call UTF-16 stay as they are.
        let zeros = utf16le("12345678");
        assert_eq!(decode_cut(&zeros, &[], Decoder::utf8()), (zeros.clone(), Some(Encoding::Utf8)));
        // A BOM later on is text (U+FEFF is EF BB BF).
        assert_eq!(decode_cut(b"9\xEF\xBB\xBF", &[], Decoder::utf8()).0, b"9\xEF\xBB\xBF");
    }

    // --- UTF-16 ----------------------------------------------------------

    #[test]
    fn surrogate_pairs_become_one_character() {
        // 😀 is U+1F600: D83D DE00 in UTF-16, F0 9F 98 80 in UTF-8.
        let le = b"\xFF\xFE\x3D\xD8\x00\xDE";
        assert_eq!(decode(le).0, b"\xF0\x9F\x98\x80");
        assert_eq!(decode_bytewise(le).0, b"\xF0\x9F\x98\x80");
        let be = b"\xFE\xFF\xD8\x3D\xDE\x00\x00!";
        assert_eq!(decode_bytewise(be).0, "😀!".as_bytes());
    }

    #[test]
    fn lone_surrogates_and_a_lost_byte_become_replacement_characters() {
        // U+FFFD is EF BF BD. High D83D then "9": FFFD, "9".
        assert_eq!(decode(b"\xFF\xFE\x3D\xD89\x00").0, b"\xEF\xBF\xBD9");
        // Low DE00 alone.
        assert_eq!(decode(b"\xFF\xFE\x00\xDE9\x00").0, b"\xEF\xBF\xBD9");
        // High at the end, then half a unit: two FFFDs.
        assert_eq!(decode(b"\xFF\xFE9\x00\x3D\xD8\x41").0, b"9\xEF\xBF\xBD\xEF\xBF\xBD");
    }

    #[test]
    fn utf16_decodes_beyond_ascii() {
        // "é€" is 00E9 20AC.
        assert_eq!(decode(b"\xFF\xFE\xE9\x00\xAC\x20").0, "é€".as_bytes());
    }

    // --- Windows-1252 ----------------------------------------------------

    #[test]
    fn windows_1252_maps_its_own_characters() {
        // Each byte with its UTF-8: é E9 → C3 A9, € 80 → E2 82 AC, ’ 92 → E2 80 99, NBSP A0 → C2 A0.
        let cases: [(u8, &[u8]); 9] = [
            (0xE9, b"\xC3\xA9"),
            (0x80, b"\xE2\x82\xAC"),
            (0x92, b"\xE2\x80\x99"),
            (0xA0, b"\xC2\xA0"),
            (0x81, b"\xC2\x81"),
            (0x8D, b"\xC2\x8D"),
            (0x9F, "Ÿ".as_bytes()),
            (0x96, "–".as_bytes()),
            (0xFF, "ÿ".as_bytes()),
        ];
        for (byte, utf8) in cases {
            let input = [b'9', byte, b'\n'];
            let (text, encoding) = decode(&input);
            assert_eq!(encoding, Some(Encoding::Windows1252), "{byte:#X}");
            assert_eq!(&text[1..text.len() - 1], utf8, "{byte:#X}");
        }
    }

    #[test]
    fn the_1252_table_agrees_with_latin1_where_it_should() {
        // Every byte outside 0x80–0x9F is the code point of the same number.
        for byte in (0u8..0x80).chain(0xA0..=0xFF) {
            let mut text = Vec::new();
            windows_1252(&[byte], &mut text);
            assert_eq!(std::str::from_utf8(&text).unwrap().chars().collect::<Vec<_>>(), [char::from(byte)]);
        }
        // Only the five unassigned bytes map to the C1 control of their own number.
        let same_number: Vec<u8> =
            (0x80u8..=0x9F).filter(|&b| WINDOWS_1252_HIGH[usize::from(b - 0x80)] == char::from(b)).collect();
        assert_eq!(same_number, [0x81, 0x8D, 0x8F, 0x90, 0x9D]);
    }

    // --- Line ends -------------------------------------------------------

    #[test]
    fn bare_crs_become_lfs_and_crlf_stays() {
        assert_eq!(decode(b"9\r10\r").0, b"9\n10\n");
        assert_eq!(decode(b"9\r\n10\r\n").0, b"9\r\n10\r\n");
        assert_eq!(decode(b"9\r\r\n\r").0, b"9\n\r\n\n");
        assert_eq!(decode_bytewise(b"9\r10\r\n\r\r7").0, b"9\n10\r\n\n\n7");
    }

    #[test]
    fn bare_crs_become_lfs_in_every_encoding() {
        assert_eq!(decode(b"\xFF\xFE9\x00\r\x001\x00").0, b"9\n1");
        assert_eq!(decode(b"\xE9\r9").0, b"\xC3\xA9\n9");
    }

    #[test]
    fn utf8_text_is_passed_on_without_a_copy() {
        let mut input = vec![b'5'; DETECT_BYTES + 10];
        input.extend_from_slice(b"\r\n6\r7\r\n");
        let mut decoder = Decoder::detect();
        let range = input.as_ptr_range();
        let mut pieces = Vec::new();
        decoder.push(&input, &mut |piece: &[u8]| {
            pieces.push((range.contains(&piece.as_ptr()), piece.len()));
        });
        // "5…5\r\n6" in place, an LF for the bare CR, then "7\r\n" in place.
        assert_eq!(pieces, [(true, DETECT_BYTES + 10 + 3), (false, 1), (true, 3)]);
        let next = b"8\r\n9".to_vec();
        let range = next.as_ptr_range();
        pieces.clear();
        decoder.push(&next, &mut |piece: &[u8]| {
            pieces.push((range.contains(&piece.as_ptr()), piece.len()));
        });
        assert_eq!(pieces, [(true, 4)]);
    }

    // --- Any chunking gives the same text --------------------------------

    /// Inputs that reach every path: text in each encoding, arbitrary bytes,
    /// and files longer than the detection prefix.
    fn input() -> impl Strategy<Value = Vec<u8>> {
        let text = prop::collection::vec(
            prop::sample::select(vec!["9", "10", ";", "\t", "\r", "\n", "\r\n", "é", "€", "😀", "Ÿ", " ", "Q15"]),
            0..60,
        )
        .prop_map(|pieces| pieces.concat());
        let encoded = (text.clone(), 0usize..6).prop_map(|(text, how)| match how {
            0 => text.into_bytes(),
            1 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            2 => [b"\xFF\xFE".as_slice(), &utf16le(&text)].concat(),
            3 => [b"\xFE\xFF".as_slice(), &utf16be(&text)].concat(),
            4 => utf16le(&text),
            // Windows-1252 for the characters it has; 😀 dropped.
            _ => text
                .chars()
                .filter_map(|c| match c {
                    '€' => Some(0x80),
                    'Ÿ' => Some(0x9F),
                    'é' => Some(0xE9),
                    '😀' => None,
                    c => Some(c as u8),
                })
                .collect(),
        });
        let bytes = prop::collection::vec(any::<u8>(), 0..80);
        // Long files: ASCII up to near the boundary, a character across it or
        // not, then text, with an invalid byte before or after the boundary.
        let long = (0usize..8, any::<bool>(), 0usize..3, text).prop_map(|(before, cut_char, bad, tail)| {
            let mut bytes = vec![b'8'; DETECT_BYTES - before];
            bytes.extend_from_slice(b"\r\n");
            if cut_char {
                bytes.truncate(DETECT_BYTES - 1);
                bytes.extend_from_slice("€".as_bytes());
            }
            bytes.extend_from_slice(tail.as_bytes());
            match bad {
                0 => bytes.push(0xE9),
                1 => bytes[DETECT_BYTES / 2] = 0xE9,
                _ => {}
            }
            bytes
        });
        prop_oneof![3 => encoded, 2 => bytes, 1 => long]
    }

    proptest! {
        #[test]
        fn any_chunking_gives_the_same_text_and_encoding(
            input in input(),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..12),
            at_boundary in any::<bool>(),
            utf8 in any::<bool>(),
        ) {
            let new = || if utf8 { Decoder::utf8() } else { Decoder::detect() };
            let mut cuts: Vec<usize> = cuts.iter().map(|i| i.index(input.len() + 1)).collect();
            if at_boundary {
                cuts.extend([DETECT_BYTES - 1, DETECT_BYTES, DETECT_BYTES + 1, UTF16_SAMPLE_BYTES, 1, 2]);
            }
            let whole = decode_cut(&input, &[], new());
            let chunked = decode_cut(&input, &cuts, new());
            prop_assert_eq!(&chunked, &whole);
            let (text, encoding) = whole;
            prop_assert!(encoding.is_some());
            // No bare CR survives.
            for (i, &byte) in text.iter().enumerate() {
                if byte == b'\r' {
                    prop_assert_eq!(text.get(i + 1), Some(&b'\n'));
                }
            }
            // What was transcoded is valid UTF-8.
            if encoding != Some(Encoding::Utf8) {
                prop_assert!(std::str::from_utf8(&text).is_ok());
            }
        }

        #[test]
        fn long_files_are_judged_on_their_first_64_kib(before in 0usize..8, bad_at in 0usize..DETECT_BYTES) {
            let mut input = vec![b'4'; DETECT_BYTES + 100];
            input[DETECT_BYTES + before] = 0xE9;
            prop_assert_eq!(decode(&input).1, Some(Encoding::Utf8));
            input[bad_at] = 0x92;
            prop_assert_eq!(decode(&input).1, Some(Encoding::Windows1252));
        }
    }
}
