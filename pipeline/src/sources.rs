//! Reading and validating every source CSV. Each reader checks every row and stops at the
//! first bad one with an error naming the file, the row and the field.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use pocket_model::date::IsoDate;
use pocket_model::policy::{DojListing, Flag, ModelCounts, Stance, StateRecord, TrendPoint, Verification};

use crate::error::{Error, Result};
use crate::policy_csv;
use crate::table::{Row, Table};

mod agreements;
pub use agreements::{Snapshot, read_agreements};

/// A county of `counties_fips.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountyRef {
    pub fips: String,
    pub state_fips: String,
    pub state_abbr: String,
    /// Full Census name ("Richmond city").
    pub name: String,
    /// Drawn on the Albers map (false for the territories).
    pub drawn: bool,
}

/// All known counties by FIPS.
pub type Counties = BTreeMap<String, CountyRef>;

/// Read `counties_fips.csv`. `drawn` holds the county ids of the Albers map and `atlas` those
/// of the unprojected us-atlas file (which also has the territories); both must agree with
/// the CSV, so a county FIPS known here is a county with geometry.
pub fn read_counties(path: &Path, drawn: &BTreeSet<String>, atlas: &BTreeSet<String>) -> Result<Counties> {
    let t = Table::read(path, &["county_fips", "state_fips", "state_abbr", "census_name", "in_albers_file"])?;
    let mut out = Counties::new();
    for r in t.rows() {
        let fips = r.get("county_fips");
        if !is_digits(fips, 5) {
            return Err(r.error("county_fips", format!("not a 5-digit FIPS: {fips:?}")));
        }
        if !atlas.contains(fips) {
            return Err(r.error("county_fips", format!("{fips} is not in the us-atlas geometry")));
        }
        let state_fips = r.get("state_fips");
        if state_fips.len() != 2 || !fips.starts_with(state_fips) {
            return Err(r.error("state_fips", format!("{state_fips:?} is not the first two digits of {fips}")));
        }
        let state_abbr = r.get("state_abbr");
        if !is_abbr(state_abbr) {
            return Err(r.error("state_abbr", format!("not a state abbreviation: {state_abbr:?}")));
        }
        let name = r.required("census_name")?;
        let in_albers = match r.get("in_albers_file") {
            "1" => true,
            "0" => false,
            v => return Err(r.error("in_albers_file", format!("must be 0 or 1, not {v:?}"))),
        };
        if in_albers != drawn.contains(fips) {
            return Err(r.error("in_albers_file", format!("says {in_albers} but the Albers map disagrees for {fips}")));
        }
        let county = CountyRef {
            fips: fips.into(),
            state_fips: state_fips.into(),
            state_abbr: state_abbr.into(),
            name: name.into(),
            drawn: in_albers,
        };
        if out.insert(fips.to_owned(), county).is_some() {
            return Err(r.error("county_fips", format!("{fips} listed twice")));
        }
    }
    if let Some(missing) = drawn.iter().find(|f| !out.contains_key(*f)) {
        return Err(Error::file(path, format!("county {missing} of the Albers map is missing")));
    }
    Ok(out)
}

/// A row of `state_policies.csv`, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatePolicy {
    /// The row as the app receives it; the pipeline adds the DOJ listing, the counts per ICE
    /// list and the outline when it writes `states.json`.
    pub record: StateRecord,
    pub doj_state: bool,
    /// Counts the researchers recorded, by list date, to cross-check against the lists.
    pub recorded_counts: Vec<RecordedCount>,
    /// `(row, line)` in the file.
    pub position: (usize, u64),
}

/// A per-state count the researchers wrote down, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedCount {
    pub as_of: IsoDate,
    pub count: u32,
    pub column: String,
    /// `(row, line)` in the file.
    pub position: (usize, u64),
}

/// The state-policy table with its research date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatePolicies {
    pub file: String,
    pub as_of: IsoDate,
    pub states: Vec<StatePolicy>,
}

impl StatePolicies {
    /// The state with this abbreviation.
    pub fn by_abbr(&self, abbr: &str) -> Option<&StatePolicy> {
        self.states.iter().find(|s| s.record.abbr == abbr)
    }
}

const FLAGS: [&str; 4] =
    ["bans_287g", "requires_287g", "requires_detainer_compliance", "bans_local_sanctuary_policies"];

