//! Counting a run of short answers (`9`, `10`, `0`) between separators
//! sixteen bytes at a time, for the list reader's clean stretches: a pasted
//! column or a typed list. The block either turns out to hold nothing but
//! such answers, and its counts are taken at once, or the list reader reads
//! it the general way and nothing of this count is kept.
//!
//! With WebAssembly SIMD (`simd128`, in every current browser and Node) a
//! block is counted with vector compares and table lookups; without it (the
//! wasm2js build, native builds) every position is tested on its own. Both
//! ways count by the same definition, written out in [`count_positions`].

/// The bytes that end an entry. CR and LF always do; in a list of several
/// answers a line (not one answer a line) also spaces, tabs, vertical tabs,
/// form feeds and semicolons, and commas unless they are decimal commas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Separators {
    pub blanks: bool,
    pub comma: bool,
}

impl Separators {
    #[inline]
    pub fn contains(self, b: u8) -> bool {
        b == b'\n' || b == b'\r' || (self.blanks && matches!(b, b' ' | b'\t' | 0x0B | 0x0C | b';')) || (self.comma && b == b',')
    }
}

/// What a block held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct BlockCounts {
    /// Entries of one digit, by value, and of `10` (index 10).
    pub values: [u64; 11],
    /// Every entry: a run of bytes that are not separators.
    pub entries: u64,
    pub newlines: u64,
}

impl BlockCounts {
    /// Whether every entry was a digit alone or `10`.
    pub fn all_short_scores(&self) -> bool {
        self.values.iter().sum::<u64>() == self.entries
    }
}

/// Counts `block`, which starts where an entry may start (after a separator,
/// or at the start of the text) and whose entries all end inside it.
pub(crate) fn count_block(block: &[u8], separators: Separators) -> BlockCounts {
    let mut counts = BlockCounts::default();
    if !simd::count_all(block, separators, &mut counts) {
        count_positions(block, 0..block.len(), separators, &mut counts);
    }
    counts
}

/// The definition, position by position: an entry starts at a byte that is
/// not a separator where the byte before is one (or there is none); it is a
/// short score when it is a digit followed by a separator, or `1` `0`
/// followed by one. Past the block's end counts as a separator.
fn count_positions(block: &[u8], positions: core::ops::Range<usize>, separators: Separators, counts: &mut BlockCounts) {
    let sep_at = |i: usize| block.get(i).map_or(true, |&b| separators.contains(b));
    for i in positions {
        let byte = block[i];
        if byte == b'\n' {
            counts.newlines += 1;
        }
        let starts = !separators.contains(byte) && (i == 0 || sep_at(i - 1));
        if !starts {
            continue;
        }
        counts.entries += 1;
        if byte.is_ascii_digit() && sep_at(i + 1) {
            counts.values[usize::from(byte - b'0')] += 1;
        } else if byte == b'1' && block.get(i + 1) == Some(&b'0') && sep_at(i + 2) {
            counts.values[10] += 1;
        }
    }
}

/// The first `needle` in `haystack`: the reader looks for line ends in
/// texts of many megabytes, which byte by byte would cost more than reading them.
pub(crate) fn find_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    first_unfollowed(haystack, needle, None)
}

/// The first `needle` that `unless` does not follow: by vectors, then by
/// words in what they leave.
fn first_unfollowed(haystack: &[u8], needle: u8, unless: Option<u8>) -> Option<usize> {
    match simd::find(haystack, needle, unless) {
        Ok(found) => Some(found),
        Err(skipped) => words::find(&haystack[skipped..], needle, unless).map(|i| skipped + i),
    }
}

/// The first of the three bytes `needles` in `haystack`: where a row ends,
/// or the quote or CR that a plain split must leave to csv-core.
pub(crate) fn find_first_of(haystack: &[u8], needles: [u8; 3]) -> Option<usize> {
    match simd::find_any(haystack, needles) {
        Ok(found) => Some(found),
        Err(skipped) => haystack[skipped..].iter().position(|b| needles.contains(b)).map(|i| skipped + i),
    }
}

/// The last `needle` in `haystack`.
pub(crate) fn find_last_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    let kept = simd::skip_back_without(haystack, needle);
    haystack[..kept].iter().rposition(|&b| b == needle)
}

