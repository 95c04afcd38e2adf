//! Pocket Rights: the browser app.
//!
//! - `app`: the root component, providers and the shell (header, navigation, update prompt).
//! - `i18n`: the language service (current language, UI strings, `t!` / `t_string!`).
//! - `routes`: one file per screen; `routes.rs` holds the route table.
//! - `components`: pieces several screens share.
//! - `services`: app-wide state behind `provide_x()` / `use_x()` pairs (settings, content,
//!   offline shell) and the browser edges (storage, fetch).
//! - `pocket_model` (the `model/` crate): plain-Rust domain logic with native tests.
#[cfg(target_arch = "wasm32")]
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod routes;
#[cfg(target_arch = "wasm32")]
pub mod services;

/// Version shown on the About screen.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// UTC date of the build (YYYY-MM-DD), set by build.rs.
pub const BUILD_DATE: &str = env!("POCKET_RIGHTS_BUILD_DATE");
/// Optional label of the build (e.g. a release name), set by build.rs from the environment.
pub const BUILD_LABEL: &str = env!("POCKET_RIGHTS_BUILD_LABEL");

/// Remove the static first screen of index.html; until then CSS keeps the app hidden. The
/// officer card calls this once its own text is on screen, every other screen at once.
#[cfg(target_arch = "wasm32")]
pub fn dismiss_boot() {
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
}

/// Mount the app.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    leptos::mount::mount_to_body(app::App);
    // For tools/bench.sh: when the app took over from the static boot screen.
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("app-mounted");
    }
}
