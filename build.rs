//! Build steps before the app compiles:
//! 1. check that every UI locale has every key English has (naming language and key);
//! 2. validate every content file against the schema and against English (naming file and id),
//!    and its inline markup (`pocket_model::content::inline_rules`): phone numbers and web
//!    addresses only inside `[[tel:]]` / `[[url:]]`, the same ones as English, Latin-script
//!    names inside right-to-left sentences in `[[en:]]` (a warning for other scripts);
//! 3. warn (naming ids) when a statement was reviewed more than 180 days before the build
//!    date, and fail past 365 days (`pocket_model::review_age`);
//! 4. generate `ui_keys.rs`: one `UiKey` variant per English key (a key no locale has is a
//!    compile error), English built in as the fallback, and the `{{ placeholder }}` names of
//!    each key (a missing or unknown argument of `t!` is a compile error);
//! 5. write the language table for everything outside Rust to `tools/languages.json`;
//! 6. stamp the build date and label.
use pocket_model::content::{compare_with_english, parse_content, parse_sources};
use pocket_model::content::inline_rules;
use pocket_model::language::{Direction, LANGUAGES};
use pocket_model::ui_strings;
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=content");

    let mut problems = Vec::new();
    problems.extend(check_locale_keys());
    problems.extend(check_content());
    problems.extend(check_review_age(&today_utc()));
    if !problems.is_empty() {
        for p in &problems {
            println!("cargo::error={p}");
        }
        return Err(format!("{} problem(s) in locales/ or content/ (see above)", problems.len()).into());
    }

    // The build's date and label are not compiled in (tools/build-info.mjs writes build.json):
    // a content fix built on another day leaves the wasm as it was.

    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?);
    std::fs::write(out.join("ui_keys.rs"), ui_keys_module()?)?;
    write_if_changed("tools/languages.json", &pocket_model::language::table_json())?;
    Ok(())
}

/// Keep the file's time stamp when nothing changed (it is committed; tests compare it).
fn write_if_changed(path: &str, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text)?;
    }
    Ok(())
}

/// The Rust side of the English UI strings: keys, texts, placeholders.
fn ui_keys_module() -> Result<String, Box<dyn Error>> {
    let serde_json::Value::Object(english) = read_json("locales/en.json")? else { return Err("locales/en.json: not a JSON object".into()) };
    let mut variants = String::new();
    let mut names = String::new();
    let mut texts = String::new();
    let mut args = String::new();
    for (key, value) in &english {
        let text = value.as_str().unwrap_or_default();
        variants.push_str(&format!("    {key},\n"));
        names.push_str(&format!("    {key:?},\n"));
        texts.push_str(&format!("    {text:?},\n"));
        let fields: String = ui_strings::placeholders(text).iter().map(|p| format!("pub {p}: (), ")).collect();
        args.push_str(&format!("    pub struct {key} {{ {fields}}}\n"));
    }
    Ok(format!(
        "/// One variant per key of `locales/en.json`.\n#[allow(non_camel_case_types)]\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum UiKey {{\n{variants}}}\n\n\
         /// Key names, in `UiKey` order.\npub const UI_KEYS: [&str; {n}] = [\n{names}];\n\n\
         /// English texts, in `UiKey` order: built in, the fallback of every language.\npub const ENGLISH: [&str; {n}] = [\n{texts}];\n\n\
         /// The `{{{{ placeholders }}}}` of each key as fields: `t!` builds one to check its arguments.\n\
         #[allow(non_camel_case_types, dead_code)]\npub mod args {{\n{args}}}\n",
        n = english.len()
    ))
}

fn read_json(path: &str) -> Result<serde_json::Value, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    serde_json::from_str(&raw).map_err(|e| format!("{path}: not valid JSON: {e}"))
}

/// Every language has every UI key of English, and no key English lacks.
fn check_locale_keys() -> Vec<String> {
    let english = match read_json("locales/en.json") {
        Ok(serde_json::Value::Object(m)) => m,
        Ok(_) => return vec!["locales/en.json: not a JSON object".into()],
        Err(e) => return vec![e],
    };
    let mut out = ui_strings::check_english_keys(&english);
    for lang in LANGUAGES.iter().filter(|l| l.tag != "en") {
        let path = format!("locales/{}.json", lang.tag);
        match read_json(&path) {
            Ok(serde_json::Value::Object(m)) => out.extend(ui_strings::compare_with_english(&path, lang.tag, &m, &english)),
            Ok(_) => out.push(format!("{path}: not a JSON object")),
            Err(e) => out.push(e),
        }
    }
    out
}

