//! Assembling the output files from the validated sources.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use pocket_model::date::IsoDate;
use pocket_model::policy::{
    AgreementsFile, CountiesFile, County, DojListing, MAP_SIZE, MetaFile, ModelCounts, NoCounty, POLICY_FORMAT,
    SnapshotCounts, SourceRef, StateRecord, StatesFile, TrendFile, TrendPoint,
};
use serde::Serialize;

use crate::error::{Error, Result, display_name};
use crate::sources::{self, Counties, DojEntry, Snapshot, StatePolicies};
use crate::topo::Topology;
use crate::{
    AGREEMENTS_FILE, ALBERS_FILE, COUNTIES_FILE, Config, DOJ_PREFIX, EARLIER_AGREEMENTS_PREFIX, LONLAT_FILE,
    STATE_POLICIES_FILE, TREND_FILE, geometry, meta,
};

/// Everything read from the sources directory, validated.
struct Sources {
    albers: Topology,
    counties: Counties,
    policies: StatePolicies,
    /// Newest first; the first is the current list.
    snapshots: Vec<Snapshot>,
    doj: sources::DojList,
    trend: Vec<TrendPoint>,
    geometry_files: Vec<String>,
}

/// The references other files are checked against (geometry, counties, states).
pub(crate) fn read_references(dir: &Path) -> Result<(Topology, Counties, StatePolicies)> {
    let albers = Topology::read(&dir.join(ALBERS_FILE))?;
    let lonlat = Topology::read(&dir.join(LONLAT_FILE))?;
    let counties =
        sources::read_counties(&dir.join(COUNTIES_FILE), &albers.ids("counties")?, &lonlat.ids("counties")?)?;
    let policies = sources::read_state_policies(&dir.join(STATE_POLICIES_FILE), &counties)?;
    let drawn_states = albers.ids("states")?;
    if let Some(s) = drawn_states.iter().find(|s| !policies.states.iter().any(|p| &p.record.fips == *s)) {
        return Err(Error::file(STATE_POLICIES_FILE, format!("state {s} of the map has no row")));
    }
    Ok((albers, counties, policies))
}

fn read_sources(dir: &Path) -> Result<Sources> {
    let (albers, counties, policies) = read_references(dir)?;
    let current = sources::read_agreements(&dir.join(AGREEMENTS_FILE), &policies, &counties)?;
    let mut snapshots = vec![current];
    for path in files_with_prefix(dir, EARLIER_AGREEMENTS_PREFIX)? {
        let s = sources::read_agreements(&path, &policies, &counties)?;
        if display_name(&path) != format!("{EARLIER_AGREEMENTS_PREFIX}{}.csv", s.as_of) {
            return Err(Error::file(&path, format!("the file name must carry its as_of date {}", s.as_of)));
        }
        if s.as_of >= snapshots[0].as_of {
            return Err(Error::file(&path, format!("is not older than {AGREEMENTS_FILE} ({})", snapshots[0].as_of)));
        }
        snapshots.push(s);
    }
    snapshots[1..].sort_by_key(|s| std::cmp::Reverse(s.as_of));
    check_recorded_counts(&policies, &snapshots)?;

    let doj_files = files_with_prefix(dir, DOJ_PREFIX)?;
    let [doj_file] = doj_files.as_slice() else {
        return Err(Error::file(dir, format!("expected exactly one {DOJ_PREFIX}*.csv, found {}", doj_files.len())));
    };
    let doj = sources::read_doj(doj_file, &policies, &counties)?;
    check_doj_states(&policies, &doj)?;
    let mut trend = sources::read_trend(&dir.join(TREND_FILE))?;
    extend_trend(&mut trend, &snapshots[0])?;
    Ok(Sources {
        albers,
        counties,
        policies,
        snapshots,
        doj,
        trend,
        geometry_files: vec![ALBERS_FILE.into(), LONLAT_FILE.into()],
    })
}

/// Validate a new ICE list against the current sources; returns (current as_of, new as_of).
pub fn check_new_agreements(dir: &Path, new_list: &Path) -> Result<(IsoDate, IsoDate)> {
    let (_, counties, policies) = read_references(dir)?;
    let current = sources::read_agreements(&dir.join(AGREEMENTS_FILE), &policies, &counties)?;
    let new = sources::read_agreements(new_list, &policies, &counties)?;
    if new.as_of <= current.as_of {
        return Err(Error::file(
            new_list,
            format!("as_of {} is not newer than the current list ({})", new.as_of, current.as_of),
        ));
    }
    Ok((current.as_of, new.as_of))
}

