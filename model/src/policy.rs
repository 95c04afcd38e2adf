//! Policy map data: the schema of `public/data/{states,counties,agreements,trend,meta}.json`
//! (written by the pipeline, read by the app) and the plain queries the app runs on it.
//!
//! Large lists (agreements, counties, trend) travel as JSON arrays instead of objects to keep
//! the files small; the Rust types keep named fields and convert on (de)serialization.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::date::IsoDate;

pub mod search;
pub use search::{Hit, HitKind, SearchEntry, SearchIndex, city_from_agency, fold, search};

/// Version of the policy data files; bump when any of their shapes changes.
pub const POLICY_FORMAT: u32 = 1;

/// `[width, height]` of the map's coordinate space (d3.geoAlbersUsa, scale 1300): the SVG viewBox.
pub const MAP_SIZE: [u32; 2] = [975, 610];

// ---------------------------------------------------------------------------------------------
// Shared vocabulary

/// The three 287(g) models ICE lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Model {
    /// Jail Enforcement Model: deputies screen people already in the jail.
    #[serde(rename = "JEM")]
    Jem,
    /// Task Force Model: officers question and arrest during ordinary policing.
    #[serde(rename = "TFM")]
    Tfm,
    /// Warrant Service Officer: jail officers serve ICE administrative warrants.
    #[serde(rename = "WSO")]
    Wso,
}

impl Model {
    /// All models, in the order the files list them.
    pub const ALL: [Model; 3] = [Model::Jem, Model::Tfm, Model::Wso];

    /// The short code ICE uses ("JEM").
    pub fn code(self) -> &'static str {
        match self {
            Model::Jem => "JEM",
            Model::Tfm => "TFM",
            Model::Wso => "WSO",
        }
    }

    /// Parse a short code ("JEM", "TFM", "WSO").
    pub fn from_code(s: &str) -> Option<Model> {
        Model::ALL.into_iter().find(|m| m.code() == s)
    }
}

/// Number of agreements per model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelCounts {
    pub jem: u32,
    pub tfm: u32,
    pub wso: u32,
}

impl ModelCounts {
    /// All agreements, whatever the model.
    pub fn total(&self) -> u32 {
        self.jem + self.tfm + self.wso
    }

    /// The count of one model.
    pub fn get(&self, model: Model) -> u32 {
        match model {
            Model::Jem => self.jem,
            Model::Tfm => self.tfm,
            Model::Wso => self.wso,
        }
    }

    /// Count one more agreement of `model`.
    pub fn add(&mut self, model: Model) {
        match model {
            Model::Jem => self.jem += 1,
            Model::Tfm => self.tfm += 1,
            Model::Wso => self.wso += 1,
        }
    }
}

/// Where a dataset comes from, as the app cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub title: String,
    pub url: String,
}

// ---------------------------------------------------------------------------------------------
// states.json

/// What state law says about cooperation with ICE (from `state_policies.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// State law or policy limits cooperation.
    Restricts,
    /// Only a court ruling or a weak law limits cooperation.
    RestrictsPartial,
    /// The state mandates detainer compliance and/or 287(g).
    Requires,
    /// Local sanctuary policies are banned, without a further mandate.
    ProhibitsSanctuary,
    /// No statewide law found either way.
    NoneIdentified,
    /// Not researched (the territories).
    NotResearched,
}

impl Stance {
    /// Parse the `stance` column.
    pub fn parse(s: &str) -> Option<Stance> {
        Some(match s {
            "restricts" => Stance::Restricts,
            "restricts_partial" => Stance::RestrictsPartial,
            "requires" => Stance::Requires,
            "prohibits_sanctuary" => Stance::ProhibitsSanctuary,
            "none_identified" => Stance::NoneIdentified,
            "not_researched" => Stance::NotResearched,
            _ => return None,
        })
    }

    /// The 4-way map layer this stance is drawn in.
    ///
    /// A ban on local sanctuary policies counts as "requires": localities may not limit
    /// cooperation. A court ruling or weak law alone is "mixed": some limits, not a policy.
    /// Territories (not researched) have no geometry and fall in "none found".
    pub fn layer(self) -> Layer {
        match self {
            Stance::Restricts => Layer::Limits,
            Stance::RestrictsPartial => Layer::Mixed,
            Stance::Requires | Stance::ProhibitsSanctuary => Layer::Requires,
            Stance::NoneIdentified | Stance::NotResearched => Layer::NoneFound,
        }
    }
}

