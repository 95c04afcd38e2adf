//! The phone's storage (localStorage through gloo-storage). Reads never panic: a value that
//! does not parse is kept aside under a backup key and reported, so nothing saved is lost.
use gloo_storage::{LocalStorage, Storage};
use pocket_model::settings::backup_key;

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

/// Store a serialisable value as JSON; false when the browser refused.
pub fn write<T: serde::Serialize>(key: &str, value: &T) -> bool {
    available() && LocalStorage::set(key, value).is_ok()
}

/// Keep an unreadable value aside (without overwriting an earlier backup) before the key is
/// reused.
pub fn keep_aside(key: &str, raw: &str) {
    if !available() {
        return;
    }
    let storage = LocalStorage::raw();
    let mut target = backup_key(key);
    let mut n = 1;
    while storage.get_item(&target).ok().flatten().is_some() {
        n += 1;
        target = format!("{}.{n}", backup_key(key));
    }
    let _ = storage.set_item(&target, raw);
}
