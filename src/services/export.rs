//! Handing the person's own text to them: save as a file, share through the phone's share
//! sheet (Web Share, where the phone has it), print. Nothing leaves the phone unless the
//! person sends it on.
use wasm_bindgen::JsCast;

/// Offer `text` as a UTF-8 text file download named `file_name`.
pub fn save_text_file(file_name: &str, text: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&text.into());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/plain;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(file_name);
        document.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    run().is_some()
}

/// Whether the phone offers its share sheet (Web Share).
pub fn can_share() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// Open the phone's share sheet with `text`; false when it is not there.
pub fn share_text(title: &str, text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return false };
    let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    // The promise rejects when the person closes the sheet; nothing to do then.
    share.call1(&navigator, &data).is_ok()
}

/// Open the browser's print dialog for the current page.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
