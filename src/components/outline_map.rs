//! Maps drawn as one string of SVG outlines: taps are delegated to the `<svg>`.
use crate::router::use_navigate;
use wasm_bindgen::JsCast;

/// A click handler for an SVG of outlines: opens the page of the outline tapped, found by
/// its `data-<key>` attribute.
pub fn tap_to(key: &'static str, href: impl Fn(&str) -> String + 'static) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    let navigate = use_navigate();
    move |ev| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(value) = target.and_then(|t| t.get_attribute(&format!("data-{key}"))) {
            navigate(&href(&value), Default::default());
        }
    }
}
