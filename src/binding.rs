//! The WebAssembly boundary: the only module that knows about JavaScript.
//!
//! Functions here are stateless apart from one input buffer. JavaScript writes
//! a paste into that buffer with `TextEncoder.encodeInto` (see `js/core.js`)
//! rather than through wasm-bindgen's `&str` glue, which copies ASCII text one
//! character at a time in a JavaScript loop.

use crate::measures::likert::{LikertReader, LIKERT_SCALES};
use crate::read::breakdown::{date_order_option, period_option, ExtraSelectors};
use crate::measures::nps::{compare_nps, nps_sample_size, NpsCounts, NpsReader, NpsReport};
use crate::options::{scale_from_name, show_number, ConfidenceLevel, IntervalMethod, IntervalOptions, OptionError};
use crate::measures::retention::{customer_lifetime_value, retention, LifetimeValueInput};
use crate::measures::sci::{SciReader, SciSelectors, SCI_SCALES};
use crate::read::layout::ColumnSelector;
use crate::read::token::Scale;
use core::cell::RefCell;
use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The last report, as a tape (src/tape.rs) that js/tape.js reads.
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Where the last report's tape starts; valid until the next call.
#[wasm_bindgen(js_name = outputBuffer)]
pub fn output_buffer() -> *const u8 {
    OUTPUT.with(|tape| tape.borrow().as_ptr())
}

/// Resizes the input buffer to `len` bytes, keeping what it holds, and returns
/// its address. The address changes when the buffer grows.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(len: usize) -> *mut u8 {
    INPUT.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.resize(len, 0);
        buffer.as_mut_ptr()
    })
}

fn with_input<T>(len: usize, read: impl FnOnce(&[u8]) -> T) -> T {
    INPUT.with(|buffer| {
        let buffer = buffer.borrow();
        let bytes = &buffer[..len.min(buffer.len())];
        trap_on_magic_input(bytes);
        read(bytes)
    })
}

/// Only in the `trap-test` build, which the browser tests make apart: the
/// input `\0trap\0` traps, so that the tests can show that the widget and
/// js/core.js recover from a trap. Normal builds compile this to nothing.
#[cfg(all(feature = "trap-test", target_arch = "wasm32"))]
fn trap_on_magic_input(bytes: &[u8]) {
    if bytes == b"\0trap\0" {
        core::arch::wasm32::unreachable();
    }
}

#[cfg(not(all(feature = "trap-test", target_arch = "wasm32")))]
#[inline(always)]
fn trap_on_magic_input(_: &[u8]) {}

/// Writes `value` as the output tape and returns its length: the report JavaScript reads.
fn to_js<T: Serialize>(value: &T) -> Result<usize, JsError> {
    OUTPUT.with(|tape| crate::tape::write(value, &mut tape.borrow_mut())).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(OUTPUT.with(|tape| tape.borrow().len()))
}

fn option_error(e: OptionError) -> JsError {
    JsError::new(&e.to_string())
}

fn describe(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        format!("{s:?}")
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// Reads `name` from an options object; `None` when absent, null or undefined.
fn field(object: &JsValue, name: &str) -> Result<Option<JsValue>, JsError> {
    let value = Reflect::get(object, &JsValue::from_str(name))
        .map_err(|_| JsError::new(&format!("cannot read option `{name}`")))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

fn number_field(object: &JsValue, name: &'static str, expected: &str) -> Result<Option<f64>, JsError> {
    match field(object, name)? {
        None => Ok(None),
        Some(value) => value.as_f64().map(Some).ok_or_else(|| {
            option_error(OptionError::new(name, format!("must be {expected}, got {}", describe(&value))))
        }),
    }
}

/// Refuses option names the function does not know, so a typo is not ignored.
fn check_known(object: &JsValue, what: &str, known: &[&str]) -> Result<(), JsError> {
    if object.is_undefined() || object.is_null() {
        return Ok(());
    }
    if !object.is_object() {
        return Err(JsError::new(&format!("{what} must be an object, got {}", describe(object))));
    }
    for key in Object::keys(object.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "unknown option `{key}` in {what}; known options are {}",
                known.join(", ")
            )));
        }
    }
    Ok(())
}

fn interval_options(options: &JsValue) -> Result<IntervalOptions, JsError> {
    interval_options_with(options, &["level", "method"])
}

