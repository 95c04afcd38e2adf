//! Dates and numbers in the reader's locale (Arabic digits in Arabic, "18 may 2026" in
//! Spanish…), through the browser's Intl, which works offline.
use pocket_model::date::IsoDate;
use pocket_model::english;

use crate::i18n::use_i18n;

use std::cell::RefCell;

fn locales(tag: &str) -> js_sys::Array {
    js_sys::Array::of1(&tag.into())
}

thread_local! {
    // Building an Intl formatter costs far more than using one: keep one per language.
    static DATES: RefCell<Option<(String, js_sys::Intl::DateTimeFormat)>> = const { RefCell::new(None) };
    static NUMBERS: RefCell<Option<(String, js_sys::Intl::NumberFormat)>> = const { RefCell::new(None) };
}

fn cached<F: Clone>(cell: &RefCell<Option<(String, F)>>, tag: &str, make: impl FnOnce() -> F) -> F {
    let mut slot = cell.borrow_mut();
    match &*slot {
        Some((t, f)) if t == tag => f.clone(),
        _ => {
            let f = make();
            *slot = Some((tag.to_owned(), f.clone()));
            f
        }
    }
}

/// A YYYY-MM-DD date as the locale writes it; the ISO text if it does not parse. English is
/// written without Intl (`pocket_model::english`: its first use costs a slow phone ~150 ms).
pub fn date_in(tag: &str, iso: &str) -> String {
    let Some(d) = IsoDate::parse(iso) else { return iso.to_owned() };
    if tag == "en" {
        return english::date(d);
    }
    let format = DATES.with(|c| {
        cached(c, tag, || {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
            let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
            js_sys::Intl::DateTimeFormat::new(&locales(tag), &options)
        })
    });
    // Noon UTC of that day, formatted in UTC: the calendar day whatever the phone's time zone.
    let ms = js_sys::Date::utc(f64::from(d.year), f64::from(d.month - 1)) + f64::from(d.day - 1) * 86_400_000.0 + 43_200_000.0;
    let utc = js_sys::Date::new(&ms.into());
    format.format().call1(&format, &utc).ok().and_then(|v| v.as_string()).unwrap_or_else(|| iso.to_owned())
}

/// A whole number as the locale writes it.
pub fn number_in(tag: &str, n: u32) -> String {
    if tag == "en" {
        return english::number(n);
    }
    let format = NUMBERS.with(|c| cached(c, tag, || js_sys::Intl::NumberFormat::new(&locales(tag), &js_sys::Object::new())));
    format.format().call1(&format, &n.into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| n.to_string())
}

/// A reactive date in the active language.
pub fn local_date(iso: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || date_in(i18n.get_locale().as_str(), &iso)
}

/// A reactive number in the active language.
pub fn local_number(n: u32) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || number_in(i18n.get_locale().as_str(), n)
}

/// "3 months ago" in the locale's words, through `Intl.RelativeTimeFormat` (looked up at run
/// time so an old browser without it gets the plain date instead).
pub fn age_in(tag: &str, age: pocket_model::review_age::Age, iso: &str) -> String {
    use pocket_model::review_age::Age;
    use wasm_bindgen::JsCast;
    if tag == "en" {
        return english::age(age);
    }
    let (value, unit) = match age {
        Age::Days(d) => (-(d as f64), "day"),
        Age::Months(m) => (-(m as f64), "month"),
        Age::Years(y) => (-(y as f64), "year"),
    };
    let format = || -> Option<String> {
        let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let ctor: js_sys::Function = js_sys::Reflect::get(&intl, &"RelativeTimeFormat".into()).ok()?.dyn_into().ok()?;
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into()).ok()?;
        let args = js_sys::Array::of2(&locales(tag), &options);
        let rtf = js_sys::Reflect::construct(&ctor, &args).ok()?;
        let f: js_sys::Function = js_sys::Reflect::get(&rtf, &"format".into()).ok()?.dyn_into().ok()?;
        f.call2(&rtf, &value.into(), &unit.into()).ok()?.as_string()
    };
    format().unwrap_or_else(|| date_in(tag, iso))
}