/// Where each LF of `bytes` stands, in order. An LF is searched for, and
/// the LFs in the sixteen bytes from it are taken from one bitmask: a column
/// of short answers costs no search a line, and the long lines of a table
/// are still passed over by the search.
pub(crate) fn newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut from = 0;
    // The LFs still to give of the sixteen bytes from `base`, a bit each.
    let mut base = 0;
    let mut ahead: u32 = 0;
    core::iter::from_fn(move || {
        if ahead != 0 {
            let found = base + ahead.trailing_zeros() as usize;
            ahead &= ahead - 1;
            return Some(found);
        }
        let found = from + find_byte(bytes.get(from..)?, b'\n')?;
        match lanes_equal(bytes, found, b'\n') {
            Some(lanes) => {
                base = found;
                ahead = lanes & !1;
                from = found + 16;
            }
            None => from = found + 1,
        }
        Some(found)
    })
}

/// A bit for each of the sixteen bytes from `at` that is `needle`, when
/// `bytes` holds them all.
fn lanes_equal(bytes: &[u8], at: usize, needle: u8) -> Option<u32> {
    simd::lanes_equal(bytes, at, needle)
}

/// The lines of `bytes` split at LF, as `split` would give them.
pub(crate) fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> + '_ {
    let mut from = Some(0);
    core::iter::from_fn(move || {
        let start = from?;
        let rest = bytes.get(start..).unwrap_or_default();
        match find_byte(rest, b'\n') {
            Some(end) => {
                from = Some(start + end + 1);
                Some(&rest[..end])
            }
            None => {
                from = None;
                Some(rest)
            }
        }
    })
}

/// The first CR that is not followed by an LF (a line end of classic Mac OS
/// text), or that ends `haystack`, whose next byte is not known yet.
pub(crate) fn find_bare_cr(haystack: &[u8]) -> Option<usize> {
    first_unfollowed(haystack, b'\r', Some(b'\n'))
}

/// `needle` found eight bytes at a time, for what the vectors leave.
mod words {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;

    /// The first `needle` that `unless` does not follow.
    pub(super) fn find(bytes: &[u8], needle: u8, unless: Option<u8>) -> Option<usize> {
        let pattern = ONES * u64::from(needle);
        let mut from = 0;
        while from + 8 <= bytes.len() {
            let word = u64::from_le_bytes(bytes[from..from + 8].try_into().unwrap_or([0; 8])) ^ pattern;
            // A zero byte of the word (a needle) sets its high bit here.
            if word.wrapping_sub(ONES) & !word & HIGHS == 0 {
                from += 8;
                continue;
            }
            match first_from(bytes, from, from + 8, needle, unless) {
                Some(found) => return Some(found),
                None => from += 8,
            }
        }
        first_from(bytes, from, bytes.len(), needle, unless)
    }

