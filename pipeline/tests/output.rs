//! The generated files against the sources, computed independently here.
mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{csv_rows, real_output};
use pocket_model::geo::albers_usa;
use pocket_model::policy::{AgreementsFile, CountiesFile, MetaFile, StatesFile, TrendFile, Verification};
use pocket_pipeline::{build, default_out, default_sources, stale_files, topo::Topology};

fn parsed<T: serde::de::DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&real_output()[name]).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `{state abbr → (jem, tfm, wso)}` straight from a CSV.
fn csv_counts(file: &str) -> BTreeMap<String, [u32; 3]> {
    let mut out: BTreeMap<String, [u32; 3]> = BTreeMap::new();
    for r in csv_rows(&default_sources().join(file)) {
        let i = ["JEM", "TFM", "WSO"].iter().position(|m| *m == r["model_code"]).unwrap();
        out.entry(r["state_abbr"].clone()).or_default()[i] += 1;
    }
    out
}

#[test]
fn state_counts_equal_the_csv() {
    let states: StatesFile = parsed("states.json");
    let agreements: AgreementsFile = parsed("agreements.json");
    for (file, snapshot) in [("287g_agreements.csv", 0), ("287g_agreements_2025-11-25.csv", 1)] {
        let expected = csv_counts(file);
        for s in &states.states {
            let c = s.agreements[snapshot].counts;
            assert_eq!(
                [c.jem, c.tfm, c.wso],
                expected.get(&s.abbr).copied().unwrap_or_default(),
                "{} in {file}",
                s.abbr
            );
        }
    }
    // Spot checks with the published figures of SOURCES.md.
    let latest = |abbr: &str| states.state(abbr).unwrap().latest_counts().total();
    assert_eq!(latest("TX"), 387);
    assert_eq!(latest("FL"), 348);
    assert_eq!(latest("CA"), 0);
    assert_eq!(states.state("MD").unwrap().agreements[1].counts.total(), 8);
    assert_eq!(agreements.agreements.len(), 1843);
    assert_eq!(states.states.iter().map(|s| s.agreements[1].counts.total()).sum::<u32>(), 1188);
    // The model functions agree with the file.
    let by_state = pocket_model::policy::counts_by_state(&agreements.agreements);
    assert_eq!(by_state["48"].total(), 387);
    assert_eq!(by_state["12"], states.state("FL").unwrap().latest_counts());
}

#[test]
fn every_agreement_county_joins_the_geometry() {
    let agreements: AgreementsFile = parsed("agreements.json");
    let counties: CountiesFile = parsed("counties.json");
    let states: StatesFile = parsed("states.json");
    let albers = Topology::read(&default_sources().join("counties-albers-10m.json")).unwrap();
    let drawn = albers.ids("counties").unwrap();
    let mut with_county = 0;
    for a in &agreements.agreements {
        match &a.county {
            Some(fips) => {
                with_county += 1;
                let c = counties.county(fips).unwrap_or_else(|| panic!("{} → {fips} not in counties.json", a.agency));
                assert_eq!(c.state, a.state);
                // Drawn unless the state is a territory without geometry (Guam).
                let territory = states.state(&a.state).unwrap().path.is_none();
                assert_eq!(drawn.contains(fips), !territory, "{fips}");
                assert_eq!(c.path.is_some(), !territory, "{fips}");
            }
            None => assert!(a.no_county.is_some(), "{} has neither county nor reason", a.agency),
        }
    }
    assert_eq!(with_county, 1755);
    assert_eq!(counties.counties.iter().filter(|c| c.path.is_some()).count(), 3142);
}

#[test]
fn unverified_rows_stay_marked() {
    let states: StatesFile = parsed("states.json");
    let rows = csv_rows(&default_sources().join("state_policies.csv"));
    let secondary: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r["verification"].starts_with("SECONDARY ONLY"))
        .map(|r| r["state_abbr"].as_str())
        .collect();
    assert_eq!(secondary.len(), 13, "AK HI KS KY MI NE NV OH PA RI UT VT WI (see SOURCES.md)");
    for s in &states.states {
        assert_eq!(s.verification == Verification::SecondaryOnly, secondary.contains(s.abbr.as_str()), "{}", s.abbr);
        if s.verification_note.contains("SECONDARY ONLY") {
            assert!(s.verification_note.len() > 15, "the qualifying text travels with the row");
        }
    }
    assert_eq!(states.states.len(), 54);
    assert_eq!(states.states.iter().filter(|s| s.path.is_some()).count(), 51);
    assert!(states.state("GU").unwrap().verification.is_unverified());
    let doj: Vec<&str> = states.states.iter().filter(|s| s.doj.state).map(|s| s.abbr.as_str()).collect();
    assert_eq!(doj.len(), 13);
}

