//! The plain queries the app runs on the policy files: counts by state and county, agencies
//! grouped with their agreements, staleness.
use std::collections::BTreeMap;

use super::schema::Agreement;
use super::vocabulary::{AgencyType, Model, ModelCounts};
use crate::date::IsoDate;

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
    group_by_agency(agreements.iter().filter(|a| a.county.as_deref() == Some(county_fips)).collect())
}

/// Agencies of a state that have no county (statewide bodies, universities, unmatched).
pub fn agencies_without_county<'a>(agreements: &'a [Agreement], state_fips: &str) -> Vec<AgencyAgreements<'a>> {
    group_by_agency(agreements.iter().filter(|a| a.state == state_fips && a.county.is_none()).collect())
}

/// The key an agency is grouped by: ICE spells some names with a straight apostrophe in one
/// row and a curly one in another ("Sheriff's" / "Sheriff’s").
fn agency_key(name: &str) -> String {
    name.replace(['\u{2019}', '\u{2018}'], "'")
}

/// Takes a `Vec`, not an iterator, so that it (and its sort) is compiled once for both callers.
fn group_by_agency<'a>(rows: Vec<&'a Agreement>) -> Vec<AgencyAgreements<'a>> {
    let mut by_name: BTreeMap<(AgencyType, String), (&'a str, Vec<&'a Agreement>)> = BTreeMap::new();
    for a in rows {
        by_name
            .entry((a.agency_type, agency_key(&a.agency)))
            .or_insert_with(|| (a.agency.as_str(), Vec::new()))
            .1
            .push(a);
    }
    by_name
        .into_iter()
        .map(|((agency_type, _), (agency, rows))| {
            // Ordered by model, file order within a model: a pass per model instead of a
            // stable sort (compiled into the wasm for this alone).
            let agreements = Model::ALL.iter().flat_map(|m| rows.iter().filter(move |a| a.model == *m)).copied().collect();
            AgencyAgreements { agency, agency_type, agreements }
        })
        .collect()
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
mod agency_tests {
    use super::*;
    use crate::policy::MoaStatus;

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
        let rows = vec![
            row("Galveston County Sheriff's Office", Model::Jem),
            row("Galveston County Sheriff\u{2019}s Office", Model::Wso),
        ];
        let agencies = agencies_of_county(&rows, "48167");
        assert_eq!(agencies.len(), 1);
        assert_eq!(agencies[0].models(), vec![Model::Jem, Model::Wso]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{MoaStatus, NoCounty};

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
}
