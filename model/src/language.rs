//! The languages the app speaks, and which one to start in.
//!
//! This table is the one list of languages: build.rs checks that `locales/` and `content/`
//! carry a file for each, and the app builds its picker from it.

/// Text direction of a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_attr(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// How the person chose the app to speak for them in first-person sentences, where the
/// language marks gender (`Language::marks_gender`). Stored in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakAs {
    /// Both forms, or the one form the language has ("text" of an item).
    #[default]
    Either,
    Woman,
    Man,
}

crate::json_enum!(SpeakAs { Either => "either", Woman => "woman", Man => "man" });

/// How far a translation has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslationStatus {
    /// The text the others are translated from.
    Original,
    /// Drafted by the team, awaiting review by a native speaker.
    AwaitingReview,
    /// Reviewed by a native speaker.
    Reviewed,
}

/// One supported language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// BCP 47 tag, also the file name in `locales/` and `content/`.
    pub tag: &'static str,
    /// The language's name in its own script, for the picker.
    pub native_name: &'static str,
    /// Its English name.
    pub english_name: &'static str,
    pub dir: Direction,
    pub status: TranslationStatus,
    /// First-person sentences differ for a woman and a man ("I will remain silent"), so the
    /// person may choose how the app speaks for them (`Settings.speak_as`).
    pub marks_gender: bool,
}

const fn lang(tag: &'static str, native_name: &'static str, english_name: &'static str, dir: Direction, status: TranslationStatus, marks_gender: bool) -> Language {
    Language { tag, native_name, english_name, dir, status, marks_gender }
}

use Direction::{Ltr, Rtl};
use TranslationStatus::{AwaitingReview, Original};

/// Every language of this build, English first.
pub const LANGUAGES: &[Language] = &[
    lang("en", "English", "English", Ltr, Original, false),
    lang("es", "Español", "Spanish", Ltr, AwaitingReview, false),
    lang("zh-Hans", "简体中文", "Chinese (Simplified)", Ltr, AwaitingReview, false),
    lang("zh-Hant", "繁體中文", "Chinese (Traditional)", Ltr, AwaitingReview, false),
    lang("vi", "Tiếng Việt", "Vietnamese", Ltr, AwaitingReview, false),
    lang("ko", "한국어", "Korean", Ltr, AwaitingReview, false),
    lang("tl", "Tagalog", "Tagalog", Ltr, AwaitingReview, false),
    lang("ht", "Kreyòl ayisyen", "Haitian Creole", Ltr, AwaitingReview, false),
    lang("ar", "العربية", "Arabic", Rtl, AwaitingReview, true),
    lang("fa", "فارسی", "Farsi", Rtl, AwaitingReview, false),
    lang("ps", "پښتو", "Pashto", Rtl, AwaitingReview, true),
    lang("pt", "Português", "Portuguese", Ltr, AwaitingReview, false),
    lang("fr", "Français", "French", Ltr, AwaitingReview, false),
    lang("ru", "Русский", "Russian", Ltr, AwaitingReview, false),
    lang("uk", "Українська", "Ukrainian", Ltr, AwaitingReview, false),
    lang("pa", "ਪੰਜਾਬੀ", "Punjabi", Ltr, AwaitingReview, true),
    lang("ti", "ትግርኛ", "Tigrinya", Ltr, AwaitingReview, false),
    lang("hmn", "Hmoob", "Hmong", Ltr, AwaitingReview, false),
];

/// The language used when nothing else fits.
pub const FALLBACK: &Language = &LANGUAGES[0];

/// The language with exactly this tag.
pub fn by_tag(tag: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.tag.eq_ignore_ascii_case(tag))
}

/// Browser tags whose primary subtag is not ours: `(primary, any of these later subtags, our
/// tag)`, the first match wins; an empty list matches any. Written out for the boot script
/// too (`table_json`).
pub const BROWSER_ALIASES: &[(&str, &[&str], &str)] = &[
    // Chinese: the script decides; regions imply it when the script is absent.
    ("zh", &["hant", "tw", "hk", "mo"], "zh-Hant"),
    ("zh", &[], "zh-Hans"),
    // Tagalog is often reported as Filipino.
    ("fil", &[], "tl"),
    // Persian: Dari ("prs") reads the same script and is close enough for the picker's guess.
    ("prs", &[], "fa"),
];

