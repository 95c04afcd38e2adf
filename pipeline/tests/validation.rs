//! Bad rows are rejected with the file, row and field named (small fixtures in a temp dir),
//! and a newer ICE list is added with one call.
mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{copy_of_sources, csv_rows, temp_dir};
use pocket_model::policy::{StatesFile, TrendFile};
use pocket_pipeline::build;
use pocket_pipeline::sources::{
    Counties, StatePolicies, read_agreements, read_counties, read_doj, read_state_policies, read_trend,
};
use pocket_pipeline::update::update;

/// Write a CSV of `header` and `rows`, quoting as needed.
fn write_csv(path: &Path, header: &[&str], rows: &[Vec<String>]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| (*s).to_owned()).collect()
}

const COUNTY_HEADER: [&str; 5] = ["county_fips", "state_fips", "state_abbr", "census_name", "in_albers_file"];
const POLICY_HEADER: [&str; 17] = [
    "state",
    "state_abbr",
    "state_fips",
    "stance",
    "bans_287g",
    "requires_287g",
    "requires_detainer_compliance",
    "bans_local_sanctuary_policies",
    "laws_and_citations",
    "key_dates",
    "summary",
    "agreements_2026_05_18",
    "doj_sanctuary_list_2025_08_05_state",
    "source_urls",
    "verification",
    "notes",
    "as_of",
];
const AGREEMENT_HEADER: [&str; 18] = [
    "state",
    "state_abbr",
    "state_fips",
    "agency",
    "agency_type",
    "county_fips",
    "county_fips_method",
    "model",
    "model_code",
    "signed_date",
    "moa_status",
    "moa_url",
    "moa_filename_date",
    "signed_date_check",
    "addendum_url",
    "source",
    "source_file",
    "as_of",
];

/// Fixture references: three counties (one in a territory) and three states.
fn references(dir: &Path) -> (Counties, StatePolicies) {
    let counties_csv = dir.join("counties_fips.csv");
    write_csv(
        &counties_csv,
        &COUNTY_HEADER,
        &[
            strings(&["12086", "12", "FL", "Miami-Dade County", "1"]),
            strings(&["48201", "48", "TX", "Harris County", "1"]),
            strings(&["66010", "66", "GU", "Guam", "0"]),
        ],
    );
    let drawn: BTreeSet<String> = ["12086", "48201"].map(String::from).into();
    let atlas: BTreeSet<String> = ["12086", "48201", "66010"].map(String::from).into();
    let counties = read_counties(&counties_csv, &drawn, &atlas).unwrap();
    let policies_csv = dir.join("state_policies.csv");
    let state = |name: &str, abbr: &str, fips: &str, stance: &str, count: &str, verification: &str, url: &str| {
        strings(&[
            name,
            abbr,
            fips,
            stance,
            "N",
            "Y",
            "Y",
            "Y",
            "Law 1",
            "2025-01-01",
            "Summary.",
            count,
            "N",
            url,
            verification,
            "",
            "2026-11-23 (research date)",
        ])
    };
    write_csv(
        &policies_csv,
        &POLICY_HEADER,
        &[
            state("Florida", "FL", "12", "requires", "1", "verified in stored pages", "https://example.org/fl"),
            state("Texas", "TX", "48", "requires", "1", "SECONDARY ONLY: a lead", "https://example.org/tx"),
            state("Guam", "GU", "66", "not_researched", "0", "", ""),
        ],
    );
    let policies = read_state_policies(&policies_csv, &counties).unwrap();
    (counties, policies)
}

fn good_agreements() -> Vec<Vec<String>> {
    let src = "ICE 287(g) participating agencies list";
    vec![
        strings(&[
            "Texas",
            "TX",
            "48",
            "Harris County Sheriff's Office",
            "County",
            "48201",
            "ice_county",
            "Jail Enforcement Model",
            "JEM",
            "2025-02-01",
            "linked",
            "https://www.ice.gov/moa.pdf",
            "2025-02-03",
            "differs",
            "",
            src,
            "x.xlsx",
            "2026-05-18",
        ]),
        strings(&[
            "Florida",
            "FL",
            "12",
            "Florida Highway Patrol",
            "State Agency",
            "",
            "state_agency",
            "Task Force Model",
            "TFM",
            "2025-03-01",
            "pending",
            "",
            "",
            "",
            "",
            src,
            "x.xlsx",
            "2026-05-18",
        ]),
    ]
}

