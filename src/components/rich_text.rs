//! Content text with its inline markup (`pocket_model::inline`): phone numbers as `tel:`
//! links and web addresses as links, each isolated left-to-right so their digits and
//! characters keep their order inside a right-to-left sentence; English names in `<bdi>`.
use leptos::prelude::*;
use pocket_model::inline::{Span, parse};

/// A text of the content files; text whose markup does not parse is shown as it is.
#[component]
pub fn RichText(
    #[prop(into)] text: String,
    /// False inside a button or link: numbers and addresses are isolated but not links.
    #[prop(default = true)]
    links: bool,
) -> impl IntoView {
    let spans = match parse(&text) {
        Ok(spans) => spans,
        Err(_) => return text.clone().into_any(),
    };
    spans
        .into_iter()
        .map(|span| match span {
            Span::Text(t) => t.to_owned().into_any(),
            Span::Tel { shown, .. } | Span::Url { shown, .. } if !links => {
                view! { <bdi class="ltr-run" dir="ltr">{shown.to_owned()}</bdi> }.into_any()
            }
            Span::Tel { shown, dial } => view! {
                <bdi class="ltr-run"><a class="tel" href=format!("tel:{dial}") dir="ltr" data-testid="tel">{shown.to_owned()}</a></bdi>
            }
            .into_any(),
            Span::Url { href, shown } => view! {
                <bdi class="ltr-run"><a class="url" href=href.to_owned() dir="ltr" rel="noreferrer noopener" target="_blank">{shown.to_owned()}</a></bdi>
            }
            .into_any(),
            Span::En(t) => view! { <bdi class="ltr-run" dir="ltr" lang="en">{t.to_owned()}</bdi> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// A value (a date, a count, a name) between Unicode isolates (FSI … PDI, the text form of
/// `<bdi>`) for interpolation into a translated sentence, so its digits and words keep their
/// order in a right-to-left language. `t!` interpolates text, so the isolate is in the text.
pub fn isolated<F>(value: F) -> impl Fn() -> String + Clone + Send + Sync + 'static
where
    F: Fn() -> String + Clone + Send + Sync + 'static,
{
    move || format!("\u{2068}{}\u{2069}", value())
}
