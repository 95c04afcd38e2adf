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
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod routes;
pub mod paths;
#[cfg(target_arch = "wasm32")]
pub mod services;

/// The app's address as a QR code (SVG), drawn on the device.
pub mod qr;

/// Version shown on the About screen.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
// The build's date and label are data (build.json, tools/build-info.mjs), not constants: a
// content fix built on another day must leave the wasm byte for byte as it was.

#[cfg(target_arch = "wasm32")]
fn boot_block() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("boot")
}

/// Remove the static first screen of index.html; until then CSS keeps the app hidden. The
/// officer card calls this once its own text is on screen, every other screen at once, except
/// while the boot block shows a static page (`data-page`, tools/prerender-routes.mjs): that
/// page stays until the data of the app's page is in (`finish_boot_page`).
#[cfg(target_arch = "wasm32")]
pub fn dismiss_boot() {
    if let Some(boot) = boot_block().filter(|b| !b.has_attribute("data-page")) {
        boot.remove();
    }
}

/// The path of a URL without its trailing slash: "http://h/pocket-rights/" -> "/pocket-rights",
/// "http://h/" -> "".
pub fn url_path_without_slash(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.trim_end_matches('/').to_owned()
}

/// The app's root path for the router and for links built by hand ("" at the site root,
/// "/pocket-rights" under a sub-path): from the `<base>` that index.html sets at start.
#[cfg(target_arch = "wasm32")]
pub fn base_path() -> String {
    thread_local! {
        static BASE: String = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .map(|b| url_path_without_slash(&b))
            .unwrap_or_default();
    }
    BASE.with(Clone::clone)
}

/// An app link for `<a href=…>` (the router opens it without a reload): every app path
/// gets the sub-path here: `href("/rights")` is "/rights" at the site root, "/pocket-rights/rights" under it.
#[cfg(target_arch = "wasm32")]
pub fn href(path: &str) -> String {
    join_base(&base_path(), path)
}

/// `base` + `path` ("" + "/map" = "/map"; "/pocket-rights" + "/" = "/pocket-rights/").
pub fn join_base(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// The data of the screens whose static page starts with `page` is in: remove the static
/// page once the app has rendered its own (after the next frame).
#[cfg(target_arch = "wasm32")]
pub fn finish_boot_page(page: &'static str) {
    let shows = move |b: &web_sys::Element| b.get_attribute("data-page").is_some_and(|p| p.starts_with(page));
    if boot_block().is_some_and(|b| shows(&b)) {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(
                move || {
                    if let Some(boot) = boot_block().filter(|b| shows(b)) {
                        boot.remove();
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    }
}

/// Mount the app.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    leptos::mount::mount_to_body(app::App);
    // The app started: the boot watchdog in index.html stands down, and a version on trial
    // after an update is kept (public/sw.js).
    services::offline::report_started();
    // For tools/bench.sh: when the app took over from the static boot screen.
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("app-mounted");
    }
}

#[cfg(test)]
mod tests {
    use super::url_path_without_slash;

    #[test]
    fn base_paths() {
        assert_eq!(url_path_without_slash("http://127.0.0.1:8080/"), "");
        assert_eq!(url_path_without_slash("https://example.org"), "");
        assert_eq!(url_path_without_slash("https://example.org/pocket-rights/"), "/pocket-rights");
        assert_eq!(url_path_without_slash("https://example.org/a/b/?x=1#y"), "/a/b");
    }

    #[test]
    fn app_links_keep_the_sub_path() {
        use super::join_base;
        assert_eq!(join_base("", "/"), "/");
        assert_eq!(join_base("", "/map/TX"), "/map/TX");
        assert_eq!(join_base("/pocket-rights", "/"), "/pocket-rights/");
        assert_eq!(join_base("/pocket-rights", "/rights/core"), "/pocket-rights/rights/core");
    }
}
