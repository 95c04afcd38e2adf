//! Place search for the map: states, counties, cities and agencies, matched by word prefix,
//! ignoring case, accents and punctuation. Built once; each query is a linear scan over
//! pre-folded words, which is well under a millisecond for ~5,000 entries.
use std::collections::BTreeSet;

use super::{AgencyType, Agreement, County, StateRecord};

/// What a search entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    State,
    County,
    /// A city derived from a municipal agency's name; points at that agency's county.
    City,
    Agency,
}

/// One searchable place or agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchEntry {
    pub kind: HitKind,
    /// Display text ("Harris County", "Miami", "Miami Police Department").
    pub label: String,
    /// 2-digit state FIPS.
    pub state: String,
    /// State abbreviation, for display ("TX").
    pub state_abbr: String,
    /// County FIPS to open (county, city, agency with a county).
    pub county: Option<String>,
    /// Folded label, words separated by one space.
    folded: String,
    /// Folded words of the label, then of the state (abbr and name), which also match.
    words: Vec<String>,
}

/// A search result; `entry` borrows the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a> {
    pub entry: &'a SearchEntry,
    /// 0 exact label, 1 label starts with the query, 2 every query word starts a word.
    pub quality: u8,
}

/// Everything the search box looks through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    pub entries: Vec<SearchEntry>,
}

impl SearchIndex {
    /// Index states, counties (full Census names), cities derived from municipal agencies,
    /// and agencies (one entry per agency, whatever its number of agreements).
    pub fn build(states: &[StateRecord], counties: &[County], agreements: &[Agreement]) -> SearchIndex {
        let abbr_name = |fips: &str| -> (String, String) {
            states.iter().find(|s| s.fips == fips).map(|s| (s.abbr.clone(), s.name.clone())).unwrap_or_default()
        };
        let mut entries = Vec::new();
        for s in states {
            entries.push(SearchEntry::new(HitKind::State, &s.name, &s.fips, &s.abbr, "", None));
        }
        for c in counties {
            let (abbr, name) = abbr_name(&c.state);
            entries.push(SearchEntry::new(HitKind::County, &c.name, &c.state, &abbr, &name, Some(&c.fips)));
        }
        let mut agencies = BTreeSet::new();
        let mut cities = BTreeSet::new();
        for a in agreements {
            if !agencies.insert((a.state.as_str(), a.agency.as_str())) {
                continue;
            }
            let (abbr, name) = abbr_name(&a.state);
            let county = a.county.as_deref();
            entries.push(SearchEntry::new(HitKind::Agency, &a.agency, &a.state, &abbr, &name, county));
            if a.agency_type == AgencyType::Municipality
                && let (Some(city), Some(_)) = (city_from_agency(&a.agency), county)
                && cities.insert((a.state.clone(), fold(&city)))
            {
                entries.push(SearchEntry::new(HitKind::City, &city, &a.state, &abbr, &name, county));
            }
        }
        SearchIndex { entries }
    }
}

impl SearchEntry {
    fn new(kind: HitKind, label: &str, state: &str, abbr: &str, state_name: &str, county: Option<&str>) -> Self {
        let folded = fold(label);
        let mut words: Vec<String> = folded.split(' ').map(str::to_owned).collect();
        let label_words = words.len();
        for w in fold(abbr).split(' ').chain(fold(state_name).split(' ')) {
            if !w.is_empty() && !words[..label_words].iter().any(|x| x == w) {
                words.push(w.to_owned());
            }
        }
        SearchEntry {
            kind,
            label: label.to_owned(),
            state: state.to_owned(),
            state_abbr: abbr.to_owned(),
            county: county.map(str::to_owned),
            folded,
            words,
        }
    }
}

