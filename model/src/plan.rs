//! "My plan": the person's own contacts and preparedness notes, kept only on the phone.
use serde::{Deserialize, Serialize};

use crate::settings::Loaded;

/// localStorage key of the plan.
pub const PLAN_KEY: &str = "pocket-rights.plan";
/// Version of the plan schema written today.
pub const PLAN_VERSION: u32 = 1;
/// Longest name, number or note the form accepts (characters).
pub const MAX_FIELD: usize = 2000;

/// A person to call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    /// Who they are to the person ("sister", "lawyer").
    #[serde(default)]
    pub role: String,
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
}

impl Default for Plan {
    fn default() -> Self {
        Self { version: PLAN_VERSION, contacts: Vec::new(), notes: String::new(), done: Vec::new() }
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

/// Trim and check a new contact.
pub fn new_contact(name: &str, phone: &str, role: &str) -> Result<Contact, ContactError> {
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
    Ok(Contact { name: name.to_owned(), phone: phone.to_owned(), role: role.to_owned() })
}

/// A `tel:` link for a stored number (digits, `+`, `*` and `#` only).
pub fn tel_href(phone: &str) -> String {
    let dial: String = phone.chars().filter(|c| c.is_ascii_digit() || "+*#".contains(*c)).collect();
    format!("tel:{dial}")
}

/// Parse the stored plan text (`None` when nothing is stored).
pub fn load_plan(raw: Option<&str>) -> Loaded<Plan> {
    let Some(raw) = raw else { return Loaded::Missing };
    match serde_json::from_str::<Plan>(raw) {
        Ok(p) if p.version == PLAN_VERSION => Loaded::Ok(p),
        Ok(p) => Loaded::Corrupt { raw: raw.to_owned(), reason: format!("unknown plan version {}", p.version) },
        Err(e) => Loaded::Corrupt { raw: raw.to_owned(), reason: e.to_string() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_are_trimmed_and_checked() {
        assert_eq!(
            new_contact("  Ana ", " +1 (555) 010-0000 ", " sister "),
            Ok(Contact { name: "Ana".into(), phone: "+1 (555) 010-0000".into(), role: "sister".into() })
        );
        assert_eq!(new_contact(" ", "555", ""), Err(ContactError::MissingName));
        assert_eq!(new_contact("Ana", "", ""), Err(ContactError::MissingPhone));
        assert_eq!(new_contact("Ana", "call me", ""), Err(ContactError::BadPhone));
        assert_eq!(new_contact("Ana", "12", ""), Err(ContactError::BadPhone));
        assert_eq!(new_contact(&"a".repeat(MAX_FIELD + 1), "555", ""), Err(ContactError::TooLong));
    }

    #[test]
    fn tel_links_keep_only_dialable_characters() {
        assert_eq!(tel_href("+1 (555) 010-0000"), "tel:+15550100000");
    }

    #[test]
    fn plan_roundtrip_and_damage() {
        let mut p = Plan::default();
        p.contacts.push(new_contact("Ana", "555 0100", "").unwrap());
        p.notes = "A-number in the blue folder".into();
        let raw = serde_json::to_string(&p).unwrap();
        assert_eq!(load_plan(Some(&raw)), Loaded::Ok(p));
        assert_eq!(load_plan(None), Loaded::Missing);
        assert!(matches!(load_plan(Some(r#"{"version":1,"contacts":"#)), Loaded::Corrupt { .. }));
        assert!(matches!(load_plan(Some(r#"{"version":7}"#)), Loaded::Corrupt { .. }));
    }
}