/// Read the fixture agreements with one cell of row `row` (1-based) replaced.
fn agreements_with(name: &str, row: usize, column: &str, value: &str) -> Result<usize, String> {
    let dir = temp_dir(name);
    let (counties, policies) = references(&dir);
    let mut rows = good_agreements();
    let col = AGREEMENT_HEADER.iter().position(|c| *c == column).unwrap();
    rows[row - 1][col] = value.to_owned();
    let path = dir.join("287g_agreements.csv");
    write_csv(&path, &AGREEMENT_HEADER, &rows);
    let result = read_agreements(&path, &policies, &counties).map(|s| s.agreements.len()).map_err(|e| e.to_string());
    std::fs::remove_dir_all(&dir).unwrap();
    result
}

fn assert_rejected(result: Result<usize, String>, expect: &[&str]) {
    let msg = result.expect_err("the bad row must be rejected");
    for e in expect {
        assert!(msg.contains(e), "{msg:?} should contain {e:?}");
    }
}

#[test]
fn good_fixture_passes() {
    assert_eq!(agreements_with("good", 1, "agency", "Harris County Sheriff's Office"), Ok(2));
}

#[test]
fn unknown_model_is_rejected() {
    assert_rejected(
        agreements_with("model", 2, "model_code", "XYZ"),
        &["287g_agreements.csv: row 2 (line 3), field `model_code`", "unknown model \"XYZ\""],
    );
}

#[test]
fn bad_date_is_rejected() {
    assert_rejected(
        agreements_with("date", 1, "signed_date", "2025-02-30"),
        &["287g_agreements.csv: row 1 (line 2), field `signed_date`", "not an ISO date"],
    );
    assert_rejected(agreements_with("date2", 2, "as_of", "05/18/2026"), &["row 2", "field `as_of`"]);
}

#[test]
fn unknown_state_is_rejected() {
    assert_rejected(agreements_with("state", 2, "state_abbr", "ZZ"), &["row 2", "field `state_abbr`", "unknown state"]);
    assert_rejected(agreements_with("fips", 1, "state_fips", "12"), &["row 1", "field `state_fips`"]);
}

#[test]
fn missing_source_is_rejected() {
    assert_rejected(agreements_with("source", 1, "source", ""), &["row 1", "field `source`", "must not be empty"]);
}

#[test]
fn counties_must_be_in_the_geometry_and_the_state() {
    assert_rejected(
        agreements_with("county", 1, "county_fips", "48999"),
        &["row 1", "field `county_fips`", "geometry"],
    );
    assert_rejected(
        agreements_with("county2", 1, "county_fips", "12086"),
        &["row 1", "field `county_fips`", "not in state 48"],
    );
    assert_rejected(
        agreements_with("county3", 2, "county_fips_method", "ice_county"),
        &["row 2", "field `county_fips_method`"],
    );
}

#[test]
fn other_cells_are_checked() {
    assert_rejected(agreements_with("type", 1, "agency_type", "Tribal"), &["row 1", "field `agency_type`"]);
    assert_rejected(agreements_with("status", 2, "moa_status", "linked"), &["row 2", "field `moa_status`"]);
    assert_rejected(agreements_with("check", 1, "signed_date_check", "match"), &["row 1", "field `signed_date_check`"]);
    assert_rejected(agreements_with("url", 1, "moa_url", "ftp://x"), &["row 1", "field `moa_url`"]);
    // ICE's two known broken link forms are repaired, not rejected.
    assert_eq!(agreements_with("url2", 1, "moa_url", "chrome-extension://abc/https:/www.ice.gov/m.pdf"), Ok(2));
}

