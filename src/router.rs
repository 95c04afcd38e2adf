//! The app's own small router. The screens are one fixed table (`routes.rs`, from
//! `paths::Screen`), so it needs little: the current path and query as a signal, links that
//! change them without a reload, Back and Forward, and the sub-path the app is served under.
//! (leptos_router did this with a generic route tree that cost ~40 kB brotli of wasm.)
//!
//! Links are plain `<a href=crate::href("/…")>`: one click listener on the document takes
//! every click on a link into the app (same origin, under the sub-path, not a file, no
//! `target`, `download` or modifier key) and pushes it into the history instead.
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::paths::{Screen, app_path, percent_decode, query_value};

/// Where the app is: its path without the sub-path ("/map/TX") and the query without "?".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppUrl {
    pub path: String,
    pub query: String,
}

impl AppUrl {
    /// The value of `key` in the query.
    pub fn query(&self, key: &str) -> Option<String> {
        query_value(&self.query, key)
    }
}

#[derive(Clone, Copy)]
struct Router(RwSignal<AppUrl>);

/// How `navigate` changes the history.
#[derive(Clone, Copy)]
pub struct NavigateOptions {
    /// Replace the current entry instead of adding one (answers, a looked-up place).
    pub replace: bool,
    /// Scroll to the top of the new screen.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        Self { replace: false, scroll: true }
    }
}

fn read_url() -> AppUrl {
    let location = window().location();
    let pathname = percent_decode(&location.pathname().unwrap_or_default());
    let query = location.search().unwrap_or_default().trim_start_matches('?').to_owned();
    AppUrl { path: app_path(&crate::base_path(), &pathname), query }
}

/// Start the router: the URL as a signal, kept current by links, `navigate` and Back/Forward.
pub fn provide_router() {
    let url = RwSignal::new(read_url());
    provide_context(Router(url));
    let on_popstate = Closure::<dyn Fn()>::new(move || url.set(read_url()));
    let _ = window().add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if let Some(href) = app_link(&ev) {
            ev.prevent_default();
            go(url, &href, NavigateOptions::default());
        }
    });
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

/// The path, query and hash of the link a click is on when the app should open it itself.
fn app_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target.closest("a[href]").ok()??.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    let opens_elsewhere = link.get_attribute("target").is_some_and(|t| !t.is_empty() && t != "_self");
    let external = link.get_attribute("rel").is_some_and(|r| r.split_whitespace().any(|w| w == "external"));
    if opens_elsewhere || external || link.has_attribute("download") {
        return None;
    }
    let here = window().location();
    // tel:, sms:, mailto: and other sites have another origin.
    if link.origin() != here.origin().ok()? {
        return None;
    }
    let (path, search, hash) = (link.pathname(), link.search(), link.hash());
    let base = crate::base_path();
    let under_base = path == base || path.starts_with(&format!("{base}/"));
    // A file (a source document, the service worker's files) is not a screen.
    let file = path.rsplit('/').next().is_some_and(|last| last.contains('.'));
    // A jump inside this screen (the skip link) is the browser's.
    let same_screen = !hash.is_empty() && Some(&path) == here.pathname().ok().as_ref() && Some(&search) == here.search().ok().as_ref();
    (under_base && !file && !same_screen).then(|| format!("{path}{search}{hash}"))
}

fn go(url: RwSignal<AppUrl>, href: &str, options: NavigateOptions) {
    let Ok(history) = window().history() else {
        let _ = window().location().set_href(href);
        return;
    };
    let changed = if options.replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    };
    if changed.is_err() {
        let _ = window().location().set_href(href);
        return;
    }
    url.set(read_url());
    if options.scroll {
        // To the linked item when it is already on the screen, else to the top (a screen
        // whose content arrives later scrolls to its item itself: routes/rights_page.rs).
        let hash = window().location().hash().unwrap_or_default();
        match hash.strip_prefix('#').filter(|h| !h.is_empty()).and_then(|id| document().get_element_by_id(id)) {
            Some(item) => item.scroll_into_view(),
            None => window().scroll_to_with_x_and_y(0.0, 0.0),
        }
    }
}

/// The current URL.
pub fn use_url() -> Signal<AppUrl> {
    expect_context::<Router>().0.into()
}

/// The current screen (changes only when the path names another screen).
pub fn use_screen() -> Memo<Screen> {
    let url = expect_context::<Router>().0;
    Memo::new(move |_| url.with(|u| Screen::parse(&u.path)))
}

/// Open an app path ("/map/TX", without the sub-path) as if a link to it was followed.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let url = expect_context::<Router>().0;
    move |path: &str, options: NavigateOptions| go(url, &crate::href(path), options)
}