/// The 4 colours of the state-law map layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// State law limits cooperation with ICE.
    Limits,
    /// State law requires cooperation (or bans local limits).
    Requires,
    /// Partial limits only (court ruling, weak law).
    Mixed,
    /// No statewide law found.
    NoneFound,
}

/// Yes / no / qualified answer of a law flag column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagValue {
    Yes,
    No,
    /// Partly, conditionally, or only reported; the note says which.
    Partial,
    /// The sources did not say.
    Unknown,
}

/// A law flag with the qualifier the source gave ("state DPS", "conditional").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub value: FlagValue,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Flag {
    /// Parse a flag cell: `Y`, `N`, empty, `partial`/`reported`/`conditional`, or `Y (note)`.
    pub fn parse(s: &str) -> Option<Flag> {
        let s = s.trim();
        let (head, note) = match s.split_once(" (") {
            Some((h, rest)) => (h, Some(rest.strip_suffix(')')?.trim().to_owned())),
            None => (s, None),
        };
        let (value, note) = match head {
            "Y" => (FlagValue::Yes, note),
            "N" => (FlagValue::No, note),
            "" if note.is_none() => (FlagValue::Unknown, None),
            "partial" => (FlagValue::Partial, note),
            "reported" | "conditional" => (FlagValue::Partial, Some(head.to_owned())),
            _ => return None,
        };
        Some(Flag { value, note })
    }

    /// True only for a plain or qualified yes.
    pub fn is_yes(&self) -> bool {
        self.value == FlagValue::Yes
    }
}

/// How a state row was checked. Rows the sources mark unverified stay marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Sources read in stored pages.
    Verified,
    /// Well-established statute or case, not re-checked.
    Established,
    /// Partly verified (e.g. passage seen, enactment not).
    PartlyVerified,
    /// Only an unreviewed secondary source: a lead to check, not a fact.
    SecondaryOnly,
    /// Not researched (the territories).
    NotResearched,
}

impl Verification {
    /// Classify the `verification` text by its first clause, as SOURCES.md counts rows.
    pub fn classify(text: &str) -> Option<Verification> {
        let t = text.trim();
        Some(if t.is_empty() {
            Verification::NotResearched
        } else if t.starts_with("SECONDARY ONLY") {
            Verification::SecondaryOnly
        } else if t.starts_with("partly verified") {
            Verification::PartlyVerified
        } else if t.starts_with("well-established") {
            Verification::Established
        } else if t.starts_with("verified") {
            Verification::Verified
        } else {
            return None;
        })
    }

    /// True when the app must show the row as unconfirmed.
    pub fn is_unverified(self) -> bool {
        matches!(self, Verification::SecondaryOnly | Verification::NotResearched)
    }
}

/// Agreement counts of one ICE list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotCounts {
    /// Date of the ICE list (YYYY-MM-DD).
    pub as_of: String,
    #[serde(flatten)]
    pub counts: ModelCounts,
}

/// Membership in the DOJ "sanctuary jurisdictions" list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DojListing {
    /// The state itself is listed.
    pub state: bool,
    /// Listed counties (FIPS).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counties: Vec<String>,
    /// Listed cities (names as DOJ printed them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cities: Vec<String>,
}

/// One state, DC or territory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateRecord {
    /// 2-digit FIPS ("48").
    pub fips: String,
    pub abbr: String,
    pub name: String,
    pub stance: Stance,
    pub layer: Layer,
    pub bans_287g: Flag,
    pub requires_287g: Flag,
    pub requires_detainer_compliance: Flag,
    pub bans_local_sanctuary_policies: Flag,
    pub laws: String,
    pub key_dates: String,
    pub summary: String,
    pub source_urls: Vec<String>,
    pub verification: Verification,
    /// The verification text as written by the researchers (may qualify parts of the row).
    pub verification_note: String,
    pub notes: String,
    pub doj: DojListing,
    /// Agreement counts per ICE list, newest first.
    pub agreements: Vec<SnapshotCounts>,
    /// Outline as an SVG path in the 975×610 space; `None` for territories.
    pub path: Option<String>,
}

