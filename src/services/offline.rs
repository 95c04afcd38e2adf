//! The offline shell seen from the app: registers `sw.js`, says when everything is saved for
//! offline use, and when a new version is waiting, so that the person can choose to reload
//! into it (never a mix of old and new files: the old worker serves until then).
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Whether the app is saved for offline use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineReadiness {
    Pending,
    Ready,
    Unsupported,
}

/// Offline state shared through context.
#[derive(Clone, Copy)]
pub struct OfflineCtx {
    pub online: ReadSignal<bool>,
    pub readiness: ReadSignal<OfflineReadiness>,
    /// A new version has installed and waits for the person to reload.
    pub update_waiting: ReadSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl OfflineCtx {
    /// Tell the waiting worker to take over; the page reloads when it does.
    pub fn apply_update(&self) {
        let waiting = self.registration.with_value(|r| r.as_ref().and_then(|r| r.waiting()));
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => reload(),
        }
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Register the service worker and provide the offline state.
pub fn provide_offline() -> OfflineCtx {
    let window = web_sys::window().expect("a browser window");
    let (online, set_online) = signal(window.navigator().on_line());
    let _ = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));

    let (readiness, set_readiness) = signal(OfflineReadiness::Pending);
    let (update_waiting, set_update_waiting) = signal(false);
    let registration = StoredValue::new_local(None);
    let ctx = OfflineCtx { online, readiness, update_waiting, registration };
    provide_context(ctx);

    let navigator = window.navigator();
    let has_sw = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !has_sw {
        set_readiness.set(OfflineReadiness::Unsupported);
        return ctx;
    }
    let container = navigator.service_worker();
    let had_controller = container.controller().is_some();

    // A new worker took control after "Reload": load the page again so that every file comes
    // from the new version.
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        if had_controller {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(container.register("/sw.js")).await else {
            set_readiness.set(OfflineReadiness::Unsupported);
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        registration.set_value(Some(reg.clone()));
        if reg.waiting().is_some() && had_controller {
            set_update_waiting.set(true);
        }
        let watch = move |worker: ServiceWorker| {
            let w = worker.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if w.state() == ServiceWorkerState::Installed && had_controller {
                    set_update_waiting.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        };
        if let Some(installing) = reg.installing() {
            watch(installing);
        }
        let reg2 = reg.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = reg2.installing() {
                watch(installing);
            }
        });
        reg.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();

        if let Ok(ready) = container.ready() {
            if JsFuture::from(ready).await.is_ok() {
                set_readiness.set(OfflineReadiness::Ready);
            }
        }
    });
    ctx
}

/// The offline state provided by `provide_offline`.
pub fn use_offline() -> OfflineCtx {
    expect_context::<OfflineCtx>()
}
