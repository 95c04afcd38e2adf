//! Plain-Rust domain logic of Pocket Rights. Compiles on every target: the app (wasm32) uses
//! it, the data pipeline and build.rs use it natively, and native `cargo test` covers it.
pub mod chart;
pub mod content;
pub mod date;
pub mod decimal;
pub mod english;
pub mod geo;
pub mod inline;
pub mod json;
pub mod language;
pub mod markup;
pub mod policy;
pub mod plan;
pub mod review_age;
pub mod settings;
pub mod stored;
pub mod ui_strings;
