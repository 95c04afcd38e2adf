//! A calendar date in ISO form (YYYY-MM-DD), enough for "reviewed on" and "as of" dates.
use std::fmt;

/// A validated Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl IsoDate {
    /// Parse exactly `YYYY-MM-DD`; anything else, or an impossible day, is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit()))?.parse().ok()
        };
        let (year, month, day) = (digits(0..4)? as i32, digits(5..7)?, digits(8..10)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), for differences between dates.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days); the inverse of
    /// `days_since_epoch`.
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: IsoDate) -> i32 {
        let mut m = (later.year - self.year) * 12 + later.month as i32 - self.month as i32;
        if later.day < self.day {
            m -= 1;
        }
        m
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_epoch_round_trips() {
        for iso in ["1970-01-01", "1900-03-01", "2000-02-29", "2026-11-28", "2099-12-31"] {
            let d = IsoDate::parse(iso).unwrap();
            assert_eq!(IsoDate::from_days_since_epoch(d.days_since_epoch()), d, "{iso}");
        }
        assert_eq!(IsoDate::from_days_since_epoch(0).to_string(), "1970-01-01");
    }

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(IsoDate::parse("2024-02-29"), Some(IsoDate { year: 2024, month: 2, day: 29 }));
        assert_eq!(IsoDate::parse("2025-02-29"), None);
        assert_eq!(IsoDate::parse("2025-13-01"), None);
        assert_eq!(IsoDate::parse("2025-1-01"), None);
        assert_eq!(IsoDate::parse("2025-01-0a"), None);
        assert_eq!(IsoDate::parse("+025-01-01"), None);
        assert_eq!(IsoDate::parse("2025-01-01").unwrap().to_string(), "2025-01-01");
    }

    #[test]
    fn day_and_month_arithmetic() {
        let d = |s| IsoDate::parse(s).unwrap();
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(d("2026-05-18").months_until(d("2026-11-17")), 5);
        assert_eq!(d("2026-05-18").months_until(d("2026-11-18")), 6);
        assert_eq!(d("2026-11-18").months_until(d("2026-05-18")), -6);
    }
}