/// Entries matching `query`, best first, at most `limit`. Every query word must start a word
/// of the entry (its label or its state); an empty query matches nothing.
pub fn search<'a>(query: &str, index: &'a SearchIndex, limit: usize) -> Vec<Hit<'a>> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let tokens: Vec<&str> = q.split(' ').collect();
    let mut hits: Vec<Hit<'a>> = index
        .entries
        .iter()
        .filter(|e| tokens.iter().all(|t| e.words.iter().any(|w| w.starts_with(t))))
        .map(|e| {
            let quality = if e.folded == q {
                0
            } else if e.folded.starts_with(&q) {
                1
            } else {
                2
            };
            Hit { entry: e, quality }
        })
        .collect();
    // Unstable: hits that compare equal have the same kind, label and state (the index holds
    // one entry per kind, state and name), so no order between them is lost.
    hits.sort_unstable_by(|a, b| {
        (a.quality, a.entry.kind, a.entry.label.len(), &a.entry.label, &a.entry.state).cmp(&(
            b.quality,
            b.entry.kind,
            b.entry.label.len(),
            &b.entry.label,
            &b.entry.state,
        ))
    });
    hits.truncate(limit);
    hits
}

/// Lower-case, strip accents, drop apostrophes, turn other punctuation into single spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true; // suppress leading and repeated spaces
    for c in s.chars().flat_map(lower_latin) {
        let c = strip_accent(c);
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if matches!(c, '\'' | '’' | '`') {
            // "Sheriff's" must match "sheriffs".
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `char::to_lowercase` for every letter whose lower case is a Latin letter (ASCII, Latin-1,
/// Latin Extended-A); any other character is kept as it is. Search entries are place and
/// agency names in those letters (a test checks), so a query letter outside them matches
/// nothing in either case, and the app is spared the full Unicode case table (~12 kB).
fn lower_latin(c: char) -> impl Iterator<Item = char> {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 32,
        // "İ" is "i" with a combining dot above, as `to_lowercase` gives it.
        0x130 => return ['i', '\u{307}'].into_iter().take(2),
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x1E9E => 0xDF,
        0x212A => 0x6B,
        0x212B => 0xE5,
        _ => u,
    };
    [char::from_u32(lower).unwrap_or(c), c].into_iter().take(1)
}

/// Base letter of a Latin accented letter (the ones US place names and Spanish/French use).
fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// The city a municipal agency serves, from its name: "Miami Police Department" → "Miami",
/// "City of Miami Police Department" → "Miami". `None` for constables, campus police and
/// other names that are not a place.
pub fn city_from_agency(agency: &str) -> Option<String> {
    const SUFFIXES: [&str; 8] = [
        " Police Services Department",
        " Police Department",
        " Police Departement",
        " Police Cooperative",
        " Department of Public Safety",
        " Public Safety",
        " Marshal's Office",
        " Police",
    ];
    const NOT_A_PLACE: [&str; 8] =
        ["University", "College", "Board", "Constable", "Sheriff", "County", "Regional", "Ward "];
    // "Mahoning TWP Police Department - Montour": the part after the dash is a county.
    let name = agency.split(" - ").next().unwrap_or(agency).trim();
    if NOT_A_PLACE.iter().any(|w| name.contains(w)) {
        return None;
    }
    let stem = SUFFIXES.iter().find_map(|s| name.strip_suffix(s))?;
    let stem = ["City of ", "Town of ", "Village of "].iter().find_map(|p| stem.strip_prefix(p)).unwrap_or(stem);
    let stem = stem.trim();
    (!stem.is_empty()).then(|| stem.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{DojListing, Flag, FlagValue, Layer, MoaStatus, Model, Stance, StateRecord, Verification};

    fn state(fips: &str, abbr: &str, name: &str) -> StateRecord {
        let flag = Flag { value: FlagValue::Unknown, note: None };
        StateRecord {
            fips: fips.into(),
            abbr: abbr.into(),
            name: name.into(),
            stance: Stance::NoneIdentified,
            layer: Layer::NoneFound,
            bans_287g: flag.clone(),
            requires_287g: flag.clone(),
            requires_detainer_compliance: flag.clone(),
            bans_local_sanctuary_policies: flag,
            laws: String::new(),
            key_dates: String::new(),
            summary: String::new(),
            source_urls: vec![],
            verification: Verification::Verified,
            verification_note: String::new(),
            notes: String::new(),
            doj: DojListing::default(),
            agreements: vec![],
            path: None,
        }
    }

    fn county(fips: &str, name: &str) -> County {
        County { fips: fips.into(), name: name.into(), state: fips[..2].into(), path: None }
    }

    fn agreement(agency: &str, ty: AgencyType, county: &str) -> Agreement {
        Agreement {
            agency: agency.into(),
            agency_type: ty,
            state: county[..2].into(),
            county: Some(county.into()),
            no_county: None,
            model: Model::Tfm,
            signed: "2025-03-01".into(),
            moa_url: None,
            moa_status: MoaStatus::Pending,
            file_date: None,
            addendum_url: None,
        }
    }

    fn index() -> SearchIndex {
        let states = [
            state("12", "FL", "Florida"),
            state("29", "MO", "Missouri"),
            state("35", "NM", "New Mexico"),
            state("51", "VA", "Virginia"),
        ];
        let counties = [
            county("12086", "Miami-Dade County"),
            county("29189", "St. Louis County"),
            county("29510", "St. Louis city"),
            county("35013", "Doña Ana County"),
            county("51760", "Richmond city"),
            county("51159", "Richmond County"),
        ];
        let agreements = [
            agreement("Miami Police Department", AgencyType::Municipality, "12086"),
            agreement("Miami Police Department", AgencyType::Municipality, "12086"),
            agreement("City of Miami Gardens Police Department", AgencyType::Municipality, "12086"),
            agreement("Miami-Dade Sheriff's Office", AgencyType::County, "12086"),
        ];
        SearchIndex::build(&states, &counties, &agreements)
    }

    fn labels(q: &str) -> Vec<String> {
        let idx = index();
        search(q, &idx, 10).iter().map(|h| h.entry.label.clone()).collect()
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("  Doña Ana  County "), "dona ana county");
        assert_eq!(fold("St. Louis"), "st louis");
        assert_eq!(fold("Sheriff's Office"), "sheriffs office");
        assert_eq!(fold("MIAMI-DADE"), "miami dade");
    }

    #[test]
    fn derives_city_names() {
        assert_eq!(city_from_agency("Miami Police Department").as_deref(), Some("Miami"));
        assert_eq!(city_from_agency("City of Miami Police Department").as_deref(), Some("Miami"));
        assert_eq!(city_from_agency("Boca Raton Police Services Department").as_deref(), Some("Boca Raton"));
        assert_eq!(city_from_agency("Waterloo Marshal's Office").as_deref(), Some("Waterloo"));
        assert_eq!(city_from_agency("Mahoning TWP Police Department - Montour").as_deref(), Some("Mahoning TWP"));
        assert_eq!(city_from_agency("Florida State University Police Department"), None);
        assert_eq!(city_from_agency("Lower Burrell Fourth Ward Constable"), None);
    }

    #[test]
    fn prefix_of_word_matching_and_ranking() {
        // Exact name first, then names starting with the query (county before city), then
        // the agencies that contain the word.
        assert_eq!(labels("miami")[..3], ["Miami", "Miami-Dade County", "Miami Gardens"].map(String::from));
        assert!(labels("miami").contains(&"Miami Police Department".to_owned()));
        assert!(labels("miami").contains(&"Miami-Dade County".to_owned()));
        // Agencies are listed once even with several agreements.
        assert_eq!(labels("police").iter().filter(|l| *l == "Miami Police Department").count(), 1);
        assert_eq!(labels("dona"), ["Doña Ana County"]);
        assert_eq!(labels("DOÑA a"), ["Doña Ana County"]);
        assert_eq!(labels("st lou"), ["St. Louis city", "St. Louis County"]);
        assert_eq!(labels("richmond city"), ["Richmond city"]);
        assert_eq!(labels("sheriffs"), ["Miami-Dade Sheriff's Office"]);
        // A word in the middle must be matched from its start.
        assert!(labels("iami").is_empty());
        assert!(labels("  ").is_empty());
        // The state name or abbreviation narrows the results.
        assert_eq!(labels("richmond va"), ["Richmond city", "Richmond County"]);
        // The state itself ranks before the places in it.
        assert_eq!(labels("new mex"), ["New Mexico", "Doña Ana County"]);
    }

    #[test]
    fn hits_point_at_their_county() {
        let idx = index();
        let h = search("miami gardens", &idx, 5);
        assert_eq!(h[0].entry.kind, HitKind::City);
        assert_eq!(h[0].entry.county.as_deref(), Some("12086"));
        assert_eq!(h[0].entry.state_abbr, "FL");
        assert_eq!(search("florida", &idx, 5)[0].quality, 0);
    }

    /// The real files: ~5,000 entries, searched per keystroke.
    #[test]
    fn real_index_finds_places_quickly() {
        let read = |name: &str| {
            let path = format!("{}/../public/data/{name}", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(path).expect("public/data (run the pipeline)")
        };
        let states: crate::policy::StatesFile = serde_json::from_str(&read("states.json")).unwrap();
        let counties: crate::policy::CountiesFile = serde_json::from_str(&read("counties.json")).unwrap();
        let agreements: crate::policy::AgreementsFile = serde_json::from_str(&read("agreements.json")).unwrap();
        let idx = SearchIndex::build(&states.states, &counties.counties, &agreements.agreements);
        assert!(idx.entries.len() > 4_500, "{}", idx.entries.len());
        let first = |q: &str| {
            search(q, &idx, 10).first().map(|h| (h.entry.kind, h.entry.label.clone(), h.entry.county.clone()))
        };
        assert_eq!(first("miami"), Some((HitKind::City, "Miami".into(), Some("12086".into()))));
        assert_eq!(first("harris county tx").map(|h| h.2), Some(Some("48201".into())));
        assert_eq!(first("richmond city").map(|h| h.1), Some("Richmond city".into()));
        let st_louis: Vec<String> = search("st louis", &idx, 10).iter().map(|h| h.entry.label.clone()).collect();
        assert!(st_louis.contains(&"St. Louis County".to_owned()) && st_louis.contains(&"St. Louis city".to_owned()));
        assert_eq!(first("dona ana").map(|h| h.1), Some("Doña Ana County".into()));
        assert_eq!(first("texas").map(|h| h.0), Some(HitKind::State));

        // Typing "jacksonville sheriff" one key at a time.
        let query = "jacksonville sheriff";
        let start = std::time::Instant::now();
        for n in 1..=query.len() {
            search(&query[..n], &idx, 20);
        }
        let per_key = start.elapsed() / query.len() as u32;
        // Generous even for an unoptimised test build; release native is ~0.3 ms.
        assert!(per_key.as_millis() < 50, "{per_key:?} per keystroke");
    }

    /// `lower_latin` is `to_lowercase` wherever that gives a Latin letter, and the search
    /// entries hold no letter it leaves alone.
    #[test]
    fn latin_lower_case_is_unicode_lower_case() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let full: String = c.to_lowercase().collect();
            let ours: String = lower_latin(c).collect();
            if full.chars().any(|l| (l as u32) < 0x180) || (c as u32) < 0x180 {
                assert_eq!(ours, full, "U+{:04X}", c as u32);
            } else {
                assert_eq!(ours, c.to_string(), "U+{:04X}", c as u32);
            }
        }
        let read = |f: &str| std::fs::read_to_string(format!("{}/../public/data/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let states: crate::policy::StatesFile = serde_json::from_str(&read("states.json")).unwrap();
        let counties: crate::policy::CountiesFile = serde_json::from_str(&read("counties.json")).unwrap();
        let agreements: crate::policy::AgreementsFile = serde_json::from_str(&read("agreements.json")).unwrap();
        let index = SearchIndex::build(&states.states, &counties.counties, &agreements.agreements);
        for e in &index.entries {
            assert!(e.words.iter().flat_map(|w| w.chars()).all(|c| (c as u32) < 0x180), "{}", e.label);
        }
    }
}
