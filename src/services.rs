//! App-wide services and the browser edges they sit on.
pub mod content;
pub mod fetch;
pub mod locale_format;
pub mod offline;
pub mod policy;
pub mod settings;
pub mod storage;
