//! Dates, numbers and ages in English exactly as the browser's `Intl` writes them for "en"
//! ("Nov 29, 2026", "1,843", "3 months ago"). English, the language most people read the app
//! in, is formatted here so that its screens never start the browser's Intl: the first Intl
//! formatter of a page loads the ICU data, ~40 ms on a desktop and four times that on a slow
//! phone, inside the task that draws the screen. Other languages go through Intl
//! (`src/services/locale_format.rs`); a browser test compares the two for English.
use crate::date::IsoDate;
use crate::review_age::Age;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `Intl.DateTimeFormat("en", { dateStyle: "medium" })`: "Sep 5, 2026".
pub fn date(d: IsoDate) -> String {
    let month = MONTHS.get(d.month.wrapping_sub(1) as usize).copied().unwrap_or("?");
    format!("{month} {}, {}", d.day, d.year)
}

/// `Intl.NumberFormat("en")` for a whole number: "1,234,567".
pub fn number(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `Intl.RelativeTimeFormat("en", { numeric: "auto" })` for an age in the past: "yesterday",
/// "last month", "3 years ago".
pub fn age(age: Age) -> String {
    let (n, unit, one, zero) = match age {
        Age::Days(n) => (n, "day", "yesterday", "today"),
        Age::Months(n) => (n, "month", "last month", "this month"),
        Age::Years(n) => (n, "year", "last year", "this year"),
    };
    match n {
        0 => zero.to_owned(),
        1 => one.to_owned(),
        n => format!("{} {unit}s ago", number(u32::try_from(n).unwrap_or(u32::MAX))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected texts: what Chromium 156's and Node 20's Intl print for "en" (checked 2026-11-29).
    #[test]
    fn dates_as_intl_medium() {
        let d = |s| date(IsoDate::parse(s).unwrap());
        assert_eq!(d("2026-01-05"), "Jan 5, 2026");
        assert_eq!(d("2026-09-05"), "Sep 5, 2026");
        assert_eq!(d("2025-12-31"), "Dec 31, 2025");
    }

    #[test]
    fn numbers_grouped_by_thousands() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1,000");
        assert_eq!(number(1843), "1,843");
        assert_eq!(number(1_234_567), "1,234,567");
        assert_eq!(number(u32::MAX), "4,294,967,295");
    }

    #[test]
    fn ages_as_intl_relative_time() {
        assert_eq!(age(Age::Days(0)), "today");
        assert_eq!(age(Age::Days(1)), "yesterday");
        assert_eq!(age(Age::Days(2)), "2 days ago");
        assert_eq!(age(Age::Months(1)), "last month");
        assert_eq!(age(Age::Months(7)), "7 months ago");
        assert_eq!(age(Age::Years(1)), "last year");
        assert_eq!(age(Age::Years(3)), "3 years ago");
    }
}
