//! Policy map data: `public/data/*.json`, fetched the first time a map screen asks for it
//! (not at start: the officer card must not wait for it), validated as it is read (pocket_model::json), kept in memory.
use std::sync::Arc;

use leptos::prelude::*;
use pocket_model::date::IsoDate;
use pocket_model::policy::search::SearchIndex;
use pocket_model::policy::{AgreementsFile, CountiesFile, ModelCounts, StatesFile, TrendFile, counts_by_county};
use std::collections::BTreeMap;

use super::fetch::fetch_text;
use super::tasks::{next_task, sleep, when_idle};

/// Everything the map screens read.
pub struct PolicyData {
    pub states: Arc<StatesFile>,
    pub counties: CountiesFile,
    pub agreements: AgreementsFile,
    pub trend: TrendFile,
    /// Built on first use (`search_index`): only the map overview searches.
    search: std::sync::OnceLock<SearchIndex>,
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
    /// A screen needs all of the data now (not only once the phone is idle).
    rest_now: StoredValue<bool>,
    /// Ends the wait for an idle moment before the rest of the data loads.
    wake: StoredValue<Option<js_sys::Function>, LocalStorage>,
}

/// A data file read by its `FromJson` reader.
fn fetch_json<T: pocket_model::json::FromJson>(file: &'static str) -> impl Future<Output = Result<T, String>> {
    fetch_parsed(file, pocket_model::json::parse)
}

/// Starts the request at once (see `fetch_text`); parses when awaited, in a task of its own
/// (a file of several hundred kB takes a slow phone a few hundred ms to parse: alone, it
/// leaves room for a paint or a tap before and after it). The two large row files
/// (counties, agreements: ~750 kB) come with readers of their own that walk the rows in
/// place (`pocket_model::json::row_file`), not through a `serde_json::Value` tree.
fn fetch_parsed<T>(file: &'static str, parse: fn(&str) -> Result<T, String>) -> impl Future<Output = Result<T, String>> {
    let raw = fetch_text(&format!("data/{file}"));
    async move {
        let raw = raw.await.map_err(|e| format!("data/{file}: {e}"))?;
        next_task().await;
        parse(&raw).map_err(|e| format!("data/{file}: {e}"))
    }
}

async fn load_rest(states: Arc<StatesFile>) -> Result<Arc<PolicyData>, String> {
    // Three downloads in flight at once; each parsed in its own task, one after the other.
    let (counties, agreements, trend) = (fetch_parsed("counties.json", CountiesFile::read), fetch_parsed("agreements.json", AgreementsFile::read), fetch_json("trend.json"));
    let counties: CountiesFile = counties.await?;
    let agreements: AgreementsFile = agreements.await?;
    let trend: TrendFile = trend.await?;
    next_task().await;
    // Inserted one by one (in order already) rather than collected: no sort compiled for it.
    let mut by_county = BTreeMap::new();
    for (k, v) in counts_by_county(&agreements.agreements) {
        by_county.insert(k.to_owned(), v);
    }
    Ok(Arc::new(PolicyData { states, counties, agreements, trend, search: std::sync::OnceLock::new(), by_county }))
}

impl PolicyData {
    /// The search index over states, counties, cities and agencies, built the first time it
    /// is asked for (the map overview asks when the phone is idle, before anyone types).
    pub fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::build(&self.states.states, &self.counties.counties, &self.agreements.agreements))
    }
}

/// Provide the (not yet loaded) policy data.
pub fn provide_policy() {
    provide_context(PolicyCtx {
        states: RwSignal::new_local(None),
        full: RwSignal::new_local(None),
        started: StoredValue::new(false),
        rest_now: StoredValue::new(false),
        wake: StoredValue::new_local(None),
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
        // The map overview paints from the states file alone: the rest (search, "Where am
        // I?") comes once the phone is idle after that paint, or at once when a screen that
        // needs it opens (a state, a county: `use_policy`).
        if !ctx.rest_now.get_value() {
            let woken = js_sys::Promise::new(&mut |resolve, _| ctx.wake.set_value(Some(resolve)));
            leptos::task::spawn_local(async move {
                // Unasked, a few seconds after the map is drawn, when the phone is idle: the
                // person reads or scrolls the map first, then search and a state are instant.
                sleep(BACKGROUND_AFTER).await;
                when_idle(2000).await;
                wake(ctx);
            });
            let _ = wasm_bindgen_futures::JsFuture::from(woken).await;
        }
        let full = match states {
            Ok(states) => load_rest(states).await,
            Err(e) => Err(e),
        };
        if let Err(e) = &full {
            leptos::logging::warn!("policy data: {e}");
        }
        ctx.full.set(Some(full));
    });
}

/// How long after the states file the map overview loads the rest unasked.
const BACKGROUND_AFTER: std::time::Duration = std::time::Duration::from_secs(5);

impl PolicyCtx {
    /// All the data is needed now (a search typed, "Where am I?" tapped): load it at once.
    pub fn load_now(self) {
        start_loading(self);
        wake(self);
    }
}

/// The rest of the data is needed now: stop waiting for an idle moment.
fn wake(ctx: PolicyCtx) {
    ctx.rest_now.set_value(true);
    if let Some(resume) = ctx.wake.try_update_value(Option::take).flatten() {
        let _ = resume.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// All the policy data, loading it on first use.
pub fn use_policy() -> Loading<PolicyData> {
    let ctx = expect_context::<PolicyCtx>();
    ctx.load_now();
    ctx.full.read_only().into()
}

/// All the policy data for the map overview, which paints without it: loaded a few seconds
/// after the states file when the phone is idle, or at once when `PolicyCtx::load_now` or
/// `use_policy` asks first.
pub fn use_policy_later() -> (Loading<PolicyData>, PolicyCtx) {
    let ctx = expect_context::<PolicyCtx>();
    start_loading(ctx);
    (ctx.full.read_only().into(), ctx)
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