/// Files in `dir` whose name starts with `prefix` and ends in `.csv`, sorted.
fn files_with_prefix(dir: &Path, prefix: &str) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::file(dir, format!("cannot list: {e}")))?;
    let mut out = BTreeSet::new();
    for e in entries {
        let path = e.map_err(|e| Error::file(dir, format!("cannot list: {e}")))?.path();
        let name = display_name(&path);
        if name.starts_with(prefix) && name.ends_with(".csv") {
            out.insert(path);
        }
    }
    Ok(out.into_iter().collect())
}

/// The per-state counts the state table records must equal the lists of the same date.
fn check_recorded_counts(policies: &StatePolicies, snapshots: &[Snapshot]) -> Result<()> {
    for s in snapshots {
        let counts = s.counts();
        for p in &policies.states {
            for rc in p.recorded_counts.iter().filter(|rc| rc.as_of == s.as_of) {
                let actual = counts.get(&p.record.fips).map_or(0, ModelCounts::total);
                if actual != rc.count {
                    return Err(Error {
                        file: policies.file.clone(),
                        row: Some(rc.position),
                        field: Some(rc.column.clone()),
                        message: format!(
                            "says {} agreements but {} has {actual} for {}",
                            rc.count, s.file, p.record.abbr
                        ),
                    });
                }
            }
        }
    }
    Ok(())
}

/// The state table's DOJ column must agree with the DOJ list.
fn check_doj_states(policies: &StatePolicies, doj: &sources::DojList) -> Result<()> {
    for p in &policies.states {
        let listed = doj.entries.iter().any(|e| *e == DojEntry::State(p.record.fips.clone()));
        if listed != p.doj_state {
            return Err(Error {
                file: policies.file.clone(),
                row: Some(p.position),
                field: Some("doj_sanctuary_list_2025_08_05_state".into()),
                message: format!("{} but {} says {}", p.doj_state, doj.file, listed),
            });
        }
    }
    Ok(())
}

/// The national series must agree with the current list; a list newer than the series is added.
fn extend_trend(trend: &mut Vec<TrendPoint>, current: &Snapshot) -> Result<()> {
    let mut counts = ModelCounts::default();
    current.agreements.iter().for_each(|a| counts.add(a.model));
    let date = current.as_of.to_string();
    match trend.iter().find(|p| p.date == date) {
        Some(p) if p.total != counts.total() || p.counts != counts => Err(Error::file(
            TREND_FILE,
            format!("{date}: {} agreements, but {} has {}", p.total, current.file, counts.total()),
        )),
        Some(_) => Ok(()),
        None if trend.last().is_some_and(|l| l.date > date) => {
            Err(Error::file(TREND_FILE, format!("has no point for {date}, the date of {}", current.file)))
        }
        None => {
            trend.push(TrendPoint {
                date,
                total: counts.total(),
                counts,
                note: Some(format!("counted from {}", current.source_file)),
            });
            Ok(())
        }
    }
}

/// Build every output file.
pub fn build(config: &Config) -> Result<BTreeMap<String, String>> {
    let src = read_sources(&config.sources)?;
    let paths = geometry::build(&src.albers, config.tolerance)?;
    let current = &src.snapshots[0];
    let ice_source =
        SourceRef { title: format!("{} ({})", meta::ICE_TITLE, current.source_file), url: meta::ICE_URL.into() };

    let mut files = BTreeMap::new();
    files.insert("states.json".to_owned(), states_json(&src, &paths.states));
    files.insert("counties.json".to_owned(), counties_json(&src.counties, &paths.counties));
    let agreements = AgreementsFile {
        format: POLICY_FORMAT,
        as_of: current.as_of.to_string(),
        source: ice_source.clone(),
        source_file: current.source_file.clone(),
        agreements: Vec::new(),
    };
    files.insert("agreements.json".to_owned(), json_lines(&agreements, "agreements", &current.agreements));
    let trend = TrendFile {
        format: POLICY_FORMAT,
        as_of: src.trend.last().map(|p| p.date.clone()).unwrap_or_default(),
        source: SourceRef { title: "Archived ICE 287(g) participating-agency lists".into(), url: meta::ICE_URL.into() },
        points: Vec::new(),
    };
    files.insert("trend.json".to_owned(), json_lines(&trend, "points", &src.trend));
    let meta = meta_json(&src, &files);
    files.insert("meta.json".to_owned(), meta);
    Ok(files)
}

