//! ICE's workbook → the cleaned list (`287g_agreements.csv` columns) and a report of how each
//! row got its county. No row is dropped: a row without a county keeps its reason.
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use pocket_model::date::IsoDate;

use crate::county_match::{Matcher, Placement, agency_key};
use crate::error::{Error, Result, display_name};
use crate::ice_sheet::{self, IceSheet};
use crate::output::read_references;
use crate::table::Table;
use crate::{AGREEMENTS_FILE, EARLIER_AGREEMENTS_PREFIX};

/// The `source` cell for a workbook taken from ICE's page.
pub const ICE_SOURCE: &str = "ICE 287(g) participating agencies list (ice.gov/identify-and-arrest/287g)";

/// Columns of `287g_agreements*.csv`, in order.
pub const COLUMNS: [&str; 21] = [
    "state",
    "state_abbr",
    "state_fips",
    "agency",
    "agency_key",
    "agency_type",
    "ice_county",
    "county_fips",
    "county_name",
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

/// A row the converter could not place in a county.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub row: u32,
    pub state: String,
    pub agency: String,
    pub ice_county: String,
    pub reason: &'static str,
}

/// What a conversion did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub file: String,
    pub as_of: String,
    pub rows: usize,
    /// Rows per placement method.
    pub by_method: BTreeMap<&'static str, usize>,
    pub unplaced: Vec<Unplaced>,
    /// Sheet rows with text but no agreement (notes), with their text.
    pub skipped: Vec<(u32, String)>,
}

impl Report {
    /// The text printed to standard error.
    pub fn text(&self) -> String {
        let mut s = format!("{}: {} agreements, as of {}\n", self.file, self.rows, self.as_of);
        let _ = writeln!(s, "county found by:");
        for (m, n) in &self.by_method {
            let _ = writeln!(s, "  {m:<22} {n:>5}{}", explain(m));
        }
        if !self.unplaced.is_empty() {
            let _ = writeln!(
                s,
                "kept without a county ({}), shown as \"county not known\" in the app:",
                self.unplaced.len()
            );
            for u in &self.unplaced {
                let _ = writeln!(
                    s,
                    "  row {:>4}  {:<2}  {}  [COUNTY cell {:?}]: {}",
                    u.row, u.state, u.agency, u.ice_county, u.reason
                );
            }
        }
        for (row, text) in &self.skipped {
            let _ = writeln!(s, "skipped row {row} (no state or agency, not an agreement): {text}");
        }
        s
    }
}

fn explain(method: &str) -> &'static str {
    match method {
        "ice_county" => "  ICE's COUNTY cell is a Census county name",
        "ice_county_typo_fixed" => "  misspelt COUNTY cell fixed by 287g_county_typos.csv",
        "earlier_ice_sheet" => "  empty COUNTY cell; the county ICE gave this agency in another list",
        "fbi_lee_city_match" => "  empty COUNTY cell; the city's county in fbi_lee_latest.csv",
        "agency_name" => "  COUNTY cell names no county; the agency's name does",
        "territory" => "  a territory with one county-equivalent",
        "state_agency" => "  statewide agency: no county (the app shows the state)",
        "no_county_on_sheet" => "  empty COUNTY cell and no match: no county",
        "unmatched" => "  COUNTY cell is no county of the state: no county",
        _ => "",
    }
}

fn reason(p: &Placement) -> &'static str {
    match p {
        Placement::StateAgency => "statewide agency (state_agency)",
        Placement::NoCountyOnSheet => {
            "no county on ICE's sheet, no earlier list has one, and the name is not one FBI city (no_county_on_sheet)"
        }
        _ => "ICE's county is not a county of this state; add it to 287g_county_typos.csv if it is a typo (unmatched)",
    }
}

