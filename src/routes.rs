//! The route table: every screen has its own URL, so a link or a reload lands on it.
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

pub mod about;
pub mod home;
pub mod language;
pub mod map;
pub mod map_county;
pub mod map_state;
pub mod not_found;
pub mod officer_card;
pub mod plan;
pub mod rights;
pub mod rights_page;
pub mod warrant_checker;

/// All screens.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=not_found::NotFound>
            <Route path=path!("/") view=home::Home />
            <Route path=path!("/card") view=officer_card::OfficerCard />
            <Route path=path!("/rights") view=rights::Rights />
            <Route path=path!("/rights/warrant") view=warrant_checker::WarrantChecker />
            <Route path=path!("/rights/:id") view=rights_page::RightsPage />
            <Route path=path!("/map") view=map::Map />
            <Route path=path!("/map/:state") view=map_state::MapState />
            <Route path=path!("/map/:state/:county") view=map_county::MapCounty />
            <Route path=path!("/plan") view=plan::Plan />
            <Route path=path!("/plan/alert") view=plan::alert::PlanAlert />
            <Route path=path!("/plan/record") view=plan::record::PlanRecord />
            <Route path=path!("/plan/family") view=plan::family::PlanFamily />
            <Route path=path!("/plan/cards") view=plan::cards::PlanCards />
            <Route path=path!("/plan/erase") view=plan::erase::PlanErase />
            <Route path=path!("/about") view=about::About />
            <Route path=path!("/language") view=language::LanguagePicker />
        </Routes>
    }
}
