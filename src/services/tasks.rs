//! Cutting start-up work into tasks. A slow phone paints and answers a tap only between tasks
//! of its event loop, so work that is not needed for the first screen waits for a later task
//! (`next_task`) or for the page to have loaded (`after_load`), instead of running as one
//! long task with it. (Lighthouse counts every task over 50 ms as blocking time.)
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task of the event loop (a zero timeout; not a microtask).
pub async fn next_task() {
    sleep(std::time::Duration::ZERO).await;
}

/// Resolves once the browser has painted what the page shows now: the next animation frame,
/// then a task of its own (after at most 100 ms where no frame comes, as in a hidden tab).
pub async fn after_paint() {
    let Some(window) = web_sys::window() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let framed = window.request_animation_frame(&resolve).is_ok();
        if window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, if framed { 100 } else { 0 }).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
    next_task().await;
}

/// Resolves once the page has loaded (its `load` event), then in a task of its own.
pub async fn after_load() {
    let Some(window) = web_sys::window() else { return };
    let complete = window.document().is_some_and(|d| d.ready_state() == "complete");
    if !complete {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let once = web_sys::AddEventListenerOptions::new();
            once.set_once(true);
            let listener: &js_sys::Function = resolve.unchecked_ref();
            if window.add_event_listener_with_callback_and_add_event_listener_options("load", listener, &once).is_err() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        let _ = JsFuture::from(promise).await;
    }
    next_task().await;
}

/// Resolves when the browser is idle (`requestIdleCallback`, at most `max_wait_ms` later), or
/// after a short timeout where the browser has no idle callbacks (Safari).
pub async fn when_idle(max_wait_ms: u32) {
    let Some(window) = web_sys::window() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let asked = idle.is_some_and(|idle| {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &max_wait_ms.into());
            idle.call2(&window, &resolve, &options).is_ok()
        });
        if !asked && window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves after `duration` (a timeout).
pub async fn sleep(duration: std::time::Duration) {
    let Some(window) = web_sys::window() else { return };
    let ms = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
