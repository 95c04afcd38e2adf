//! App-wide services and the browser edges they sit on.
pub mod content;
pub mod export;
pub mod fetch;
pub mod locale_format;
pub mod offline;
pub mod plan_store;
pub mod policy;
pub mod position;
pub mod settings;
pub mod storage;
pub mod tasks;
