//! `/plan`: the person's own contacts, notes and preparedness checklist, and the way to the
//! alert, the record of what happened and erasing everything. Stored only on this phone
//! through `services::plan_store` (read-modify-write, typed text saved as it is typed).
use leptos::prelude::*;
use pocket_model::content::PageKind;
use pocket_model::plan::{ContactError, new_contact, tel_href};

use crate::components::icon::{icon, Icon};
use crate::components::page_footer::PageFooter;
use crate::components::rich_text::RichText;
use crate::components::plan_status::PlanStatus;
use crate::i18n::*;
use crate::services::content::{Pages, use_pages};
use crate::services::plan_store::{PlanStore, new_id};

pub mod alert;
pub mod cards;
pub mod erase;
pub mod family;
pub mod hotlines;
pub mod record;

/// `/plan`.
#[component]
pub fn Plan() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_pages(|| Pages::Kind(PageKind::Preparedness));
    let store = PlanStore::open();
    let plan = store.plan;

    let (name, set_name) = signal(String::new());
    let (phone, set_phone) = signal(String::new());
    let (role, set_role) = signal(String::new());
    let (error, set_error) = signal(None::<ContactError>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match new_contact(&new_id(), &name.get_untracked(), &phone.get_untracked(), &role.get_untracked()) {
            Ok(c) => {
                store.apply(|p| p.add_contact(c));
                set_name.set(String::new());
                set_phone.set(String::new());
                set_role.set(String::new());
                set_error.set(None);
            }
            Err(e) => set_error.set(Some(e)),
        }
    };

    let contacts = move || {
        let list = plan.with(|p| p.contacts.clone());
        if list.is_empty() {
            return view! { <p class="muted">{t!(i18n, plan_no_contacts)}</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|c| {
                let (n1, n2, id) = (c.name.clone(), c.name.clone(), c.id.clone());
                view! {
                    <li class="contact" data-testid="contact">
                        // Named by its content ("Call Ana" + the number and role shown), not by
                        // an aria-label that would hide the visible number from voice control.
                        <a class="contact-call" href=tel_href(&c.phone)>
                            <span class="visually-hidden">{move || t_string!(i18n, plan_call, name = n1.clone()).to_string()}</span>
                            <span class="contact-name" aria-hidden="true"><bdi>{c.name.clone()}</bdi></span>
                            <span class="contact-phone" dir="ltr">{c.phone.clone()}</span>
                            {(!c.role.is_empty()).then(|| view! { <span class="muted"><bdi>{c.role.clone()}</bdi></span> })}
                        </a>
                        <button type="button" class="icon-button" aria-label=move || t_string!(i18n, plan_remove, name = n2.clone()).to_string()
                            on:click=move |_| store.apply(|p| p.remove_contact(&id))>{icon(Icon::Close, "icon")}</button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="contacts">{items}</ul> }.into_any()
    };

    let checklist = move || {
        content.get().and_then(|c| c.ok()).map(|b| {
            let page = b.content.pages_of(PageKind::Preparedness).next().cloned();
            page.map(|page| {
                let source_ids = pocket_model::content::Content::sources_of(&page.sections).into_iter().map(str::to_owned).collect();
                let reviewed = pocket_model::content::Content::page_reviewed(&page).map(str::to_owned);
                let oldest = pocket_model::review_age::oldest(page.sections.iter().flat_map(|s| &s.items)).map(str::to_owned);
                let items = page
                    .sections
                    .iter()
                    .flat_map(|s| s.items.iter())
                    .map(|item| {
                        let id = item.id.clone();
                        let id2 = id.clone();
                        let checked = move || plan.with(|p| p.done.contains(&id));
                        view! {
                            <li><label class="check">
                                <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    store.apply(|p| p.set_done(&id2, on));
                                } />
                                <span><RichText text=item.text.clone() /></span>
                            </label></li>
                        }
                    })
                    .collect_view();
                view! {
                    <section>
                        <h2>{t!(i18n, plan_checklist)}</h2>
                        <ul class="checklist" data-testid="checklist">{items}</ul>
                    </section>
                    <PageFooter reviewed=reviewed oldest=oldest source_ids=source_ids sources=b.sources.clone() />
                }
            })
        })
    };

    view! {
        <div class="screen plan" data-testid="screen-plan">
            <h1>{t!(i18n, plan_title)}</h1>
            <p>{t!(i18n, plan_intro)}</p>
            <PlanStatus store=store />
            <ul class="links plan-links">
                <li><a href=crate::href("/plan/alert") class="link-row" data-testid="link-alert"><span class="link-title">{t!(i18n, alert_title)}</span></a></li>
                <li><a href=crate::href("/plan/record") class="link-row" data-testid="link-record"><span class="link-title">{t!(i18n, record_title)}</span></a></li>
                <li><a href=crate::href("/plan/family") class="link-row" data-testid="link-family"><span class="link-title">{t!(i18n, family_title)}</span></a></li>
                <li><a href=crate::href("/plan/hotlines") class="link-row" data-testid="link-hotlines"><span class="link-title">{t!(i18n, hotlines_title)}</span></a></li>
                <li><a href=crate::href("/plan/cards") class="link-row" data-testid="link-cards"><span class="link-title">{t!(i18n, cards_title)}</span></a></li>
            </ul>
            <section>
                <h2>{t!(i18n, plan_contacts)}</h2>
                {contacts}
                <form class="contact-form" on:submit=add data-testid="contact-form">
                    <h3>{t!(i18n, plan_add_contact)}</h3>
                    <label for="c-name">{t!(i18n, plan_name)}</label>
                    <input id="c-name" type="text" dir="auto" autocomplete="off" prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
                    <label for="c-phone">{t!(i18n, plan_phone)}</label>
                    <input id="c-phone" type="tel" dir="ltr" autocomplete="off" prop:value=phone on:input=move |ev| set_phone.set(event_target_value(&ev)) />
                    <label for="c-role">{t!(i18n, plan_role)}</label>
                    <input id="c-role" type="text" dir="auto" autocomplete="off" prop:value=role on:input=move |ev| set_role.set(event_target_value(&ev)) />
                    {move || error.get().map(|e| view! {
                        <p class="form-error" role="alert">{match e {
                            ContactError::MissingName => t!(i18n, plan_error_name).into_any(),
                            ContactError::MissingPhone => t!(i18n, plan_error_phone).into_any(),
                            ContactError::BadPhone => t!(i18n, plan_error_bad_phone).into_any(),
                            ContactError::TooLong => t!(i18n, plan_error_too_long).into_any(),
                        }}</p>
                    })}
                    <button type="submit" class="button">{t!(i18n, plan_add)}</button>
                </form>
            </section>
            <section>
                <h2><label for="plan-notes">{t!(i18n, plan_notes)}</label></h2>
                <p class="muted" id="plan-notes-hint">{t!(i18n, plan_notes_hint)}</p>
                <textarea id="plan-notes" rows="6" dir="auto" aria-describedby="plan-notes-hint" data-testid="plan-notes"
                    prop:value=move || plan.with(|p| p.notes.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); store.type_into(move |p| p.notes = v.clone()); }></textarea>
            </section>
            {checklist}
            <p><a href=crate::href("/plan/erase") class="button button-danger" data-testid="link-erase">{t!(i18n, erase_title)}</a></p>
        </div>
    }
}