impl StateRecord {
    /// Counts of the newest ICE list (zero when there is none).
    pub fn latest_counts(&self) -> ModelCounts {
        self.agreements.first().map(|s| s.counts).unwrap_or_default()
    }
}

/// `states.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatesFile {
    pub format: u32,
    /// Research date of the state-law table.
    pub as_of: String,
    pub source: SourceRef,
    /// Licence notice of the outlines' geometry (us-atlas, ISC); it must travel with them.
    pub geometry_license: String,
    pub states: Vec<StateRecord>,
}

impl StatesFile {
    /// The state with this FIPS or abbreviation.
    pub fn state(&self, fips_or_abbr: &str) -> Option<&StateRecord> {
        self.states.iter().find(|s| s.fips == fips_or_abbr || s.abbr == fips_or_abbr)
    }
}

// ---------------------------------------------------------------------------------------------
// counties.json

/// One county or county-equivalent. Wire form: `[fips, name, state, path]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "CountyRow", into = "CountyRow")]
pub struct County {
    /// 5-digit FIPS ("48201").
    pub fips: String,
    /// Full Census name ("Harris County", "Richmond city").
    pub name: String,
    /// 2-digit state FIPS.
    pub state: String,
    /// SVG path in the 975×610 space; `None` when the map has no geometry (territories).
    pub path: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct CountyRow(String, String, String, Option<String>);

impl From<CountyRow> for County {
    fn from(r: CountyRow) -> Self {
        County { fips: r.0, name: r.1, state: r.2, path: r.3 }
    }
}

impl From<County> for CountyRow {
    fn from(c: County) -> Self {
        CountyRow(c.fips, c.name, c.state, c.path)
    }
}

/// `counties.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountiesFile {
    pub format: u32,
    /// Vintage of the boundaries.
    pub as_of: String,
    pub source: SourceRef,
    /// Licence notice of the geometry (us-atlas, ISC); it must travel with the paths.
    pub license: String,
    /// `[width, height]` of the path coordinate space.
    pub size: [u32; 2],
    pub counties: Vec<County>,
}

impl CountiesFile {
    /// The county with this FIPS.
    pub fn county(&self, fips: &str) -> Option<&County> {
        self.counties.binary_search_by(|c| c.fips.as_str().cmp(fips)).ok().map(|i| &self.counties[i])
    }
}

// ---------------------------------------------------------------------------------------------
// agreements.json

/// ICE's agency type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyType {
    /// Sheriff's office, county jail, county police.
    County,
    /// City, town, township police, marshals, constables.
    Municipality,
    /// A statewide body (state police, corrections, national guard).
    State,
}

/// Why an agreement has no county.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoCounty {
    /// A statewide body: place it at state level.
    StateAgency,
    /// ICE gave no county (university, airport, regional jail authority).
    NoCountyOnSheet,
    /// ICE's county contradicts the agency, so none was assigned.
    Unmatched,
}

/// Whether ICE links the signed MOA yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoaStatus {
    Linked,
    /// ICE's cell reads "link pending".
    Pending,
}

