//! The officer card: what to show or read to an officer, in English, and the same in the
//! person's language. Full screen, large type; keeps the screen awake while open.
use leptos::prelude::*;
use pocket_model::content::{Content, Item, PageKind, SectionKind};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::components::icon::{icon, Icon};
use crate::components::rich_text::RichText;
use crate::components::speak_as::SpeakAsChoice;
use crate::components::alert_button::AlertButton;
use crate::i18n::*;
use crate::services::content::use_content;
use crate::services::settings::use_settings;

/// The statements of the officer page, in file order.
fn statements(content: &Content) -> Vec<&Item> {
    content.pages_of(PageKind::Officer).flat_map(|p| p.sections.iter()).filter(|s| s.kind == SectionKind::Statements).flat_map(|s| s.items.iter()).collect()
}

/// Ask the browser to keep the screen on (Screen Wake Lock, where it exists); the lock is
/// released when the card closes.
fn keep_screen_awake() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let wake_lock = js_sys::Reflect::get(&navigator, &"wakeLock".into()).ok().filter(|v| !v.is_undefined())?;
    let request: js_sys::Function = js_sys::Reflect::get(&wake_lock, &"request".into()).ok()?.dyn_into().ok()?;
    request.call1(&wake_lock, &"screen".into()).ok()
}

fn release_wake_lock(promise: &JsValue) {
    let promise: js_sys::Promise = promise.clone().unchecked_into();
    let release = Closure::<dyn FnMut(JsValue)>::new(|sentinel: JsValue| {
        if let Ok(f) = js_sys::Reflect::get(&sentinel, &"release".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = f.call0(&sentinel);
        }
    });
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = promise.then2(&release, &ignore);
    release.forget();
    ignore.forget();
}

/// Why reading aloud cannot happen, if it cannot.
#[derive(Clone, Copy, PartialEq)]
enum SpeechProblem {
    NoSpeech,
    NoEnglishVoice,
}

/// Speak the English statements with an English voice that works offline.
fn read_aloud(text: &str) -> Result<(), SpeechProblem> {
    let window = web_sys::window().ok_or(SpeechProblem::NoSpeech)?;
    let synth = window.speech_synthesis().map_err(|_| SpeechProblem::NoSpeech)?;
    let voices = synth.get_voices();
    let english = voices
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .filter(|v| v.lang().to_ascii_lowercase().starts_with("en"))
        .max_by_key(|v| (v.local_service(), v.lang() == "en-US"));
    let voice = english.filter(|v| v.local_service()).ok_or(SpeechProblem::NoEnglishVoice)?;
    let utterance = web_sys::SpeechSynthesisUtterance::new_with_text(text).map_err(|_| SpeechProblem::NoSpeech)?;
    utterance.set_voice(Some(&voice));
    utterance.set_lang("en-US");
    utterance.set_rate(0.9);
    synth.cancel();
    synth.speak(&utterance);
    Ok(())
}

/// `/card`.
#[component]
pub fn OfficerCard() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let settings = use_settings();
    let lock = StoredValue::new_local(keep_screen_awake());
    on_cleanup(move || {
        lock.with_value(|l| {
            if let Some(p) = l {
                release_wake_lock(p);
            }
        });
        if let Some(s) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
            s.cancel();
        }
    });
    let (speech_problem, set_speech_problem) = signal(None::<SpeechProblem>);
    // The static card of index.html stays unless this card has its text: when the content
    // could not be loaded, the static card (every language's statements) is the better screen.
    Effect::new(move |_| {
        if content.with(|c| matches!(c, Some(Ok(_)))) && !i18n.is_switching() {
            crate::dismiss_boot();
        }
    });

    let body = move || {
        match content.get() {
            None => view! { <p>{t!(i18n, loading)}</p> }.into_any(),
            Some(Err(_)) => view! { <p role="alert">{t!(i18n, content_missing)}</p> }.into_any(),
            Some(Ok(bundle)) => {
                let english = statements(&bundle.english);
                let is_english = i18n.get_locale().as_str() == "en";
                let spoken = english.iter().map(|i| pocket_model::inline::plain(&i.text)).collect::<Vec<_>>().join(" ");
                let en_list = english
                    .into_iter()
                    .map(|i| view! { <li data-testid=format!("officer-en-{}", i.id)><RichText text=i.text.clone() /></li> })
                    .collect_view();
                let own_block = (!is_english).then(|| {
                    let own_list = statements(&bundle.content)
                        .into_iter()
                        .map(|i| {
                            let testid = format!("officer-own-{}", i.id);
                            let i = i.clone();
                            view! { <li data-testid=testid>{move || { let t = i.text_as(settings.settings.with(|s| s.speak_as)).to_owned(); view! { <RichText text=t /> } }}</li> }
                        })
                        .collect_view();
                    view! {
                        <section class="card-own" aria-labelledby="card-own-h">
                            <h2 id="card-own-h">{t!(i18n, card_in_your_language)}</h2>
                            <SpeakAsChoice />
                            <ul class="card-statements">{own_list}</ul>
                        </section>
                    }
                });
                let speak = move |_| set_speech_problem.set(read_aloud(&spoken).err());
                view! {
                    <section class="card-en" lang="en" dir="ltr" aria-labelledby="card-en-h">
                        <h2 id="card-en-h" class="card-label">{t!(i18n, card_for_officer)}</h2>
                        <ul class="card-statements" data-testid="officer-english">{en_list}</ul>
                    </section>
                    <button type="button" class="button read-aloud" data-testid="read-aloud" on:click=speak>
                        {icon(Icon::Speaker, "icon icon-before")}{t!(i18n, card_read_aloud)}
                    </button>
                    {move || speech_problem.get().map(|p| view! {
                        <p class="notice" role="alert" data-testid="speech-problem">
                            {match p {
                                SpeechProblem::NoSpeech => t!(i18n, card_no_speech).into_any(),
                                SpeechProblem::NoEnglishVoice => t!(i18n, card_no_voice).into_any(),
                            }}
                        </p>
                    })}
                    {own_block}
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="screen officer-card" data-testid="screen-card">
            <h1 class="visually-hidden">{t!(i18n, card_title)}</h1>
            {body}
            <AlertButton />
            <p class="muted card-awake">{t!(i18n, card_awake)}</p>
        </div>
    }
}
