//! Settings: loaded once at start, written back from one effect, shared through context.
use leptos::prelude::*;
use pocket_model::settings::{Loaded, SETTINGS_KEY, Settings, load_settings};

use super::storage;

/// App-wide settings and what happened when they were loaded.
#[derive(Clone, Copy)]
pub struct SettingsCtx {
    pub settings: RwSignal<Settings>,
    /// Set when stored settings could not be read (they were kept aside).
    pub load_problem: RwSignal<Option<String>>,
}

/// Load the settings and provide them to the tree below.
pub fn provide_settings() -> SettingsCtx {
    let (settings, problem) = match load_settings(storage::read_raw(SETTINGS_KEY).as_deref()) {
        Loaded::Missing => (Settings::default(), None),
        Loaded::Ok(s) => (s, None),
        Loaded::Corrupt { raw, reason } => {
            storage::keep_aside(SETTINGS_KEY, &raw);
            (Settings::default(), Some(reason))
        }
    };
    let ctx = SettingsCtx { settings: RwSignal::new(settings), load_problem: RwSignal::new(problem) };
    // The one place settings are written back.
    Effect::new(move |prev: Option<()>| {
        let s = ctx.settings.get();
        if prev.is_some() {
            storage::write(SETTINGS_KEY, &s);
        }
    });
    provide_context(ctx);
    ctx
}

/// The settings provided by `provide_settings`.
pub fn use_settings() -> SettingsCtx {
    expect_context::<SettingsCtx>()
}