#[test]
fn other_sources_name_their_bad_rows() {
    let dir = temp_dir("others");
    let (counties, policies) = references(&dir);

    let p = dir.join("state_policies.csv");
    let mut rows: Vec<Vec<String>> =
        csv_rows(&p).into_iter().map(|r| POLICY_HEADER.iter().map(|h| r[*h].clone()).collect()).collect();
    rows[1][3] = "maybe".into();
    write_csv(&p, &POLICY_HEADER, &rows);
    let e = read_state_policies(&p, &counties).unwrap_err().to_string();
    assert!(e.starts_with("state_policies.csv: row 2 (line 3), field `stance`"), "{e}");
    rows[1][3] = "requires".into();
    rows[1][13] = String::new();
    write_csv(&p, &POLICY_HEADER, &rows);
    let e = read_state_policies(&p, &counties).unwrap_err().to_string();
    assert!(e.contains("row 2") && e.contains("field `source_urls`"), "{e}");

    let doj = dir.join("doj_sanctuary_jurisdictions_2025-08-05.csv");
    let header = ["level", "name", "state_abbr", "state_fips", "county_fips", "list", "published", "source_url"];
    write_csv(
        &doj,
        &header,
        &[strings(&["county", "Harris County", "TX", "48", "12086", "DOJ", "2025-08-05", "https://x"])],
    );
    let e = read_doj(&doj, &policies, &counties).unwrap_err().to_string();
    assert!(e.contains("row 1") && e.contains("field `county_fips`"), "{e}");

    let trend = dir.join("287g_sheet_counts.csv");
    let header = ["date", "source_file", "agreements", "jem", "tfm", "wso", "other_model", "note"];
    write_csv(
        &trend,
        &header,
        &[
            strings(&["2025-01-02", "a.xlsx", "3", "1", "1", "1", "0", ""]),
            strings(&["2025-01-01", "b.xlsx", "3", "1", "1", "1", "0", ""]),
        ],
    );
    let e = read_trend(&trend).unwrap_err().to_string();
    assert!(e.contains("row 2") && e.contains("field `date`"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The whole build stops on a bad row of the real files too.
#[test]
fn build_stops_on_a_bad_row() {
    let dir = copy_of_sources("bad-build");
    let path = dir.join("287g_agreements.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let bad = lines[5].replacen(",TFM,", ",XYZ,", 1).replacen(",WSO,", ",XYZ,", 1).replacen(",JEM,", ",XYZ,", 1);
    lines[5] = &bad;
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let e = build(&common::config(dir.clone())).unwrap_err().to_string();
    assert!(e.starts_with("287g_agreements.csv: row 5 (line 6), field `model_code`"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--agreements new.csv`: the current list is kept as an earlier snapshot, the new one is
/// current, and the rebuilt files show both. Dates are taken from the data, not written here.
#[test]
fn a_newer_ice_list_is_one_call() {
    let dir = copy_of_sources("add");
    let out = temp_dir("add-out");
    let current = csv_rows(&dir.join("287g_agreements.csv"));
    let as_of = current[0]["as_of"].clone();
    let later = pocket_model::date::IsoDate::parse(&as_of).unwrap();
    let later = format!("{}-{:02}-{:02}", later.year + 1, later.month, later.day.min(28));
    let text = std::fs::read_to_string(dir.join("287g_agreements.csv")).unwrap();
    // Same rows, one fewer, dated a year later.
    let mut lines: Vec<String> = text.lines().map(|l| l.replace(&format!(",{as_of}"), &format!(",{later}"))).collect();
    lines.remove(1);
    let new: PathBuf = temp_dir("add-new").join("list.csv");
    std::fs::write(&new, lines.join("\n") + "\n").unwrap();

    let config = common::config(dir.clone());
    // An older list is refused and nothing moves.
    let older = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("287g_agreements_"))
        .unwrap();
    assert!(update(&config, &out, &older, "test").unwrap_err().to_string().contains("not newer"));
    assert!(std::fs::read_dir(&out).unwrap().next().is_none());

    let done = update(&config, &out, &new, "test").unwrap();
    assert_eq!((done.previous.as_str(), done.current.as_str()), (as_of.as_str(), later.as_str()));
    assert!(dir.join(format!("287g_agreements_{as_of}.csv")).exists());
    let files = build(&config).unwrap();
    let states: StatesFile = serde_json::from_str(&files["states.json"]).unwrap();
    let dates: Vec<&str> = states.states[0].agreements.iter().map(|s| s.as_of.as_str()).collect();
    assert_eq!(dates[..2], [later.as_str(), as_of.as_str()]);
    let trend: TrendFile = serde_json::from_str(&files["trend.json"]).unwrap();
    let last = trend.points.last().unwrap();
    assert_eq!((last.date.as_str(), last.total as usize), (later.as_str(), current.len() - 1));
    std::fs::remove_dir_all(&dir).unwrap();
}
