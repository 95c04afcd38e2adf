//! What the app keeps in the phone's storage, with a schema version, and how a stored value
//! that no longer parses is handled: reported and kept aside, never lost or fatal.
use serde::{Deserialize, Serialize};

use crate::language::SpeakAs;
pub use crate::stored::{Loaded, backup_key};
use crate::json::{FromJson, JsonError, Obj};
use crate::stored::{Versioned, load_versioned};

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
    /// Fields written by a newer version of the app, kept as they are on rewrite.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Default for Settings {
    fn default() -> Self {
        Self { version: SETTINGS_VERSION, language: None, speak_as: SpeakAs::Either, extra: serde_json::Map::new() }
    }
}

impl FromJson for Settings {
    fn from_json(v: serde_json::Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Settings { version: o.req("version")?, language: o.opt("language")?, speak_as: o.or_default("speak_as")?, extra: o.rest() })
    }
}

impl Versioned for Settings {
    const VERSION: u32 = SETTINGS_VERSION;
    const NAME: &'static str = "settings";
    fn version(&self) -> u32 {
        self.version
    }
}

/// Parse the stored settings text (`None` when nothing is stored).
pub fn load_settings(raw: Option<&str>) -> Loaded<Settings> {
    load_versioned(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        let s = Settings { language: Some("pa".into()), speak_as: SpeakAs::Woman, ..Settings::default() };
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
    fn unknown_fields_survive_a_rewrite() {
        let raw = r#"{"version":1,"language":"es","speak_as":"woman"}"#;
        let Loaded::Ok(s) = load_settings(Some(raw)) else { panic!("should load") };
        let back: serde_json::Value = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, serde_json::json!({"version":1,"language":"es","speak_as":"woman"}));
    }

    #[test]
    fn older_files_without_language_still_load() {
        assert_eq!(load_settings(Some(r#"{"version":1}"#)), Loaded::Ok(Settings::default()));
    }
}