/// Read `state_policies.csv`; states must be the ones `counties_fips.csv` knows.
pub fn read_state_policies(path: &Path, counties: &Counties) -> Result<StatePolicies> {
    let mut required = vec![
        "state",
        "state_abbr",
        "state_fips",
        "stance",
        "laws_and_citations",
        "key_dates",
        "summary",
        "doj_sanctuary_list_2025_08_05_state",
        "source_urls",
        "verification",
        "notes",
        "as_of",
    ];
    required.extend(FLAGS);
    let t = Table::read(path, &required)?;
    // Columns such as `agreements_2026_05_18` hold counts to check against the ICE lists.
    let count_columns: Vec<(IsoDate, &str)> = t
        .headers()
        .iter()
        .filter_map(|h| Some((IsoDate::parse(&h.strip_prefix("agreements_")?.replace('_', "-"))?, h.as_str())))
        .collect();
    let known: BTreeMap<&str, &str> =
        counties.values().map(|c| (c.state_fips.as_str(), c.state_abbr.as_str())).collect();
    let mut states = Vec::new();
    let mut as_of: Option<IsoDate> = None;
    for r in t.rows() {
        let fips = r.get("state_fips");
        let abbr = r.get("state_abbr");
        match known.get(fips) {
            None => return Err(r.error("state_fips", format!("unknown state FIPS {fips:?}"))),
            Some(k) if *k != abbr => {
                return Err(r.error("state_abbr", format!("{abbr:?} does not match FIPS {fips} ({k})")));
            }
            _ => {}
        }
        if states.iter().any(|s: &StatePolicy| s.record.fips == fips) {
            return Err(r.error("state_fips", format!("{fips} listed twice")));
        }
        let stance = r.get("stance");
        let stance =
            policy_csv::stance(stance).ok_or_else(|| r.error("stance", format!("unknown stance {stance:?}")))?;
        let flag = |col: &str| -> Result<Flag> {
            let v = r.get(col);
            policy_csv::flag(v).ok_or_else(|| {
                r.error(col, format!("expected Y, N, partial, reported, conditional or empty, not {v:?}"))
            })
        };
        let verification_note = r.get("verification");
        let verification = policy_csv::verification(verification_note).ok_or_else(|| {
            r.error("verification", format!("unrecognised verification level: {verification_note:?}"))
        })?;
        if (verification == Verification::NotResearched) != (stance == Stance::NotResearched) {
            return Err(r.error("verification", "must be empty exactly when the stance is not_researched"));
        }
        let source_urls: Vec<String> =
            r.get("source_urls").split(" ; ").map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        if source_urls.is_empty() && stance != Stance::NotResearched {
            return Err(r.error("source_urls", "a researched state needs at least one source"));
        }
        if let Some(bad) = source_urls.iter().find(|u| !u.starts_with("https://") && !u.starts_with("http://")) {
            return Err(r.error("source_urls", format!("not a URL: {bad:?}")));
        }
        let row_as_of = leading_date(&r, "as_of")?;
        if *as_of.get_or_insert(row_as_of) != row_as_of {
            return Err(r.error("as_of", "all rows must share one research date"));
        }
        let mut recorded_counts = Vec::new();
        for (date, col) in &count_columns {
            recorded_counts.push(RecordedCount {
                as_of: *date,
                count: r.count(col)?,
                column: (*col).to_owned(),
                position: r.position(),
            });
        }
        states.push(StatePolicy {
            record: StateRecord {
                fips: fips.into(),
                abbr: abbr.into(),
                name: r.required("state")?.into(),
                stance,
                layer: stance.layer(),
                bans_287g: flag(FLAGS[0])?,
                requires_287g: flag(FLAGS[1])?,
                requires_detainer_compliance: flag(FLAGS[2])?,
                bans_local_sanctuary_policies: flag(FLAGS[3])?,
                laws: r.get("laws_and_citations").into(),
                key_dates: r.get("key_dates").into(),
                summary: r.required("summary")?.into(),
                source_urls,
                verification,
                verification_note: verification_note.into(),
                notes: r.get("notes").into(),
                doj: DojListing::default(),
                agreements: Vec::new(),
                path: None,
            },
            doj_state: yes_no(&r, "doj_sanctuary_list_2025_08_05_state")?,
            recorded_counts,
            position: r.position(),
        });
    }
    let as_of = as_of.ok_or_else(|| Error::file(path, "no rows"))?;
    Ok(StatePolicies { file: t.file.clone(), as_of, states })
}

