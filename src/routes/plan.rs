//! `/plan`: the person's own contacts, notes and preparedness checklist. Stored only on
//! this phone; loaded once, written back from one effect; an unreadable stored plan is kept
//! aside, never overwritten.
use leptos::prelude::*;
use pocket_model::content::PageKind;
use pocket_model::plan::{ContactError, PLAN_KEY, Plan, load_plan, new_contact, tel_href};
use pocket_model::settings::Loaded;

use crate::components::page_footer::PageFooter;
use crate::components::rich_text::RichText;
use crate::i18n::*;
use crate::services::content::use_content;
use crate::services::storage;

/// `/plan`.
#[component]
pub fn Plan() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let (plan, problem) = match load_plan(storage::read_raw(PLAN_KEY).as_deref()) {
        Loaded::Missing => (Plan::default(), false),
        Loaded::Ok(p) => (p, false),
        Loaded::Corrupt { raw, .. } => {
            storage::keep_aside(PLAN_KEY, &raw);
            (Plan::default(), true)
        }
    };
    let plan = RwSignal::new(plan);
    let storage_ok = storage::available();
    let (saved, set_saved) = signal(None::<bool>);
    Effect::new(move |prev: Option<()>| {
        let p = plan.get();
        if prev.is_some() {
            set_saved.set(Some(storage::write(PLAN_KEY, &p)));
        }
    });

    let (name, set_name) = signal(String::new());
    let (phone, set_phone) = signal(String::new());
    let (role, set_role) = signal(String::new());
    let (error, set_error) = signal(None::<ContactError>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match new_contact(&name.get_untracked(), &phone.get_untracked(), &role.get_untracked()) {
            Ok(c) => {
                plan.update(|p| p.contacts.push(c));
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
            .enumerate()
            .map(|(idx, c)| {
                let (n1, n2) = (c.name.clone(), c.name.clone());
                view! {
                    <li class="contact" data-testid="contact">
                        <a class="contact-call" href=tel_href(&c.phone) aria-label=move || t_string!(i18n, plan_call, name = n1.clone()).to_string()>
                            <span class="contact-name">{c.name.clone()}</span>
                            <span class="contact-phone" dir="ltr">{c.phone.clone()}</span>
                            {(!c.role.is_empty()).then(|| view! { <span class="muted">{c.role.clone()}</span> })}
                        </a>
                        <button type="button" class="icon-button" aria-label=move || t_string!(i18n, plan_remove, name = n2.clone()).to_string()
                            on:click=move |_| plan.update(|p| { if idx < p.contacts.len() { p.contacts.remove(idx); } })>"✕"</button>
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
                                    plan.update(|p| {
                                        p.done.retain(|d| d != &id2);
                                        if on { p.done.push(id2.clone()); }
                                    });
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
            {problem.then(|| view! { <p class="notice" role="alert" data-testid="plan-problem">{t!(i18n, plan_storage_broken)}</p> })}
            {(!storage_ok).then(|| view! { <p class="notice" role="alert">{t!(i18n, storage_unavailable)}</p> })}
            <section>
                <h2>{t!(i18n, plan_contacts)}</h2>
                {contacts}
                <form class="contact-form" on:submit=add data-testid="contact-form">
                    <h3>{t!(i18n, plan_add_contact)}</h3>
                    <label for="c-name">{t!(i18n, plan_name)}</label>
                    <input id="c-name" type="text" autocomplete="off" prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
                    <label for="c-phone">{t!(i18n, plan_phone)}</label>
                    <input id="c-phone" type="tel" dir="ltr" autocomplete="off" prop:value=phone on:input=move |ev| set_phone.set(event_target_value(&ev)) />
                    <label for="c-role">{t!(i18n, plan_role)}</label>
                    <input id="c-role" type="text" autocomplete="off" prop:value=role on:input=move |ev| set_role.set(event_target_value(&ev)) />
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
                <textarea id="plan-notes" rows="6" aria-describedby="plan-notes-hint" data-testid="plan-notes"
                    prop:value=move || plan.with(|p| p.notes.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); plan.update(|p| p.notes = v); }></textarea>
            </section>
            <p class="muted" role="status" data-testid="plan-saved">{move || saved.get().map(|ok| if ok {
                t_string!(i18n, plan_saved).to_string()
            } else {
                t_string!(i18n, plan_not_saved).to_string()
            })}</p>
            {checklist}
        </div>
    }
}
