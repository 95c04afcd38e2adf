//! Build-time rules for inline markup in content (see `crate::inline`): markup parses, no
//! phone number or web address sits outside `[[tel:]]` / `[[url:]]`, a translation dials the
//! same numbers and links the same addresses as English, and Latin-script names inside a
//! sentence of another script sit in `[[en:]]`.
//!
//! These run in build.rs only, not when the app loads a file: a file that breaks them still
//! renders (as plain text where its markup does not parse).
use std::collections::BTreeMap;

use super::{Checker, Content, ContentError, Section};
use crate::inline::{Span, parse};

/// Every text of a file that the app shows, with the id it belongs to.
pub fn texts(content: &Content) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    fn sections<'a>(out: &mut Vec<(String, &'a str)>, sections: &'a [Section]) {
        for s in sections {
            if let Some(t) = &s.title {
                out.push((s.id.clone(), t));
            }
            for i in &s.items {
                out.push((i.id.clone(), &i.text));
                if let Some(ch) = &i.changed {
                    out.push((i.id.clone(), &ch.note));
                }
            }
        }
    }
    for p in &content.pages {
        out.push((p.id.clone(), &p.title));
        out.push((p.id.clone(), &p.summary));
        sections(&mut out, &p.sections);
    }
    let wc = &content.warrant_checker;
    out.push(("warrant_checker".into(), &wc.title));
    out.push(("warrant_checker".into(), &wc.summary));
    for q in &wc.questions {
        out.push((q.id.clone(), &q.text));
        if let Some(h) = &q.hint {
            out.push((q.id.clone(), h));
        }
        for ch in &q.choices {
            out.push((ch.id.clone(), &ch.text));
        }
    }
    for o in &wc.outcomes {
        out.push((o.id.clone(), &o.title));
        sections(&mut out, &o.sections);
    }
    out
}

/// Markup parses; no phone number or web address outside its markup.
pub fn check_markup(file: &str, content: &Content) -> Vec<ContentError> {
    let mut c = Checker { file, errors: Vec::new() };
    for (id, text) in texts(content) {
        let spans = match parse(text) {
            Ok(s) => s,
            Err(e) => {
                c.fail(&id, format!("markup: {e}"));
                continue;
            }
        };
        for span in spans {
            if let Span::Text(t) = span {
                for p in phone_like(t) {
                    c.fail(&id, format!("phone number '{p}' outside [[tel:…]] (if it is not a phone number, put it in [[en:…]])"));
                }
                for a in address_like(t) {
                    c.fail(&id, format!("web address '{a}' outside [[url:…]]"));
                }
            }
        }
    }
    c.errors
}

/// The numbers dialled and addresses linked by each id, sorted.
fn links(content: &Content) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (id, text) in texts(content) {
        let entry = out.entry(id).or_default();
        for span in parse(text).unwrap_or_default() {
            match span {
                Span::Tel { dial, .. } => entry.push(format!("tel:{dial}")),
                Span::Url { href, .. } => entry.push(href.to_owned()),
                _ => {}
            }
        }
    }
    for v in out.values_mut() {
        v.sort_unstable();
    }
    out
}

/// A translation dials the same numbers and links the same addresses as English, per id.
pub fn compare_links_with_english(file: &str, translation: &Content, english: &Content) -> Vec<ContentError> {
    let mut c = Checker { file, errors: Vec::new() };
    let ours = links(translation);
    for (id, theirs) in links(english) {
        let mine = ours.get(&id).cloned().unwrap_or_default();
        if mine != theirs && ours.contains_key(&id) {
            c.fail(&id, format!("numbers/addresses {mine:?} differ from English {theirs:?}"));
        }
    }
    c.errors
}

