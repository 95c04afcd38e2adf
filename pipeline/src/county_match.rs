//! Which county an ICE row belongs to, by the method of `data/sources/SOURCES.md` §1, in this
//! order: ICE's COUNTY cell matched to a Census name; the reviewed typo table; for an empty
//! cell, a statewide agency, then the county ICE gave the same agency in another kept list,
//! then a municipal agency's city through the FBI Law Enforcement Employees table; for a
//! cell that names no county, "X Parish/County Sheriff's Office" in the agency name, then a
//! one-county territory. Whatever is left keeps its row and gets a reason.
use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Result;
use crate::sources::Counties;
use crate::table::Table;

/// The reviewed fixes of misspelt COUNTY cells.
pub const TYPO_FILE: &str = "287g_county_typos.csv";
/// FBI Law Enforcement Employees: agency (city) → county.
pub const FBI_LEE_FILE: &str = "fbi_lee_latest.csv";

/// How a row got its county, or why it has none (the `county_fips_method` column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    IceCounty,
    TypoFixed,
    /// The agency's county in another list: the `county_fips_method` to write.
    EarlierSheet(String),
    /// ORI of the FBI record and, for a city in several counties, all of them.
    FbiCity {
        ori: String,
        counties: Vec<String>,
    },
    AgencyName,
    Territory,
    StateAgency,
    NoCountyOnSheet,
    Unmatched,
}

impl Placement {
    /// The `county_fips_method` cell.
    pub fn method(&self) -> String {
        match self {
            Placement::IceCounty => "ice_county".into(),
            Placement::TypoFixed => "ice_county_typo_fixed".into(),
            Placement::EarlierSheet(m) => m.clone(),
            Placement::FbiCity { ori, counties } if counties.len() > 1 => {
                format!("fbi_lee_city_match:{ori} (first of {} counties: {})", counties.len(), counties.join(", "))
            }
            Placement::FbiCity { ori, .. } => format!("fbi_lee_city_match:{ori}"),
            Placement::AgencyName => "agency_name".into(),
            Placement::Territory => "territory".into(),
            Placement::StateAgency => "state_agency".into(),
            Placement::NoCountyOnSheet => "no_county_on_sheet".into(),
            Placement::Unmatched => "unmatched: unmatched".into(),
        }
    }

    /// The method's name without its detail, for the report.
    pub fn kind(&self) -> &'static str {
        match self {
            Placement::IceCounty => "ice_county",
            Placement::TypoFixed => "ice_county_typo_fixed",
            Placement::EarlierSheet(_) => "earlier_ice_sheet",
            Placement::FbiCity { .. } => "fbi_lee_city_match",
            Placement::AgencyName => "agency_name",
            Placement::Territory => "territory",
            Placement::StateAgency => "state_agency",
            Placement::NoCountyOnSheet => "no_county_on_sheet",
            Placement::Unmatched => "unmatched",
        }
    }
}

/// `agency_key`: state + the name in lower case, apostrophes dropped, other punctuation spaced.
pub fn agency_key(state_abbr: &str, agency: &str) -> String {
    let name: String = agency
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}'))
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    format!("{state_abbr}|{}", name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A county name for comparison: upper case, no punctuation, "Saint" → "St", "Parish" →
/// "County" (ICE writes "Saint Landry County" for St. Landry Parish).
fn county_key(name: &str) -> String {
    let spaced: String = name
        .to_uppercase()
        .replace('\'', "")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    if words.first() == Some(&"SAINT") {
        words[0] = "ST";
    }
    if words.last() == Some(&"PARISH") {
        *words.last_mut().expect("non-empty") = "COUNTY";
    }
    words.join(" ")
}

const EMPTY_CELLS: [&str; 4] = ["", "#N/A", "#NA", "N/A"];
const KIND_WORDS: [&str; 6] = ["COUNTY", "CITY", "BOROUGH", "AREA", "MUNICIPALITY", "DISTRICT"];

/// What the matcher knows.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    /// state abbr → county key → FIPS.
    by_name: BTreeMap<String, BTreeMap<String, String>>,
    /// (state abbr, COUNTY cell) → FIPS.
    typos: BTreeMap<(String, String), String>,
    /// (state abbr, lower-case city) → FBI records (ORI, counties as listed).
    fbi_cities: BTreeMap<(String, String), Vec<(String, Vec<String>)>>,
    /// agency_key → (FIPS, method) from other lists.
    earlier: BTreeMap<String, (String, String)>,
    /// FIPS of the single county-equivalent of each territory.
    territories: BTreeMap<String, String>,
}

