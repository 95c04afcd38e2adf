//! Reading and validating a `287g_agreements*.csv` list.
use std::collections::BTreeMap;
use std::path::Path;

use pocket_model::date::IsoDate;
use pocket_model::policy::{AgencyType, Agreement, MoaStatus, ModelCounts, NoCounty};

use super::{Counties, StatePolicies};
use crate::error::{Error, Result};
use crate::policy_csv;
use crate::table::{Row, Table};

/// One ICE list of agreements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub file: String,
    pub as_of: IsoDate,
    pub source: String,
    /// ICE's workbook name.
    pub source_file: String,
    pub agreements: Vec<Agreement>,
}

impl Snapshot {
    /// Counts per state FIPS.
    pub fn counts(&self) -> BTreeMap<String, ModelCounts> {
        let mut out: BTreeMap<String, ModelCounts> = BTreeMap::new();
        for a in &self.agreements {
            out.entry(a.state.clone()).or_default().add(a.model);
        }
        out
    }
}

const AGREEMENT_COLUMNS: [&str; 15] = [
    "state",
    "state_abbr",
    "state_fips",
    "agency",
    "agency_type",
    "county_fips",
    "county_fips_method",
    "model",
    "model_code",
    "signed_date",
    "moa_status",
    "moa_url",
    "moa_filename_date",
    "signed_date_check",
    "addendum_url",
];

/// Read a `287g_agreements*.csv` list. States must be in the state table, counties in the
/// county table (hence in the geometry) and in the row's state.
pub fn read_agreements(path: &Path, states: &StatePolicies, counties: &Counties) -> Result<Snapshot> {
    let mut required = AGREEMENT_COLUMNS.to_vec();
    required.extend(["source", "source_file", "as_of"]);
    let t = Table::read(path, &required)?;
    let mut agreements = Vec::with_capacity(t.len());
    let mut head: Option<(IsoDate, String, String)> = None;
    for r in t.rows() {
        let abbr = r.get("state_abbr");
        let state = states.by_abbr(abbr).ok_or_else(|| r.error("state_abbr", format!("unknown state {abbr:?}")))?;
        if r.get("state_fips") != state.record.fips {
            return Err(r.error(
                "state_fips",
                format!("{:?} is not the FIPS of {abbr} ({})", r.get("state_fips"), state.record.fips),
            ));
        }
        r.required("state")?;
        let agency = r.required("agency")?;
        let agency_type = match r.get("agency_type") {
            "County" => AgencyType::County,
            "Municipality" => AgencyType::Municipality,
            "State Agency" => AgencyType::State,
            v => {
                return Err(r.error("agency_type", format!("expected County, Municipality or State Agency, not {v:?}")));
            }
        };
        let code = r.get("model_code");
        let model = policy_csv::model_code(code)
            .ok_or_else(|| r.error("model_code", format!("unknown model {code:?} (expected JEM, TFM or WSO)")))?;
        let full = ["Jail Enforcement Model", "Task Force Model", "Warrant Service Officer"][model as usize];
        if r.get("model") != full {
            return Err(r.error("model", format!("{:?} does not match model_code {code}", r.get("model"))));
        }
        let signed = r.date("signed_date")?;
        let moa_url = optional_url(&r, "moa_url")?;
        let moa_status = match r.get("moa_status") {
            "linked" if moa_url.is_some() => MoaStatus::Linked,
            "pending" if moa_url.is_none() => MoaStatus::Pending,
            "linked" | "pending" => {
                return Err(r.error("moa_status", "linked needs a moa_url; pending must have none"));
            }
            v => {
                return Err(r.error("moa_status", format!("expected linked or pending, not {v:?}")));
            }
        };
        let file_date = r.optional_date("moa_filename_date")?;
        let file_date = match (r.get("signed_date_check"), file_date) {
            ("", None) => None,
            ("match", Some(d)) if d == signed => None,
            ("differs", Some(d)) if d != signed => Some(d.to_string()),
            (v, _) => {
                return Err(
                    r.error("signed_date_check", format!("{v:?} does not fit moa_filename_date and signed_date"))
                );
            }
        };
        let (county, no_county) = county_of(&r, &state.record.fips, counties)?;
        let source = r.required("source")?;
        let source_file = r.required("source_file")?;
        let as_of = r.date("as_of")?;
        match &head {
            None => head = Some((as_of, source.into(), source_file.into())),
            Some((d, s, f)) if (*d, s.as_str(), f.as_str()) != (as_of, source, source_file) => {
                return Err(r.error("as_of", "as_of, source and source_file must be the same on every row"));
            }
            Some(_) => {}
        }
        agreements.push(Agreement {
            agency: agency.into(),
            agency_type,
            state: state.record.fips.clone(),
            county,
            no_county,
            model,
            signed: signed.to_string(),
            moa_url,
            moa_status,
            file_date,
            addendum_url: optional_url(&r, "addendum_url")?,
        });
    }
    let (as_of, source, source_file) = head.ok_or_else(|| Error::file(path, "no rows"))?;
    Ok(Snapshot { file: t.file.clone(), as_of, source, source_file, agreements })
}