/// An entry of the DOJ sanctuary list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DojEntry {
    State(String),
    County { state: String, fips: String },
    City { state: String, name: String },
}

/// The DOJ list with its publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DojList {
    pub file: String,
    pub published: IsoDate,
    pub entries: Vec<DojEntry>,
}

/// Read `doj_sanctuary_jurisdictions_*.csv`.
pub fn read_doj(path: &Path, states: &StatePolicies, counties: &Counties) -> Result<DojList> {
    let t = Table::read(
        path,
        &["level", "name", "state_abbr", "state_fips", "county_fips", "list", "published", "source_url"],
    )?;
    let mut entries = Vec::new();
    let mut published = None;
    for r in t.rows() {
        let abbr = r.get("state_abbr");
        let state = states.by_abbr(abbr).ok_or_else(|| r.error("state_abbr", format!("unknown state {abbr:?}")))?;
        if r.get("state_fips") != state.record.fips {
            return Err(r.error("state_fips", format!("{:?} is not the FIPS of {abbr}", r.get("state_fips"))));
        }
        let name = r.required("name")?;
        r.required("list")?;
        r.required("source_url")?;
        let date = r.date("published")?;
        if *published.get_or_insert(date) != date {
            return Err(r.error("published", "all rows must share one publication date"));
        }
        let state = state.record.fips.clone();
        entries.push(match r.get("level") {
            "state" => DojEntry::State(state),
            "county" => {
                let fips = r.get("county_fips");
                match counties.get(fips) {
                    Some(c) if c.state_fips == state => DojEntry::County { state, fips: fips.into() },
                    _ => {
                        return Err(r.error("county_fips", format!("{fips:?} is not a county of {abbr}")));
                    }
                }
            }
            "city" => DojEntry::City { state, name: name.into() },
            v => {
                return Err(r.error("level", format!("expected state, county or city, not {v:?}")));
            }
        });
    }
    let published = published.ok_or_else(|| Error::file(path, "no rows"))?;
    Ok(DojList { file: t.file.clone(), published, entries })
}

/// Read `287g_sheet_counts.csv`: one row per archived ICE list, dates strictly increasing.
pub fn read_trend(path: &Path) -> Result<Vec<TrendPoint>> {
    let t = Table::read(path, &["date", "source_file", "agreements", "jem", "tfm", "wso", "other_model", "note"])?;
    let mut points: Vec<TrendPoint> = Vec::with_capacity(t.len());
    let mut last: Option<IsoDate> = None;
    for r in t.rows() {
        let date = r.date("date")?;
        if last.is_some_and(|l| l >= date) {
            return Err(r.error("date", "dates must be strictly increasing"));
        }
        last = Some(date);
        r.required("source_file")?;
        let counts = ModelCounts { jem: r.count("jem")?, tfm: r.count("tfm")?, wso: r.count("wso")? };
        let total = r.count("agreements")?;
        if total != counts.total() + r.count("other_model")? {
            return Err(r.error("agreements", "is not jem + tfm + wso + other_model"));
        }
        let note = Some(r.get("note")).filter(|n| !n.is_empty()).map(str::to_owned);
        points.push(TrendPoint { date: date.to_string(), total, counts, note });
    }
    if points.is_empty() {
        return Err(Error::file(path, "no rows"));
    }
    Ok(points)
}

fn yes_no(r: &Row, column: &str) -> Result<bool> {
    match r.get(column) {
        "Y" => Ok(true),
        "N" | "" => Ok(false),
        v => Err(r.error(column, format!("expected Y or N, not {v:?}"))),
    }
}

/// A cell that starts with a date ("2026-11-23 (research date; …)").
fn leading_date(r: &Row, column: &str) -> Result<IsoDate> {
    let v = r.get(column);
    v.get(..10)
        .and_then(IsoDate::parse)
        .ok_or_else(|| r.error(column, format!("does not start with a YYYY-MM-DD date: {v:?}")))
}

fn is_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_abbr(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}
