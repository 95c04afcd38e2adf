//! The route table: every screen has its own URL, so a link or a reload lands on it. A
//! family of screens (`/rights/*`, `/map/*`) sits under one gate that waits for its data
//! once (`components::data_gate`); route files import nothing from each other.
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::not_found::NotFound;
use crate::i18n::UiKey;
use crate::paths::Screen;
use crate::router::use_screen;
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

/// All screens: the one that `paths::Screen` names for the current path. Each arm is type-
/// erased (`into_any`), so a screen's view code is compiled once, not once per arm.
#[component]
pub fn AppRoutes() -> impl IntoView {
    let screen = use_screen();
    // The first screen is drawn in a task after the shell's: two shorter tasks at start
    // instead of one long one, so a slow phone can paint or take a tap in between. The static
    // first screen of index.html shows until then (`Shell` dismisses it once this is true).
    let drawn = use_context::<FirstScreen>().map(|f| f.0);
    move || {
        if drawn.is_some_and(|d| !d.get()) {
            return ().into_any();
        }
        screen_view(screen.get())
    }
}

/// Whether the first screen has been drawn yet (see `AppRoutes`), provided by the shell.
#[derive(Clone, Copy)]
pub struct FirstScreen(pub RwSignal<bool>);

fn screen_view(screen: Screen) -> AnyView {
    match screen {
        Screen::Home => view! { <home::Home /> }.into_any(),
        Screen::Card => view! { <officer_card::OfficerCard /> }.into_any(),
        Screen::Rights => view! { <RightsFamily><rights::Rights /></RightsFamily> }.into_any(),
        Screen::Warrant => view! { <RightsFamily><warrant_checker::WarrantChecker /></RightsFamily> }.into_any(),
        Screen::RightsPage { .. } => view! { <RightsFamily><rights_page::RightsPage /></RightsFamily> }.into_any(),
        Screen::Map => view! { <MapFamily><map::Map /></MapFamily> }.into_any(),
        Screen::State { .. } => view! { <MapFamily><us_state::UsState /></MapFamily> }.into_any(),
        Screen::County { .. } => view! { <MapFamily><MapDetailFamily><us_county::UsCounty /></MapDetailFamily></MapFamily> }.into_any(),
        Screen::Plan => view! { <plan::Plan /> }.into_any(),
        Screen::PlanAlert => view! { <plan::alert::PlanAlert /> }.into_any(),
        Screen::PlanRecord => view! { <plan::record::PlanRecord /> }.into_any(),
        Screen::PlanFamily => view! { <plan::family::PlanFamily /> }.into_any(),
        Screen::PlanHotlines => view! { <plan::hotlines::PlanHotlines /> }.into_any(),
        Screen::PlanCards => view! { <plan::cards::PlanCards /> }.into_any(),
        Screen::PlanErase => view! { <plan::erase::PlanErase /> }.into_any(),
        Screen::About => view! { <about::About /> }.into_any(),
        Screen::Changes => view! { <changes::Changes /> }.into_any(),
        Screen::Language => view! { <language::LanguagePicker /> }.into_any(),
        Screen::NotFound => view! { <NotFound /> }.into_any(),
    }
}

/// `/rights/*`: the rights content of the current language (English where it failed).
#[component]
fn RightsFamily(children: ChildrenFn) -> impl IntoView {
    let content = use_content();
    let state = Signal::derive_local(move || content.get().map(|r| r.map(Arc::new)));
    view! { <DataGate state=state error=UiKey::content_missing children=children /> }
}

/// `/map/*`: the US states file (outlines, laws, counts), which arrives first so that the
/// map paints before the rest of the data is in.
#[component]
fn MapFamily(children: ChildrenFn) -> impl IntoView {
    view! { <DataGate state=use_us_states_file() error=UiKey::map_loading_error heading=UiKey::map_title children=children /> }
}

/// `/map/:state/:county`: all the policy data (counties, agreements, trend).
#[component]
fn MapDetailFamily(children: ChildrenFn) -> impl IntoView {
    view! { <DataGate state=use_policy() error=UiKey::map_loading_error heading=UiKey::map_title children=children /> }
}