/// Latin-script names of more than one word, or with digits or punctuation (form numbers,
/// case names), that sit outside `[[en:]]` in a text written in another script.
pub fn unmarked_latin(file: &str, content: &Content) -> Vec<ContentError> {
    let mut c = Checker { file, errors: Vec::new() };
    for (id, text) in texts(content) {
        if !text.chars().any(is_other_letter) {
            continue;
        }
        for span in parse(text).unwrap_or_default() {
            if let Span::Text(t) = span {
                for run in latin_runs(t) {
                    c.fail(&id, format!("Latin-script name '{run}' in a sentence of another script outside [[en:…]]"));
                }
            }
        }
    }
    c.errors
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
        || ('\u{0966}'..='\u{096F}').contains(&c)
        || ('\u{0A66}'..='\u{0A6F}').contains(&c)
        || ('\u{FF10}'..='\u{FF19}').contains(&c)
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic()
        && (c <= '\u{024F}' || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

fn is_other_letter(c: char) -> bool {
    c.is_alphabetic() && !is_latin_letter(c) && !c.is_numeric()
}

/// Runs of digits grouped like a phone number, not a date (2026-11-28, 11/28/2026): ten or
/// more digits in one run, or groups of at most four digits ending in a group of four, seven
/// digits or more in three groups or more (555-0100 alone is too like a docket number).
/// Public Act, directive and docket numbers such as "104-0440 (9" or "11064.3 (2022" do not
/// group that way.
pub fn phone_like(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut groups = Vec::new();
        let mut end;
        loop {
            let mut n = 0;
            while i < chars.len() && is_digit(chars[i].1) {
                n += 1;
                i += 1;
            }
            groups.push(n);
            end = if i < chars.len() { chars[i].0 } else { text.len() };
            // One or two separators, then a digit, continue the number.
            let mut j = i;
            while j < chars.len() && j - i < 2 && "-. ()\u{2011}\u{00A0}/".contains(chars[j].1) {
                j += 1;
            }
            if j > i && j < chars.len() && is_digit(chars[j].1) {
                i = j;
            } else {
                break;
            }
        }
        let digits: usize = groups.iter().sum();
        let date = groups.len() == 3 && (groups[0] == 4 || groups[2] == 4) && groups.iter().filter(|&&g| g <= 2).count() == 2;
        let n = groups.len();
        let grouped = n >= 2 && groups.iter().all(|&g| g <= 4) && groups[n - 1] == 4 && (n >= 3 || digits >= 10);
        if (n == 1 && digits >= 10) || (grouped && digits >= 7 && !date) {
            out.push(text[start..end].trim_end_matches([' ', '.', '(', '-']));
        }
    }
    out
}

const TLDS: [&str; 9] = ["gov", "org", "com", "net", "edu", "us", "info", "io", "law"];

/// Web addresses: anything with a scheme or `www.`, or a host ending in a common domain
/// (`locator.ice.gov`, `justice.gov/eoir/…`).
pub fn address_like(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let is_url_char = |c: char| c.is_ascii_alphanumeric() || "-._~/:%?=&#+".contains(c);
    let mut rest = text;
    while let Some(start) = rest.find(is_url_char) {
        let tail = &rest[start..];
        let len = tail.find(|c: char| !is_url_char(c)).unwrap_or(tail.len());
        let token = tail[..len].trim_end_matches(['.', ':', '/', ',', '?']);
        let lower = token.to_ascii_lowercase();
        let host = lower.split_once("://").map_or(lower.as_str(), |(_, h)| h);
        let host = host.split('/').next().unwrap_or("");
        let labels: Vec<&str> = host.split('.').collect();
        let domain_like = labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            && TLDS.contains(labels.last().unwrap_or(&""))
            && labels[labels.len() - 2].len() > 1;
        if lower.contains("://") || lower.starts_with("www.") || domain_like {
            out.push(token);
        }
        rest = &tail[len.max(1)..];
    }
    out
}

/// Latin runs that need `[[en:]]`: more than one word, or a word with digits or
/// punctuation inside (`I-247A`, `287(g)`, `Galarza v. Szalczyk`, `Superior Court of …`).
pub fn latin_runs(text: &str) -> Vec<&str> {
    let in_run = |c: char| is_latin_letter(c) || c.is_ascii_digit() || " .-/()'’&…–".contains(c);
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| is_latin_letter(c) || c.is_ascii_digit()) {
        let tail = &rest[start..];
        let mut len = tail.find(|c: char| !in_run(c)).unwrap_or(tail.len());
        // A ')' that closes a bracket opened before the run ends it.
        let mut depth = 0i32;
        if let Some(cut) = tail[..len].char_indices().find_map(|(k, c)| {
            depth += i32::from(c == '(') - i32::from(c == ')');
            (depth < 0).then_some(k)
        }) {
            len = cut;
        }
        // So does a '(' the run does not close.
        let mut opened = Vec::new();
        for (k, c) in tail[..len].char_indices() {
            match c {
                '(' => opened.push(k),
                ')' => {
                    opened.pop();
                }
                _ => {}
            }
        }
        if let Some(&first) = opened.first() {
            len = first;
        }
        if let Some(run) = trim_run(&tail[..len]) {
            if run.chars().any(|c| !is_latin_letter(c)) {
                out.push(run);
            }
        }
        rest = &tail[len.max(1)..];
    }
    out
}