/// Validate `content/sources.json` and every `content/<lang>.json`.
fn check_content() -> Vec<String> {
    let strings = |errs: Vec<pocket_model::content::ContentError>| errs.iter().map(ToString::to_string).collect::<Vec<_>>();
    let sources = match std::fs::read_to_string("content/sources.json") {
        Err(e) => return vec![format!("content/sources.json: cannot read: {e}")],
        Ok(raw) => match parse_sources("content/sources.json", &raw) {
            Ok(s) => s,
            Err(e) => return strings(e),
        },
    };
    let mut out = Vec::new();
    let mut english = None;
    for lang in LANGUAGES {
        let file = format!("content/{}.json", lang.tag);
        let raw = match std::fs::read_to_string(&file) {
            Ok(r) => r,
            Err(e) => {
                out.push(format!("{file}: language '{}' has no content file: {e}", lang.tag));
                continue;
            }
        };
        match parse_content(&file, lang.tag, &raw, &sources) {
            Err(e) => out.extend(strings(e)),
            Ok(c) => {
                out.extend(check_inline_markup(&file, lang.dir, &c, english.as_ref()));
                if lang.tag == "en" {
                    english = Some(c);
                } else if let Some(en) = &english {
                    out.extend(strings(compare_with_english(&file, &c, en)));
                }
            }
        }
    }
    out
}

/// English carries the review dates; translations copy them. Past 180 days a warning names
/// the ids; past 365 days the build fails, naming them.
fn check_review_age(today: &str) -> Vec<String> {
    use pocket_model::review_age::{old_reviews, FAIL_AFTER_DAYS, WARN_AFTER_DAYS};
    let Some(today) = pocket_model::date::IsoDate::parse(today) else { return vec![format!("build date '{today}' is not a date")] };
    let Ok(raw) = std::fs::read_to_string("content/en.json") else { return vec![] };
    let Ok(sources) = std::fs::read_to_string("content/sources.json").map_err(|_| ()).and_then(|s| parse_sources("content/sources.json", &s).map_err(|_| ())) else { return vec![] };
    // A file that does not parse is reported by check_content.
    let Ok(english) = parse_content("content/en.json", "en", &raw, &sources) else { return vec![] };
    let (warn, fail) = old_reviews(&english, today);
    let list = |v: &[pocket_model::review_age::OldReview]| v.iter().map(|o| format!("{} ({}, {} days)", o.id, o.reviewed, o.days)).collect::<Vec<_>>().join(", ");
    if !warn.is_empty() {
        println!("cargo::warning={} statement(s) in content/en.json were reviewed more than {WARN_AFTER_DAYS} days ago: {}", warn.len(), list(&warn));
    }
    if fail.is_empty() {
        vec![]
    } else {
        vec![format!("content/en.json: {} statement(s) were reviewed more than {FAIL_AFTER_DAYS} days ago; review them and update `reviewed`: {}", fail.len(), list(&fail))]
    }
}

/// Inline markup of one language file (errors); unmarked Latin names in left-to-right
/// scripts only warn, since there they cannot be reordered.
fn check_inline_markup(file: &str, dir: Direction, content: &pocket_model::content::Content, english: Option<&pocket_model::content::Content>) -> Vec<String> {
    let mut out: Vec<String> = inline_rules::check_markup(file, content).iter().map(ToString::to_string).collect();
    if let Some(en) = english {
        out.extend(inline_rules::compare_links_with_english(file, content, en).iter().map(ToString::to_string));
    }
    for e in inline_rules::unmarked_latin(file, content) {
        match dir {
            Direction::Rtl => out.push(e.to_string()),
            Direction::Ltr => println!("cargo::warning={e}"),
        }
    }
    out
}

/// Today's date in UTC as YYYY-MM-DD.
fn today_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    pocket_model::date::IsoDate::from_days_since_epoch((secs / 86_400) as i64).to_string()
}
