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

/// The agreement lists in `data/sources`: the current one, then earlier ones newest first.
fn agreement_lists() -> Vec<String> {
    let mut earlier: Vec<String> = std::fs::read_dir(default_sources())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("287g_agreements_") && n.ends_with(".csv"))
        .collect();
    earlier.sort();
    earlier.reverse();
    let mut all = vec!["287g_agreements.csv".to_owned()];
    all.extend(earlier);
    all
}

#[test]
fn state_counts_equal_the_csv() {
    let states: StatesFile = parsed("states.json");
    let agreements: AgreementsFile = parsed("agreements.json");
    let lists = agreement_lists();
    for (snapshot, file) in lists.iter().enumerate() {
        let expected = csv_counts(file);
        let rows = csv_rows(&default_sources().join(file));
        for s in &states.states {
            assert_eq!(s.agreements.len(), lists.len(), "{}: one count per list", s.abbr);
            assert_eq!(s.agreements[snapshot].as_of, rows[0]["as_of"], "{} {file}", s.abbr);
            let c = s.agreements[snapshot].counts;
            assert_eq!(
                [c.jem, c.tfm, c.wso],
                expected.get(&s.abbr).copied().unwrap_or_default(),
                "{} in {file}",
                s.abbr
            );
        }
        let total: u32 = states.states.iter().map(|s| s.agreements[snapshot].counts.total()).sum();
        assert_eq!(total as usize, rows.len(), "{file}");
    }
    let current = csv_rows(&default_sources().join(&lists[0]));
    assert_eq!(agreements.agreements.len(), current.len());
    assert_eq!(agreements.as_of, current[0]["as_of"]);
    // The model functions agree with the file.
    let by_state = pocket_model::policy::counts_by_state(&agreements.agreements);
    for s in &states.states {
        assert_eq!(by_state.get(s.fips.as_str()).copied().unwrap_or_default(), s.latest_counts(), "{}", s.abbr);
    }
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
    let current = csv_rows(&default_sources().join("287g_agreements.csv"));
    assert_eq!(with_county, current.iter().filter(|r| !r["county_fips"].is_empty()).count());
    assert_eq!(counties.counties.iter().filter(|c| c.path.is_some()).count(), drawn.len());
    assert_eq!(counties.counties.len(), csv_rows(&default_sources().join("counties_fips.csv")).len());
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
    for s in &states.states {
        assert_eq!(s.verification == Verification::SecondaryOnly, secondary.contains(s.abbr.as_str()), "{}", s.abbr);
        if s.verification_note.contains("SECONDARY ONLY") {
            assert!(s.verification_note.len() > 15, "the qualifying text travels with the row");
        }
    }
    assert_eq!(states.states.len(), rows.len());
    let albers = Topology::read(&default_sources().join("counties-albers-10m.json")).unwrap();
    assert_eq!(states.states.iter().filter(|s| s.path.is_some()).count(), albers.ids("states").unwrap().len());
    for s in states.states.iter().filter(|s| s.path.is_none()) {
        assert!(
            s.verification.is_unverified() || s.stance != pocket_model::policy::Stance::NotResearched,
            "{}",
            s.abbr
        );
    }
    let doj_file = std::fs::read_dir(default_sources())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("doj_sanctuary_jurisdictions_"))
        .unwrap();
    let doj_states = csv_rows(&doj_file).iter().filter(|r| r["level"] == "state").count();
    assert_eq!(states.states.iter().filter(|s| s.doj.state).count(), doj_states);
    let gaps: MetaFile = parsed("meta.json");
    let phrase = format!("{} from an unreviewed secondary source", secondary.len());
    assert!(gaps.gaps.iter().any(|g| g.contains(&phrase)), "{phrase}");
}

#[test]
fn trend_and_meta_are_complete() {
    let trend: TrendFile = parsed("trend.json");
    let series = csv_rows(&default_sources().join("287g_sheet_counts.csv"));
    let current = csv_rows(&default_sources().join("287g_agreements.csv"));
    let as_of = current[0]["as_of"].clone();
    let series_end = series.last().unwrap()["date"].clone();
    let extended = as_of > series_end;
    assert_eq!(trend.points.len(), series.len() + usize::from(extended));
    assert_eq!(trend.as_of, as_of.clone().max(series_end));
    let point = trend.points.iter().find(|p| p.date == as_of).expect("the current list is on the trend");
    assert_eq!(point.total as usize, current.len());
    // Every point the series flags as truncated stays flagged.
    for (p, row) in trend.points.iter().zip(&series) {
        assert_eq!(p.is_truncated(), row["note"].to_lowercase().contains("truncated"), "{}", p.date);
    }
    let meta: MetaFile = parsed("meta.json");
    let ids: Vec<&str> = meta.datasets.iter().map(|d| d.id.as_str()).collect();
    let mut expected: Vec<String> = vec!["agreements".into()];
    for file in &agreement_lists()[1..] {
        expected.push(file.trim_start_matches("287g_").trim_end_matches(".csv").to_owned());
    }
    expected.extend(["trend", "state_policies", "doj_sanctuary_list", "geometry", "county_names"].map(String::from));
    assert_eq!(ids, expected);
    assert!(meta.datasets.iter().all(|d| !d.as_of.is_empty() && !d.license.is_empty() && !d.files.is_empty()));
    let (newest_known, _) = pocket_pipeline::meta::NEWEST_KNOWN_ICE_LIST;
    assert_eq!(meta.gaps.iter().any(|g| g.contains(newest_known)), as_of.as_str() < newest_known);
    let newest = meta.datasets.iter().map(|d| d.as_of.as_str()).max().unwrap();
    assert!(meta.data_version.starts_with(&format!("{newest}-")), "{} vs {newest}", meta.data_version);
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