/// One agreement (an agency × model) of the ICE list.
/// Wire form: `[agency, type, state, county, no_county, model, signed, moa_url, moa_status,
/// file_date, addendum_url]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "AgreementRow", into = "AgreementRow")]
pub struct Agreement {
    pub agency: String,
    pub agency_type: AgencyType,
    /// 2-digit state FIPS.
    pub state: String,
    /// 5-digit county FIPS, when known.
    pub county: Option<String>,
    /// Why `county` is `None`.
    pub no_county: Option<NoCounty>,
    pub model: Model,
    /// ICE's SIGNED date (YYYY-MM-DD), kept as published even when it looks wrong.
    pub signed: String,
    pub moa_url: Option<String>,
    pub moa_status: MoaStatus,
    /// The date in the MOA file name, set only when it differs from `signed`.
    pub file_date: Option<String>,
    pub addendum_url: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[allow(clippy::type_complexity)]
struct AgreementRow(
    String,
    AgencyType,
    String,
    Option<String>,
    Option<NoCounty>,
    Model,
    String,
    Option<String>,
    MoaStatus,
    Option<String>,
    Option<String>,
);

impl From<AgreementRow> for Agreement {
    fn from(r: AgreementRow) -> Self {
        Agreement {
            agency: r.0,
            agency_type: r.1,
            state: r.2,
            county: r.3,
            no_county: r.4,
            model: r.5,
            signed: r.6,
            moa_url: r.7,
            moa_status: r.8,
            file_date: r.9,
            addendum_url: r.10,
        }
    }
}

impl From<Agreement> for AgreementRow {
    fn from(a: Agreement) -> Self {
        AgreementRow(
            a.agency,
            a.agency_type,
            a.state,
            a.county,
            a.no_county,
            a.model,
            a.signed,
            a.moa_url,
            a.moa_status,
            a.file_date,
            a.addendum_url,
        )
    }
}

/// `agreements.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementsFile {
    pub format: u32,
    /// Date of the ICE list.
    pub as_of: String,
    pub source: SourceRef,
    /// ICE's workbook the rows come from.
    pub source_file: String,
    pub agreements: Vec<Agreement>,
}

// ---------------------------------------------------------------------------------------------
// trend.json

/// Agreements on one archived ICE list. Wire form: `[date, total, jem, tfm, wso, note]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "TrendRow", into = "TrendRow")]
pub struct TrendPoint {
    pub date: String,
    pub total: u32,
    pub counts: ModelCounts,
    /// Caveat of this point ("truncated …", "year corrected …").
    pub note: Option<String>,
}

impl TrendPoint {
    /// True when the source flags the sheet as truncated: not a real drop, skip it in charts.
    pub fn is_truncated(&self) -> bool {
        self.note.as_deref().is_some_and(|n| n.contains("truncated"))
    }
}

#[derive(Serialize, Deserialize)]
struct TrendRow(String, u32, u32, u32, u32, Option<String>);

impl From<TrendRow> for TrendPoint {
    fn from(r: TrendRow) -> Self {
        TrendPoint { date: r.0, total: r.1, counts: ModelCounts { jem: r.2, tfm: r.3, wso: r.4 }, note: r.5 }
    }
}

impl From<TrendPoint> for TrendRow {
    fn from(p: TrendPoint) -> Self {
        TrendRow(p.date, p.total, p.counts.jem, p.counts.tfm, p.counts.wso, p.note)
    }
}

/// `trend.json`: national count of agreements over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendFile {
    pub format: u32,
    /// Date of the newest point.
    pub as_of: String,
    pub source: SourceRef,
    /// Oldest first.
    pub points: Vec<TrendPoint>,
}

// ---------------------------------------------------------------------------------------------
// meta.json

/// Provenance of one dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    /// Stable id ("agreements", "state_policies").
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub license: String,
    /// Date the data describes (YYYY-MM-DD, or a year for geometry).
    pub as_of: String,
    /// Files in `data/sources` it was built from.
    pub files: Vec<String>,
}

/// `meta.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaFile {
    pub format: u32,
    /// Changes whenever any data file changes: newest as-of date + content hash.
    pub data_version: String,
    pub datasets: Vec<Dataset>,
    /// What the data does not cover; the app shows these next to the map.
    pub gaps: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Queries

/// Agreement counts per state FIPS, for every state with at least one agreement.
pub fn counts_by_state(agreements: &[Agreement]) -> BTreeMap<&str, ModelCounts> {
    let mut out: BTreeMap<&str, ModelCounts> = BTreeMap::new();
    for a in agreements {
        out.entry(a.state.as_str()).or_default().add(a.model);
    }
    out
}

/// Agreement counts of one state (by FIPS); zero when it has none.
pub fn state_counts(agreements: &[Agreement], state_fips: &str) -> ModelCounts {
    let mut c = ModelCounts::default();
    agreements.iter().filter(|a| a.state == state_fips).for_each(|a| c.add(a.model));
    c
}

