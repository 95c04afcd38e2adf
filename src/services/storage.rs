//! The phone's storage (localStorage through gloo-storage). Reads never panic: a value that
//! does not parse is kept aside under a backup key and reported, so nothing saved is lost.
use gloo_storage::{LocalStorage, Storage};
use pocket_model::stored::{Loaded, Versioned, backup_target, load_versioned, nth_backup_key};

/// Prefix of every key the app writes.
pub const APP_PREFIX: &str = "pocket-rights.";

/// Whether localStorage can be used at all (it throws in some private modes).
pub fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// The raw text stored under `key`, if any.
pub fn read_raw(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Store a serialisable value as JSON; false when the browser refused (storage full, private mode).
pub fn write<T: serde::Serialize>(key: &str, value: &T) -> bool {
    available() && LocalStorage::set(key, value).is_ok()
}

/// Remove one key.
pub fn remove(key: &str) {
    if available() {
        let _ = LocalStorage::raw().remove_item(key);
    }
}

/// Every key the app has written (its own prefix only).
pub fn app_keys() -> Vec<String> {
    if !available() {
        return Vec::new();
    }
    let s = LocalStorage::raw();
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(APP_PREFIX)).collect()
}

/// Whether an unreadable value is safe somewhere.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum KeptAside {
    /// Copied (now or on an earlier start) under a backup key.
    Yes,
    /// The browser refused the copy (storage full): the value exists only where it is, so it
    /// must not be overwritten.
    No,
}

/// Keep an unreadable value aside before the key is reused: under the first free backup key,
/// unless an earlier start already kept this same text.
pub fn keep_aside(key: &str, raw: &str) -> KeptAside {
    if !available() {
        return KeptAside::No;
    }
    let storage = LocalStorage::raw();
    let mut existing = Vec::new();
    for n in 1.. {
        match storage.get_item(&nth_backup_key(key, n)).ok().flatten() {
            Some(v) => existing.push(Some(v)),
            None => break,
        }
    }
    match backup_target(key, raw, &existing) {
        None => KeptAside::Yes,
        Some(target) if storage.set_item(&target, raw).is_ok() => KeptAside::Yes,
        Some(_) => KeptAside::No,
    }
}

/// Read a versioned value, keeping an unreadable one aside. Gives the value (default when
/// missing or unreadable) and, when unreadable, the reason and whether it is safe elsewhere.
pub fn load<T: Versioned + Default>(key: &str) -> (T, Option<(String, KeptAside)>) {
    match load_versioned::<T>(read_raw(key).as_deref()) {
        Loaded::Missing => (T::default(), None),
        Loaded::Ok(v) => (v, None),
        Loaded::Corrupt { raw, reason } => (T::default(), Some((reason, keep_aside(key, &raw)))),
    }
}
