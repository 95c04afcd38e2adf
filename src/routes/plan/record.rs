//! `/plan/record`: "What happened". Several records, each filled in as the person types (the
//! time is filled in for them), kept only on this phone; each can be shared, saved as a text
//! file, printed or deleted.
use leptos::prelude::*;
use pocket_model::plan::record::{AGENCIES, Record, WARRANTS, as_text};

use crate::components::plan_status::PlanStatus;
use crate::i18n::*;
use crate::services::export::{can_share, print, save_text_file, share_text};
use crate::services::plan_store::{PlanStore, new_id};

/// Now as the date-time field writes it (local time, to the minute).
fn now_local() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The label of a field or a choice in the current language.
fn label(i18n: I18n, key: &str) -> String {
    match key {
        "when" => t_string!(i18n, record_when),
        "place" => t_string!(i18n, record_place),
        "agency" => t_string!(i18n, record_agency),
        "officers" => t_string!(i18n, record_officers),
        "plates" => t_string!(i18n, record_plates),
        "what" => t_string!(i18n, record_what),
        "warrant" => t_string!(i18n, record_warrant),
        "witnesses" => t_string!(i18n, record_witnesses),
        "ice" => t_string!(i18n, agency_ice),
        "cbp" => t_string!(i18n, agency_cbp),
        "police" => t_string!(i18n, agency_police),
        "sheriff" => t_string!(i18n, agency_sheriff),
        "other" => t_string!(i18n, agency_kind_unsure),
        "none" => t_string!(i18n, warrant_shown_none),
        "judicial" => t_string!(i18n, warrant_shown_judicial),
        "administrative" => t_string!(i18n, warrant_shown_administrative),
        "unsure" => t_string!(i18n, warrant_shown_unsure),
        _ => return key.to_owned(),
    }
    .to_string()
}

/// A record as plain text in the current language (what is shared, saved and printed).
fn record_text(i18n: I18n, r: &Record) -> String {
    let fields = r.fields().map(|(k, v)| {
        let value = match k {
            "agency" | "warrant" if !v.is_empty() => label(i18n, v),
            "when" => v.replacen('T', " ", 1),
            _ => v.to_owned(),
        };
        (k, value)
    });
    let labels: Vec<String> = fields.iter().map(|(k, _)| label(i18n, k)).collect();
    as_text(&t_string!(i18n, record_title).to_string(), labels.iter().map(String::as_str).zip(fields.into_iter().map(|(_, v)| v)))
}