/// Map a browser language tag ("es-MX", "zh-TW", "pt_BR") to a supported language.
pub fn from_browser_tag(tag: &str) -> Option<&'static Language> {
    let norm = tag.trim().replace('_', "-");
    if norm.is_empty() {
        return None;
    }
    if let Some(l) = by_tag(&norm) {
        return Some(l);
    }
    let lower = norm.to_ascii_lowercase();
    let mut parts = lower.split('-');
    let primary = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let alias = BROWSER_ALIASES
        .iter()
        .find(|(p, any, _)| *p == primary && (any.is_empty() || rest.iter().any(|r| any.contains(r))))
        .map(|(_, _, tag)| *tag);
    by_tag(alias.unwrap_or(primary))
}

/// The language table for everything outside Rust (the boot script in `tools/`, the browser
/// tests): build.rs writes it to `tools/languages.json`.
pub fn table_json() -> String {
    let languages: Vec<serde_json::Value> = LANGUAGES
        .iter()
        .map(|l| {
            serde_json::json!({
                "tag": l.tag, "native_name": l.native_name, "english_name": l.english_name,
                "dir": l.dir.as_attr(), "status": format!("{:?}", l.status), "marks_gender": l.marks_gender,
            })
        })
        .collect();
    let aliases: Vec<serde_json::Value> =
        BROWSER_ALIASES.iter().map(|(p, any, tag)| serde_json::json!({ "primary": p, "any": any, "tag": tag })).collect();
    let table = serde_json::json!({
        "generated_by": "build.rs from model/src/language.rs; do not edit",
        "fallback": FALLBACK.tag,
        "languages": languages,
        "browser_aliases": aliases,
    });
    serde_json::to_string_pretty(&table).unwrap_or_default() + "\n"
}

/// Which language to start in: the saved choice if it is still supported, else the first of
/// the browser's languages that is supported, else English.
pub fn choose(saved: Option<&str>, browser: &[String]) -> &'static Language {
    saved
        .and_then(by_tag)
        .or_else(|| browser.iter().find_map(|t| from_browser_tag(t)))
        .unwrap_or(FALLBACK)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn saved_choice_wins() {
        assert_eq!(choose(Some("es"), &tags(&["ar-EG"])).tag, "es");
    }

    #[test]
    fn unknown_saved_choice_falls_back_to_the_browser() {
        assert_eq!(choose(Some("xx"), &tags(&["fr-CA", "es-MX"])).tag, first_supported(&["fr", "es"]));
    }

    #[test]
    fn browser_regions_and_underscores() {
        assert_eq!(choose(None, &tags(&["es_US"])).tag, "es");
        assert_eq!(choose(None, &tags(&["ES-mx"])).tag, "es");
        assert_eq!(choose(None, &tags(&["AR-eg"])).tag, "ar");
        assert_eq!(choose(None, &tags(&["zh-TW"])).tag, "zh-Hant");
        assert_eq!(choose(None, &tags(&["zh-CN"])).tag, "zh-Hans");
        assert_eq!(choose(None, &tags(&["zh-Hant-HK"])).tag, "zh-Hant");
        assert_eq!(choose(None, &tags(&["fil-PH"])).tag, "tl");
        assert_eq!(choose(None, &tags(&["pt-BR"])).tag, "pt");
        assert_eq!(choose(None, &tags(&["prs-AF"])).tag, "fa");
    }

    #[test]
    fn the_written_table_is_fresh() {
        let written = include_str!("../../tools/languages.json");
        assert_eq!(written, table_json(), "tools/languages.json is stale: build once (build.rs rewrites it)");
    }

    #[test]
    fn nothing_supported_means_english() {
        assert_eq!(choose(None, &tags(&["xx", ""])).tag, "en");
        assert_eq!(choose(None, &[]).tag, "en");
    }

    #[test]
    fn every_tag_is_unique_and_english_comes_first() {
        assert_eq!(LANGUAGES[0].tag, "en");
        for (i, a) in LANGUAGES.iter().enumerate() {
            assert!(LANGUAGES[i + 1..].iter().all(|b| b.tag != a.tag), "{} twice", a.tag);
        }
    }

    #[test]
    fn rtl_languages_say_so() {
        for l in LANGUAGES {
            let rtl = matches!(l.tag, "ar" | "fa" | "ps");
            assert_eq!(l.dir == Direction::Rtl, rtl, "{}", l.tag);
        }
    }

    /// The first of these tags that this build supports (keeps the tests true as languages
    /// are added).
    fn first_supported(t: &[&str]) -> &'static str {
        t.iter().find_map(|t| by_tag(t)).map(|l| l.tag).unwrap_or("en")
    }
}
