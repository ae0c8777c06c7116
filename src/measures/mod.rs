//! The loyalty measures (NPS, SCI, Likert, retention and lifetime value). This
//! is the only layer that combines the others: it may import `read`, `stats`
//! and `options`, and nothing below it may import it.

pub mod likert;
pub mod nps;
pub mod nps_breakdown;
pub mod retention;
pub mod sci;
