//! ICE's own workbooks converted by `convert` give the committed lists, row for row.
mod common;

use std::path::{Path, PathBuf};

use common::{copy_of_sources, csv_rows};
use pocket_pipeline::convert::convert;
use pocket_pipeline::default_sources;

/// The `source` text of the committed lists: the workbooks came from this archive.
const ARCHIVE_SOURCE: &str = "ICE 287(g) participating agencies list (ice.gov/identify-and-arrest/287g), archived by RelevantResearch/287g-DetentionData";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ice").join(name)
}

/// The committed list whose `source_file` is this workbook.
fn committed_list_of(workbook: &str) -> PathBuf {
    std::fs::read_dir(default_sources())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().unwrap().to_string_lossy().starts_with("287g_agreements")
                && p.extension().is_some_and(|e| e == "csv")
        })
        .find(|p| csv_rows(p).first().is_some_and(|r| r["source_file"] == workbook))
        .unwrap_or_else(|| panic!("no committed list converted from {workbook}"))
}

fn reproduces(workbook: &str) {
    let (text, report) =
        convert(&default_sources(), &fixture(workbook), ARCHIVE_SOURCE).unwrap_or_else(|e| panic!("{e}"));
    let committed = committed_list_of(workbook);
    let dir = common::temp_dir(&format!("convert-{workbook}"));
    let converted = dir.join("converted.csv");
    std::fs::write(&converted, &text).unwrap();
    let (got, want) = (csv_rows(&converted), csv_rows(&committed));
    assert_eq!(got.len(), want.len(), "{workbook}: rows");
    assert_eq!(report.rows, want.len());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        for col in ["state_abbr", "agency", "model_code", "signed_date", "county_fips", "moa_url"] {
            assert_eq!(g[col], w[col], "{workbook} row {} column {col}", i + 1);
        }
        assert_eq!(g, w, "{workbook} row {}", i + 1);
    }
    // Byte for byte, line endings and quoting included.
    assert_eq!(text, std::fs::read_to_string(&committed).unwrap(), "{workbook}: bytes");
    // The report accounts for every row and lists every row without a county.
    assert_eq!(report.by_method.values().sum::<usize>(), want.len());
    let without: Vec<&str> =
        want.iter().filter(|r| r["county_fips"].is_empty()).map(|r| r["agency"].as_str()).collect();
    assert_eq!(report.unplaced.iter().map(|u| u.agency.as_str()).collect::<Vec<_>>(), without);
    for (method, n) in &report.by_method {
        assert_eq!(
            *n,
            want.iter().filter(|r| r["county_fips_method"].split(':').next() == Some(method)).count(),
            "{method}"
        );
    }
}

#[test]
fn may_2026_workbook_reproduces_the_committed_list() {
    reproduces("participatingAgencies05182026am.xlsx");
}

#[test]
fn november_2025_workbook_reproduces_the_committed_list() {
    reproduces("participatingAgencies11252025pm.xlsx");
}

/// Without the other lists, the row that only an earlier list placed is kept, with a reason.
#[test]
fn rows_without_a_county_are_kept_with_a_reason() {
    let dir = copy_of_sources("convert-alone");
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.file_name().unwrap().to_string_lossy().starts_with("287g_agreements") {
            std::fs::remove_file(p).unwrap();
        }
    }
    let workbook = "participatingAgencies05182026am.xlsx";
    let (_, alone) = convert(&dir, &fixture(workbook), ARCHIVE_SOURCE).unwrap();
    let (_, with_lists) = convert(&default_sources(), &fixture(workbook), ARCHIVE_SOURCE).unwrap();
    assert_eq!(alone.rows, with_lists.rows);
    let earlier = with_lists.by_method.get("earlier_ice_sheet").copied().unwrap_or(0);
    assert!(earlier > 0, "the committed list places some row from an earlier list");
    assert!(!alone.by_method.contains_key("earlier_ice_sheet"));
    assert!(alone.unplaced.len() >= with_lists.unplaced.len() + 1 - earlier.min(1));
    assert!(alone.text().contains("no_county_on_sheet"));
}
