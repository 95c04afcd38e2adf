//! `/plan/family`: what the family needs if the person is detained — who picks up the
//! children, where the documents are, A-numbers, the lawyer (and whether a G-28 is signed),
//! medicines and doctors, proof of two or more years in the US. Saved as typed; printable and
//! exportable as a text file the person keeps.
use leptos::prelude::*;
use pocket_model::plan::record::as_text;

use crate::components::plan_status::PlanStatus;
use crate::i18n::*;
use crate::services::export::{print, save_text_file};
use crate::services::plan_store::PlanStore;

fn label(i18n: I18n, field: &str) -> String {
    match field {
        "pickup" => t_string!(i18n, family_pickup),
        "documents" => t_string!(i18n, family_documents),
        "a_numbers" => t_string!(i18n, family_a_numbers),
        "lawyer" => t_string!(i18n, family_lawyer),
        "lawyer_phone" => t_string!(i18n, family_lawyer_phone),
        "health" => t_string!(i18n, family_health),
        "presence_proof" => t_string!(i18n, family_presence),
        _ => return field.to_owned(),
    }
    .to_string()
}

/// `/plan/family`.
#[component]
pub fn PlanFamily() -> impl IntoView {
    let i18n = use_i18n();
    let store = PlanStore::open();
    let plan = store.plan;
    let text = move || {
        plan.with(|p| {
            let f = &p.family;
            let mut fields: Vec<(String, String)> = f.fields().iter().map(|(k, v)| (label(i18n, k), v.to_string())).collect();
            if f.g28_signed {
                fields.insert(5, (t_string!(i18n, family_g28).to_string(), "✓".to_owned()));
            }
            as_text(&t_string!(i18n, family_title).to_string(), fields.iter().map(|(l, v)| (l.as_str(), v.clone())))
        })
    };
    let fields = plan.with_untracked(|p| p.family.fields().map(|(k, _)| k));
    let inputs = fields
        .into_iter()
        .map(|field| {
            let id = format!("fam-{field}");
            let value = move || plan.with(|p| p.family.fields().iter().find(|(k, _)| *k == field).map(|(_, v)| v.to_string()).unwrap_or_default());
            let on_input = move |ev: web_sys::Event| {
                let v = event_target_value(&ev);
                store.type_into(move |p| p.family.set(field, v.clone()));
            };
            let control = if field == "lawyer_phone" {
                view! { <input id=id.clone() type="tel" dir="ltr" data-testid=format!("family-{field}") prop:value=value on:input=on_input /> }.into_any()
            } else if field == "lawyer" {
                view! { <input id=id.clone() type="text" data-testid=format!("family-{field}") prop:value=value on:input=on_input /> }.into_any()
            } else {
                view! { <textarea id=id.clone() rows="3" data-testid=format!("family-{field}") prop:value=value on:input=on_input></textarea> }.into_any()
            };
            view! { <label for=id>{move || label(i18n, field)}</label>{control} }
        })
        .collect_view();
    view! {
        <div class="screen plan-family" data-testid="screen-plan-family">
            <h1 class="no-print">{t!(i18n, family_title)}</h1>
            <p class="no-print">{t!(i18n, family_intro)}</p>
            <div class="no-print"><PlanStatus store=store /></div>
            <form class="contact-form no-print" data-testid="family-form" on:submit=|ev| ev.prevent_default()>
                {inputs}
                <label class="check">
                    <input type="checkbox" data-testid="family-g28" prop:checked=move || plan.with(|p| p.family.g28_signed)
                        on:change=move |ev| { let on = event_target_checked(&ev); store.apply(|p| p.family.g28_signed = on); } />
                    <span>{t!(i18n, family_g28)}</span>
                </label>
            </form>
            <div class="record-actions no-print">
                <button type="button" class="button" data-testid="family-save" on:click=move |_| { store.flush(); save_text_file("family-plan.txt", &text()); }>{t!(i18n, record_save_file)}</button>
                <button type="button" class="button" data-testid="family-print" on:click=move |_| { store.flush(); print(); }>{t!(i18n, record_print)}</button>
            </div>
            <pre class="print-only record-text" data-testid="family-text">{text}</pre>
        </div>
    }
}
