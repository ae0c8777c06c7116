//! # loyalty-score
//!
//! Customer-loyalty statistics from pasted survey answers: the Net Promoter
//! Score with a confidence interval (adjusted Wald, Wald or Tango), the
//! comparison of two samples, and the sample size a margin of error needs.
//!
//! The crate is plain Rust. Reading a paste never fails: entries that are not
//! scores come back as [`Rejected`] entries with their line and column (both
//! from 1). Only a caller's own settings are refused, with an [`OptionError`]
//! that names the option. The WebAssembly bindings live in one module that is
//! compiled only for `wasm32`.
//!
//! ```
//! use loyalty_score::{analyze_nps, IntervalOptions};
//!
//! let report = analyze_nps("10\n9\n9\n7\n6\n8,5\n", IntervalOptions::default());
//! assert_eq!(report.respondents, 5);
//! assert_eq!(report.score, Some(40.0)); // 3 promoters − 1 detractor of 5
//! assert_eq!(report.rejected[0].text, "8,5");
//! assert_eq!(report.rejected[0].reason.code(), "not-a-whole-number");
//! ```

mod measures;
pub mod options;
mod read;
mod stats;

// The layers are private; their public modules are re-exported so every path
// stays `loyalty_score::<module>` (rustdoc inlines them at the root).
pub use measures::{likert, nps, nps_breakdown, retention, sci};
pub use read::{breakdown, dates, decode, labels, layout, parse, token};
pub use stats::{normal, proportion, student_t};

#[cfg(target_arch = "wasm32")]
mod binding;
// The binding's report format; plain Rust, so it is tested natively too.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod tape;

// `no_inline` keeps these listed as re-exports, as when their modules were
// defined at the root, instead of rustdoc copying each page here.
#[doc(no_inline)]
pub use layout::{ColumnChoice, ColumnSelector, Delimiter, HeaderWords, Layout, LayoutKind, ScoreColumn};
#[doc(no_inline)]
pub use nps::{analyze_nps, analyze_nps_bytes, analyze_nps_column, compare_nps, nps_sample_size, Interval, NpsComparison, NpsCounts, NpsReader, NpsReport, SampleSizePlan};
pub use options::{ConfidenceLevel, IntervalMethod, IntervalOptions, OptionError};
#[doc(no_inline)]
pub use parse::{parse_answers, parse_scores, ColumnSummary, Encoding, Position, Profile, Rejected, ScoreParser, Tally, Warning};
#[doc(no_inline)]
pub use token::{Answers, RejectReason, Scale};