fn states_json(src: &Sources, paths: &BTreeMap<String, String>) -> String {
    let counts: Vec<(String, BTreeMap<String, ModelCounts>)> =
        src.snapshots.iter().map(|s| (s.as_of.to_string(), s.counts())).collect();
    let mut doj: BTreeMap<&str, DojListing> = BTreeMap::new();
    for e in &src.doj.entries {
        match e {
            DojEntry::State(s) => doj.entry(s).or_default().state = true,
            DojEntry::County { state, fips } => doj.entry(state).or_default().counties.push(fips.clone()),
            DojEntry::City { state, name } => doj.entry(state).or_default().cities.push(name.clone()),
        }
    }
    let states: Vec<StateRecord> = src
        .policies
        .states
        .iter()
        .map(|p| {
            let doj = doj.get(p.record.fips.as_str()).cloned().unwrap_or_default();
            StateRecord {
                doj,
                agreements: counts
                    .iter()
                    .map(|(as_of, c)| SnapshotCounts {
                        as_of: as_of.clone(),
                        counts: c.get(&p.record.fips).copied().unwrap_or_default(),
                    })
                    .collect(),
                path: paths.get(&p.record.fips).cloned(),
                ..p.record.clone()
            }
        })
        .collect();
    let file = StatesFile {
        format: POLICY_FORMAT,
        as_of: src.policies.as_of.to_string(),
        source: SourceRef { title: meta::STATE_POLICIES_TITLE.into(), url: meta::STATE_POLICIES_URL.into() },
        geometry_license: meta::US_ATLAS_LICENSE.into(),
        states: Vec::new(),
    };
    json_lines(&file, "states", &states)
}

fn counties_json(counties: &Counties, paths: &BTreeMap<String, String>) -> String {
    let list: Vec<County> = counties
        .values()
        .map(|c| County {
            fips: c.fips.clone(),
            name: c.name.clone(),
            state: c.state_fips.clone(),
            path: paths.get(&c.fips).cloned(),
        })
        .collect();
    let file = CountiesFile {
        format: POLICY_FORMAT,
        as_of: "2017".into(),
        source: SourceRef { title: meta::US_ATLAS_TITLE.into(), url: meta::US_ATLAS_URL.into() },
        license: meta::US_ATLAS_LICENSE.into(),
        size: MAP_SIZE,
        counties: Vec::new(),
    };
    json_lines(&file, "counties", &list)
}

fn meta_json(src: &Sources, files: &BTreeMap<String, String>) -> String {
    let current = &src.snapshots[0];
    let inputs = meta::Inputs {
        agreements: (&current.file, current.as_of, &current.source_file),
        earlier_agreements: src.snapshots[1..].iter().map(|s| (s.file.as_str(), s.as_of)).collect(),
        trend: (TREND_FILE, IsoDate::parse(&src.trend.last().expect("trend has points").date).expect("validated")),
        state_policies: (&src.policies.file, src.policies.as_of),
        doj: (&src.doj.file, src.doj.published),
        counties_fips: COUNTIES_FILE,
        geometry: src.geometry_files.iter().map(String::as_str).collect(),
    };
    let facts = meta::GapFacts {
        agreements_as_of: current.as_of,
        agreements: current.agreements.len(),
        without_county: current.agreements.iter().filter(|a| a.county.is_none()).count(),
        state_agencies: current.agreements.iter().filter(|a| a.no_county == Some(NoCounty::StateAgency)).count(),
        verification: src.policies.states.iter().map(|s| s.record.verification).collect(),
    };
    let newest = [current.as_of, src.policies.as_of, src.doj.published].into_iter().max().expect("non-empty");
    // FNV-1a over the other files: the version changes whenever any byte of the data does.
    let mut hash: u32 = 0x811c_9dc5;
    for (name, text) in files {
        for b in name.bytes().chain(text.bytes()) {
            hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    let file = MetaFile {
        format: POLICY_FORMAT,
        data_version: format!("{newest}-{hash:08x}"),
        datasets: meta::datasets(&inputs),
        gaps: meta::gaps(&facts),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("serializable");
    text.push('\n');
    text
}

/// JSON of `file` (whose list field `key` is empty and last) with `items` one per line, so a
/// data update shows as a readable diff.
fn json_lines<F: Serialize, T: Serialize>(file: &F, key: &str, items: &[T]) -> String {
    let mut s = serde_json::to_string(file).expect("serializable");
    let suffix = format!("\"{key}\":[]}}");
    assert!(s.ends_with(&suffix), "{key} must be the last field and empty");
    s.truncate(s.len() - 3);
    s.push('[');
    for (i, item) in items.iter().enumerate() {
        s.push_str(if i == 0 { "\n" } else { ",\n" });
        s.push_str(&serde_json::to_string(item).expect("serializable"));
    }
    s.push_str("\n]}\n");
    s
}