/// Drop leading words without a Latin letter, trailing words without a letter or digit, and
/// punctuation that belongs to the sentence around the run.
fn trim_run(run: &str) -> Option<&str> {
    let has_letter = |w: &str| w.chars().any(is_latin_letter);
    let first = run.split(' ').position(has_letter)?;
    let skip: usize = run.split(' ').take(first).map(|w| w.len() + 1).sum();
    let mut r = &run[skip..];
    loop {
        let before = r;
        r = r.trim_end_matches([' ', '.', ',', ':', '-', '/', '(', '\'', '’']);
        if r.ends_with(')') && r.matches('(').count() < r.matches(')').count() {
            r = &r[..r.len() - 1];
        }
        if let Some((head, last)) = r.rsplit_once(' ') {
            // A number stays with a bill or case number before it ("SB 4", "SB 4 2023"), not
            // with a name ("DHS 20 January").
            let prev = head.rsplit(' ').next().unwrap_or("");
            let has_digit = |w: &str| w.chars().any(|c| c.is_ascii_digit());
            let numbered = has_digit(last) && (has_digit(prev) || (prev.len() <= 2 && prev.chars().all(|c| c.is_ascii_uppercase())) || last.contains(')'));
            if !last.chars().any(|c| is_latin_letter(c) || c == '…') && !numbered {
                r = head;
            }
        }
        if r == before {
            break;
        }
    }
    r = r.trim_start_matches(['.', '-', '/', ')', '\'', '’']);
    if r.starts_with('(') && r.matches('(').count() > r.matches(')').count() {
        r = &r[1..];
    }
    (!r.is_empty() && r.chars().any(is_latin_letter)).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phone_numbers_but_not_dates_or_years() {
        assert_eq!(phone_like("Call 1-888-351-4024 now."), vec!["1-888-351-4024"]);
        assert_eq!(phone_like("Call (202) 555-0100."), vec!["202) 555-0100"]);
        assert_eq!(phone_like("رقم ۱-۸۰۰-۸۹۸-۷۱۸۰ مجاني"), vec!["۱-۸۰۰-۸۹۸-۷۱۸۰"]);
        assert_eq!(phone_like("8008987180"), vec!["8008987180"]);
        assert!(phone_like("Since 2026-11-28 and 11/28/2026, in 2025 2026.").is_empty());
        assert!(phone_like("No. 25-5320, 5:25-cv-06487, 8 U.S.C. 1357, 48 hours").is_empty());
        assert!(phone_like("P.A. 104-0440 (9 August 2025); Directive 11064.3 (2022)").is_empty());
        assert_eq!(phone_like("Call 1 202 555-0100"), vec!["1 202 555-0100"]);
    }

    #[test]
    fn finds_web_addresses() {
        assert_eq!(address_like("Search locator.ice.gov."), vec!["locator.ice.gov"]);
        assert_eq!(
            address_like("List: justice.gov/eoir/list-pro-bono-legal-service-providers."),
            vec!["justice.gov/eoir/list-pro-bono-legal-service-providers"]
        );
        assert_eq!(address_like("see https://www.ice.gov/ or www.uscis.gov"), vec!["https://www.ice.gov", "www.uscis.gov"]);
        assert!(address_like("8 U.S.C. § 1357, e.g. Form I-247A, Pub. L. 119-1").is_empty());
    }

    #[test]
    fn finds_latin_names_that_can_be_reordered() {
        assert_eq!(
            latin_runs(r#"اسم محكمة، مثل "United States District Court" أو "Superior Court of …""#),
            vec!["United States District Court", "Superior Court of …"]
        );
        assert_eq!(latin_runs("اتفاقيات 287(g) تسمح"), vec!["287(g)"]);
        assert_eq!(latin_runs("(Miranda-Olivares v. Clackamas County)."), vec!["Miranda-Olivares v. Clackamas County"]);
        assert_eq!(latin_runs("قانون Texas SB 4 لعام 2017"), vec!["Texas SB 4"]);
        assert_eq!(latin_runs("النموذجان I-200 وI-205"), vec!["I-200", "I-205"]);
        assert_eq!(latin_runs("ትእዛዝ (Executive Order) 14159 ናይ"), vec!["Executive Order"]);
        assert_eq!(latin_runs("[Galarza v. Szalczyk (3-й округ, 2014)"), vec!["Galarza v. Szalczyk"]);
        assert!(latin_runs("министра DHS 20 января").is_empty());
        assert_eq!(latin_runs("قانون (Immigration and Nationality Act) 287(g) برخه"), vec!["Immigration and Nationality Act", "287(g)"]);
        assert_eq!(latin_runs("(Galarza v. Szalczyk (3rd Cir. 2014))。"), vec!["Galarza v. Szalczyk (3rd Cir. 2014)"]);
        assert_eq!(latin_runs("«Immigration Detainer – Notice of Action»"), vec!["Immigration Detainer – Notice of Action"]);
        // Single words keep their order on their own.
        assert!(latin_runs("مثل Nevada، تُلزمك ICE في 2025").is_empty());
    }

    fn content(lang: &str, text: &str) -> Content {
        let raw = format!(
            r#"{{"format":1,"lang":"{lang}","pages":[{{"id":"help","kind":"help","title":"T","summary":"S","sections":[
              {{"id":"help-lines","kind":"text","items":[{{"id":"help-dril","text":"{text}","sources":["s"],"reviewed":"2026-11-28"}}]}}]}}],
              "warrant_checker":{{"title":"W","summary":"S","start":"q","questions":[],"outcomes":[]}}}}"#
        );
        serde_json::from_str(&raw).unwrap()
    }

    fn strings(errs: Vec<ContentError>) -> Vec<String> {
        errs.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn content_with_bare_numbers_or_broken_markup_is_named() {
        let ok = content("en", "Call [[tel:1-888-351-4024]] or [[url:https://locator.ice.gov/odls/]].");
        assert!(check_markup("content/en.json", &ok).is_empty());
        assert_eq!(
            strings(check_markup("content/en.json", &content("en", "Call 1-888-351-4024 or locator.ice.gov."))),
            vec![
                "content/en.json: help-dril: phone number '1-888-351-4024' outside [[tel:…]] (if it is not a phone number, put it in [[en:…]])",
                "content/en.json: help-dril: web address 'locator.ice.gov' outside [[url:…]]",
            ]
        );
        assert_eq!(
            strings(check_markup("content/es.json", &content("es", "Llame al [[tel:1-888-351-4024]"))),
            vec!["content/es.json: help-dril: markup: '[[' is never closed with ']]'"]
        );
    }

    #[test]
    fn a_translation_must_dial_what_english_dials() {
        let en = content("en", "Call [[tel:1-888-351-4024]].");
        let same = content("ar", "اتصل على [[tel:1-888-351-4024]].");
        let other = content("ar", "اتصل على [[tel:1-888-351-4042]].");
        assert!(compare_links_with_english("content/ar.json", &same, &en).is_empty());
        assert_eq!(
            strings(compare_links_with_english("content/ar.json", &other, &en)),
            vec![r#"content/ar.json: help-dril: numbers/addresses ["tel:+18883514042"] differ from English ["tel:+18883514024"]"#]
        );
    }

    #[test]
    fn latin_names_in_another_script_are_named() {
        let bare = content("ar", r#"اسم محكمة، مثل \"United States District Court\""#);
        assert_eq!(
            strings(unmarked_latin("content/ar.json", &bare)),
            vec!["content/ar.json: help-dril: Latin-script name 'United States District Court' in a sentence of another script outside [[en:…]]"]
        );
        let marked = content("ar", r#"اسم محكمة، مثل \"[[en:United States District Court]]\""#);
        assert!(unmarked_latin("content/ar.json", &marked).is_empty());
        // A sentence in Latin script needs no marking.
        assert!(unmarked_latin("content/en.json", &content("en", "Superior Court of California")).is_empty());
    }
}
