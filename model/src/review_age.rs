//! How old each statement's review is: the build warns past 180 days and fails past 365,
//! screens say "checked 3 months ago", and the "What changed" list is derived from the
//! content's own `changed` notes (one source of truth).
use crate::content::{Content, Item, PageKind};
use crate::date::IsoDate;

/// Past this many days since review, the build warns and names the statements.
pub const WARN_AFTER_DAYS: i64 = 180;
/// Past this many days since review, the build fails and screens show a stronger notice.
pub const FAIL_AFTER_DAYS: i64 = 365;

/// Whole days from `reviewed` to `today` (0 when the review is dated in the future).
pub fn days_old(reviewed: IsoDate, today: IsoDate) -> i64 {
    (today.days_since_epoch() - reviewed.days_since_epoch()).max(0)
}

/// A statement whose review is too old, with its age in days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OldReview {
    pub id: String,
    pub reviewed: String,
    pub days: i64,
}

/// Statements older than the warning and the failing limits, oldest first. A date that does
/// not parse counts as failing (the validator names it too).
pub fn old_reviews(content: &Content, today: IsoDate) -> (Vec<OldReview>, Vec<OldReview>) {
    let mut warn = Vec::new();
    let mut fail = Vec::new();
    for item in content.items() {
        let days = IsoDate::parse(&item.reviewed).map_or(i64::MAX, |d| days_old(d, today));
        let old = OldReview { id: item.id.clone(), reviewed: item.reviewed.clone(), days };
        if days > FAIL_AFTER_DAYS {
            fail.push(old);
        } else if days > WARN_AFTER_DAYS {
            warn.push(old);
        }
    }
    warn.sort_by(|a, b| b.days.cmp(&a.days).then(a.id.cmp(&b.id)));
    fail.sort_by(|a, b| b.days.cmp(&a.days).then(a.id.cmp(&b.id)));
    (warn, fail)
}

/// An age in the largest whole unit a reader would use ("3 months ago").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    Days(i64),
    Months(i64),
    Years(i64),
}

/// How long ago `reviewed` was, as a person would say it: days under a month, months under
/// a year, then years.
pub fn age(reviewed: IsoDate, today: IsoDate) -> Age {
    let months = i64::from(reviewed.months_until(today).max(0));
    if months < 1 {
        Age::Days(days_old(reviewed, today))
    } else if months < 12 {
        Age::Months(months)
    } else {
        Age::Years(months / 12)
    }
}

/// True when the oldest statement on a screen was reviewed more than a year ago.
pub fn over_a_year(reviewed: IsoDate, today: IsoDate) -> bool {
    days_old(reviewed, today) > FAIL_AFTER_DAYS
}

/// The oldest review date among items (the one a reader should weigh).
pub fn oldest<'a>(items: impl IntoIterator<Item = &'a Item>) -> Option<&'a str> {
    items.into_iter().map(|i| i.reviewed.as_str()).min()
}

/// One dated legal change, where the app says it, and what it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeEntry {
    /// YYYY-MM-DD of the change.
    pub on: String,
    pub note: String,
    /// The statement that carries the note.
    pub item_id: String,
    pub item_text: String,
    /// App path of the guide the statement is on (`/rights/<page>` or the warrant checker).
    pub href: String,
    /// Title of that guide.
    pub guide: String,
    pub source_ids: Vec<String>,
    pub contested: bool,
}