/// The county of an agreement row, or why it has none.
fn county_of(r: &Row, state_fips: &str, counties: &Counties) -> Result<(Option<String>, Option<NoCounty>)> {
    let fips = r.get("county_fips");
    let method = r.get("county_fips_method");
    let reason = match method.split(':').next().unwrap_or("") {
        "state_agency" => Some(NoCounty::StateAgency),
        "no_county_on_sheet" => Some(NoCounty::NoCountyOnSheet),
        "unmatched" => Some(NoCounty::Unmatched),
        _ => None,
    };
    if fips.is_empty() {
        return match reason {
            Some(reason) => Ok((None, Some(reason))),
            None => Err(r.error("county_fips_method", format!("no county FIPS and no reason for it ({method:?})"))),
        };
    }
    if reason.is_some() {
        return Err(r.error("county_fips_method", format!("{method:?} but county_fips is {fips}")));
    }
    let county = counties
        .get(fips)
        .ok_or_else(|| r.error("county_fips", format!("{fips:?} is not a county of the geometry")))?;
    if county.state_fips != state_fips {
        return Err(r.error("county_fips", format!("{fips} is not in state {state_fips}")));
    }
    Ok((Some(fips.into()), None))
}

/// An optional link. Two broken forms ICE published are repaired so the app's link works: a
/// Chrome PDF-viewer wrapper (`chrome-extension://<id>/https:/…`) and `https:/` with one slash.
fn optional_url(r: &Row, column: &str) -> Result<Option<String>> {
    let v = r.get(column);
    if v.is_empty() {
        return Ok(None);
    }
    let mut url = v;
    if let Some(rest) = url.strip_prefix("chrome-extension://") {
        url = rest.split_once('/').map_or("", |(_, inner)| inner);
    }
    let fixed = match url.strip_prefix("https:/").or_else(|| url.strip_prefix("http:/")) {
        Some(rest) if !rest.starts_with('/') => format!("https://{rest}"),
        _ => url.to_owned(),
    };
    if (fixed.starts_with("https://") || fixed.starts_with("http://")) && !fixed.contains(char::is_whitespace) {
        Ok(Some(fixed))
    } else {
        Err(r.error(column, format!("not a URL: {v:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::AGREEMENT_COLUMNS;

    /// The converter's list (`convert::COLUMNS`) and the reader's required columns are two
    /// declarations of one format: every column read must be one the converter writes.
    #[test]
    fn the_reader_reads_only_columns_the_converter_writes() {
        for c in AGREEMENT_COLUMNS {
            assert!(crate::convert::COLUMNS.contains(&c), "{c} is read but not written by convert");
        }
    }
}