/// The date in an MOA file name (`…_MOA_09222025.pdf`, `…_5.13.25.pdf`, `…2020-07-20.pdf`):
/// the last date-shaped group of digits that is a real date. Safelinks wrappers are unwrapped.
pub fn moa_file_date(url: &str) -> Option<IsoDate> {
    let inner = url.split_once("?url=").map_or(url, |(_, rest)| rest.split('&').next().unwrap_or(rest));
    let inner = inner.replace("%2F", "/").replace("%2f", "/");
    let mut name = inner.rsplit('/').next().unwrap_or("");
    while let Some(stem) = name.strip_suffix(".pdf").or_else(|| name.strip_suffix(".PDF")) {
        name = stem;
    }
    let b = name.as_bytes();
    let run = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let num = |i: usize, n: usize| name[i..i + n].parse::<u32>().ok();
    let mut best = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let n = run(i);
        let sep = |j: usize, set: &[u8]| b.get(j).is_some_and(|c| set.contains(c));
        // (year, month, day, end) of the pattern that fits at i, tried in this order.
        let found = if n == 4 && sep(i + 4, b"-") && run(i + 5) == 2 && sep(i + 7, b"-") && run(i + 8) == 2 {
            Some((num(i, 4), num(i + 5, 2), num(i + 8, 2), i + 10))
        } else if (1..=2).contains(&n) && sep(i + n, b"._-") && (1..=2).contains(&run(i + n + 1)) {
            let j = i + n + 1;
            let m = run(j);
            let k = j + m + 1;
            let y = run(k);
            if sep(j + m, b"._-") && (y == 4 || y == 2) {
                let year = num(k, y).map(|v| if y == 2 { 2000 + v } else { v });
                Some((year, num(i, n), num(j, m), k + y))
            } else {
                None
            }
        } else if n == 8 {
            Some((num(i + 4, 4), num(i, 2), num(i + 2, 2), i + 8))
        } else if n == 6 {
            Some((num(i + 4, 2).map(|y| 2000 + y), num(i, 2), num(i + 2, 2), i + 6))
        } else {
            None
        };
        match found {
            Some((y, m, d, end)) => {
                if let (Some(y), Some(m), Some(d)) = (y, m, d)
                    && (1..=12).contains(&m)
                    && (1..=31).contains(&d)
                {
                    best = IsoDate::parse(&format!("{y:04}-{m:02}-{d:02}")).or(best);
                }
                i = end;
            }
            None => i += n,
        }
    }
    best
}

/// Convert ICE's workbook at `path`, checking states and counties against `sources`, and
/// using the other lists kept there for agencies ICE left without a county.
pub fn convert(sources: &Path, path: &Path, source: &str) -> Result<(String, Report)> {
    let sheet = ice_sheet::read(path)?;
    let (_, counties, policies) = read_references(sources)?;
    let mut matcher = Matcher::read(sources, &counties)?;
    for list in kept_lists(sources)? {
        let t = Table::read(&list, &["agency_key", "county_fips", "county_fips_method", "as_of"])?;
        let Some(first) = t.rows().next() else {
            continue;
        };
        let as_of = first.get("as_of").to_owned();
        if as_of == sheet.as_of.to_string() {
            continue;
        }
        let rows: Vec<(String, String, String)> = t
            .rows()
            .filter(|r| !r.get("county_fips").is_empty())
            .map(|r| (r.get("agency_key").into(), r.get("county_fips").into(), r.get("county_fips_method").into()))
            .collect();
        matcher.add_earlier(&as_of, rows.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())));
    }
    write_list(&sheet, &policies, &counties, &matcher, source)
}

/// The current list first, then earlier ones newest first.
fn kept_lists(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut earlier: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::file(dir, format!("cannot list: {e}")))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = display_name(p);
            n.starts_with(EARLIER_AGREEMENTS_PREFIX) && n.ends_with(".csv")
        })
        .collect();
    earlier.sort();
    earlier.reverse();
    let mut out = vec![dir.join(AGREEMENTS_FILE)];
    out.retain(|p| p.exists());
    out.extend(earlier);
    Ok(out)
}

