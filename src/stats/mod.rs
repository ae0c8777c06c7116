//! Statistical distributions and intervals, kept free of survey parsing so
//! they can be checked against reference values alone: must not import
//! `read` or `measures` (it uses `options` only for `ConfidenceLevel`).

pub mod normal;
pub mod proportion;
pub mod student_t;
pub(crate) mod tango;