/// Agreement counts per county FIPS (agreements without a county are left out).
pub fn counts_by_county(agreements: &[Agreement]) -> BTreeMap<&str, ModelCounts> {
    let mut out: BTreeMap<&str, ModelCounts> = BTreeMap::new();
    for a in agreements {
        if let Some(c) = &a.county {
            out.entry(c.as_str()).or_default().add(a.model);
        }
    }
    out
}

/// An agency with all its agreements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyAgreements<'a> {
    pub agency: &'a str,
    pub agency_type: AgencyType,
    /// Its agreements, ordered by model.
    pub agreements: Vec<&'a Agreement>,
}

impl AgencyAgreements<'_> {
    /// The models this agency signed.
    pub fn models(&self) -> Vec<Model> {
        self.agreements.iter().map(|a| a.model).collect()
    }
}

/// Agencies with an agreement in this county: county agencies first, then by name.
pub fn agencies_of_county<'a>(agreements: &'a [Agreement], county_fips: &str) -> Vec<AgencyAgreements<'a>> {
    group_by_agency(agreements.iter().filter(|a| a.county.as_deref() == Some(county_fips)))
}

/// Agencies of a state that have no county (statewide bodies, universities, unmatched).
pub fn agencies_without_county<'a>(agreements: &'a [Agreement], state_fips: &str) -> Vec<AgencyAgreements<'a>> {
    group_by_agency(agreements.iter().filter(|a| a.state == state_fips && a.county.is_none()))
}

/// The key an agency is grouped by: ICE spells some names with a straight apostrophe in one
/// row and a curly one in another ("Sheriff's" / "Sheriff’s").
fn agency_key(name: &str) -> String {
    name.replace(['\u{2019}', '\u{2018}'], "'")
}

fn group_by_agency<'a>(rows: impl Iterator<Item = &'a Agreement>) -> Vec<AgencyAgreements<'a>> {
    let mut by_name: BTreeMap<(AgencyType, String), (&'a str, Vec<&'a Agreement>)> = BTreeMap::new();
    for a in rows {
        by_name.entry((a.agency_type, agency_key(&a.agency))).or_insert_with(|| (a.agency.as_str(), Vec::new())).1.push(a);
    }
    by_name
        .into_iter()
        .map(|((agency_type, _), (agency, mut agreements))| {
            agreements.sort_by_key(|a| a.model);
            AgencyAgreements { agency, agency_type, agreements }
        })
        .collect()
}

#[cfg(test)]
mod agency_tests {
    use super::*;

    fn row(agency: &str, model: Model) -> Agreement {
        Agreement {
            agency: agency.into(),
            agency_type: AgencyType::County,
            state: "48".into(),
            county: Some("48167".into()),
            no_county: None,
            model,
            signed: "2025-01-01".into(),
            moa_url: None,
            moa_status: MoaStatus::Pending,
            file_date: None,
            addendum_url: None,
        }
    }

    #[test]
    fn curly_and_straight_apostrophes_are_one_agency() {
        let rows = vec![row("Galveston County Sheriff's Office", Model::Jem), row("Galveston County Sheriff\u{2019}s Office", Model::Wso)];
        let agencies = agencies_of_county(&rows, "48167");
        assert_eq!(agencies.len(), 1);
        assert_eq!(agencies[0].models(), vec![Model::Jem, Model::Wso]);
    }
}

/// Whole months from a dataset's `as_of` date to `today` (0 if `as_of` is in the future).
pub fn months_old(as_of: IsoDate, today: IsoDate) -> u32 {
    as_of.months_until(today).max(0) as u32
}