impl Matcher {
    /// Build from the county table, the typo table and the FBI table in `dir`.
    pub fn read(dir: &Path, counties: &Counties) -> Result<Matcher> {
        let mut m = Matcher::default();
        let mut per_state: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for c in counties.values() {
            m.by_name.entry(c.state_abbr.clone()).or_default().insert(county_key(&c.name), c.fips.clone());
            per_state.entry(&c.state_abbr).or_default().push(&c.fips);
        }
        for (abbr, fips) in per_state {
            if let [one] = fips.as_slice()
                && one.as_bytes()[0] >= b'6'
            {
                m.territories.insert(abbr.to_owned(), (*one).to_owned());
            }
        }
        let t =
            Table::read(&dir.join(TYPO_FILE), &["state_abbr", "ice_county", "county_fips", "census_name", "reviewed"])?;
        for r in t.rows() {
            let fips = r.get("county_fips");
            match counties.get(fips) {
                Some(c) if c.state_abbr == r.get("state_abbr") && c.name == r.get("census_name") => {}
                _ => {
                    return Err(r.error(
                        "county_fips",
                        format!("{fips:?} is not {:?} of {}", r.get("census_name"), r.get("state_abbr")),
                    ));
                }
            }
            r.date("reviewed")?;
            m.typos.insert((r.get("state_abbr").into(), r.required("ice_county")?.into()), fips.into());
        }
        let t = Table::read(
            &dir.join(FBI_LEE_FILE),
            &["ori", "pub_agency_name", "state_abbr", "county_name", "agency_type_name"],
        )?;
        for r in t.rows().filter(|r| r.get("agency_type_name") == "City") {
            let counties = r.get("county_name").split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from);
            m.fbi_cities
                .entry((r.get("state_abbr").into(), r.get("pub_agency_name").to_lowercase()))
                .or_default()
                .push((r.get("ori").into(), counties.collect()));
        }
        Ok(m)
    }

    /// Remember the counties ICE itself gave agencies in another list (`rows` of
    /// `(agency_key, county_fips, county_fips_method)` of the list dated `as_of`).
    pub fn add_earlier<'a>(&mut self, as_of: &str, rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) {
        for (key, fips, method) in rows {
            let method = if method.starts_with("earlier_ice_sheet") {
                method.to_owned()
            } else if matches!(method, "ice_county" | "ice_county_typo_fixed" | "agency_name") {
                format!("earlier_ice_sheet:{as_of}")
            } else {
                continue;
            };
            self.earlier.entry(key.to_owned()).or_insert((fips.to_owned(), method));
        }
    }

    /// The county of one row, or why none.
    pub fn place(&self, abbr: &str, agency: &str, agency_type: &str, ice_county: &str) -> (Option<String>, Placement) {
        if let Some(fips) = self.census_name(abbr, ice_county) {
            return (Some(fips), Placement::IceCounty);
        }
        if let Some(fips) = self.typos.get(&(abbr.to_owned(), ice_county.to_owned())) {
            return (Some(fips.clone()), Placement::TypoFixed);
        }
        if EMPTY_CELLS.contains(&ice_county) {
            if agency_type == "State Agency" {
                return (None, Placement::StateAgency);
            }
            if let Some((fips, method)) = self.earlier.get(&agency_key(abbr, agency)) {
                return (Some(fips.clone()), Placement::EarlierSheet(method.clone()));
            }
            if let Some(found) = self.fbi_city(abbr, agency) {
                return found;
            }
            return (None, Placement::NoCountyOnSheet);
        }
        // "St. Bernard Parish Sheriff's Office" with a COUNTY cell that names a town.
        for kind in [" County", " Parish"] {
            if let Some(end) = agency.find(kind)
                && let Some(fips) = self.by_name.get(abbr).and_then(|s| s.get(&county_key(&agency[..end + kind.len()])))
            {
                return (Some(fips.clone()), Placement::AgencyName);
            }
        }
        if let Some(fips) = self.territories.get(abbr) {
            return (Some(fips.clone()), Placement::Territory);
        }
        (None, Placement::Unmatched)
    }

    /// ICE's cell as a Census name, case and "Saint"/"St." aside; a bare name ("Decatur")
    /// is tried as "Decatur County".
    fn census_name(&self, abbr: &str, cell: &str) -> Option<String> {
        let names = self.by_name.get(abbr)?;
        let key = county_key(cell);
        if key.is_empty() {
            return None;
        }
        if let Some(f) = names.get(&key) {
            return Some(f.clone());
        }
        let has_kind = key.rsplit(' ').next().is_some_and(|w| KIND_WORDS.contains(&w));
        (!has_kind).then(|| names.get(&format!("{key} COUNTY")).cloned()).flatten()
    }

    /// A police department's city matched to exactly one City agency of the FBI table.
    fn fbi_city(&self, abbr: &str, agency: &str) -> Option<(Option<String>, Placement)> {
        let mut name = agency;
        for prefix in ["City of ", "Town of ", "Village of "] {
            name = name.strip_prefix(prefix).unwrap_or(name);
        }
        let city = [" Police Department", " Department of Public Safety", " Public Safety"]
            .iter()
            .find_map(|s| name.strip_suffix(s))?;
        let lookup = |c: &str| self.fbi_cities.get(&(abbr.to_owned(), c.to_lowercase()));
        let hits = lookup(city).or_else(|| city.strip_suffix(" Borough").and_then(lookup))?;
        let [(ori, counties)] = hits.as_slice() else {
            return None;
        };
        let first = counties.first()?;
        let fips =
            self.by_name.get(abbr)?.iter().find(|(k, _)| strip_kind(k) == county_key(first)).map(|(_, f)| f.clone())?;
        Some((Some(fips), Placement::FbiCity { ori: ori.clone(), counties: counties.clone() }))
    }
}

/// "ST LUCIE COUNTY" → "ST LUCIE" (FBI county names carry no kind word).
fn strip_kind(key: &str) -> &str {
    key.rsplit_once(' ').filter(|(_, w)| KIND_WORDS.contains(w)).map_or(key, |(rest, _)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_county_names() {
        assert_eq!(
            agency_key("TX", "Galveston County Constable's Office Pct.1"),
            "TX|galveston county constables office pct 1"
        );
        assert_eq!(agency_key("FL", "Florida A&M University"), "FL|florida a m university");
        assert_eq!(county_key("Saint Landry County"), county_key("St. Landry Parish"));
        assert_eq!(county_key("DeKalb County"), county_key("Dekalb County"));
        assert_ne!(county_key("Hopewell County"), county_key("Hopewell city"));
        assert_eq!(strip_kind("ST LUCIE COUNTY"), "ST LUCIE");
    }
}
