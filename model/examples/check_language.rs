//! Check one language before it is added to `LANGUAGES`:
//! `cargo run -p pocket-model --example check_language -- <tag>` (from the repository root).
//! Validates `content/<tag>.json` against the schema and English, and `locales/<tag>.json`
//! against English's keys and placeholders. Prints every problem; exits 1 if any.
use pocket_model::content::{compare_with_english, parse_content, parse_sources};
use pocket_model::ui_strings;

fn main() {
    let tag = std::env::args().nth(1).expect("usage: check_language <tag>");
    let mut problems = Vec::new();
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let sources = parse_sources("content/sources.json", &read("content/sources.json")).expect("sources.json is valid");
    let en = parse_content("content/en.json", "en", &read("content/en.json"), &sources).expect("en.json is valid");
    let file = format!("content/{tag}.json");
    match parse_content(&file, &tag, &read(&file), &sources) {
        Ok(c) => problems.extend(compare_with_english(&file, &c, &en).iter().map(ToString::to_string)),
        Err(e) => problems.extend(e.iter().map(ToString::to_string)),
    }
    let ui_en: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&read("locales/en.json")).expect("en locale");
    let ui_file = format!("locales/{tag}.json");
    match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&read(&ui_file)) {
        Err(e) => problems.push(format!("{ui_file}: not a JSON object: {e}")),
        Ok(ui) => problems.extend(ui_strings::compare_with_english(&ui_file, &tag, &ui, &ui_en)),
    }
    for p in &problems {
        println!("{p}");
    }
    println!("{tag}: {} problem(s)", problems.len());
    std::process::exit(i32::from(!problems.is_empty()));
}
