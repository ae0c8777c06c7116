//! However a file's bytes arrive, the reader must come to the report of the
//! whole: the layout is decided on a held-back sample, rows and UTF-8 or
//! UTF-16 sequences straddle chunk ends, and none of that may show; nor may
//! a text given whole, which is read without being held back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loyalty_score::{IntervalOptions, NpsReader, NpsReport, OptionError};

/// The cut sizes come from the input's tail, so the fuzzer steers them while
/// an export copied in as a seed stays an export: the last byte says how many
/// of the bytes before it are sizes (at most 7), and they are read as data too.
fn cut_sizes(data: &[u8]) -> Vec<usize> {
    let Some((&last, rest)) = data.split_last() else { return Vec::new() };
    let count = usize::from(last % 8).min(rest.len());
    rest[rest.len() - count..].iter().map(|&b| usize::from(b)).collect()
}

/// Pushes `data` in pieces of the given sizes, cycling through them; a size of
/// 0 pushes an empty chunk, which a host's slicing can produce.
fn chunked(data: &[u8], sizes: &[usize], push: fn(&mut NpsReader, &[u8])) -> Result<NpsReport, OptionError> {
    let mut reader = NpsReader::new(IntervalOptions::default(), None);
    if sizes.iter().all(|&s| s == 0) {
        push(&mut reader, b"");
        push(&mut reader, data);
    } else {
        let mut rest = data;
        for &size in sizes.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (chunk, tail) = rest.split_at(size.min(rest.len()));
            push(&mut reader, chunk);
            rest = tail;
        }
    }
    reader.finish()
}

fn whole(data: &[u8], push: fn(&mut NpsReader, &[u8])) -> Result<NpsReport, OptionError> {
    let mut reader = NpsReader::new(IntervalOptions::default(), None);
    push(&mut reader, data);
    reader.finish()
}

fuzz_target!(|data: &[u8]| {
    let sizes = cut_sizes(data);
    let one = whole(data, NpsReader::push_bytes);
    assert_eq!(chunked(data, &sizes, NpsReader::push_bytes), one);
    // One byte at a time is the worst case for every held-back state.
    if data.len() <= 512 {
        assert_eq!(chunked(data, &[1], NpsReader::push_bytes), one);
    }
    if std::str::from_utf8(data).is_ok() {
        let text = whole(data, NpsReader::push_text);
        assert_eq!(chunked(data, &sizes, NpsReader::push_text), text);
        // The text given at once, read where it lies (what analyzeNps does).
        assert_eq!(NpsReader::new(IntervalOptions::default(), None).finish_with_text(data), text);
    }
});