fn interval_options_with(options: &JsValue, known: &[&str]) -> Result<IntervalOptions, JsError> {
    check_known(options, "options", known)?;
    if options.is_undefined() || options.is_null() {
        return Ok(IntervalOptions::default());
    }
    let level = level_field(options)?;
    let method = match field(options, "method")? {
        None => IntervalMethod::default(),
        Some(value) => match value.as_string() {
            Some(name) => IntervalMethod::from_name(&name).map_err(option_error)?,
            None => {
                return Err(option_error(OptionError::new(
                    "method",
                    format!("must be \"adjusted-wald\", \"wald\" or \"tango\", got {}", describe(&value)),
                )))
            }
        },
    };
    Ok(IntervalOptions { level, method })
}

fn count_field(object: &JsValue, name: &'static str) -> Result<u64, JsError> {
    const MAX_EXACT: f64 = 9_007_199_254_740_991.0;
    let expected = "a whole number, 0 or more";
    match number_field(object, name, expected)? {
        Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= MAX_EXACT => Ok(n as u64),
        Some(n) => Err(option_error(OptionError::new(name, format!("must be {expected}, got {}", show_number(n))))),
        None => Err(option_error(OptionError::new(name, format!("is missing; it must be {expected}")))),
    }
}

fn counts(value: &JsValue, what: &str) -> Result<NpsCounts, JsError> {
    if !value.is_object() {
        return Err(JsError::new(&format!(
            "{what} must be {{ promoters, passives, detractors }} or pasted text, got {}",
            describe(value)
        )));
    }
    Ok(NpsCounts::new(
        count_field(value, "promoters")?,
        count_field(value, "passives")?,
        count_field(value, "detractors")?,
    ))
}

/// A column named by the caller: a position from 1, or a header.
fn selector(value: &JsValue, option: &'static str) -> Result<ColumnSelector, JsError> {
    if let Some(name) = value.as_string() {
        return Ok(ColumnSelector::Name(name));
    }
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (1.0..=4_294_967_295.0).contains(&n) => Ok(ColumnSelector::Index(n as u32)),
        _ => Err(option_error(OptionError::new(
            option,
            format!("must be a column number from 1 or a header, got {}", describe(value)),
        ))),
    }
}

fn column_option(options: &JsValue) -> Result<Option<ColumnSelector>, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    field(options, "column")?.map(|value| selector(&value, "column")).transpose()
}

/// NPS report for the first `len` bytes of the input buffer (a string's UTF-8).
#[wasm_bindgen(js_name = analyzeNpsInput)]
pub fn analyze_nps_input(len: usize, options: JsValue) -> Result<usize, JsError> {
    let mut reader = nps_reader(&options)?;
    to_js(&with_input(len, |bytes| reader.finish_with_text(bytes)).map_err(option_error)?)
}

fn nps_reader(options: &JsValue) -> Result<NpsReader, JsError> {
    let known = ["level", "method", "column", "segment", "date", "period", "dateOrder", "comment"];
    let intervals = interval_options_with(options, &known)?;
    let reader = NpsReader::new(intervals, column_option(options)?);
    if options.is_undefined() || options.is_null() {
        return Ok(reader);
    }
    let column = |name: &'static str| field(options, name)?.map(|value| selector(&value, name)).transpose();
    let text = |name: &'static str, expected: &str| -> Result<Option<String>, JsError> {
        match field(options, name)? {
            None => Ok(None),
            Some(value) => value
                .as_string()
                .map(Some)
                .ok_or_else(|| option_error(OptionError::new(name, format!("must be {expected}, got {}", describe(&value))))),
        }
    };
    let period = match text("period", "a period's name")? {
        Some(name) => period_option(&name).map_err(option_error)?,
        None => None,
    };
    let date_order = text("dateOrder", "\"day-first\" or \"month-first\"")?.map(|name| date_order_option(&name)).transpose().map_err(option_error)?;
    let extras = ExtraSelectors { segment: column("segment")?, date: column("date")?, comment: column("comment")?, date_order };
    Ok(reader.with_breakdown(extras, period))
}