/// `/plan/record`.
#[component]
pub fn PlanRecord() -> impl IntoView {
    let i18n = use_i18n();
    let store = PlanStore::open();
    let plan = store.plan;
    let open_id = RwSignal::new(plan.with_untracked(|p| p.records.last().map(|r| r.id.clone())));

    let start = move |_| {
        let r = Record { id: new_id(), when: now_local(), ..Record::default() };
        let id = r.id.clone();
        store.apply(|p| p.put_record(r));
        open_id.set(Some(id));
    };

    let list = move || {
        let records = plan.with(|p| p.records.iter().rev().map(|r| (r.id.clone(), r.when.replacen('T', " ", 1), r.place.clone())).collect::<Vec<_>>());
        if records.is_empty() {
            return view! { <p class="muted">{t!(i18n, record_none)}</p> }.into_any();
        }
        let records = records
            .into_iter()
            .map(|(id, when, place)| {
                let id2 = id.clone();
                view! {
                    <li><button type="button" class="link-row record-pick" data-testid="record-pick"
                        aria-pressed=move || (open_id.get().as_deref() == Some(id.as_str())).to_string()
                        on:click=move |_| open_id.set(Some(id2.clone()))>
                        <span class="link-title" dir="ltr">{when}</span>
                        <span class="link-hint">{place}</span>
                    </button></li>
                }
            })
            .collect_view();
        view! { <ul class="links">{records}</ul> }.into_any()
    };

    let editor = move || {
        let id = open_id.get()?;
        let record = plan.with_untracked(|p| p.records.iter().find(|r| r.id == id).cloned())?;
        let value = {
            let id = id.clone();
            move |field: &'static str| {
                let id = id.clone();
                move || plan.with(|p| p.records.iter().find(|r| r.id == id).and_then(|r| r.fields().iter().find(|(k, _)| *k == field).map(|(_, v)| v.to_string())).unwrap_or_default())
            }
        };
        let set = {
            let id = id.clone();
            move |field: &'static str, v: String| {
                let id = id.clone();
                store.type_into(move |p| {
                    if let Some(r) = p.records.iter_mut().find(|r| r.id == id) {
                        r.set(field, v.clone());
                    }
                });
            }
        };
        let text_input = |field: &'static str, multiline: bool| {
            let set = set.clone();
            let input_id = format!("rec-{field}");
            let lbl = move || label(i18n, field);
            let val = value(field);
            if multiline {
                view! {
                    <label for=input_id.clone()>{lbl}</label>
                    <textarea id=input_id rows="3" dir="auto" data-testid=format!("record-{field}") prop:value=val
                        on:input=move |ev| set(field, event_target_value(&ev))></textarea>
                }
                .into_any()
            } else {
                let kind = if field == "when" { "datetime-local" } else { "text" };
                view! {
                    <label for=input_id.clone()>{lbl}</label>
                    <input id=input_id type=kind dir=if field == "when" { "ltr" } else { "auto" } data-testid=format!("record-{field}") prop:value=val
                        on:input=move |ev| set(field, event_target_value(&ev)) />
                }
                .into_any()
            }
        };
        let choices = |field: &'static str, options: &'static [&'static str]| {
            let set = set.clone();
            let current = value(field);
            let group = format!("{field}-{id}");
            let items = options
                .iter()
                .map(|&o| {
                    let set = set.clone();
                    let current = current.clone();
                    view! {
                        <li><label class="check">
                            <input type="radio" name=group.clone() value=o prop:checked=move || current() == o
                                data-testid=format!("record-{field}-{o}")
                                on:change=move |_| set(field, o.to_owned()) />
                            <span>{move || label(i18n, o)}</span>
                        </label></li>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="choices">
                    <legend>{move || label(i18n, field)}</legend>
                    <ul class="checklist">{items}</ul>
                </fieldset>
            }
        };
        let text = {
            let id = id.clone();
            move || plan.with(|p| p.records.iter().find(|r| r.id == id).map(|r| record_text(i18n, r))).unwrap_or_default()
        };
        let (t1, t2, t3) = (text.clone(), text.clone(), text.clone());
        let file_name = format!("record-{}.txt", record.when.replace([':', 'T'], "-"));
        let del_id = id.clone();
        Some(view! {
            <form class="contact-form record-form no-print" data-testid="record-form" on:submit=|ev| ev.prevent_default()>
                {text_input("when", false)}
                {text_input("place", false)}
                {choices("agency", &AGENCIES[..])}
                {text_input("officers", true)}
                {text_input("plates", false)}
                {text_input("what", true)}
                {choices("warrant", &WARRANTS[..])}
                <p><a href=crate::href("/rights/warrant") class="link-row"><span class="link-title">{t!(i18n, home_warrant)}</span></a></p>
                {text_input("witnesses", true)}
            </form>
            <div class="record-actions no-print">
                {can_share().then(|| view! {
                    <button type="button" class="button" data-testid="record-share" on:click=move |_| { share_text(&t_string!(i18n, record_title).to_string(), &t1()); }>{t!(i18n, record_share)}</button>
                })}
                <button type="button" class="button" data-testid="record-save" on:click=move |_| { store.flush(); save_text_file(&file_name, &t2()); }>{t!(i18n, record_save_file)}</button>
                <button type="button" class="button" data-testid="record-print" on:click=move |_| { store.flush(); print(); }>{t!(i18n, record_print)}</button>
                <button type="button" class="button button-danger" data-testid="record-delete" on:click=move |_| {
                    let ok = web_sys::window().and_then(|w| w.confirm_with_message(&t_string!(i18n, record_delete_confirm).to_string()).ok()).unwrap_or(false);
                    if ok {
                        let id = del_id.clone();
                        store.apply(move |p| p.remove_record(&id));
                        open_id.set(None);
                    }
                }>{t!(i18n, record_delete)}</button>
            </div>
            <pre class="print-only record-text" data-testid="record-text">{t3}</pre>
        })
    };

    view! {
        <div class="screen plan-record" data-testid="screen-plan-record">
            <h1 class="no-print">{t!(i18n, record_title)}</h1>
            <p class="no-print">{t!(i18n, record_intro)}</p>
            <div class="no-print"><PlanStatus store=store /></div>
            <button type="button" class="button no-print" data-testid="record-new" on:click=start>{t!(i18n, record_new)}</button>
            {editor}
            <section class="no-print">
                <h2>{t!(i18n, record_list)}</h2>
                {list}
            </section>
        </div>
    }
}