#[test]
fn trend_and_meta_are_complete() {
    let trend: TrendFile = parsed("trend.json");
    assert_eq!(trend.points.len(), 780);
    assert_eq!(trend.as_of, "2026-05-18");
    let truncated: Vec<&str> = trend.points.iter().filter(|p| p.is_truncated()).map(|p| p.date.as_str()).collect();
    assert_eq!(truncated, ["2025-09-22"]);
    let meta: MetaFile = parsed("meta.json");
    let ids: Vec<&str> = meta.datasets.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "agreements",
            "agreements_2025-11-25",
            "trend",
            "state_policies",
            "doj_sanctuary_list",
            "geometry",
            "county_names"
        ]
    );
    assert!(meta.datasets.iter().all(|d| !d.as_of.is_empty() && !d.license.is_empty() && !d.files.is_empty()));
    assert!(meta.gaps.iter().any(|g| g.contains("2026-10-09")));
    assert!(meta.gaps.iter().any(|g| g.contains("13 from an unreviewed secondary source")));
    assert!(meta.data_version.starts_with("2026-11-23-"));
}

#[test]
fn output_is_deterministic() {
    let again = build(&common::config(default_sources())).unwrap();
    assert_eq!(&again, real_output());
}

#[test]
fn committed_files_are_current() {
    let stale = stale_files(real_output(), &default_out());
    assert!(stale.is_empty(), "public/data is stale ({stale:?}): run `cargo run -p pocket-pipeline --release`");
}

/// The device-side projection reproduces the pre-projected map: every county's lon/lat
/// outline (us-atlas counties-10m), projected with `albers_usa`, has the bounding box of the
/// same county in counties-albers-10m, in all three insets.
#[test]
fn projection_matches_the_albers_geometry() {
    let lonlat = Topology::read(&default_sources().join("counties-10m.json")).unwrap();
    let albers = Topology::read(&default_sources().join("counties-albers-10m.json")).unwrap();
    let bboxes = |t: &Topology, project: &dyn Fn([f64; 2]) -> Option<[f64; 2]>| -> BTreeMap<String, [f64; 4]> {
        let arcs = t.decoded_arcs();
        let mut out = BTreeMap::new();
        for g in t.object("counties").unwrap() {
            let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
            for a in g.polygons().into_iter().flatten().flatten() {
                for p in &arcs[if *a < 0 { !*a as usize } else { *a as usize }] {
                    if let Some([x, y]) = project(*p) {
                        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
                    }
                }
            }
            out.insert(g.id().unwrap().to_owned(), b);
        }
        out
    };
    let want = bboxes(&albers, &|p| Some(p));
    let got = bboxes(&lonlat, &|p| albers_usa(p[0], p[1]));
    let mut off: Vec<(f64, &str)> = want
        .iter()
        .map(|(fips, w)| ((0..4).map(|i| (got[fips][i] - w[i]).abs()).fold(0.0, f64::max), fips.as_str()))
        .collect();
    off.sort_by(|a, b| a.0.total_cmp(&b.0));
    // The two files were simplified separately, so extents differ by a fraction of a pixel;
    // the projection itself agrees to ~0.02 px (median). Santa Barbara's Channel Islands differ
    // between the two files, the one known outlier.
    assert!(off[off.len() / 2].0 < 0.05, "median error {:?}", off[off.len() / 2]);
    let bad: Vec<_> = off.iter().filter(|(d, _)| *d > 1.1).collect();
    assert!(bad.iter().all(|(_, f)| *f == "06083"), "{bad:?}");
    for (d, fips) in &off {
        if fips.starts_with("02") || fips.starts_with("15") {
            assert!(*d < 1.0, "inset county {fips} off by {d:.2} px");
        }
    }
    for fips in ["02020", "15003", "48201"] {
        assert!(want.contains_key(fips));
    }
}
