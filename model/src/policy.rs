//! Policy map data: the vocabulary ([`vocabulary`]), the wire schema of the files in
//! `public/data` ([`schema`]), the queries the app runs on them ([`queries`]) and place search
//! ([`search`]). Everything is re-exported here, so `pocket_model::policy::X` names any of it.
//! Reading the source CSVs is the pipeline's business (`pocket-pipeline`), not the app's.
pub mod queries;
pub mod schema;
pub mod search;
pub mod vocabulary;

pub use queries::*;
pub use schema::*;
pub use search::{Hit, HitKind, SearchEntry, SearchIndex, city_from_agency, fold, search};
pub use vocabulary::*;
