//! The wire schema of `public/data/{states,counties,agreements,trend,meta}.json`, written by
//! the pipeline and read by the app. Large lists (agreements, counties, trend) travel as JSON
//! arrays instead of objects to keep the files small; the Rust types keep named fields and
//! convert on (de)serialization.
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::json::{FromJson, JsonError, Obj, Row};

use super::vocabulary::{
    AgencyType, Flag, Layer, MoaStatus, Model, ModelCounts, NoCounty, SourceRef, Stance, Verification,
};

/// Version of the policy data files; bump when any of their shapes changes.
pub const POLICY_FORMAT: u32 = 1;

/// `[width, height]` of the map's coordinate space (d3.geoAlbersUsa, scale 1300): the SVG viewBox.
pub const MAP_SIZE: [u32; 2] = [975, 610];

// ---------------------------------------------------------------------------------------------
// states.json

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
// Reading (crate::json): the app's own readers, in the place of the derived deserialisers.

impl FromJson for SnapshotCounts {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(SnapshotCounts { as_of: o.req("as_of")?, counts: ModelCounts::take_from(&mut o)? })
    }
}

impl FromJson for DojListing {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(DojListing { state: o.req("state")?, counties: o.or_default("counties")?, cities: o.or_default("cities")? })
    }
}

impl FromJson for StateRecord {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(StateRecord {
            fips: o.req("fips")?,
            abbr: o.req("abbr")?,
            name: o.req("name")?,
            stance: o.req("stance")?,
            layer: o.req("layer")?,
            bans_287g: o.req("bans_287g")?,
            requires_287g: o.req("requires_287g")?,
            requires_detainer_compliance: o.req("requires_detainer_compliance")?,
            bans_local_sanctuary_policies: o.req("bans_local_sanctuary_policies")?,
            laws: o.req("laws")?,
            key_dates: o.req("key_dates")?,
            summary: o.req("summary")?,
            source_urls: o.req("source_urls")?,
            verification: o.req("verification")?,
            verification_note: o.req("verification_note")?,
            notes: o.req("notes")?,
            doj: o.req("doj")?,
            agreements: o.req("agreements")?,
            path: o.opt("path")?,
        })
    }
}

impl FromJson for StatesFile {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(StatesFile {
            format: o.req("format")?,
            as_of: o.req("as_of")?,
            source: o.req("source")?,
            geometry_license: o.req("geometry_license")?,
            states: o.req("states")?,
        })
    }
}

impl CountiesFile {
    /// Read `counties.json` (the app's reader: rows walked in place, see `json::row_file`).
    pub fn read(raw: &str) -> Result<Self, JsonError> {
        let (mut o, counties) = crate::json::row_file(raw, "counties", 4, |r| {
            Ok(County { fips: r.next()?, name: r.next()?, state: r.next()?, path: r.next()? })
        })?;
        Ok(CountiesFile {
            format: o.req("format")?,
            as_of: o.req("as_of")?,
            source: o.req("source")?,
            license: o.req("license")?,
            size: o.req("size")?,
            counties,
        })
    }
}

impl AgreementsFile {
    /// Read `agreements.json` (the app's reader: rows walked in place, see `json::row_file`).
    pub fn read(raw: &str) -> Result<Self, JsonError> {
        let (mut o, agreements) = crate::json::row_file(raw, "agreements", 11, |r| {
            Ok(Agreement {
                agency: r.next()?,
                agency_type: r.next()?,
                state: r.next()?,
                county: r.next()?,
                no_county: r.next()?,
                model: r.next()?,
                signed: r.next()?,
                moa_url: r.next()?,
                moa_status: r.next()?,
                file_date: r.next()?,
                addendum_url: r.next()?,
            })
        })?;
        Ok(AgreementsFile {
            format: o.req("format")?,
            as_of: o.req("as_of")?,
            source: o.req("source")?,
            source_file: o.req("source_file")?,
            agreements,
        })
    }
}

impl FromJson for TrendPoint {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut r = Row::new(v, 6)?;
        Ok(TrendPoint {
            date: r.next()?,
            total: r.next()?,
            counts: ModelCounts { jem: r.next()?, tfm: r.next()?, wso: r.next()? },
            note: r.next()?,
        })
    }
}

impl FromJson for TrendFile {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(TrendFile { format: o.req("format")?, as_of: o.req("as_of")?, source: o.req("source")?, points: o.req("points")? })
    }
}

impl FromJson for Dataset {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Dataset {
            id: o.req("id")?,
            title: o.req("title")?,
            publisher: o.req("publisher")?,
            url: o.req("url")?,
            license: o.req("license")?,
            as_of: o.req("as_of")?,
            files: o.req("files")?,
        })
    }
}

