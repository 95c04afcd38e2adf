//! The one-tap alert from home and the officer card: opens the messaging app with every
//! chosen contact and the person's message; without contacts it leads to the alert screen.
use leptos::prelude::*;
use pocket_model::plan::alert::{sms_href, sms_style};
use pocket_model::plan::{Loaded, PLAN_KEY, load_plan};

use crate::components::icon::{icon, Icon};
use crate::i18n::*;
use crate::services::storage;

/// Which form of `sms:` link this phone understands.
pub fn this_phone_sms_style() -> pocket_model::plan::alert::SmsStyle {
    let navigator = web_sys::window().map(|w| w.navigator());
    let ua = navigator.as_ref().and_then(|n| n.user_agent().ok()).unwrap_or_default();
    let touch = navigator.map(|n| n.max_touch_points()).unwrap_or(0);
    sms_style(&ua, touch.max(0) as u32)
}

/// "Alert my people" as one large link.
#[component]
pub fn AlertButton() -> impl IntoView {
    let i18n = use_i18n();
    let plan = match load_plan(storage::read_raw(PLAN_KEY).as_deref()) {
        Loaded::Ok(p) => Some(p),
        _ => None,
    };
    let href = move || {
        let p = plan.as_ref()?;
        let phones: Vec<&str> = p.contacts.iter().filter(|c| c.alert).map(|c| c.phone.as_str()).collect();
        if phones.is_empty() {
            return None;
        }
        let default = t_string!(i18n, alert_default_message).to_string();
        let message = p.alert_message.clone().unwrap_or(default);
        Some(sms_href(this_phone_sms_style(), &phones, &message))
    };
    move || match href() {
        Some(h) => view! {
            <a class="alert-button" href=h data-testid="alert-button">{icon(Icon::Mail, "icon icon-before")}{t!(i18n, alert_title)}</a>
        }
        .into_any(),
        None => view! {
            <a href=crate::href("/plan/alert") class="alert-button" data-testid="alert-button">{icon(Icon::Mail, "icon icon-before")}{t!(i18n, alert_title)}</a>
        }
        .into_any(),
    }
}
