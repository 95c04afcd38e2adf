//! The offline shell seen from the app: registers `sw.js` (relative to the app's root, so a
//! sub-path works), says when everything is saved for offline use, and when a new version is
//! waiting, so that the person can choose to reload into it (never a mix of old and new files:
//! the old worker serves until then). Looks for updates at launch, every hour and when the
//! network comes back; after a failed install it tries again later, waiting longer each time
//! (the worker itself refuses a retry that comes too soon, see public/sw.js).
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

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

/// How often an open app looks for a new version.
const UPDATE_CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

/// Wait before retrying after the `n`-th failed install in a row: 1, 2, 4 … 60 minutes.
fn retry_delay(n: u32) -> Duration {
    Duration::from_secs(60 * 2u64.saturating_pow(n.saturating_sub(1)).min(60))
}

/// Ask the browser to look for a new `sw.js`; a failure (offline, host down) is harmless.
fn check_for_update(reg: &ServiceWorkerRegistration) {
    if let Ok(p) = reg.update() {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}

/// Tell the boot watchdog of index.html and the service worker that the app started: a new
/// version on trial is then kept and the previous one deleted (public/sw.js "booted").
pub fn report_started() {
    let Some(window) = web_sys::window() else { return };
    let _ = js_sys::Reflect::set(&window, &"__appStarted".into(), &JsValue::TRUE);
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    if let Some(controller) = navigator.service_worker().controller() {
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"booted".into());
        let _ = controller.post_message(&msg);
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
    // Whether a worker controlled this page (from the start, or since the first install
    // claimed it: a page opened on the first visit stays open and gets updates too).
    let controlled = Rc::new(Cell::new(had_controller));

    // A new worker took control after "Reload": load the page again so that every file comes
    // from the new version. The first install taking over an uncontrolled page is no reload.
    let controlled_now = controlled.clone();
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        if controlled_now.get() {
            reload();
        } else {
            controlled_now.set(true);
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    leptos::task::spawn_local(async move {
        // Not during the first screen: the worker's install downloads every file of the app,
        // which would compete with what that screen still needs.
        super::tasks::after_load().await;
        let Ok(reg) = JsFuture::from(container.register("sw.js")).await else {
            set_readiness.set(OfflineReadiness::Unsupported);
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        registration.set_value(Some(reg.clone()));
        if reg.waiting().is_some() && had_controller {
            set_update_waiting.set(true);
        }
        // Failed installs in a row; reset by one that succeeds.
        let failures = Rc::new(Cell::new(0u32));
        let watch = {
            let reg = reg.clone();
            move |worker: ServiceWorker| {
                let w = worker.clone();
                let reg = reg.clone();
                let failures = failures.clone();
                let controlled = controlled.clone();
                let on_state = Closure::<dyn FnMut()>::new(move || match w.state() {
                    ServiceWorkerState::Installed => {
                        failures.set(0);
                        // An update (not the first install): a worker already serves the page.
                        if controlled.get() {
                            set_update_waiting.set(true);
                        }
                    }
                    // Redundant without having installed: the install failed and cleaned up.
                    ServiceWorkerState::Redundant if reg.waiting().is_none() && reg.installing().is_none() => {
                        failures.set(failures.get() + 1);
                        let reg = reg.clone();
                        set_timeout(move || check_for_update(&reg), retry_delay(failures.get()));
                    }
                    _ => {}
                });
                worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
        };
        if let Some(installing) = reg.installing() {
            watch(installing);
        }
        let reg2 = reg.clone();
        let watch2 = watch.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = reg2.installing() {
                watch2(installing);
            }
        });
        reg.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();

        // Look for a new version now, now and then, and when the network is back.
        check_for_update(&reg);
        let reg_hourly = reg.clone();
        let _ = set_interval_with_handle(move || check_for_update(&reg_hourly), UPDATE_CHECK_EVERY);
        let reg_online = reg.clone();
        let _ = window_event_listener(leptos::ev::online, move |_| check_for_update(&reg_online));

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
