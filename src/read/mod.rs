//! Reading pasted text: cells, rows with positions, layout detection and the
//! push parser. It is the bottom layer, so pastes can be tested without any
//! statistics: it must not import `measures` (today it uses nothing outside
//! `read`).

pub mod breakdown;
pub mod dates;
pub mod decode;
pub mod labels;
pub mod layout;
pub mod parse;
pub(crate) mod rows;
pub(crate) mod scan;
pub mod token;
