//! The data pipeline: validates the public datasets in `data/sources` and writes the compact,
//! versioned JSON files the app fetches (`public/data`). Same input, byte-identical output.
pub mod convert;
pub mod county_match;
pub mod error;
pub mod geometry;
pub mod ice_sheet;
pub mod meta;
pub mod output;
pub mod policy_csv;
pub mod simplify;
pub mod sources;
pub mod svgpath;
pub mod table;
pub mod topo;
pub mod update;
pub mod xlsx;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use error::{Error, Result};

/// The current ICE list.
pub const AGREEMENTS_FILE: &str = "287g_agreements.csv";
/// Earlier ICE lists are kept as `287g_agreements_<as_of>.csv` for the per-state comparison.
pub const EARLIER_AGREEMENTS_PREFIX: &str = "287g_agreements_";
/// National counts of every archived list.
pub const TREND_FILE: &str = "287g_sheet_counts.csv";
pub const STATE_POLICIES_FILE: &str = "state_policies.csv";
pub const COUNTIES_FILE: &str = "counties_fips.csv";
/// The DOJ list file starts with this.
pub const DOJ_PREFIX: &str = "doj_sanctuary_jurisdictions_";
/// Pre-projected geometry the map draws.
pub const ALBERS_FILE: &str = "counties-albers-10m.json";
/// Unprojected geometry: also holds the territories, so their county FIPS can be checked.
pub const LONLAT_FILE: &str = "counties-10m.json";

/// Where to read and how much to simplify.
#[derive(Debug, Clone)]
pub struct Config {
    pub sources: PathBuf,
    /// Visvalingam area threshold in square map units.
    pub tolerance: f64,
}

/// The workspace root, so defaults work from any directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("pipeline sits in the workspace").to_path_buf()
}

/// Default sources directory (`data/sources`).
pub fn default_sources() -> PathBuf {
    workspace_root().join("data/sources")
}

/// Default output directory (`public/data`).
pub fn default_out() -> PathBuf {
    workspace_root().join("public/data")
}

/// Validate every source and return the output files by name.
pub fn build(config: &Config) -> Result<BTreeMap<String, String>> {
    output::build(config)
}

/// Write the files into `out` (created if needed).
pub fn write(files: &BTreeMap<String, String>, out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).map_err(|e| Error::file(out, format!("cannot create: {e}")))?;
    for (name, text) in files {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| Error::file(&path, format!("cannot write: {e}")))?;
    }
    Ok(())
}

/// Names of output files that are missing or differ in `out`.
pub fn stale_files(files: &BTreeMap<String, String>, out: &Path) -> Vec<String> {
    files
        .iter()
        .filter(|(name, text)| std::fs::read_to_string(out.join(name)).ok().as_deref() != Some(text.as_str()))
        .map(|(name, _)| name.clone())
        .collect()
}
