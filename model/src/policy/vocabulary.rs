//! The vocabulary shared by the policy files: models, counts, stances, law flags,
//! verification levels, agency types.
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::json::{FromJson, JsonError, Obj};
use crate::json_enum;

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
// State law

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
    /// True when the app must show the row as unconfirmed.
    pub fn is_unverified(self) -> bool {
        matches!(self, Verification::SecondaryOnly | Verification::NotResearched)
    }
}

// ---------------------------------------------------------------------------------------------
// Agreements

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

// ---------------------------------------------------------------------------------------------
// Reading (crate::json): the app's own readers, in the place of the derived deserialisers.

json_enum!(Model { Jem => "JEM", Tfm => "TFM", Wso => "WSO" });
json_enum!(Stance {
    Restricts => "restricts",
    RestrictsPartial => "restricts_partial",
    Requires => "requires",
    ProhibitsSanctuary => "prohibits_sanctuary",
    NoneIdentified => "none_identified",
    NotResearched => "not_researched",
});
json_enum!(Layer { Limits => "limits", Requires => "requires", Mixed => "mixed", NoneFound => "none_found" });
json_enum!(FlagValue { Yes => "yes", No => "no", Partial => "partial", Unknown => "unknown" });
json_enum!(Verification {
    Verified => "verified",
    Established => "established",
    PartlyVerified => "partly_verified",
    SecondaryOnly => "secondary_only",
    NotResearched => "not_researched",
});
json_enum!(AgencyType { County => "county", Municipality => "municipality", State => "state" });
json_enum!(NoCounty { StateAgency => "state_agency", NoCountyOnSheet => "no_county_on_sheet", Unmatched => "unmatched" });
json_enum!(MoaStatus { Linked => "linked", Pending => "pending" });

impl FromJson for ModelCounts {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        ModelCounts::take_from(&mut Obj::new(v)?)
    }
}

impl ModelCounts {
    /// The three counts, from an object that may hold other fields too.
    pub(crate) fn take_from(o: &mut Obj) -> Result<Self, JsonError> {
        Ok(ModelCounts { jem: o.req("jem")?, tfm: o.req("tfm")?, wso: o.req("wso")? })
    }
}

impl FromJson for SourceRef {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(SourceRef { title: o.req("title")?, url: o.req("url")? })
    }
}

impl FromJson for Flag {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Flag { value: o.req("value")?, note: o.opt("note")? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stance_layers() {
        assert_eq!(Stance::Restricts.layer(), Layer::Limits);
        assert_eq!(Stance::RestrictsPartial.layer(), Layer::Mixed);
        assert_eq!(Stance::ProhibitsSanctuary.layer(), Layer::Requires);
        assert_eq!(Stance::NoneIdentified.layer(), Layer::NoneFound);
    }
}
