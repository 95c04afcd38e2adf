//! "My plan": the person's own contacts, alert message, notes, records of what happened and
//! family plan, kept only on the phone. Every change is applied to the value freshly read
//! from storage (read-modify-write) and items carry ids, so two open tabs never undo each
//! other's changes.
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use crate::stored::Loaded;
use crate::json::{FromJson, JsonError, Obj};
use crate::stored::{Versioned, load_versioned};

pub mod alert;
pub mod family;
pub mod record;

use family::Family;
use record::Record;

/// localStorage key of the plan.
pub const PLAN_KEY: &str = "pocket-rights.plan";
/// Version of the plan schema written today.
pub const PLAN_VERSION: u32 = 1;
/// Longest name, number or note the form accepts (characters).
pub const MAX_FIELD: usize = 2000;

fn yes() -> bool {
    true
}

/// A person to call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Stable id, so a removal in one tab removes exactly this contact in every tab.
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub phone: String,
    /// Who they are to the person ("sister", "lawyer").
    #[serde(default)]
    pub role: String,
    /// Whether the one-tap alert goes to this person.
    #[serde(default = "yes")]
    pub alert: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Everything the person saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub version: u32,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub notes: String,
    /// Ids of the preparedness checklist items the person has ticked.
    #[serde(default)]
    pub done: Vec<String>,
    /// The alert text the person wrote; `None` means the default of their language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_message: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<Record>,
    #[serde(default, skip_serializing_if = "Family::is_empty")]
    pub family: Family,
    /// Fields written by a newer version of the app, kept as they are on rewrite.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Plan {
    fn default() -> Self {
        Self {
            version: PLAN_VERSION,
            contacts: Vec::new(),
            notes: String::new(),
            done: Vec::new(),
            alert_message: None,
            records: Vec::new(),
            family: Family::default(),
            extra: Map::new(),
        }
    }
}

impl FromJson for Contact {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Contact {
            id: o.or_default("id")?,
            name: o.req("name")?,
            phone: o.req("phone")?,
            role: o.or_default("role")?,
            alert: o.req_or("alert", true)?,
            extra: o.rest(),
        })
    }
}

impl FromJson for Plan {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Plan {
            version: o.req("version")?,
            contacts: o.or_default("contacts")?,
            notes: o.or_default("notes")?,
            done: o.or_default("done")?,
            alert_message: o.opt("alert_message")?,
            records: o.or_default("records")?,
            family: o.or_default("family")?,
            extra: o.rest(),
        })
    }
}

impl Versioned for Plan {
    const VERSION: u32 = PLAN_VERSION;
    const NAME: &'static str = "plan";
    fn version(&self) -> u32 {
        self.version
    }
}

impl Plan {
    /// Give contacts saved before ids existed an id derived from their place, the same in
    /// every tab that reads the same stored plan.
    pub fn ensure_ids(&mut self) {
        for (i, c) in self.contacts.iter_mut().enumerate() {
            if c.id.is_empty() {
                c.id = format!("old-{i}");
            }
        }
    }

    pub fn add_contact(&mut self, c: Contact) {
        if !self.contacts.iter().any(|x| x.id == c.id) {
            self.contacts.push(c);
        }
    }

    pub fn remove_contact(&mut self, id: &str) {
        self.contacts.retain(|c| c.id != id);
    }

    pub fn set_alert(&mut self, id: &str, on: bool) {
        if let Some(c) = self.contacts.iter_mut().find(|c| c.id == id) {
            c.alert = on;
        }
    }

    pub fn set_done(&mut self, item: &str, on: bool) {
        self.done.retain(|d| d != item);
        if on {
            self.done.push(item.to_owned());
        }
    }

    /// Add a record, or replace the one with the same id.
    pub fn put_record(&mut self, r: Record) {
        match self.records.iter_mut().find(|x| x.id == r.id) {
            Some(x) => *x = r,
            None => self.records.push(r),
        }
    }

    pub fn remove_record(&mut self, id: &str) {
        self.records.retain(|r| r.id != id);
    }

    /// Whether anything personal is in the plan.
    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty()
            && self.notes.is_empty()
            && self.done.is_empty()
            && self.alert_message.is_none()
            && self.records.is_empty()
            && self.family.is_empty()
    }
}

/// Why a contact cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactError {
    MissingName,
    MissingPhone,
    /// A phone number needs at least three digits and only phone characters.
    BadPhone,
    TooLong,
}

