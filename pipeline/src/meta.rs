//! Provenance of each dataset and the list of known gaps written to `meta.json`. Facts that
//! are not in the data files (publishers, licences, the newest ICE list known to exist) live
//! here; everything countable is counted from the data.
use pocket_model::date::IsoDate;
use pocket_model::policy::{Dataset, Verification};

/// The newest ICE list known to exist but not obtained (Deportation Data Project archive).
pub const NEWEST_KNOWN_ICE_LIST: (&str, u32) = ("2026-10-09", 2510);

/// us-atlas licence notice; it must travel with the geometry.
pub const US_ATLAS_LICENSE: &str = "ISC License, Copyright 2013-2019 Michael Bostock. Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies. THE SOFTWARE IS PROVIDED \"AS IS\" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE. Underlying Census cartographic boundary data (2017): public domain.";

const PUBLIC_DOMAIN: &str = "U.S. federal government work: public domain (17 U.S.C. §105)";

/// Title and URL of the ICE list, as the app cites it.
pub const ICE_TITLE: &str = "ICE 287(g) participating agencies list";
/// ICE's 287(g) page.
pub const ICE_URL: &str = "https://www.ice.gov/identify-and-arrest/287g";
/// Where the state-law table is documented (it was compiled by the project).
pub const STATE_POLICIES_URL: &str = "data/sources/SOURCES.md";
/// Title of the state-law table.
pub const STATE_POLICIES_TITLE: &str = "Pocket Rights state-law table (compiled from public pages)";
/// us-atlas home.
pub const US_ATLAS_URL: &str = "https://github.com/topojson/us-atlas";
/// Title of the geometry.
pub const US_ATLAS_TITLE: &str = "us-atlas 3.0.1 (Census cartographic boundaries 2017, 1:10m)";

/// What the datasets were built from, with their dates.
pub struct Inputs<'a> {
    pub agreements: (&'a str, IsoDate, &'a str),
    pub earlier_agreements: Vec<(&'a str, IsoDate)>,
    pub trend: (&'a str, IsoDate),
    pub state_policies: (&'a str, IsoDate),
    pub doj: (&'a str, IsoDate),
    pub counties_fips: &'a str,
    pub geometry: Vec<&'a str>,
}

/// The datasets of `meta.json`, in a fixed order.
pub fn datasets(i: &Inputs) -> Vec<Dataset> {
    let d =
        |id: &str, title: &str, publisher: &str, url: &str, license: &str, as_of: String, files: Vec<&str>| Dataset {
            id: id.into(),
            title: title.into(),
            publisher: publisher.into(),
            url: url.into(),
            license: license.into(),
            as_of,
            files: files.into_iter().map(str::to_owned).collect(),
        };
    let ice_license = format!("{PUBLIC_DOMAIN}. Workbooks archived by GitHub RelevantResearch/287g-DetentionData");
    let mut out = vec![d(
        "agreements",
        &format!("{ICE_TITLE} ({})", i.agreements.2),
        "U.S. Immigration and Customs Enforcement",
        ICE_URL,
        &ice_license,
        i.agreements.1.to_string(),
        vec![i.agreements.0],
    )];
    for (file, as_of) in &i.earlier_agreements {
        out.push(d(
            &format!("agreements_{as_of}"),
            &format!("{ICE_TITLE}, earlier list (counts per state only)"),
            "U.S. Immigration and Customs Enforcement",
            ICE_URL,
            &ice_license,
            as_of.to_string(),
            vec![file],
        ));
    }
    out.extend([
        d(
            "trend",
            "Agreements on every archived ICE list (2021 onwards)",
            "U.S. Immigration and Customs Enforcement (archived ICE workbooks and Wayback Machine captures)",
            ICE_URL,
            &ice_license,
            i.trend.1.to_string(),
            vec![i.trend.0],
        ),
        d(
            "state_policies",
            STATE_POLICIES_TITLE,
            "Pocket Rights (from news, government and bill-tracker pages; see each state's sources)",
            STATE_POLICIES_URL,
            "Facts from public sources; each state lists its own. Rows marked secondary only are unreviewed leads.",
            i.state_policies.1.to_string(),
            vec![i.state_policies.0],
        ),
        d(
            "doj_sanctuary_list",
            "DOJ list of sanctuary jurisdictions under EO 14287",
            "U.S. Department of Justice (press release, read in reproductions)",
            "https://security.mil-osi.com/page/304",
            PUBLIC_DOMAIN,
            i.doj.1.to_string(),
            vec![i.doj.0],
        ),
        d(
            "geometry",
            US_ATLAS_TITLE,
            "Mike Bostock, from U.S. Census Bureau cartographic boundary files",
            US_ATLAS_URL,
            US_ATLAS_LICENSE,
            "2017".into(),
            i.geometry.clone(),
        ),
        d(
            "county_names",
            "Full Census county names and FIPS (Census county lists, via the addfips 0.4.2 name table)",
            "U.S. Census Bureau",
            "https://www.census.gov/library/reference/code-lists/ansi.html",
            "Census data: public domain (only the name table was used, no code)",
            "2020".into(),
            vec![i.counties_fips],
        ),
    ]);
    out
}

/// Counts the gap list needs.
pub struct GapFacts {
    pub agreements_as_of: IsoDate,
    pub agreements: usize,
    pub without_county: usize,
    pub state_agencies: usize,
    pub verification: Vec<Verification>,
}

/// Known gaps, stated with the numbers of the current data.
pub fn gaps(f: &GapFacts) -> Vec<String> {
    let mut out = Vec::new();
    let (newest, newest_count) = NEWEST_KNOWN_ICE_LIST;
    if let Some(newest) = IsoDate::parse(newest).filter(|n| *n > f.agreements_as_of) {
        out.push(format!(
            "The ICE list shown is from {} ({} agreements). ICE's list of {newest} (about {newest_count} agreements, per the Deportation Data Project) could not be read: the map is about {} months behind.",
            f.agreements_as_of,
            f.agreements,
            f.agreements_as_of.months_until(newest),
        ));
    }
    out.push("No county-level data on detainer policies (ILRC's maps have no downloadable data).".into());
    let count = |v: Verification| f.verification.iter().filter(|x| **x == v).count();
    out.push(format!(
        "State laws: {} states verified in stored pages, {} well-established laws not re-checked, {} partly verified, {} from an unreviewed secondary source only (shown as unverified). Several 2026 statuses are not final.",
        count(Verification::Verified),
        count(Verification::Established),
        count(Verification::PartlyVerified),
        count(Verification::SecondaryOnly),
    ));
    out.push(format!(
        "{} agreements have no county ({} of them statewide agencies); a city agency in several counties is placed in the first one.",
        f.without_county, f.state_agencies
    ));
    out.push("No city boundaries: city agencies are drawn at county level. Territories have no map geometry.".into());
    out.push("County boundaries are from 2017: Connecticut's 8 old counties (not the 2022 planning regions) and Alaska's Valdez-Cordova before its 2019 split.".into());
    out
}
