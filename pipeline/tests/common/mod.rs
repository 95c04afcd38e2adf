//! Helpers shared by the pipeline's integration tests.
#![allow(dead_code)]
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use pocket_pipeline::{Config, build, default_sources, geometry};

/// The real sources, built once per test binary.
pub fn real_output() -> &'static BTreeMap<String, String> {
    static OUT: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    OUT.get_or_init(|| build(&config(default_sources())).unwrap_or_else(|e| panic!("{e}")))
}

/// The default configuration for a sources directory.
pub fn config(sources: PathBuf) -> Config {
    Config { sources, tolerance: geometry::DEFAULT_TOLERANCE }
}

/// A fresh empty directory under the system temp dir.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pocket-pipeline-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A copy of the real sources directory, to modify.
pub fn copy_of_sources(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for e in std::fs::read_dir(default_sources()).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Rows of a CSV as maps from column to value, read with nothing but the csv crate.
pub fn csv_rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| headers.iter().zip(rec.unwrap().iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect())
        .collect()
}