/// True when the data is older than `max_months` and the app should say so.
pub fn is_stale(as_of: IsoDate, today: IsoDate, max_months: u32) -> bool {
    months_old(as_of, today) > max_months
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agreement(agency: &str, ty: AgencyType, state: &str, county: Option<&str>, model: Model) -> Agreement {
        Agreement {
            agency: agency.into(),
            agency_type: ty,
            state: state.into(),
            county: county.map(Into::into),
            no_county: if county.is_none() { Some(NoCounty::StateAgency) } else { None },
            model,
            signed: "2025-02-01".into(),
            moa_url: None,
            moa_status: MoaStatus::Pending,
            file_date: None,
            addendum_url: None,
        }
    }

    fn sample() -> Vec<Agreement> {
        use AgencyType::*;
        vec![
            agreement("Harris County Sheriff's Office", County, "48", Some("48201"), Model::Wso),
            agreement("Harris County Sheriff's Office", County, "48", Some("48201"), Model::Jem),
            agreement("Pasadena Police Department", Municipality, "48", Some("48201"), Model::Tfm),
            agreement("Texas Department of Public Safety", State, "48", None, Model::Tfm),
            agreement("Miami Police Department", Municipality, "12", Some("12086"), Model::Tfm),
        ]
    }

    #[test]
    fn counts_per_state_and_model() {
        let a = sample();
        let by_state = counts_by_state(&a);
        assert_eq!(by_state["48"], ModelCounts { jem: 1, tfm: 2, wso: 1 });
        assert_eq!(by_state["48"].total(), 4);
        assert_eq!(state_counts(&a, "12").get(Model::Tfm), 1);
        assert_eq!(state_counts(&a, "06"), ModelCounts::default());
        assert_eq!(counts_by_county(&a)["48201"].total(), 3);
    }

    #[test]
    fn agencies_of_a_county_are_grouped() {
        let a = sample();
        let harris = agencies_of_county(&a, "48201");
        assert_eq!(harris.len(), 2);
        assert_eq!(harris[0].agency, "Harris County Sheriff's Office");
        assert_eq!(harris[0].models(), vec![Model::Jem, Model::Wso]);
        assert_eq!(harris[1].agency_type, AgencyType::Municipality);
        assert!(agencies_of_county(&a, "06037").is_empty());
        assert_eq!(agencies_without_county(&a, "48")[0].agency, "Texas Department of Public Safety");
    }

    #[test]
    fn staleness_in_months() {
        let d = |s| IsoDate::parse(s).unwrap();
        assert_eq!(months_old(d("2026-05-18"), d("2026-11-23")), 6);
        assert_eq!(months_old(d("2026-05-18"), d("2026-05-17")), 0);
        assert!(is_stale(d("2026-05-18"), d("2026-11-23"), 3));
        assert!(!is_stale(d("2026-05-18"), d("2026-06-01"), 3));
    }

    #[test]
    fn flags_and_verification_parse() {
        assert_eq!(Flag::parse("Y").unwrap().value, FlagValue::Yes);
        assert_eq!(Flag::parse("").unwrap().value, FlagValue::Unknown);
        let q = Flag::parse("Y (state DPS)").unwrap();
        assert_eq!((q.value, q.note.as_deref()), (FlagValue::Yes, Some("state DPS")));
        assert_eq!(Flag::parse("conditional").unwrap().value, FlagValue::Partial);
        assert_eq!(Flag::parse("maybe"), None);
        assert_eq!(Verification::classify("SECONDARY ONLY: x"), Some(Verification::SecondaryOnly));
        assert_eq!(
            Verification::classify("verified in stored pages (SB 8); SB 4 well-established"),
            Some(Verification::Verified)
        );
        assert_eq!(Verification::classify(""), Some(Verification::NotResearched));
        assert!(Verification::SecondaryOnly.is_unverified());
        assert_eq!(Verification::classify("trust me"), None);
    }

    #[test]
    fn stance_layers() {
        assert_eq!(Stance::Restricts.layer(), Layer::Limits);
        assert_eq!(Stance::RestrictsPartial.layer(), Layer::Mixed);
        assert_eq!(Stance::ProhibitsSanctuary.layer(), Layer::Requires);
        assert_eq!(Stance::NoneIdentified.layer(), Layer::NoneFound);
    }

    #[test]
    fn compact_rows_round_trip() {
        let a = sample().remove(0);
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.starts_with("[\"Harris County Sheriff's Office\",\"county\",\"48\",\"48201\",null,\"WSO\""));
        assert_eq!(serde_json::from_str::<Agreement>(&json).unwrap(), a);
        let c = County {
            fips: "48201".into(),
            name: "Harris County".into(),
            state: "48".into(),
            path: Some("m1 2z".into()),
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"["48201","Harris County","48","m1 2z"]"#);
        assert_eq!(serde_json::from_str::<County>(&json).unwrap(), c);
    }
}
