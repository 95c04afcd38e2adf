//! Policy map data: `public/data/*.json`, fetched the first time a map screen asks for it
//! (not at start: the officer card must not wait for it), validated by serde, kept in memory.
use std::sync::Arc;

use leptos::prelude::*;
use pocket_model::date::IsoDate;
use pocket_model::policy::search::SearchIndex;
use pocket_model::policy::{AgreementsFile, CountiesFile, ModelCounts, StatesFile, TrendFile, counts_by_county};
use std::collections::BTreeMap;

use super::fetch::fetch_text;

/// Everything the map screens read.
pub struct PolicyData {
    pub states: Arc<StatesFile>,
    pub counties: CountiesFile,
    pub agreements: AgreementsFile,
    pub trend: TrendFile,
    pub search: SearchIndex,
    /// Agreement counts per county FIPS.
    pub by_county: BTreeMap<String, ModelCounts>,
}

/// A file or set of files: `None` until loaded.
pub type Loading<T> = Signal<Option<Result<Arc<T>, String>>, LocalStorage>;

/// Loading state shared through context. The states file (small: outlines, laws, counts)
/// arrives first so the map paints at once; counties, agreements and the search index follow.
#[derive(Clone, Copy)]
pub struct PolicyCtx {
    states: RwSignal<Option<Result<Arc<StatesFile>, String>>, LocalStorage>,
    full: RwSignal<Option<Result<Arc<PolicyData>, String>>, LocalStorage>,
    started: StoredValue<bool>,
}

/// Starts the request at once (see `fetch_text`); parses when awaited.
fn fetch_json<T: serde::de::DeserializeOwned>(file: &'static str) -> impl Future<Output = Result<T, String>> {
    let raw = fetch_text(&format!("data/{file}"));
    async move {
        let raw = raw.await.map_err(|e| format!("data/{file}: {e}"))?;
        serde_json::from_str(&raw).map_err(|e| format!("data/{file}: {e}"))
    }
}

async fn load_rest(states: Arc<StatesFile>) -> Result<Arc<PolicyData>, String> {
    // Three downloads in flight at once; parsed one after the other.
    let (counties, agreements, trend) = (fetch_json("counties.json"), fetch_json("agreements.json"), fetch_json("trend.json"));
    let counties: CountiesFile = counties.await?;
    let agreements: AgreementsFile = agreements.await?;
    let trend: TrendFile = trend.await?;
    let search = SearchIndex::build(&states.states, &counties.counties, &agreements.agreements);
    let by_county = counts_by_county(&agreements.agreements).into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    Ok(Arc::new(PolicyData { states, counties, agreements, trend, search, by_county }))
}

/// Provide the (not yet loaded) policy data.
pub fn provide_policy() {
    provide_context(PolicyCtx {
        states: RwSignal::new_local(None),
        full: RwSignal::new_local(None),
        started: StoredValue::new(false),
    });
}

fn start_loading(ctx: PolicyCtx) {
    if ctx.started.get_value() {
        return;
    }
    ctx.started.set_value(true);
    leptos::task::spawn_local(async move {
        let states = fetch_json::<StatesFile>("states.json").await.map(Arc::new);
        ctx.states.set(Some(states.clone()));
        let full = match states {
            Ok(states) => load_rest(states).await,
            Err(e) => Err(e),
        };
        if let Err(e) = &full {
            leptos::logging::warn!("policy data: {e}");
        }
        ctx.full.set(Some(full));
        crate::finish_boot_page("map-state");
    });
}

/// All the policy data, loading it on first use.
pub fn use_policy() -> Loading<PolicyData> {
    let ctx = expect_context::<PolicyCtx>();
    start_loading(ctx);
    ctx.full.read_only().into()
}

/// Only the US states file, which arrives first.
pub fn use_us_states_file() -> Loading<StatesFile> {
    let ctx = expect_context::<PolicyCtx>();
    start_loading(ctx);
    ctx.states.read_only().into()
}

/// Today's date on this phone (UTC), for "more than six months old" warnings.
pub fn today() -> Option<IsoDate> {
    let iso = js_sys::Date::new_0().to_iso_string().as_string()?;
    IsoDate::parse(iso.get(..10)?)
}
