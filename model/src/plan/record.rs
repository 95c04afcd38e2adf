//! "What happened": a record the person writes during or right after an encounter, kept on
//! the phone and exported as plain text in their language.
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::json::{FromJson, JsonError, Obj};

/// Who the officers were with.
pub const AGENCIES: [&str; 5] = ["ice", "cbp", "police", "sheriff", "other"];
/// What the person was shown: no warrant, one signed by a judge, an ICE form, not sure.
pub const WARRANTS: [&str; 4] = ["none", "judicial", "administrative", "unsure"];

/// One record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    pub id: String,
    /// Local date and time as the form writes it (`2026-11-28T14:05`).
    pub when: String,
    pub place: String,
    /// One of `AGENCIES`, or empty.
    pub agency: String,
    pub officers: String,
    pub plates: String,
    pub what: String,
    /// One of `WARRANTS`, or empty.
    pub warrant: String,
    pub witnesses: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Record {
    /// The fields in form order, as (field id, value), for the form and the export.
    pub fn fields(&self) -> [(&'static str, &str); 8] {
        [
            ("when", &self.when),
            ("place", &self.place),
            ("agency", &self.agency),
            ("officers", &self.officers),
            ("plates", &self.plates),
            ("what", &self.what),
            ("warrant", &self.warrant),
            ("witnesses", &self.witnesses),
        ]
    }

    /// Set a field by its id (unknown ids are ignored).
    pub fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "when" => &mut self.when,
            "place" => &mut self.place,
            "agency" => &mut self.agency,
            "officers" => &mut self.officers,
            "plates" => &mut self.plates,
            "what" => &mut self.what,
            "warrant" => &mut self.warrant,
            "witnesses" => &mut self.witnesses,
            _ => return,
        };
        *slot = value;
    }

    /// Whether the person wrote anything beyond the time filled in for them.
    pub fn is_blank(&self) -> bool {
        self.fields().iter().skip(1).all(|(_, v)| v.trim().is_empty())
    }
}

/// Plain text of labelled fields: a title line, then "Label: value" for each field that has a
/// value (several lines stay several lines, indented). `label` names a field or a choice.
pub fn as_text<'a>(title: &str, fields: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let mut out = format!("{title}\n");
    for (label, value) in fields {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        if value.contains('\n') {
            out.push_str(&format!("{label}:\n"));
            for line in value.lines() {
                out.push_str(&format!("  {line}\n"));
            }
        } else {
            out.push_str(&format!("{label}: {value}\n"));
        }
    }
    out
}

impl FromJson for Record {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Record {
            id: o.or_default("id")?,
            when: o.or_default("when")?,
            place: o.or_default("place")?,
            agency: o.or_default("agency")?,
            officers: o.or_default("officers")?,
            plates: o.or_default("plates")?,
            what: o.or_default("what")?,
            warrant: o.or_default("warrant")?,
            witnesses: o.or_default("witnesses")?,
            extra: o.rest(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_can_be_set_by_id() {
        let mut r = Record { id: "r1".into(), when: "2026-11-28T14:05".into(), ..Record::default() };
        assert!(r.is_blank());
        r.set("plates", "TX ABC-1234".into());
        r.set("nonsense", "x".into());
        assert!(!r.is_blank());
        assert_eq!(r.fields()[4], ("plates", "TX ABC-1234"));
    }

    #[test]
    fn text_export_skips_empty_fields_and_keeps_lines() {
        let t = as_text("What happened", [
            ("When", "2026-11-28 14:05".to_owned()),
            ("Place", " ".to_owned()),
            ("What they said", "Open the door\nWe have a warrant".to_owned()),
        ]);
        assert_eq!(t, "What happened\nWhen: 2026-11-28 14:05\nWhat they said:\n  Open the door\n  We have a warrant\n");
    }

    #[test]
    fn a_record_roundtrips_with_unknown_fields() {
        let raw = r#"{"id":"r1","when":"2026-11-28T14:05","agency":"ice","photos":["p1"]}"#;
        let r: Record = crate::json::parse(raw).unwrap();
        assert_eq!(r.agency, "ice");
        let back: Value = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back["photos"], serde_json::json!(["p1"]));
    }
}