/// Trim and check a new contact; `id` is a fresh id from the caller.
pub fn new_contact(id: &str, name: &str, phone: &str, role: &str) -> Result<Contact, ContactError> {
    let (name, phone, role) = (name.trim(), phone.trim(), role.trim());
    if name.is_empty() {
        return Err(ContactError::MissingName);
    }
    if phone.is_empty() {
        return Err(ContactError::MissingPhone);
    }
    if [name, phone, role].iter().any(|f| f.chars().count() > MAX_FIELD) {
        return Err(ContactError::TooLong);
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let phone_chars = phone.chars().all(|c| c.is_ascii_digit() || " +-().#*".contains(c));
    if digits < 3 || !phone_chars {
        return Err(ContactError::BadPhone);
    }
    Ok(Contact {
        id: id.to_owned(),
        name: name.to_owned(),
        phone: phone.to_owned(),
        role: role.to_owned(),
        alert: true,
        extra: Map::new(),
    })
}

/// A `tel:` link for a stored number (digits, `+`, `*` and `#` only).
pub fn tel_href(phone: &str) -> String {
    let dial: String = phone.chars().filter(|c| c.is_ascii_digit() || "+*#".contains(*c)).collect();
    format!("tel:{dial}")
}

/// Parse the stored plan text (`None` when nothing is stored).
pub fn load_plan(raw: Option<&str>) -> Loaded<Plan> {
    match load_versioned::<Plan>(raw) {
        Loaded::Ok(mut p) => {
            p.ensure_ids();
            Loaded::Ok(p)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(id: &str, name: &str) -> Contact {
        new_contact(id, name, "555 0100", "").unwrap()
    }

    #[test]
    fn contacts_are_trimmed_and_checked() {
        let c = new_contact("a1", "  Ana ", " +1 (555) 010-0000 ", " sister ").unwrap();
        assert_eq!((c.name.as_str(), c.phone.as_str(), c.role.as_str(), c.alert), ("Ana", "+1 (555) 010-0000", "sister", true));
        assert_eq!(new_contact("x", " ", "555", ""), Err(ContactError::MissingName));
        assert_eq!(new_contact("x", "Ana", "", ""), Err(ContactError::MissingPhone));
        assert_eq!(new_contact("x", "Ana", "call me", ""), Err(ContactError::BadPhone));
        assert_eq!(new_contact("x", "Ana", "12", ""), Err(ContactError::BadPhone));
        assert_eq!(new_contact("x", &"a".repeat(MAX_FIELD + 1), "555", ""), Err(ContactError::TooLong));
    }

    #[test]
    fn tel_links_keep_only_dialable_characters() {
        assert_eq!(tel_href("+1 (555) 010-0000"), "tel:+15550100000");
    }

    #[test]
    fn plan_roundtrip_and_damage() {
        let mut p = Plan::default();
        p.add_contact(contact("a", "Ana"));
        p.notes = "A-number in the blue folder".into();
        let raw = serde_json::to_string(&p).unwrap();
        assert_eq!(load_plan(Some(&raw)), Loaded::Ok(p));
        assert_eq!(load_plan(None), Loaded::Missing);
        assert!(matches!(load_plan(Some(r#"{"version":1,"contacts":"#)), Loaded::Corrupt { .. }));
        assert!(matches!(load_plan(Some(r#"{"version":7}"#)), Loaded::Corrupt { .. }));
    }

    /// Two tabs, each applying its change to what is stored at that moment.
    #[test]
    fn two_tabs_both_keep_their_contact() {
        let stored = serde_json::to_string(&Plan::default()).unwrap();
        // Tab B loaded the empty plan earlier; tab A adds Ana and writes.
        let Loaded::Ok(mut a) = load_plan(Some(&stored)) else { panic!() };
        a.add_contact(contact("a", "Ana"));
        let stored = serde_json::to_string(&a).unwrap();
        // Tab B adds Luis to the freshly read value, not to its old copy.
        let Loaded::Ok(mut b) = load_plan(Some(&stored)) else { panic!() };
        b.add_contact(contact("b", "Luis"));
        let names: Vec<_> = b.contacts.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Ana", "Luis"]);
        // Removing by id removes only that contact, wherever it sits.
        b.remove_contact("a");
        assert_eq!(b.contacts.len(), 1);
        assert_eq!(b.contacts[0].name, "Luis");
    }

    #[test]
    fn old_contacts_get_the_same_ids_in_every_tab() {
        let raw = r#"{"version":1,"contacts":[{"name":"Ana","phone":"555 0100"},{"name":"Luis","phone":"555 0101"}]}"#;
        let Loaded::Ok(p) = load_plan(Some(raw)) else { panic!() };
        assert_eq!(p.contacts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["old-0", "old-1"]);
        assert!(p.contacts.iter().all(|c| c.alert));
    }

    #[test]
    fn unknown_fields_survive_a_rewrite() {
        let raw = r#"{"version":1,"contacts":[{"id":"a","name":"Ana","phone":"555","role":"","alert":true,"photo":"x"}],"notes":"","done":[],"later":{"k":[1,2]}}"#;
        let Loaded::Ok(mut p) = load_plan(Some(raw)) else { panic!() };
        p.notes = "new".into();
        let back: Value = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back["later"], serde_json::json!({"k":[1,2]}));
        assert_eq!(back["contacts"][0]["photo"], "x");
        assert_eq!(back["notes"], "new");
    }

    #[test]
    fn checklist_and_alert_choices() {
        let mut p = Plan::default();
        p.set_done("i1", true);
        p.set_done("i1", true);
        assert_eq!(p.done, ["i1"]);
        p.set_done("i1", false);
        assert!(p.done.is_empty());
        p.add_contact(contact("a", "Ana"));
        p.set_alert("a", false);
        assert!(!p.contacts[0].alert);
        assert!(!p.is_empty());
    }
}