fn write_list(
    sheet: &IceSheet,
    policies: &crate::sources::StatePolicies,
    counties: &crate::sources::Counties,
    matcher: &Matcher,
    source: &str,
) -> Result<(String, Report)> {
    let mut report = Report {
        file: sheet.file.clone(),
        as_of: sheet.as_of.to_string(),
        rows: sheet.rows.len(),
        skipped: sheet.skipped.clone(),
        ..Report::default()
    };
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let csv_err = |e: csv::Error| Error::file(&sheet.file, format!("cannot write CSV: {e}"));
    w.write_record(COLUMNS).map_err(csv_err)?;
    for row in &sheet.rows {
        let state =
            policies.states.iter().find(|s| s.record.name.eq_ignore_ascii_case(&row.state)).ok_or_else(|| {
                Error::file(
                    &sheet.file,
                    format!("row {}: unknown state {:?} (not in state_policies.csv)", row.row, row.state),
                )
            })?;
        let (fips, placement) = matcher.place(&state.record.abbr, &row.agency, &row.agency_type, &row.county);
        *report.by_method.entry(placement.kind()).or_default() += 1;
        if fips.is_none() {
            report.unplaced.push(Unplaced {
                row: row.row,
                state: state.record.abbr.clone(),
                agency: row.agency.clone(),
                ice_county: row.county.clone(),
                reason: reason(&placement),
            });
        }
        let county_name = fips.as_ref().and_then(|f| counties.get(f)).map(|c| c.name.clone()).unwrap_or_default();
        let file_date = row.moa_url.as_deref().and_then(moa_file_date);
        let check = match file_date {
            None => "",
            Some(d) if d == row.signed => "match",
            Some(_) => "differs",
        };
        let model_name = ["Jail Enforcement Model", "Task Force Model", "Warrant Service Officer"][row.model as usize];
        let signed = row.signed.to_string();
        let file_date = file_date.map(|d| d.to_string()).unwrap_or_default();
        let key = agency_key(&state.record.abbr, &row.agency);
        let method = placement.method();
        let as_of = sheet.as_of.to_string();
        let record: [&str; 21] = [
            &state.record.name,
            &state.record.abbr,
            &state.record.fips,
            &row.agency,
            &key,
            &row.agency_type,
            &row.county,
            fips.as_deref().unwrap_or(""),
            &county_name,
            &method,
            model_name,
            row.model.code(),
            &signed,
            if row.moa_url.is_some() { "linked" } else { "pending" },
            row.moa_url.as_deref().unwrap_or(""),
            &file_date,
            check,
            row.addendum_url.as_deref().unwrap_or(""),
            source,
            &sheet.file,
            &as_of,
        ];
        w.write_record(record).map_err(csv_err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::file(&sheet.file, format!("cannot write CSV: {e}")))?;
    Ok((String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out"), report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moa_file_names_give_dates() {
        let d = |u: &str| moa_file_date(u).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(
            d("https://www.ice.gov/doclib/287gMOA/AutaugaCoSheriffsOfficeAL_TFM_MOA_09222025.pdf"),
            "2025-09-22"
        );
        assert_eq!(d("https://x/CherokeeCountySOAL_TFM_MOA_021026.pdf"), "2026-02-10");
        assert_eq!(d("https://x/NewPortRicheyPDFL_5.13.25.pdf"), "2025-05-13");
        assert_eq!(d("https://x/287gWSO_KodiakAk2020-07-20.pdf"), "2020-07-20");
        assert_eq!(d("https://x/Dorchester_County_SC_WSO_MOA_6_12_25.pdf"), "2025-06-12");
        assert_eq!(d("https://x/RushCoSheriffsOfficeKS_WSO_MOA_07072025.pdf.pdf"), "2025-07-07");
        // Seven digits and no digits: no date.
        assert_eq!(d("https://x/FranklinCoSheriffsOfficeAL_TFM_MOA_1162025.pdf"), "");
        assert_eq!(d("https://x/MorrisCountySOTX_JEM_MOA.pdf"), "");
        assert_eq!(
            d(
                "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2FGulfBreezePoliceDeptFL_TFM_MOA_04242025.pdf&data=05%7C02"
            ),
            "2025-04-24"
        );
    }
}
