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

/// GET a path relative to the app's root (no leading "/") and return its body as text.
pub async fn fetch_text(path: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let resp = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|e| FetchError::Network(format!("{e:?}")))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Network("not a response".into()))?;
    if !resp.ok() {
        return Err(FetchError::Status(resp.status()));
    }
    let text = resp.text().map_err(|e| FetchError::Network(format!("{e:?}")))?;
    let text = JsFuture::from(text).await.map_err(|e| FetchError::Network(format!("{e:?}")))?;
    text.as_string().ok_or_else(|| FetchError::Network("body is not text".into()))
}
