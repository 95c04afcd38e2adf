//! The one loading / error / ready gate of a family of screens (`/rights/*`, `/map/*`): it
//! shows "Loading…" or the error once, then provides the data and renders the screen below it
//! (its children), which reads the data with `use_gated`.
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::*;
use crate::services::policy::Loading;

/// The data a gate let through.
struct Gated<T>(Arc<T>);

impl<T> Clone for Gated<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

/// Gate the routes below on `state`.
#[component]
pub fn DataGate<T: Send + Sync + 'static>(
    /// The family's data: `None` while it loads.
    state: Loading<T>,
    /// What to say when it could not be had.
    error: UiKey,
    /// A heading while loading or failed, so that the screen says where the person is.
    #[prop(optional)]
    heading: Option<UiKey>,
    /// The screen, shown once the data is in.
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let message = match state.get() {
            Some(Ok(data)) => {
                provide_context(Gated(data));
                return children();
            }
            None => view! { <p>{t!(i18n, loading)}</p> }.into_any(),
            Some(Err(_)) => view! { <p class="notice" role="alert">{text_fn(i18n, error)}</p> }.into_any(),
        };
        view! {
            <div class="screen" data-testid="gate">
                {heading.map(|h| view! { <h1>{text_fn(i18n, h)}</h1> })}
                {message}
            </div>
        }
        .into_any()
    }
}

/// The data of the gate around this screen.
pub fn use_gated<T: Send + Sync + 'static>() -> Arc<T> {
    expect_context::<Gated<T>>().0
}
