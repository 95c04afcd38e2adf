//! How the app reads what it keeps in the phone's storage: one versioned loader for every
//! stored value (settings, plan), so a value that no longer parses is reported and kept aside,
//! never lost or fatal.
use crate::json::FromJson;

/// A stored value with a schema version.
pub trait Versioned: FromJson {
    /// Version written today; a stored value with any other version is not trusted.
    const VERSION: u32;
    /// What this value is called in a reason ("settings", "plan").
    const NAME: &'static str;
    fn version(&self) -> u32;
}

/// What reading a stored value gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded<T> {
    /// Nothing stored yet.
    Missing,
    Ok(T),
    /// The stored text did not parse; the caller keeps `raw` aside and starts from defaults.
    Corrupt { raw: String, reason: String },
}

/// Parse the stored text of a versioned value (`None` when nothing is stored).
pub fn load_versioned<T: Versioned>(raw: Option<&str>) -> Loaded<T> {
    let Some(raw) = raw else { return Loaded::Missing };
    match crate::json::parse::<T>(raw) {
        Ok(v) if v.version() == T::VERSION => Loaded::Ok(v),
        Ok(v) => Loaded::Corrupt { raw: raw.to_owned(), reason: format!("unknown {} version {}", T::NAME, v.version()) },
        Err(e) => Loaded::Corrupt { raw: raw.to_owned(), reason: e.to_string() },
    }
}

/// The key under which an unreadable value of `key` is kept, so that nothing is lost.
pub fn backup_key(key: &str) -> String {
    format!("{key}.unreadable")
}

/// The `n`th backup key of `key` (1 is `backup_key(key)` itself).
pub fn nth_backup_key(key: &str, n: u32) -> String {
    if n <= 1 { backup_key(key) } else { format!("{}.{n}", backup_key(key)) }
}

/// Where to keep `raw` aside, given the backups already stored (in order 1, 2, …):
/// `None` when one of them already holds exactly this text (so a damaged value that stays in
/// place is not copied again on every start), else the first free backup key.
pub fn backup_target(key: &str, raw: &str, existing: &[Option<String>]) -> Option<String> {
    if existing.iter().flatten().any(|e| e == raw) {
        return None;
    }
    let free = existing.iter().position(Option::is_none).unwrap_or(existing.len());
    Some(nth_backup_key(key, free as u32 + 1))
}

/// Of the app's stored keys, those "erase everything" removes: every personal value and its
/// backups; the settings (language) and their backups only when `with_settings`.
pub fn keys_to_erase(keys: &[String], settings_key: &str, with_settings: bool) -> Vec<String> {
    keys.iter()
        .filter(|k| with_settings || !(k.as_str() == settings_key || k.starts_with(&format!("{settings_key}."))))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{JsonError, Obj};

    #[derive(Debug, PartialEq)]
    struct Thing {
        version: u32,
    }
    impl FromJson for Thing {
        fn from_json(v: serde_json::Value) -> Result<Self, JsonError> {
            Ok(Thing { version: Obj::new(v)?.req("version")? })
        }
    }
    impl Versioned for Thing {
        const VERSION: u32 = 2;
        const NAME: &'static str = "thing";
        fn version(&self) -> u32 {
            self.version
        }
    }

    #[test]
    fn versions_other_than_today_are_not_trusted() {
        assert_eq!(load_versioned::<Thing>(Some(r#"{"version":2}"#)), Loaded::Ok(Thing { version: 2 }));
        assert_eq!(load_versioned::<Thing>(None), Loaded::Missing);
        match load_versioned::<Thing>(Some(r#"{"version":3}"#)) {
            Loaded::Corrupt { reason, raw } => {
                assert_eq!(reason, "unknown thing version 3");
                assert_eq!(raw, r#"{"version":3}"#);
            }
            other => panic!("expected corrupt, got {other:?}"),
        }
        assert!(matches!(load_versioned::<Thing>(Some("{")), Loaded::Corrupt { .. }));
    }

    #[test]
    fn erase_keeps_settings_unless_asked() {
        let keys: Vec<String> = ["pocket-rights.plan", "pocket-rights.plan.unreadable", "pocket-rights.settings", "pocket-rights.settings.unreadable"]
            .map(String::from)
            .to_vec();
        assert_eq!(keys_to_erase(&keys, "pocket-rights.settings", false), ["pocket-rights.plan", "pocket-rights.plan.unreadable"]);
        assert_eq!(keys_to_erase(&keys, "pocket-rights.settings", true), keys);
    }

    #[test]
    fn a_value_already_kept_aside_is_not_copied_again() {
        let k = "pocket-rights.plan";
        assert_eq!(backup_target(k, "x", &[]), Some("pocket-rights.plan.unreadable".into()));
        assert_eq!(backup_target(k, "x", &[Some("x".into())]), None);
        assert_eq!(backup_target(k, "y", &[Some("x".into())]), Some("pocket-rights.plan.unreadable.2".into()));
        assert_eq!(backup_target(k, "y", &[Some("x".into()), Some("y".into())]), None);
        assert_eq!(backup_target(k, "z", &[Some("x".into()), Some("y".into())]), Some("pocket-rights.plan.unreadable.3".into()));
    }
}