impl FromJson for MetaFile {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(MetaFile {
            format: o.req("format")?,
            data_version: o.req("data_version")?,
            datasets: o.req("datasets")?,
            gaps: o.req("gaps")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{AgencyType, MoaStatus, Model};

    fn harris() -> Agreement {
        Agreement {
            agency: "Harris County Sheriff's Office".into(),
            agency_type: AgencyType::County,
            state: "48".into(),
            county: Some("48201".into()),
            no_county: None,
            model: Model::Wso,
            signed: "2025-02-01".into(),
            moa_url: None,
            moa_status: MoaStatus::Pending,
            file_date: None,
            addendum_url: None,
        }
    }

    #[test]
    fn compact_rows_round_trip() {
        let a = harris();
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

    /// The app's readers and the derived deserialisers (the pipeline's) agree on the real files.
    #[test]
    fn hand_readers_match_serde_on_the_real_files() {
        fn both<T: FromJson + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(file: &str) {
            let path = format!("{}/../public/data/{file}", env!("CARGO_MANIFEST_DIR"));
            let raw = std::fs::read_to_string(&path).unwrap();
            let ours: T = crate::json::parse(&raw).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(ours, serde_json::from_str::<T>(&raw).unwrap(), "{file}");
        }
        both::<StatesFile>("states.json");
        let read = |file: &str| std::fs::read_to_string(format!("{}/../public/data/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let raw = read("counties.json");
        assert_eq!(CountiesFile::read(&raw).unwrap(), serde_json::from_str::<CountiesFile>(&raw).unwrap());
        let raw = read("agreements.json");
        assert_eq!(AgreementsFile::read(&raw).unwrap(), serde_json::from_str::<AgreementsFile>(&raw).unwrap());
        both::<TrendFile>("trend.json");
        both::<MetaFile>("meta.json");
    }

    #[test]
    fn damaged_rows_are_named() {
        let head = r#"{"format":1,"as_of":"x","source":{"title":"t","url":"u"},"source_file":"f","agreements":"#;
        let row = r#"["A","county","48",null,null,"JEM","d",null,"linked",null,null]"#;
        assert_eq!(AgreementsFile::read(&format!("{head}[{row}]}}")).unwrap().agreements.len(), 1);
        let e = AgreementsFile::read(&format!("{head}[{}]}}", row.replace("JEM", "XYZ"))).unwrap_err();
        assert_eq!(e, "agreements[0][5]: unknown value 'XYZ', expected one of JEM, TFM, WSO");
        let e = AgreementsFile::read(&format!("{head}[{}]}}", row.replace(",null]", "]"))).unwrap_err();
        assert_eq!(e, "agreements[0][10]: missing");
        let e = AgreementsFile::read(&format!("{head}[{}]}}", row.replace(",null]", ",null,null]"))).unwrap_err();
        assert_eq!(e, "agreements[0]: more than 11 items");
        let e = AgreementsFile::read(&format!("{head}[{row}],}}")).unwrap_err();
        assert!(e.starts_with("expected '\"'"), "{e}");
        let e = AgreementsFile::read(&format!("{head}[{row}]")).unwrap_err();
        assert!(e.contains("expected"), "{e}");
        let e = AgreementsFile::read(r#"{"format":1,"as_of":"x","agreements":[]}"#).unwrap_err();
        assert_eq!(e, "source: missing");
        let e = AgreementsFile::read(&format!("{head}[{row}]}} x")).unwrap_err();
        assert!(e.starts_with("trailing characters"), "{e}");
        // The corrupt file of the browser test.
        let e = CountiesFile::read(r#"{"format":1,"count"#).unwrap_err();
        assert!(e.starts_with("unterminated string"), "{e}");
        let e = CountiesFile::read(
            r#"{"format":1,"as_of":"x","source":{"title":"t","url":"u"},"license":"l","size":[1,2],"counties":[["01001","A","01"]]}"#,
        )
        .unwrap_err();
        assert_eq!(e, "counties[0][3]: missing");
        let e = CountiesFile::read(r#"{"format":1,"as_of":"x","source":{"title":"t","url":"u"},"license":"l","size":[1,2]}"#).unwrap_err();
        assert_eq!(e, "counties: missing");
    }

    /// Escapes, unknown fields and odd spacing read as serde reads them.
    #[test]
    fn row_reader_reads_what_serde_reads() {
        let raw = " {\"format\" : 1, \"later\": [1, {\"a\": \"}\"}], \"as_of\":\"x\",\"source\":{\"title\":\"t\\\"q\\u00e9\\ud83d\\ude00\\n\",\"url\":\"u\"},\"license\":\"l\",\"size\":[975,610],\n\"counties\":[ [\"01001\" ,\"A\\/B\\\\\",\"01\",null] , [\"01003\",\"Baldwin\",\"01\",\"m1 2z\"]] } ";
        assert_eq!(CountiesFile::read(raw).unwrap(), serde_json::from_str::<CountiesFile>(raw).unwrap());
        assert!(CountiesFile::read(&raw.replace("\\ude00", "")).unwrap_err().contains("surrogate"));
        assert!(CountiesFile::read(&raw.replace("\"A\\/", "\"A\t/")).unwrap_err().contains("control character"));
    }
}
