//! The plan as the plan screens see it. Every change is applied to the plan freshly read from
//! storage and written at once (read-modify-write, items by id), and other tabs' writes are
//! taken in through the `storage` event, so two tabs never undo each other. Typed text is kept
//! in memory at once and saved after a short pause, when the page is hidden or left, and when
//! the screen closes. A damaged stored plan that cannot be kept aside stops all saving until
//! the person exports or discards it.
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use pocket_model::plan::{PLAN_KEY, Plan};

use super::storage::{self, KeptAside};

/// A pending change to typed text, re-applied on top of other tabs' changes until saved.
type Pending = Rc<dyn Fn(&mut Plan)>;

/// How long typing may pause before the text is saved.
const TYPING_PAUSE: Duration = Duration::from_millis(400);

/// One screen's view of the stored plan.
#[derive(Clone, Copy)]
pub struct PlanStore {
    pub plan: RwSignal<Plan>,
    /// Outcome of the last save (`None` before the first).
    pub saved: RwSignal<Option<bool>>,
    /// The stored plan was damaged: kept aside (a new plan started) or left in place.
    pub damaged: RwSignal<Option<KeptAside>>,
    /// Memory holds changes storage does not (a write failed).
    dirty: RwSignal<bool>,
    pending: StoredValue<Vec<Pending>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

/// A fresh id for a contact or record (time and chance; unique enough on one phone).
pub fn new_id() -> String {
    format!("{:x}{:04x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 65536.0) as u32)
}

impl PlanStore {
    /// Load the plan and listen for other tabs and for the page being hidden.
    pub fn open() -> Self {
        let (mut plan, problem) = storage::load::<Plan>(PLAN_KEY);
        plan.ensure_ids();
        let store = Self {
            plan: RwSignal::new(plan),
            saved: RwSignal::new(None),
            damaged: RwSignal::new(problem.map(|(_, kept)| kept)),
            dirty: RwSignal::new(false),
            pending: StoredValue::new_local(Vec::new()),
            timer: StoredValue::new_local(None),
        };
        let on_storage = window_event_listener_untyped("storage", move |ev| {
            let key = js_sys::Reflect::get(&ev, &"key".into()).ok().and_then(|k| k.as_string());
            if key.is_none() || key.as_deref() == Some(PLAN_KEY) {
                store.take_in_stored();
            }
        });
        let on_hide = window_event_listener_untyped("pagehide", move |_| store.flush());
        let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
            let hidden = web_sys::window().and_then(|w| w.document()).map(|d| d.hidden()).unwrap_or(false);
            if hidden {
                store.flush();
            }
        });
        on_cleanup(move || {
            store.flush();
            on_storage.remove();
            on_hide.remove();
            on_hidden.remove();
        });
        store
    }

    /// Saving is stopped: the damaged stored plan is the only copy.
    pub fn blocked(&self) -> bool {
        self.damaged.get_untracked() == Some(KeptAside::No)
    }

    /// Apply a change and save it at once.
    pub fn apply(&self, f: impl FnOnce(&mut Plan)) {
        let mut f = Some(f);
        self.apply_dyn(&mut |p| {
            if let Some(f) = f.take() {
                f(p)
            }
        });
    }

    /// [`Self::apply`] compiled once, not inlined into each of its callers.
    #[inline(never)]
    fn apply_dyn(&self, f: &mut dyn FnMut(&mut Plan)) {
        if self.blocked() {
            self.plan.update(|p| f(p));
            self.saved.set(Some(false));
            return;
        }
        let mut p = if self.dirty.get_untracked() || !storage::available() {
            self.plan.get_untracked()
        } else {
            let (mut p, problem) = storage::load::<Plan>(PLAN_KEY);
            if let Some((_, kept)) = problem {
                self.damaged.set(Some(kept));
                if kept == KeptAside::No {
                    self.plan.update(|p| f(p));
                    self.saved.set(Some(false));
                    return;
                }
            }
            p.ensure_ids();
            p
        };
        f(&mut p);
        let ok = storage::write(PLAN_KEY, &p);
        self.dirty.set(!ok);
        self.plan.set(p);
        self.saved.set(Some(ok));
    }

    /// Typed text: shown at once, saved after a pause (or when the page is hidden).
    pub fn type_into(&self, f: impl Fn(&mut Plan) + 'static) {
        self.type_into_dyn(Rc::new(f));
    }

    #[inline(never)]
    fn type_into_dyn(&self, f: Pending) {
        self.plan.update(|p| f(p));
        self.pending.update_value(|v| v.push(f));
        let store = *self;
        self.timer.update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
            *t = set_timeout_with_handle(move || store.flush(), TYPING_PAUSE).ok();
        });
    }

    /// Save typed text now.
    pub fn flush(&self) {
        self.timer.update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
        let pending = self.pending.try_update_value(std::mem::take).unwrap_or_default();
        if !pending.is_empty() {
            self.apply(|p| pending.iter().for_each(|f| f(p)));
        }
    }

    /// Another tab saved: show its plan, with this screen's unsaved typing on top.
    fn take_in_stored(&self) {
        if self.blocked() || self.dirty.get_untracked() {
            return;
        }
        let Some(raw) = storage::read_raw(PLAN_KEY) else { return };
        if let pocket_model::plan::Loaded::Ok(mut p) = pocket_model::plan::load_plan(Some(&raw)) {
            self.pending.with_value(|v| v.iter().for_each(|f| f(&mut p)));
            self.plan.set(p);
        }
    }

    /// The damaged stored text, for the person to save as a file.
    pub fn damaged_text(&self) -> Option<String> {
        storage::read_raw(PLAN_KEY)
    }

    /// The person chose to let the damaged plan go: remove it and save what is on screen.
    pub fn discard_damaged(&self) {
        storage::remove(PLAN_KEY);
        self.damaged.set(None);
        self.dirty.set(true);
        self.apply(|_| {});
    }
}