/// Every `changed` note of the content, newest first (ties by id), each with its guide.
pub fn changes(content: &Content) -> Vec<ChangeEntry> {
    let entry = |item: &Item, href: String, guide: &str| {
        item.changed.as_ref().map(|c| ChangeEntry {
            on: c.on.clone(),
            note: c.note.clone(),
            item_id: item.id.clone(),
            item_text: item.text.clone(),
            href,
            guide: guide.to_owned(),
            source_ids: item.sources.clone(),
            contested: item.contested,
        })
    };
    let mut out: Vec<ChangeEntry> = Vec::new();
    for p in content.pages.iter().filter(|p| p.kind != PageKind::Officer) {
        let href = if p.kind == PageKind::Preparedness { "/plan".to_owned() } else { format!("/rights/{}", p.id) };
        out.extend(p.sections.iter().flat_map(|s| &s.items).filter_map(|i| entry(i, format!("{href}#{}", i.id), &p.title)));
    }
    let wc = &content.warrant_checker;
    out.extend(wc.outcomes.iter().flat_map(|o| o.sections.iter().flat_map(|s| &s.items)).filter_map(|i| entry(i, "/rights/warrant".to_owned(), &wc.title)));
    // Unstable: item ids are unique in a content file (the validator checks), so no two
    // entries compare equal.
    out.sort_unstable_by(|a, b| b.on.cmp(&a.on).then(a.item_id.cmp(&b.item_id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{parse_content, Source, SourceList};

    fn d(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    fn content(items: &[(&str, &str, Option<&str>)]) -> Content {
        let items: Vec<String> = items
            .iter()
            .map(|(id, reviewed, changed)| {
                let ch = changed.map(|on| format!(r#","changed":{{"on":"{on}","note":"note {id}"}}"#)).unwrap_or_default();
                format!(r#"{{"id":"{id}","text":"t {id}","sources":["s"],"reviewed":"{reviewed}"{ch}}}"#)
            })
            .collect();
        let raw = format!(
            r#"{{"format":1,"lang":"en","pages":[
              {{"id":"officer","kind":"officer","title":"O","summary":"S","sections":[{{"id":"o-s","kind":"statements","items":[{{"id":"o-1","text":"x","sources":["s"],"reviewed":"2026-11-28"}}]}}]}},
              {{"id":"court","kind":"scenario","title":"At court","summary":"S","sections":[{{"id":"c-s","kind":"changed","items":[{}]}}]}}],
             "warrant_checker":{{"title":"W","summary":"S","start":"q","questions":[{{"id":"q","text":"Q","choices":[
               {{"id":"a","text":"A","next":"o-a"}},{{"id":"b","text":"B","next":"o-a"}}]}}],
             "outcomes":[{{"id":"o-a","title":"A","sections":[{{"id":"o-a-s","kind":"text","items":[{{"id":"o-a-1","text":"y","sources":["s"],"reviewed":"2026-11-28","changed":{{"on":"2025-05-12","note":"memo"}}}}]}}]}}]}}}}"#,
            items.join(",")
        );
        let sources = SourceList {
            format: 1,
            sources: vec![Source { id: "s".into(), title: "S".into(), url: "https://x".into(), publisher: "P".into(), accessed: "2026-11-28".into() }],
        };
        parse_content("t.json", "en", &raw, &sources).unwrap()
    }

    #[test]
    fn ages_are_told_in_days_months_then_years() {
        assert_eq!(age(d("2026-11-28"), d("2026-11-28")), Age::Days(0));
        assert_eq!(age(d("2026-11-10"), d("2026-11-28")), Age::Days(18));
        assert_eq!(age(d("2026-08-23"), d("2026-11-28")), Age::Months(3));
        assert_eq!(age(d("2025-11-29"), d("2026-11-28")), Age::Months(11));
        assert_eq!(age(d("2024-11-28"), d("2026-11-28")), Age::Years(2));
        assert_eq!(age(d("2026-12-01"), d("2026-11-28")), Age::Days(0));
    }

    #[test]
    fn warns_after_180_days_and_fails_after_365() {
        let today = d("2026-11-28");
        let c = content(&[("fresh", "2026-11-28", None), ("d180", "2026-06-01", None), ("d181", "2026-05-31", None), ("d365", "2025-11-28", None), ("d366", "2025-11-27", None)]);
        assert_eq!(days_old(d("2026-06-01"), today), 180);
        let (warn, fail) = old_reviews(&c, today);
        let ids = |v: &[OldReview]| v.iter().map(|o| o.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&warn), vec!["d365", "d181"]);
        assert_eq!(ids(&fail), vec!["d366"]);
        assert_eq!(fail[0].days, 366);
        assert!(over_a_year(d("2025-11-27"), today));
        assert!(!over_a_year(d("2025-11-28"), today));
    }

    #[test]
    fn changes_come_newest_first_with_their_guide() {
        let c = content(&[("c-old", "2026-11-28", Some("2025-01-21")), ("c-new", "2026-11-28", Some("2026-06-23")), ("plain", "2026-11-28", None)]);
        let list = changes(&c);
        let got: Vec<(&str, &str, &str)> = list.iter().map(|e| (e.on.as_str(), e.item_id.as_str(), e.href.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("2026-06-23", "c-new", "/rights/court#c-new"),
                ("2025-05-12", "o-a-1", "/rights/warrant"),
                ("2025-01-21", "c-old", "/rights/court#c-old"),
            ]
        );
        assert_eq!(list[0].guide, "At court");
        assert_eq!(list[0].source_ids, vec!["s"]);
    }

    #[test]
    fn oldest_review_is_the_minimum() {
        let c = content(&[("i-1", "2026-03-01", None), ("i-2", "2025-12-24", None)]);
        assert_eq!(oldest(c.items()), Some("2025-12-24"));
    }
}
