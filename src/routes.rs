//! The route table: every screen has its own URL, so a link or a reload lands on it. A
//! family of screens (`/rights/*`, `/map/*`) sits under one gate that waits for its data
//! once (`components::data_gate`); route files import nothing from each other.
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Routes};
use leptos_router::path;

use crate::components::data_gate::DataGate;
use crate::components::not_found::NotFound;
use crate::i18n::UiKey;
use crate::services::content::use_content;
use crate::services::policy::{use_policy, use_us_states_file};

pub mod about;
pub mod changes;
pub mod home;
pub mod language;
pub mod map;
pub mod officer_card;
pub mod plan;
pub mod rights;
pub mod rights_page;
pub mod us_county;
pub mod us_state;
pub mod warrant_checker;

/// All screens.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=home::Home />
            <Route path=path!("/card") view=officer_card::OfficerCard />
            <ParentRoute path=path!("/rights") view=RightsFamily>
                <Route path=path!("") view=rights::Rights />
                <Route path=path!("warrant") view=warrant_checker::WarrantChecker />
                <Route path=path!(":id") view=rights_page::RightsPage />
            </ParentRoute>
            <ParentRoute path=path!("/map") view=MapFamily>
                <Route path=path!("") view=map::Map />
                <ParentRoute path=path!(":state") view=MapDetailFamily>
                    <Route path=path!("") view=us_state::UsState />
                    <Route path=path!(":county") view=us_county::UsCounty />
                </ParentRoute>
            </ParentRoute>
            <Route path=path!("/plan") view=plan::Plan />
            <Route path=path!("/plan/alert") view=plan::alert::PlanAlert />
            <Route path=path!("/plan/record") view=plan::record::PlanRecord />
            <Route path=path!("/plan/family") view=plan::family::PlanFamily />
            <Route path=path!("/plan/hotlines") view=plan::hotlines::PlanHotlines />
            <Route path=path!("/plan/cards") view=plan::cards::PlanCards />
            <Route path=path!("/plan/erase") view=plan::erase::PlanErase />
            <Route path=path!("/about") view=about::About />
            <Route path=path!("/changes") view=changes::Changes />
            <Route path=path!("/language") view=language::LanguagePicker />
        </Routes>
    }
}

/// `/rights/*`: the rights content of the current language (English where it failed).
#[component]
fn RightsFamily() -> impl IntoView {
    let content = use_content();
    let state = Signal::derive_local(move || content.get().map(|r| r.map(Arc::new)));
    view! { <DataGate state=state error=UiKey::content_missing /> }
}

/// `/map/*`: the US states file (outlines, laws, counts), which arrives first so that the
/// map paints before the rest of the data is in.
#[component]
fn MapFamily() -> impl IntoView {
    view! { <DataGate state=use_us_states_file() error=UiKey::map_loading_error heading=UiKey::map_title /> }
}

/// `/map/:state/*`: all the policy data (counties, agreements, trend).
#[component]
fn MapDetailFamily() -> impl IntoView {
    view! { <DataGate state=use_policy() error=UiKey::map_loading_error heading=UiKey::map_title /> }
}
