//! The family plan: what the people left behind need to know if the person is detained.
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::json::{FromJson, JsonError, Obj};

/// One family plan per phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Family {
    /// Who picks up the children, and their phone numbers.
    pub pickup: String,
    /// Where the documents are (passports, birth certificates, leases).
    pub documents: String,
    /// A-numbers of everyone in the family who has one.
    pub a_numbers: String,
    pub lawyer: String,
    pub lawyer_phone: String,
    /// Whether a Form G-28 (the lawyer's notice of appearance) is signed.
    pub g28_signed: bool,
    /// Medicines and doctors.
    pub health: String,
    /// Where the proof of two or more years in the United States is.
    pub presence_proof: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Family {
    /// The text fields in form order, as (field id, value).
    pub fn fields(&self) -> [(&'static str, &str); 7] {
        [
            ("pickup", &self.pickup),
            ("documents", &self.documents),
            ("a_numbers", &self.a_numbers),
            ("lawyer", &self.lawyer),
            ("lawyer_phone", &self.lawyer_phone),
            ("health", &self.health),
            ("presence_proof", &self.presence_proof),
        ]
    }

    /// Set a text field by its id (unknown ids are ignored).
    pub fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "pickup" => &mut self.pickup,
            "documents" => &mut self.documents,
            "a_numbers" => &mut self.a_numbers,
            "lawyer" => &mut self.lawyer,
            "lawyer_phone" => &mut self.lawyer_phone,
            "health" => &mut self.health,
            "presence_proof" => &mut self.presence_proof,
            _ => return,
        };
        *slot = value;
    }

    /// Nothing written and nothing ticked (unknown fields from a newer app count as something).
    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|(_, v)| v.is_empty()) && !self.g28_signed && self.extra.is_empty()
    }
}

impl FromJson for Family {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Family {
            pickup: o.or_default("pickup")?,
            documents: o.or_default("documents")?,
            a_numbers: o.or_default("a_numbers")?,
            lawyer: o.or_default("lawyer")?,
            lawyer_phone: o.or_default("lawyer_phone")?,
            g28_signed: o.or_default("g28_signed")?,
            health: o.or_default("health")?,
            presence_proof: o.or_default("presence_proof")?,
            extra: o.rest(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_until_something_is_written() {
        let mut f = Family::default();
        assert!(f.is_empty());
        f.set("a_numbers", "A-123-456-789".into());
        assert!(!f.is_empty());
        assert_eq!(f.fields()[2], ("a_numbers", "A-123-456-789"));
        let mut g = Family::default();
        g.g28_signed = true;
        assert!(!g.is_empty());
    }
}
