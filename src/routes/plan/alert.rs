//! `/plan/alert`: the message written beforehand, who gets it, "add where I am" (looked up
//! on the phone, put only into this one message, never stored), and the one-tap `sms:` link.
use leptos::prelude::*;
use pocket_model::language::Direction;
use pocket_model::plan::alert::{sms_href, with_position};

use crate::components::icon::{icon, Icon};
use crate::components::alert_button::this_phone_sms_style;
use crate::components::plan_status::PlanStatus;
use crate::i18n::*;
use crate::services::plan_store::PlanStore;
use crate::services::position;

#[derive(Clone, Copy, PartialEq)]
enum Where {
    Off,
    Looking,
    Found(f64, f64),
    Failed,
}

/// `/plan/alert`.
#[component]
pub fn PlanAlert() -> impl IntoView {
    let i18n = use_i18n();
    let store = PlanStore::open();
    let plan = store.plan;
    let (place, set_place) = signal(Where::Off);
    let style = this_phone_sms_style();

    let message = move || plan.with(|p| p.alert_message.clone()).unwrap_or_else(|| t_string!(i18n, alert_default_message).to_string());
    let full_message = move || match place.get() {
        Where::Found(lat, lon) => {
            let rtl = i18n.get_locale().0.dir == Direction::Rtl;
            with_position(&message(), &t_string!(i18n, alert_location_label).to_string(), lat, lon, rtl)
        }
        _ => message(),
    };
    let chosen = move || plan.with(|p| p.contacts.iter().filter(|c| c.alert).map(|c| (c.name.clone(), c.phone.clone())).collect::<Vec<_>>());
    let href = move || {
        let people = chosen();
        let phones: Vec<&str> = people.iter().map(|(_, p)| p.as_str()).collect();
        sms_href(style, &phones, &full_message())
    };
    let locate = move |_| {
        set_place.set(Where::Looking);
        position::look_up_once(move |pos| {
            set_place.set(match pos {
                Some((lat, lon)) => Where::Found(lat, lon),
                None => Where::Failed,
            })
        });
    };

    let recipients = move || {
        let list = plan.with(|p| p.contacts.clone());
        if list.is_empty() {
            return view! { <p class="notice" data-testid="alert-no-contacts">{t!(i18n, alert_no_contacts)}" "<a href=crate::href("/plan")>{t!(i18n, plan_title)}</a></p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|c| {
                let id = c.id.clone();
                view! {
                    <li><label class="check">
                        <input type="checkbox" prop:checked=c.alert on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            store.apply(|p| p.set_alert(&id, on));
                        } />
                        <span>{c.name.clone()}" "<bdi dir="ltr" class="muted">{c.phone.clone()}</bdi></span>
                    </label></li>
                }
            })
            .collect_view();
        view! { <ul class="checklist" data-testid="alert-recipients">{items}</ul> }.into_any()
    };
    let one_by_one = move || {
        let people = chosen();
        (people.len() > 1).then(|| {
            let links = people
                .into_iter()
                .map(|(name, phone)| {
                    let h = move || sms_href(style, &[phone.as_str()], &full_message());
                    view! { <li><a class="link-row" href=h data-testid="alert-one">{t_string!(i18n, alert_text_person, name = name.clone()).to_string()}</a></li> }
                })
                .collect_view();
            view! {
                <p class="muted">{t!(i18n, alert_one_recipient)}</p>
                <ul class="links">{links}</ul>
            }
        })
    };

    view! {
        <div class="screen plan-alert" data-testid="screen-plan-alert">
            <h1>{t!(i18n, alert_title)}</h1>
            <p>{t!(i18n, alert_intro)}</p>
            <PlanStatus store=store />
            {move || (!chosen().is_empty()).then(|| view! {
                <a class="alert-button" href=href data-testid="alert-send">{icon(Icon::Mail, "icon icon-before")}{t!(i18n, alert_send)}</a>
            })}
            <section>
                <h2><label for="alert-message">{t!(i18n, alert_message_label)}</label></h2>
                <textarea id="alert-message" rows="4" dir="auto" data-testid="alert-message"
                    prop:value=message
                    on:input=move |ev| { let v = event_target_value(&ev); store.type_into(move |p| p.alert_message = Some(v.clone())); }></textarea>
                <button type="button" class="button secondary" data-testid="alert-locate" on:click=locate
                    disabled=move || place.get() == Where::Looking>
                    {icon(Icon::Pin, "icon icon-before")}{t!(i18n, alert_add_location)}
                </button>
                <p class="muted">{t!(i18n, alert_location_note)}</p>
                {move || match place.get() {
                    Where::Found(..) => Some(view! { <p class="message-preview" data-testid="alert-preview">{full_message}</p> }.into_any()),
                    Where::Failed => Some(view! { <p class="notice" role="alert">{t!(i18n, alert_location_failed)}</p> }.into_any()),
                    Where::Looking => Some(view! { <p role="status">{t!(i18n, loading)}</p> }.into_any()),
                    Where::Off => None,
                }}
            </section>
            <section>
                <h2>{t!(i18n, alert_send_to)}</h2>
                {recipients}
                {one_by_one}
            </section>
        </div>
    }
}
