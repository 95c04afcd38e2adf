//! `/plan/family`: what the family needs if the person is detained — who picks up the
//! children, where the documents are, A-numbers, the lawyer (and whether a G-28 is signed),
//! medicines and doctors, proof of two or more years in the US. Saved as typed; printable and
//! exportable as a text file the person keeps. Beside each group of fields, one or two lines
//! of the rights content's family-plan guide (`plan-guide`), with its sources and review
//! dates at the foot and a link to the whole guide.
use leptos::prelude::*;
use pocket_model::content::Item;
use pocket_model::plan::record::as_text;

use crate::components::page_footer::PageFooter;
use crate::components::plan_status::PlanStatus;
use crate::components::rich_text::RichText;
use crate::i18n::*;
use crate::services::content::{Pages, use_pages};
use crate::services::export::{print, save_text_file};
use crate::services::plan_store::PlanStore;

/// The content page the guidance comes from.
const GUIDE_PAGE: &str = "plan-guide";

/// The guide's items (content ids) shown with each field; fields without any show none.
fn guidance(field: &str) -> &'static [&'static str] {
    match field {
        "pickup" => &["plan-children-pickup", "plan-children-forms"],
        "documents" => &["plan-documents-folder"],
        "a_numbers" => &["plan-documents-anumber"],
        "lawyer" => &["plan-contacts-lawyer", "plan-contacts-notario"],
        "health" => &["plan-health-meds"],
        "presence_proof" => &["plan-documents-proof"],
        _ => &[],
    }
}

/// Every field's guidance, in the order the fields come.
const FIELDS_WITH_GUIDANCE: [&str; 6] = ["pickup", "documents", "a_numbers", "lawyer", "health", "presence_proof"];

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
    // The guide's own file (content/<lang>/plan-guide.json).
    let content = use_pages(|| Pages::Id(GUIDE_PAGE.into()));
    // The guide's items for one field, in the active language (none while content loads or
    // when the guide is missing: the form works without it).
    let guide_items = move |field: &'static str| -> Vec<Item> {
        content
            .get()
            .and_then(Result::ok)
            .and_then(|b| {
                let page = b.content.page(GUIDE_PAGE)?;
                let items = page.sections.iter().flat_map(|s| &s.items);
                Some(guidance(field).iter().filter_map(|id| items.clone().find(|i| i.id == *id).cloned()).collect())
            })
            .unwrap_or_default()
    };
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
            let has_guide = !guidance(field).is_empty();
            let guide_id = format!("fam-{field}-guide");
            let described = has_guide.then(|| guide_id.clone());
            let control = if field == "lawyer_phone" {
                view! { <input id=id.clone() type="tel" dir="ltr" data-testid=format!("family-{field}") prop:value=value on:input=on_input /> }.into_any()
            } else if field == "lawyer" {
                view! { <input id=id.clone() type="text" dir="auto" aria-describedby=described data-testid=format!("family-{field}") prop:value=value on:input=on_input /> }.into_any()
            } else {
                view! { <textarea id=id.clone() rows="3" dir="auto" aria-describedby=described data-testid=format!("family-{field}") prop:value=value on:input=on_input></textarea> }.into_any()
            };
            let guide = has_guide.then(|| {
                view! {
                    <div class="field-guide" id=guide_id data-testid=format!("family-guide-{field}")>
                        {move || guide_items(field).into_iter().map(|item| view! {
                            <p data-item=item.id.clone()><RichText text=item.text /></p>
                        }).collect_view()}
                    </div>
                }
                .into_any()
            });
            // The G-28 belongs with the lawyer's name and phone.
            let g28 = (field == "lawyer_phone").then(|| view! {
                <label class="check">
                    <input type="checkbox" data-testid="family-g28" prop:checked=move || plan.with(|p| p.family.g28_signed)
                        on:change=move |ev| { let on = event_target_checked(&ev); store.apply(|p| p.family.g28_signed = on); } />
                    <span>{t!(i18n, family_g28)}</span>
                </label>
            }
            .into_any());
            view! { <div class="field-group"><label for=id>{move || label(i18n, field)}</label>{guide}{control}{g28}</div> }
        })
        .collect_view();
    // The foot: the sources and review dates of the guidance shown, and the whole guide.
    let footer = move || {
        content.get().and_then(Result::ok).map(|b| {
            let shown: Vec<Item> = FIELDS_WITH_GUIDANCE.iter().flat_map(|&f| guide_items(f)).collect();
            let mut source_ids: Vec<String> = Vec::new();
            for id in shown.iter().flat_map(|i| &i.sources) {
                if !source_ids.contains(id) {
                    source_ids.push(id.clone());
                }
            }
            let reviewed = shown.iter().map(|i| i.reviewed.clone()).max();
            let oldest = pocket_model::review_age::oldest(shown.iter()).map(str::to_owned);
            let guide_link = b.content.page(GUIDE_PAGE).is_some().then(|| view! {
                <p><a href=crate::href(&format!("/rights/{GUIDE_PAGE}")) class="link-row" data-testid="family-guide-link">
                    <span class="link-title">{t!(i18n, family_guide_link)}</span>
                </a></p>
            });
            view! {
                {guide_link}
                <PageFooter reviewed=reviewed oldest=oldest source_ids=source_ids sources=b.sources.clone() />
            }
            .into_any()
        })
    };
    view! {
        <div class="screen plan-family" data-testid="screen-plan-family">
            <h1 class="no-print">{t!(i18n, family_title)}</h1>
            <p class="no-print">{t!(i18n, family_intro)}</p>
            <div class="no-print"><PlanStatus store=store /></div>
            <form class="contact-form no-print" data-testid="family-form" on:submit=|ev| ev.prevent_default()>
                {inputs}
            </form>
            <div class="record-actions no-print">
                <button type="button" class="button" data-testid="family-save" on:click=move |_| { store.flush(); save_text_file("family-plan.txt", &text()); }>{t!(i18n, record_save_file)}</button>
                <button type="button" class="button" data-testid="family-print" on:click=move |_| { store.flush(); print(); }>{t!(i18n, record_print)}</button>
            </div>
            <div class="no-print">{footer}</div>
            <pre class="print-only record-text" data-testid="family-text">{text}</pre>
        </div>
    }
}