    fn first_from(bytes: &[u8], from: usize, to: usize, needle: u8, unless: Option<u8>) -> Option<usize> {
        (from..to).find(|&i| bytes[i] == needle && (unless.is_none() || bytes.get(i + 1) != unless.as_ref()))
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::{BlockCounts, Separators};
    use core::arch::wasm32::*;

    /// Sixteen bytes from `at` in one `v128.load`; every caller stays inside
    /// `bytes`, and past its end the vector is zeros. (Built from two 8-byte
    /// words instead, it compiled to two guarded loads, a splat and a lane
    /// replace, which cost the list and table readers 5–25 %.)
    #[inline(always)]
    fn load(bytes: &[u8], at: usize) -> v128 {
        match bytes.get(at..at.saturating_add(16)) {
            // SAFETY: the slice holds the sixteen bytes read, and v128_load
            // makes a load of alignment 1, which any address may have.
            Some(sixteen) => unsafe { v128_load(sixteen.as_ptr().cast::<v128>()) },
            None => u8x16_splat(0),
        }
    }

    /// The separators among `v`'s lanes, for separators known when the
    /// module is compiled: tested at run time inside the loop, the choice
    /// cost a branch a vector, and LLVM widened the masks chosen between
    /// with two lane shifts, which V8 emulates in several instructions each.
    #[inline(always)]
    fn separators_in<const BLANKS: bool, const COMMA: bool>(v: v128) -> v128 {
        let mut found = v128_or(u8x16_eq(v, u8x16_splat(b'\n')), u8x16_eq(v, u8x16_splat(b'\r')));
        if BLANKS {
            // Tab, LF, VT, FF and CR are 9 to 13: below 5 after taking 9 away.
            let controls = u8x16_eq(u8x16_min(u8x16_sub(v, u8x16_splat(9)), u8x16_splat(4)), u8x16_sub(v, u8x16_splat(9)));
            found = v128_or(found, v128_or(controls, v128_or(u8x16_eq(v, u8x16_splat(b' ')), u8x16_eq(v, u8x16_splat(b';')))));
        }
        if COMMA {
            found = v128_or(found, u8x16_eq(v, u8x16_splat(b',')));
        }
        found
    }

    /// Adds the sixteen byte counters of `lanes` (each at most 255) to `total`.
    #[inline(always)]
    fn drain(lanes: &mut v128, total: &mut u64) {
        let pairs = u32x4_extadd_pairwise_u16x8(u16x8_extadd_pairwise_u8x16(*lanes));
        *total += u64::from(u32x4_extract_lane::<0>(pairs))
            + u64::from(u32x4_extract_lane::<1>(pairs))
            + u64::from(u32x4_extract_lane::<2>(pairs))
            + u64::from(u32x4_extract_lane::<3>(pairs));
        *lanes = u8x16_splat(0);
    }

    /// The lane of the first set lane of `found`, a compare's result.
    #[inline(always)]
    fn first_lane(found: v128) -> Option<usize> {
        let lanes = u8x16_bitmask(found);
        (lanes != 0).then(|| lanes.trailing_zeros() as usize)
    }

    /// How far from the start of `bytes` 64 bytes at a time are passed over
    /// while `test` finds nothing in any of their four vectors: one test of
    /// four vectors instead of one a vector, from a window of `N` bytes (what
    /// the tests of vectors at 0, 16, 32 and 48 read), so that no load is
    /// checked on its own. The vector that holds a find is then sought one
    /// by one.
    #[inline(always)]
    fn skip_quiet_windows<const N: usize>(bytes: &[u8], test: impl Fn(&[u8], usize) -> v128) -> usize {
        let mut at = 0;
        while let Some(Ok(window)) = bytes.get(at..at + N).map(<&[u8; N]>::try_from) {
            let window = &window[..];
            if v128_any_true(v128_or(v128_or(test(window, 0), test(window, 16)), v128_or(test(window, 32), test(window, 48)))) {
                break;
            }
            at += 64;
        }
        at
    }

    /// The first `needle` (that `unless` does not follow) in whole vectors
    /// from the start, or `Err` with how many bytes those vectors passed
    /// over; the rest is searched in words.
    pub(super) fn find(bytes: &[u8], needle: u8, unless: Option<u8>) -> Result<usize, usize> {
        let pattern = u8x16_splat(needle);
        match unless {
            None => {
                let found = |bytes: &[u8], at: usize| u8x16_eq(load(bytes, at), pattern);
                // A list on one line has no LF in megabytes.
                let mut at = skip_quiet_windows::<64>(bytes, found);
                while at + 16 <= bytes.len() {
                    if let Some(lane) = first_lane(found(bytes, at)) {
                        return Ok(at + lane);
                    }
                    at += 16;
                }
                Err(at)
            }
            Some(follower) => {
                let follower = u8x16_splat(follower);
                // The follower of each lane is in `bytes` too.
                let unfollowed = |bytes: &[u8], at: usize| v128_andnot(u8x16_eq(load(bytes, at), pattern), u8x16_eq(load(bytes, at + 1), follower));
                // Every CR of a CRLF text is followed, and a text of LF line
                // ends has none.
                let mut at = skip_quiet_windows::<65>(bytes, unfollowed);
                while at + 17 <= bytes.len() {
                    if let Some(lane) = first_lane(unfollowed(bytes, at)) {
                        return Ok(at + lane);
                    }
                    at += 16;
                }
                Err(at)
            }
        }
    }

    #[inline(always)]
    pub(super) fn lanes_equal(bytes: &[u8], at: usize, needle: u8) -> Option<u32> {
        bytes.get(at..at.checked_add(16)?)?;
        Some(u8x16_bitmask(u8x16_eq(load(bytes, at), u8x16_splat(needle))).into())
    }

    /// The first of `needles` in whole vectors from the start, or `Err` with
    /// how many bytes those vectors passed over.
    pub(super) fn find_any(bytes: &[u8], needles: [u8; 3]) -> Result<usize, usize> {
        let [a, b, c] = needles.map(|n| u8x16_splat(n));
        let mut at = 0;
        while at + 16 <= bytes.len() {
            let v = load(bytes, at);
            if let Some(lane) = first_lane(v128_or(v128_or(u8x16_eq(v, a), u8x16_eq(v, b)), u8x16_eq(v, c))) {
                return Ok(at + lane);
            }
            at += 16;
        }
        Err(at)
    }

    /// How long a start of `bytes` is left once whole vectors at the end
    /// without `needle` are passed over.
    pub(super) fn skip_back_without(bytes: &[u8], needle: u8) -> usize {
        let pattern = u8x16_splat(needle);
        let mut end = bytes.len();
        while end >= 16 && !v128_any_true(u8x16_eq(load(bytes, end - 16), pattern)) {
            end -= 16;
        }
        end
    }

    /// The sixteen lanes from lane `N` of `low` on, then of `high`.
    #[inline(always)]
    fn lanes_from<const N: usize>(low: v128, high: v128) -> v128 {
        match N {
            1 => i8x16_shuffle::<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16>(low, high),
            2 => i8x16_shuffle::<2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17>(low, high),
            _ => i8x16_shuffle::<15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30>(low, high),
        }
    }

    /// Lookup tables that turn a digit value into a count in a nibble: table
    /// `k` gives 1 for value `2k` and 16 for `2k + 1`, and 0 for every other
    /// index (a swizzle gives 0 past lane 15 too).
    const NIBBLE_TABLES: [v128; 5] = [
        u8x16(1, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        u8x16(0, 0, 1, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        u8x16(0, 0, 0, 0, 1, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        u8x16(0, 0, 0, 0, 0, 0, 1, 16, 0, 0, 0, 0, 0, 0, 0, 0),
        u8x16(0, 0, 0, 0, 0, 0, 0, 0, 1, 16, 0, 0, 0, 0, 0, 0),
    ];
    /// Vectors counted into nibbles before they are spread into bytes: a
    /// nibble holds 15, and 255 byte-counter vectors are 17 of these.
    const NIBBLE_VECTORS: usize = 15;

    /// Counts all of `block` into `counts`, vector by vector: each vector's
    /// separators are found once and shifted a lane for its neighbours. The
    /// last sixteen to thirty-one bytes are counted from a copy padded with
    /// CRs, a separator that ends no line, so that every load stays inside
    /// what it reads. (Counted byte by byte, the first and last vectors of a
    /// block took a twentieth of reading a column.)
    pub(super) fn count_all(block: &[u8], separators: Separators, counts: &mut BlockCounts) -> bool {
        match (separators.blanks, separators.comma) {
            (false, false) => count_all_of::<false, false>(block, counts),
            (true, false) => count_all_of::<true, false>(block, counts),
            (true, true) => count_all_of::<true, true>(block, counts),
            // No reader separates by commas alone: not worth a copy of the loop.
            (false, true) => return false,
        }
        true
    }

    fn count_all_of<const BLANKS: bool, const COMMA: bool>(block: &[u8], counts: &mut BlockCounts) {
        let whole = if block.len() >= 32 { (block.len() - 16) / 16 * 16 } else { 0 };
        count_vectors::<BLANKS, COMMA>(block, 0, whole, counts);
        // The vector before the rest, or CRs at the block's start, then the rest.
        let mut padded = [b'\r'; 64];
        let context = &block[whole.saturating_sub(16)..whole];
        padded[16 - context.len()..16].copy_from_slice(context);
        let rest = &block[whole..];
        padded[16..16 + rest.len()].copy_from_slice(rest);
        count_vectors::<BLANKS, COMMA>(&padded, 16, 16 + rest.len().div_ceil(16) * 16, counts);
    }

    /// Counts the vectors from `first` up to `last` (a multiple of sixteen
    /// bytes on) into `counts`; the sixteen bytes before `first` are read for
    /// the separators before it (none there: the start of an entry may be),
    /// and `bytes` holds sixteen past `last`.
    ///
    /// The ten digit values are counted two to a byte, one per nibble,
    /// through a table lookup each: five lookups and adds a vector where a
    /// compare and a subtraction per value took twenty operations.
    #[inline(always)]
    fn count_vectors<const BLANKS: bool, const COMMA: bool>(bytes: &[u8], first: usize, last: usize, counts: &mut BlockCounts) {
        if first >= last {
            return;
        }
        let zero = u8x16_splat(0);
        let mut values = [zero; 11];
        let mut nibbles = [zero; 5];
        let (mut entries, mut newlines) = (zero, zero);
        let mut before_vector = match first {
            0 => u8x16_splat(0xff),
            _ => separators_in::<BLANKS, COMMA>(load(bytes, first - 16)),
        };
        let mut this_bytes = load(bytes, first);
        let mut this_vector = separators_in::<BLANKS, COMMA>(this_bytes);
        let mut at = first;
        // Byte counters hold 255 at most: drained every 255 vectors.
        while at < last {
            let stop = last.min(at + 255 * 16);
            while at < stop {
                let group_stop = stop.min(at + NIBBLE_VECTORS * 16);
                while at < group_stop {
                    // One load a vector: its bytes are those loaded as the
                    // next ones the round before, and the byte after each
                    // lane is a lane shift away.
                    let v = this_bytes;
                    let next_bytes = load(bytes, at + 16);
                    let next_vector = separators_in::<BLANKS, COMMA>(next_bytes);
                    let before = lanes_from::<15>(before_vector, this_vector);
                    let after = lanes_from::<1>(this_vector, next_vector);
                    let starts = v128_andnot(before, this_vector);
                    // A lone byte's digit value, and 255 in every other lane,
                    // which no table entry holds; a lone byte that is no
                    // digit is then an entry that no value counted.
                    let lone = v128_and(starts, after);
                    let value = v128_or(u8x16_sub(v, u8x16_splat(b'0')), v128_not(lone));
                    for (lanes, table) in nibbles.iter_mut().zip(NIBBLE_TABLES) {
                        *lanes = u8x16_add(*lanes, i8x16_swizzle(table, value));
                    }
                    let one_zero = v128_and(u8x16_eq(v, u8x16_splat(b'1')), u8x16_eq(lanes_from::<1>(v, next_bytes), u8x16_splat(b'0')));
                    let ten = v128_and(v128_and(starts, one_zero), lanes_from::<2>(this_vector, next_vector));
                    values[10] = u8x16_sub(values[10], ten);
                    entries = u8x16_sub(entries, starts);
                    newlines = u8x16_sub(newlines, u8x16_eq(v, u8x16_splat(b'\n')));
                    before_vector = this_vector;
                    this_vector = next_vector;
                    this_bytes = next_bytes;
                    at += 16;
                }
                for (k, lanes) in nibbles.iter_mut().enumerate() {
                    values[2 * k] = u8x16_add(values[2 * k], v128_and(*lanes, u8x16_splat(0x0f)));
                    values[2 * k + 1] = u8x16_add(values[2 * k + 1], u8x16_shr(*lanes, 4));
                    *lanes = zero;
                }
            }
            for (lanes, total) in values.iter_mut().zip(counts.values.iter_mut()) {
                drain(lanes, total);
            }
            drain(&mut entries, &mut counts.entries);
            drain(&mut newlines, &mut counts.newlines);
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod simd {
    use super::{BlockCounts, Separators};

    /// Without SIMD every position is counted one by one.
    #[inline(always)]
    pub(super) fn count_all(_: &[u8], _: Separators, _: &mut BlockCounts) -> bool {
        false
    }

    #[inline(always)]
    pub(super) fn find(_: &[u8], _: u8, _: Option<u8>) -> Result<usize, usize> {
        Err(0)
    }

    #[inline(always)]
    pub(super) fn skip_back_without(bytes: &[u8], _: u8) -> usize {
        bytes.len()
    }

    pub(super) fn lanes_equal(bytes: &[u8], at: usize, needle: u8) -> Option<u32> {
        let sixteen = bytes.get(at..at.checked_add(16)?)?;
        Some(sixteen.iter().enumerate().fold(0, |lanes, (i, &b)| lanes | (u32::from(b == needle) << i)))
    }

    #[inline(always)]
    pub(super) fn find_any(_: &[u8], _: [u8; 3]) -> Result<usize, usize> {
        Err(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    const LINES: Separators = Separators { blanks: false, comma: false };
    const LIST: Separators = Separators { blanks: true, comma: true };

    #[test]
    fn a_column_of_scores_is_counted_by_value() {
        let counts = count_block(b"9\n10\n0\r\n9\n", LINES);
        let mut values = [0; 11];
        values[9] = 2;
        values[10] = 1;
        values[0] = 1;
        assert_eq!(counts, BlockCounts { values, entries: 4, newlines: 4 });
        assert!(counts.all_short_scores());
    }

    #[test]
    fn anything_but_a_digit_or_ten_is_an_entry_that_is_no_short_score() {
        for text in ["07\n", "11\n", "9.5\n", "x\n", "100\n", "1 0\n", "-1\n"] {
            let counts = count_block(text.as_bytes(), LINES);
            assert!(!counts.all_short_scores(), "{text:?}: {counts:?}");
        }
        // In a list, "1 0" is two answers.
        assert!(count_block(b"1 0\n", LIST).all_short_scores());
    }

    #[test]
    fn bytes_are_found_wherever_they_stand() {
        for len in 0..80 {
            for at in 0..len {
                let mut text = vec![b'9'; len];
                text[at] = b'\n';
                assert_eq!(find_byte(&text, b'\n'), Some(at));
                text[at] = b'\r';
                let bare = if at + 1 == len { Some(at) } else { None };
                // A CR alone is found; one before an LF is not.
                assert_eq!(find_bare_cr(&text), Some(at));
                if at + 1 < len {
                    text[at + 1] = b'\n';
                    assert_eq!(find_bare_cr(&text), bare);
                }
            }
            assert_eq!(find_byte(&vec![b'9'; len], b'\n'), None);
            assert_eq!(find_last_byte(&vec![b'9'; len], b'\n'), None);
            if len > 0 {
                let mut text = vec![b'\n'; len];
                text[len - 1] = b'9';
                assert_eq!(find_last_byte(&text, b'\n'), len.checked_sub(2));
                text[0] = b'9';
                assert_eq!(find_last_byte(&text, b'\n'), len.checked_sub(2).filter(|&i| i > 0));
            }
        }
        assert_eq!(find_bare_cr(b"9\r\n10\r\n7\r8"), Some(8));
        let row = b"1,2024-01-01,north,9,3,3,3,3,3,3,3,3,3,3,3,3,3,3,fine,\"x\"\n";
        assert_eq!(find_first_of(row, [b'\n', b'"', b'\r']), Some(54));
        assert_eq!(find_first_of(&row[..50], [b'\n', b'"', b'\r']), None);
    }

    #[test]
    fn lines_and_their_ends_are_those_of_a_split_at_lf() {
        // Lines of every length from 0 to 40, so that line ends fall in every
        // lane of the sixteen bytes after one, and past them.
        let lengths: Vec<u8> = (0..=40).flat_map(|n| core::iter::repeat(b'7').take(n).chain([b'\n'])).collect();
        let texts: [&[u8]; 7] = [b"", b"\n", b"9", b"9\n10\n\n7\r\n", b"\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n", b"id,2024-01-01,north,9,3,3,3,3,3,3,3,fine\nx\n\xc3\xa9\n", &lengths];
        for text in texts {
            for cut in 0..=text.len() {
                let text = &text[..cut];
                assert_eq!(lines(text).collect::<Vec<_>>(), text.split(|&b| b == b'\n').collect::<Vec<_>>(), "{text:?}");
                let ends: Vec<usize> = (0..text.len()).filter(|&i| text[i] == b'\n').collect();
                assert_eq!(newlines(text).collect::<Vec<_>>(), ends, "{text:?}");
            }
        }
    }

    #[test]
    fn separators_of_a_list_split_entries_and_runs_of_them_make_none() {
        let counts = count_block(b"9, 10;\t7  3,,\x0b8\x0c", LIST);
        assert_eq!(counts.entries, 5);
        assert!(counts.all_short_scores());
        // With decimal commas a comma is part of the entry.
        let counts = count_block(b"9, 10", Separators { blanks: true, comma: false });
        assert_eq!(counts.entries, 2);
        assert!(!counts.all_short_scores());
    }
}