/// A reader class for JavaScript over one of the measures' readers: made
/// from an options object, it takes chunks written into the input buffer and
/// ends with the report (see `createNpsReader` and the rest in js/core.js).
macro_rules! stream_class {
    ($(#[$doc:meta])* $name:ident, $reader:ty, $make:ident) => {
        $(#[$doc])*
        #[wasm_bindgen]
        pub struct $name {
            reader: $reader,
        }

        #[wasm_bindgen]
        impl $name {
            #[wasm_bindgen(constructor)]
            pub fn new(options: JsValue) -> Result<$name, JsError> {
                Ok($name { reader: $make(&options)? })
            }

            /// The first `len` bytes of the input buffer; `text` when they are a string's.
            pub fn push(&mut self, len: usize, text: bool) -> Result<(), JsError> {
                let reader = &mut self.reader;
                with_input(len, |b| if text { reader.push_text(b) } else { reader.push_bytes(b) });
                self.reader.error().cloned().map_or(Ok(()), |e| Err(option_error(e)))
            }

            pub fn finish(&mut self) -> Result<usize, JsError> {
                to_js(&self.reader.finish().map_err(option_error)?)
            }
        }
    };
}

stream_class!(
    /// Reads NPS answers pushed in chunks.
    NpsStream, NpsReader, nps_reader
);

#[wasm_bindgen]
impl NpsStream {
    #[wasm_bindgen(js_name = reportFor)]
    pub fn report_for(&self, column: JsValue) -> Result<usize, JsError> {
        to_js(&self.reader.report_for(&selector(&column, "column")?).map_err(option_error)?)
    }
}

#[wasm_bindgen(js_name = npsFromCounts)]
pub fn nps_from_counts(value: JsValue, options: JsValue) -> Result<usize, JsError> {
    let options = interval_options(&options)?;
    to_js(&NpsReport::from_counts(counts(&value, "counts")?, options))
}

/// Compares two samples given as counts (or as reports, which carry them).
#[wasm_bindgen(js_name = compareNps)]
pub fn compare_nps_js(before: JsValue, after: JsValue, options: JsValue) -> Result<usize, JsError> {
    let options = interval_options(&options)?;
    let comparison = compare_nps(counts(&before, "before")?, counts(&after, "after")?, options);
    to_js(&comparison.map_err(option_error)?)
}

#[wasm_bindgen(js_name = npsSampleSize)]
pub fn nps_sample_size_js(request: JsValue) -> Result<usize, JsError> {
    if !request.is_object() {
        return Err(JsError::new("npsSampleSize takes { margin, level?, promoterShare?, detractorShare? }"));
    }
    check_known(&request, "npsSampleSize", &["margin", "level", "promoterShare", "detractorShare"])?;
    let share = "a share between 0 and 1 (such as 0.4)";
    let margin = number_field(&request, "margin", "a number of NPS points (such as 5)")?.ok_or_else(|| {
        option_error(OptionError::new("margin", "is missing; it must be a number of NPS points (such as 5)"))
    })?;
    let level = match number_field(&request, "level", "a number strictly between 0 and 1 (such as 0.95)")? {
        Some(level) => ConfidenceLevel::new(level).map_err(option_error)?,
        None => ConfidenceLevel::DEFAULT,
    };
    let plan = nps_sample_size(
        margin,
        level,
        number_field(&request, "promoterShare", share)?,
        number_field(&request, "detractorShare", share)?,
    )
    .map_err(option_error)?;
    to_js(&plan)
}

fn level_field(object: &JsValue) -> Result<ConfidenceLevel, JsError> {
    match number_field(object, "level", "a number strictly between 0 and 1 (such as 0.95)")? {
        Some(level) => ConfidenceLevel::new(level).map_err(option_error),
        None => Ok(ConfidenceLevel::DEFAULT),
    }
}

/// `{ level, scale }` options of the SCI and Likert analyses, with `extra` names allowed too.
fn scale_options(options: &JsValue, allowed: &[Scale], default: Scale, extra: &[&str]) -> Result<(ConfidenceLevel, Scale), JsError> {
    let known: Vec<&str> = ["level", "scale"].iter().chain(extra).copied().collect();
    check_known(options, "options", &known)?;
    if options.is_undefined() || options.is_null() {
        return Ok((ConfidenceLevel::DEFAULT, default));
    }
    let scale = match field(options, "scale")? {
        None => default,
        Some(value) => match value.as_string() {
            Some(name) => scale_from_name(&name, allowed).map_err(option_error)?,
            None => {
                return Err(option_error(OptionError::new(
                    "scale",
                    format!("must be a name such as \"1-5\", got {}", describe(&value)),
                )))
            }
        },
    };
    Ok((level_field(options)?, scale))
}

fn sci_reader(options: &JsValue) -> Result<SciReader, JsError> {
    let (level, scale) = scale_options(options, &SCI_SCALES, Scale::ZERO_TO_TEN, &["columns", "segment"])?;
    let mut selectors: SciSelectors = Default::default();
    if let Some(columns) = (!options.is_undefined() && !options.is_null()).then(|| field(options, "columns")).transpose()?.flatten() {
        const NAMES: [&str; 3] = ["satisfaction", "repurchase", "recommend"];
        if !columns.is_object() {
            return Err(option_error(OptionError::new(
                "columns",
                format!("must be {{ satisfaction, repurchase, recommend }}, got {}", describe(&columns)),
            )));
        }
        check_known(&columns, "columns", &NAMES)?;
        for (q, name) in NAMES.iter().enumerate() {
            selectors[q] = field(&columns, name)?.map(|value| selector(&value, "columns")).transpose()?;
        }
    }
    let segment = match (!options.is_undefined() && !options.is_null()).then(|| field(options, "segment")).transpose()?.flatten() {
        Some(value) => Some(selector(&value, "segment")?),
        None => None,
    };
    Ok(SciReader::new(scale, level, selectors).with_segment(segment))
}

fn likert_reader(options: &JsValue) -> Result<LikertReader, JsError> {
    let (level, scale) = scale_options(options, &LIKERT_SCALES, LIKERT_SCALES[0], &["column"])?;
    Ok(LikertReader::new(scale, level, column_option(options)?))
}

/// SCI and CLI for the first `len` bytes of the input buffer.
#[wasm_bindgen(js_name = analyzeSciInput)]
pub fn analyze_sci_input(len: usize, options: JsValue) -> Result<usize, JsError> {
    let mut reader = sci_reader(&options)?;
    with_input(len, |bytes| reader.push_text(bytes));
    to_js(&reader.finish().map_err(option_error)?)
}

/// Likert / CSAT summary for the first `len` bytes of the input buffer.
#[wasm_bindgen(js_name = analyzeLikertInput)]
pub fn analyze_likert_input(len: usize, options: JsValue) -> Result<usize, JsError> {
    let mut reader = likert_reader(&options)?;
    to_js(&with_input(len, |bytes| reader.finish_with_text(bytes)).map_err(option_error)?)
}

stream_class!(
    /// Reads SCI answers pushed in chunks. It has no `reportFor`: the SCI
    /// combines three columns row by row, which column profiles cannot
    /// answer, so other columns mean reading again.
    SciStream, SciReader, sci_reader
);

stream_class!(
    /// Reads Likert answers pushed in chunks.
    LikertStream, LikertReader, likert_reader
);

#[wasm_bindgen]
impl LikertStream {
    #[wasm_bindgen(js_name = reportFor)]
    pub fn report_for(&self, column: JsValue) -> Result<usize, JsError> {
        to_js(&self.reader.report_for(&selector(&column, "column")?).map_err(option_error)?)
    }
}

fn required_number(object: &JsValue, name: &'static str, expected: &str) -> Result<f64, JsError> {
    number_field(object, name, expected)?
        .ok_or_else(|| option_error(OptionError::new(name, format!("is missing; it must be {expected}"))))
}

#[wasm_bindgen(js_name = retention)]
pub fn retention_js(period: JsValue) -> Result<usize, JsError> {
    if !period.is_object() {
        return Err(JsError::new("retention takes { customersAtStart, customersAtEnd, newCustomers }"));
    }
    check_known(&period, "retention", &["customersAtStart", "customersAtEnd", "newCustomers"])?;
    let start = count_field(&period, "customersAtStart")?;
    let end = count_field(&period, "customersAtEnd")?;
    let new = count_field(&period, "newCustomers")?;
    to_js(&retention(start, end, new).map_err(option_error)?)
}

#[wasm_bindgen(js_name = customerLifetimeValue)]
pub fn customer_lifetime_value_js(input: JsValue) -> Result<usize, JsError> {
    const FIELDS: [&str; 5] = ["averageOrderValue", "purchasesPerYear", "grossMargin", "retentionRate", "discountRate"];
    if !input.is_object() {
        return Err(JsError::new(&format!("customerLifetimeValue takes {{ {} }}", FIELDS.join(", "))));
    }
    check_known(&input, "customerLifetimeValue", &FIELDS)?;
    let value = customer_lifetime_value(LifetimeValueInput {
        average_order_value: required_number(&input, "averageOrderValue", "an amount, 0 or more")?,
        purchases_per_year: required_number(&input, "purchasesPerYear", "a number of purchases, 0 or more")?,
        gross_margin: required_number(&input, "grossMargin", "a fraction from 0 to 1 (0.3 for 30 %)")?,
        retention_rate: required_number(&input, "retentionRate", "a fraction from 0 to 1 (0.8 for 80 %)")?,
        discount_rate: number_field(&input, "discountRate", "a yearly rate, 0 or more (0.1 for 10 %)")?.unwrap_or(0.1),
    });
    to_js(&value.map_err(option_error)?)
}
