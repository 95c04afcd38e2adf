//! "Where am I?": the browser's position becomes a county inside the app (a point-in-polygon
//! test on the map's own county outlines). Nothing is stored or sent; it works offline.
use leptos::prelude::*;
use crate::components::icon::{icon, Icon};
use crate::router::{NavigateOptions, use_navigate};
use pocket_model::geo::CountyLocator;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::i18n::*;
use crate::services::policy::{Loading, PolicyCtx, PolicyData};

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Looking,
    Denied,
    Unavailable,
    Outside,
}

/// The button, its privacy note and its outcome.
#[component]
pub fn WhereAmI(data: Loading<PolicyData>, loader: PolicyCtx) -> impl IntoView {
    let i18n = use_i18n();
    let (status, set_status) = signal(Status::Idle);
    // The position found, until the map data is in to place it (it loads on the tap if it has not yet).
    let (position, set_position) = signal(None::<(f64, f64)>);
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some((lon, lat)) = position.get() else { return };
        let found = match data.get() {
            None => return,
            Some(Err(_)) => None,
            Some(Ok(data)) => CountyLocator::from_counties(&data.counties.counties)
                .ok()
                .and_then(|loc| loc.locate(lon, lat).map(str::to_owned))
                .and_then(|fips| Some(format!("/map/{}/{fips}", data.states.state(&fips[..2])?.abbr))),
        };
        set_position.set(None);
        match found {
            Some(href) => {
                set_status.set(Status::Idle);
                // Replace, not push: the looked-up county is not a step to go back through.
                navigate(&href, NavigateOptions { replace: true, ..Default::default() });
            }
            None => set_status.set(if matches!(data.get_untracked(), Some(Err(_))) { Status::Unavailable } else { Status::Outside }),
        }
    });
    let locate = move |_| {
        let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
            set_status.set(Status::Unavailable);
            return;
        };
        set_status.set(Status::Looking);
        loader.load_now();
        // Read through Reflect: web-sys marks the GeolocationPosition types unstable.
        let on_position = Closure::once(move |pos: JsValue| {
            let num = |obj: &JsValue, key: &str| js_sys::Reflect::get(obj, &key.into()).ok().and_then(|v| v.as_f64());
            let coords = js_sys::Reflect::get(&pos, &"coords".into()).unwrap_or(JsValue::UNDEFINED);
            match (num(&coords, "longitude"), num(&coords, "latitude")) {
                (Some(lon), Some(lat)) => set_position.set(Some((lon, lat))),
                _ => set_status.set(Status::Outside),
            }
        });
        let on_error = Closure::once(move |err: JsValue| {
            // PositionError.code 1 is PERMISSION_DENIED.
            let code = js_sys::Reflect::get(&err, &"code".into()).ok().and_then(|v| v.as_f64());
            set_status.set(if code == Some(1.0) {
                Status::Denied
            } else {
                Status::Unavailable
            });
        });
        let options = web_sys::PositionOptions::new();
        options.set_enable_high_accuracy(false);
        options.set_timeout(20_000);
        options.set_maximum_age(600_000);
        if geo
            .get_current_position_with_error_callback_and_options(
                on_position.as_ref().unchecked_ref(),
                Some(on_error.as_ref().unchecked_ref()),
                &options,
            )
            .is_err()
        {
            set_status.set(Status::Unavailable);
        }
        on_position.forget();
        on_error.forget();
    };
    view! {
        <section class="where-am-i">
            <button type="button" class="button" data-testid="where-am-i" on:click=locate>
                {icon(Icon::Pin, "icon icon-before")}{t!(i18n, map_where)}
            </button>
            <p class="muted">{t!(i18n, map_where_privacy)}</p>
            <p role="status" data-testid="where-status">
                {move || match status.get() {
                    Status::Idle => None,
                    Status::Looking => Some(t!(i18n, map_where_looking).into_any()),
                    Status::Denied => Some(t!(i18n, map_where_denied).into_any()),
                    Status::Unavailable => Some(t!(i18n, map_where_unavailable).into_any()),
                    Status::Outside => Some(t!(i18n, map_where_outside).into_any()),
                }}
            </p>
        </section>
    }
}
