//! What the app keeps in the phone's storage, with a schema version, and how a stored value
//! that no longer parses is handled: reported and kept aside, never lost or fatal.
use serde::{Deserialize, Serialize};

use crate::language::SpeakAs;

/// localStorage key of the settings.
pub const SETTINGS_KEY: &str = "pocket-rights.settings";
/// Version of the settings schema written today.
pub const SETTINGS_VERSION: u32 = 1;

/// App-wide preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub version: u32,
    /// Tag of the chosen language; `None` until the person picks one.
    #[serde(default)]
    pub language: Option<String>,
    /// How first-person sentences speak for the person where the language marks gender.
    #[serde(default)]
    pub speak_as: SpeakAs,
}

impl Default for Settings {
    fn default() -> Self {
        Self { version: SETTINGS_VERSION, language: None, speak_as: SpeakAs::Either }
    }
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

/// Parse the stored settings text (`None` when nothing is stored).
pub fn load_settings(raw: Option<&str>) -> Loaded<Settings> {
    let Some(raw) = raw else { return Loaded::Missing };
    match serde_json::from_str::<Settings>(raw) {
        Ok(s) if s.version == SETTINGS_VERSION => Loaded::Ok(s),
        Ok(s) => Loaded::Corrupt { raw: raw.to_owned(), reason: format!("unknown settings version {}", s.version) },
        Err(e) => Loaded::Corrupt { raw: raw.to_owned(), reason: e.to_string() },
    }
}

/// The key under which an unreadable value of `key` is kept, so that nothing is lost.
pub fn backup_key(key: &str) -> String {
    format!("{key}.unreadable")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        let s = Settings { version: SETTINGS_VERSION, language: Some("pa".into()), speak_as: SpeakAs::Woman };
        let raw = serde_json::to_string(&s).unwrap();
        assert_eq!(load_settings(Some(&raw)), Loaded::Ok(s));
    }

    #[test]
    fn missing_and_corrupt() {
        assert_eq!(load_settings(None), Loaded::Missing);
        match load_settings(Some("{not json")) {
            Loaded::Corrupt { raw, .. } => assert_eq!(raw, "{not json"),
            other => panic!("expected corrupt, got {other:?}"),
        }
        match load_settings(Some(r#"{"version":99,"language":"es"}"#)) {
            Loaded::Corrupt { reason, .. } => assert!(reason.contains("99")),
            other => panic!("expected corrupt, got {other:?}"),
        }
    }

    #[test]
    fn older_files_without_language_still_load() {
        assert_eq!(load_settings(Some(r#"{"version":1}"#)), Loaded::Ok(Settings::default()));
    }
}
