//! The phone's position, looked up on the device (navigator.geolocation) for one use; the
//! caller decides where it goes, and nothing here stores or sends it.
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Ask once for the position; `done` gets `(latitude, longitude)` or `None` (refused, not
/// found, no geolocation on this browser).
pub fn look_up_once(done: impl FnOnce(Option<(f64, f64)>) + 'static) {
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        done(None);
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |v: Option<(f64, f64)>| {
            if let Some(f) = done.borrow_mut().take() {
                f(v);
            }
        }
    };
    let finish2 = finish.clone();
    // Read through Reflect: web-sys marks the GeolocationPosition types unstable.
    let on_position = Closure::once(move |pos: JsValue| {
        let num = |obj: &JsValue, key: &str| js_sys::Reflect::get(obj, &key.into()).ok().and_then(|v| v.as_f64());
        let coords = js_sys::Reflect::get(&pos, &"coords".into()).unwrap_or(JsValue::UNDEFINED);
        finish(num(&coords, "latitude").zip(num(&coords, "longitude")));
    });
    let on_error = Closure::once(move |_: JsValue| finish2(None));
    let options = web_sys::PositionOptions::new();
    options.set_enable_high_accuracy(true);
    options.set_timeout(20_000);
    options.set_maximum_age(60_000);
    let asked = geo.get_current_position_with_error_callback_and_options(
        on_position.as_ref().unchecked_ref(),
        Some(on_error.as_ref().unchecked_ref()),
        &options,
    );
    on_position.forget();
    on_error.forget();
    if asked.is_err()
        && let Some(f) = done.borrow_mut().take()
    {
        f(None);
    }
}
