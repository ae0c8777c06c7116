//! Options a caller chooses (confidence level, interval method) and the error
//! that names the option when a choice is invalid.
//!
//! Bad *data* never produces an [`OptionError`]: it becomes a rejected entry in a
//! report. Only a caller's own settings are refused.

use core::fmt;
use serde::Serialize;

/// A caller's setting that cannot be used, with the option's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    /// The option's name as a JavaScript caller writes it, e.g. `level`.
    pub option: &'static str,
    /// Why the value was refused, in plain English.
    pub problem: String,
}

impl OptionError {
    pub fn new(option: &'static str, problem: impl Into<String>) -> Self {
        OptionError { option, problem: problem.into() }
    }

    /// The same problem, said of another option (a column named by `segment`
    /// is looked up the way `column` is).
    pub fn renamed(self, option: &'static str) -> Self {
        OptionError { option, ..self }
    }
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid option `{}`: {}", self.option, self.problem)
    }
}

impl std::error::Error for OptionError {}

/// How a confidence interval for a Net Promoter Score is computed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum IntervalMethod {
    /// Wald interval after adding 0.75 promoter, 1.5 passive and 0.75 detractor
    /// pseudo-observations (Rocks 2016).
    #[default]
    #[serde(rename = "adjusted-wald")]
    AdjustedWald,
    /// The plain normal-approximation interval.
    #[serde(rename = "wald")]
    Wald,
    /// Tango's score interval for a difference of paired proportions.
    #[serde(rename = "tango")]
    Tango,
}

impl IntervalMethod {
    /// Every method, in the order the documentation lists them.
    pub const ALL: [IntervalMethod; 3] =
        [IntervalMethod::AdjustedWald, IntervalMethod::Wald, IntervalMethod::Tango];

    /// The name used in options and reports.
    pub fn name(self) -> &'static str {
        match self {
            IntervalMethod::AdjustedWald => "adjusted-wald",
            IntervalMethod::Wald => "wald",
            IntervalMethod::Tango => "tango",
        }
    }

    /// Reads a method name as a caller writes it.
    ///
    /// ```
    /// use loyalty_score::IntervalMethod;
    /// assert_eq!(IntervalMethod::from_name("tango"), Ok(IntervalMethod::Tango));
    /// let err = IntervalMethod::from_name("exact").unwrap_err();
    /// assert_eq!(err.option, "method");
    /// ```
    pub fn from_name(name: &str) -> Result<Self, OptionError> {
        IntervalMethod::ALL.into_iter().find(|m| m.name() == name).ok_or_else(|| {
            OptionError::new(
                "method",
                format!("unknown method {name:?}; use \"adjusted-wald\", \"wald\" or \"tango\""),
            )
        })
    }
}

/// A confidence level strictly between 0 and 1, such as 0.95.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct ConfidenceLevel(f64);

impl ConfidenceLevel {
    /// The conventional 95 % level.
    pub const DEFAULT: ConfidenceLevel = ConfidenceLevel(0.95);

    /// Accepts any finite level in the open interval (0, 1).
    pub fn new(level: f64) -> Result<Self, OptionError> {
        if level.is_finite() && level > 0.0 && level < 1.0 {
            Ok(ConfidenceLevel(level))
        } else {
            Err(OptionError::new(
                "level",
                format!("must be a number strictly between 0 and 1 (such as 0.95), got {}", show_number(level)),
            ))
        }
    }

    pub fn value(self) -> f64 {
        self.0
    }

    /// The two-sided critical value z for this level.
    pub fn critical_z(self) -> f64 {
        crate::stats::normal::two_sided_critical(self.0)
    }
}

impl Default for ConfidenceLevel {
    fn default() -> Self {
        ConfidenceLevel::DEFAULT
    }
}

/// Confidence level and interval method together.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct IntervalOptions {
    pub level: ConfidenceLevel,
    pub method: IntervalMethod,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_must_lie_strictly_inside_zero_and_one() {
        for bad in [0.0, 1.0, -0.5, 1.5, f64::NAN, f64::INFINITY] {
            let err = ConfidenceLevel::new(bad).unwrap_err();
            assert_eq!(err.option, "level");
            assert!(err.to_string().starts_with("invalid option `level`"), "{err}");
        }
        assert_eq!(ConfidenceLevel::new(0.9).map(ConfidenceLevel::value), Ok(0.9));
    }

    #[test]
    fn method_names_round_trip() {
        for m in IntervalMethod::ALL {
            assert_eq!(IntervalMethod::from_name(m.name()), Ok(m));
        }
        assert_eq!(IntervalMethod::from_name("Wald").unwrap_err().option, "method");
    }
}

/// Reads an answer scale written as `"1-5"`, `"1-7"` or `"0-10"` (an en dash
/// is accepted too), allowing only the scales in `allowed`.
pub fn scale_from_name(name: &str, allowed: &[crate::read::token::Scale]) -> Result<crate::read::token::Scale, OptionError> {
    let normalized = name.trim().replace('–', "-");
    let parsed = normalized.split_once('-').and_then(|(low, high)| {
        Some(crate::read::token::Scale { min: low.trim().parse().ok()?, max: high.trim().parse().ok()? })
    });
    match parsed {
        Some(scale) if allowed.contains(&scale) => Ok(scale),
        _ => {
            let names: Vec<String> = allowed.iter().map(|s| format!("\"{}-{}\"", s.min, s.max)).collect();
            Err(OptionError::new("scale", format!("unknown scale {name:?}; use {}", names.join(", "))))
        }
    }
}

/// Writes a number for a message: whole numbers exactly, others to six
/// decimals, very large or small ones in scientific notation. Rust's own
/// float formatting would add about 15 KiB to the WebAssembly for messages alone.
pub(crate) fn show_number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    if a.is_infinite() {
        return format!("{sign}Infinity");
    }
    if a >= 1e12 || (a > 0.0 && a < 1e-6) {
        let exponent = libm::floor(libm::log10(a));
        let mantissa = a / libm::pow(10.0, exponent);
        return format!("{sign}{}e{}", show_number(mantissa), exponent as i64);
    }
    let millionths = libm::round(a * 1e6) as u64;
    let (whole, fraction) = (millionths / 1_000_000, millionths % 1_000_000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod number_tests {
    use super::show_number;

    #[test]
    fn numbers_in_messages_read_as_written() {
        let cases = [
            (2.0, "2"),
            (-1.0, "-1"),
            (0.95, "0.95"),
            (1.5, "1.5"),
            (-0.125, "-0.125"),
            (0.0, "0"),
            (1e-9, "1e-9"),
            (2.5e13, "2.5e13"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
        ];
        for (x, shown) in cases {
            assert_eq!(show_number(x), shown, "{x}");
        }
    }
}
