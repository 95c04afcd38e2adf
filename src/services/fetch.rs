//! Fetching the app's own files (content, data) by paths relative to the app's root (the
//! document's <base>, so a sub-path works). Same origin only; the service worker
//! answers from its cache when offline.
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    Network(String),
    Status(u16),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Network(e) => write!(f, "network error: {e}"),
            FetchError::Status(s) => write!(f, "HTTP status {s}"),
        }
    }
}

/// The boot script's fetch of this file, if it started one (index.html, tools/prerender-routes.mjs:
/// the content and map files start downloading beside the wasm). Taken once.
fn take_prefetched(path: &str) -> Option<js_sys::Promise> {
    let registry = js_sys::Reflect::get(&web_sys::window()?.into(), &"__prFetch".into()).ok().filter(|r| r.is_object())?;
    let key = wasm_bindgen::JsValue::from_str(path.trim_start_matches('/'));
    let promise = js_sys::Reflect::get(&registry, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(registry.unchecked_ref::<js_sys::Object>(), &key);
    Some(promise)
}

/// GET a path relative to the app's root (no leading "/") and return its body as text. The request starts when this is
/// called (so several can be in flight at once), not when the future is first polled.
pub fn fetch_text(path: &str) -> impl Future<Output = Result<String, FetchError>> + use<> {
    let prefetched = take_prefetched(path);
    let started = prefetched.is_none().then(|| start(path));
    let path = path.to_owned();
    async move {
        if let Some(promise) = prefetched {
            if let Some(text) = JsFuture::from(promise).await.ok().and_then(|t| t.as_string()) {
                return Ok(text);
            }
            // The early fetch failed (e.g. the network dropped): ask once more, as usual.
            return read(start(&path)).await;
        }
        read(started.unwrap_or_else(|| start(&path))).await
    }
}

/// A small file of a screen's own as a resource, its text (`Err`: why it could not be had),
/// parsed where it is read: one resource type for every such file, so that its code is
/// compiled once, not once per file type.
pub fn text_resource(path: &'static str) -> leptos::prelude::LocalResource<Result<String, String>> {
    leptos::prelude::LocalResource::new(move || async move { fetch_text(path).await.map_err(|e| e.to_string()) })
}

fn start(path: &str) -> Result<js_sys::Promise, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    Ok(window.fetch_with_str(path))
}

async fn read(request: Result<js_sys::Promise, FetchError>) -> Result<String, FetchError> {
    let resp = JsFuture::from(request?).await.map_err(|e| FetchError::Network(js_message(&e)))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Network("not a response".into()))?;
    if !resp.ok() {
        return Err(FetchError::Status(resp.status()));
    }
    let text = resp.text().map_err(|e| FetchError::Network(js_message(&e)))?;
    let text = JsFuture::from(text).await.map_err(|e| FetchError::Network(js_message(&e)))?;
    text.as_string().ok_or_else(|| FetchError::Network("body is not text".into()))
}

/// A rejected promise's reason as text (an Error's message, or the value as a string); not
/// `{:?}`, which release builds compile without (`-Zfmt-debug=none`).
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|err| String::from(err.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "request failed".into())
}
