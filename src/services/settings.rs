//! Settings: loaded once at start, written back from one effect, shared through context.
//! A damaged stored value and a failed write are shown to the person (components/storage_notice.rs).
use leptos::prelude::*;
use pocket_model::settings::{SETTINGS_KEY, Settings};

use super::storage::{self, KeptAside};

/// App-wide settings and what happened when they were loaded and saved.
#[derive(Clone, Copy)]
pub struct SettingsCtx {
    pub settings: RwSignal<Settings>,
    /// Set when stored settings could not be read: the reason, and whether a copy was kept aside
    /// (when it could not be, the damaged value is left in place and never overwritten).
    pub load_problem: RwSignal<Option<(String, KeptAside)>>,
    /// Set when the browser refused to save the settings.
    pub write_failed: RwSignal<bool>,
}

/// Load the settings and provide them to the tree below.
pub fn provide_settings() -> SettingsCtx {
    let (settings, problem) = storage::load::<Settings>(SETTINGS_KEY);
    let ctx = SettingsCtx {
        settings: RwSignal::new(settings),
        load_problem: RwSignal::new(problem),
        write_failed: RwSignal::new(false),
    };
    // The one place settings are written back.
    Effect::new(move |prev: Option<()>| {
        let s = ctx.settings.get();
        let damaged_in_place = ctx.load_problem.with_untracked(|p| matches!(p, Some((_, KeptAside::No))));
        if prev.is_some() {
            ctx.write_failed.set(damaged_in_place || !storage::write(SETTINGS_KEY, &s));
        }
    });
    provide_context(ctx);
    ctx
}

/// The settings provided by `provide_settings`.
pub fn use_settings() -> SettingsCtx {
    expect_context::<SettingsCtx>()
}
