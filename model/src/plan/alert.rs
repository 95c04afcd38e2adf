//! The one-tap alert: an `sms:` link that opens the phone's messaging app with every chosen
//! contact as a recipient and the person's message. SMS works without a data plan.
//!
//! Several recipients are not standard (RFC 5724 allows a comma-separated list, phones differ):
//! - iPhone (iOS 8 and later) Messages reads `sms:/open?addresses=a,b&body=…`.
//! - Android's messaging apps read `sms:a,b?body=…`; some (notably older Samsung Messages) take
//!   only the first number, or use the `?body=` text as part of the number. The screen says so
//!   and offers one link per person as well.

/// Which form of `sms:` link the phone understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsStyle {
    Ios,
    Android,
}

/// Tell iPhones and iPads (iPadOS reports itself as a Mac with a touch screen) from the rest.
pub fn sms_style(user_agent: &str, max_touch_points: u32) -> SmsStyle {
    let ios = ["iPhone", "iPad", "iPod"].iter().any(|d| user_agent.contains(d))
        || (user_agent.contains("Macintosh") && max_touch_points > 1);
    if ios { SmsStyle::Ios } else { SmsStyle::Android }
}

/// A number as the messaging app takes it: digits, with a leading `+` kept.
pub fn sms_number(phone: &str) -> String {
    let trimmed = phone.trim_start();
    let plus = if trimmed.starts_with('+') { "+" } else { "" };
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("{plus}{digits}")
}

/// Percent-encode text for a URI query value (UTF-8; only unreserved characters stay).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `sms:` link that reaches every number in `phones` with `body`.
pub fn sms_href(style: SmsStyle, phones: &[&str], body: &str) -> String {
    let to = phones.iter().map(|p| sms_number(p)).filter(|p| p.len() > 1).collect::<Vec<_>>().join(",");
    let body = percent_encode(body);
    match style {
        SmsStyle::Ios => format!("sms:/open?addresses={to}&body={body}"),
        SmsStyle::Android => format!("sms:{to}?body={body}"),
    }
}

/// The message with the person's position added as text, for this one message only.
/// `label` is "Where I am" in the person's language. In a right-to-left message (`rtl`) the
/// coordinates and the map link go between Unicode isolates (LRI U+2066 … PDI U+2069), so the
/// messaging app keeps "29.76043, -95.36980" in its order instead of reordering the numbers
/// around the comma and the minus sign. A space ends the link before the PDI, because link
/// finders (Android's among them) count U+2069 as a character of the address. Left-to-right
/// messages get no isolates: they need none, and one character outside GSM 7-bit would turn
/// an English SMS into UCS-2 (70 characters a part instead of 160).
pub fn with_position(message: &str, label: &str, lat: f64, lon: f64, rtl: bool) -> String {
    let (lat, lon) = (crate::decimal::fixed(lat, 5), crate::decimal::fixed(lon, 5));
    let (lri, pdi, end) = if rtl { ("\u{2066}", "\u{2069}", " ") } else { ("", "", "") };
    format!(
        "{}\n{label}: {lri}{lat}, {lon}{pdi}\n{lri}https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}{end}{pdi}",
        message.trim_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";
    const IPAD: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

    #[test]
    fn platforms() {
        assert_eq!(sms_style(IPHONE, 5), SmsStyle::Ios);
        assert_eq!(sms_style(IPAD, 5), SmsStyle::Ios);
        assert_eq!(sms_style(IPAD, 0), SmsStyle::Android);
        assert_eq!(sms_style(ANDROID, 5), SmsStyle::Android);
    }

    #[test]
    fn every_recipient_and_the_message() {
        let phones = ["+1 (555) 010-0000", "555.010.0199"];
        let body = "ICE stopped me & I need help?";
        assert_eq!(
            sms_href(SmsStyle::Android, &phones, body),
            "sms:+15550100000,5550100199?body=ICE%20stopped%20me%20%26%20I%20need%20help%3F"
        );
        assert_eq!(
            sms_href(SmsStyle::Ios, &phones, body),
            "sms:/open?addresses=+15550100000,5550100199&body=ICE%20stopped%20me%20%26%20I%20need%20help%3F"
        );
    }

    #[test]
    fn non_latin_text_is_encoded_as_utf8() {
        assert_eq!(percent_encode("ayuda ñ"), "ayuda%20%C3%B1");
        assert_eq!(percent_encode("مساعدة"), "%D9%85%D8%B3%D8%A7%D8%B9%D8%AF%D8%A9");
        assert_eq!(percent_encode("a\nb"), "a%0Ab");
    }

    #[test]
    fn numbers_without_digits_are_left_out() {
        assert_eq!(sms_href(SmsStyle::Android, &["+", "555 0100"], "x"), "sms:5550100?body=x");
    }

    #[test]
    fn position_goes_into_the_text() {
        let m = with_position("Help ", "Where I am", 29.760427, -95.369804, false);
        assert_eq!(
            m,
            "Help\nWhere I am: 29.76043, -95.36980\nhttps://www.openstreetmap.org/?mlat=29.76043&mlon=-95.36980#map=17/29.76043/-95.36980"
        );
        assert!(m.chars().all(|c| !('\u{2066}'..='\u{2069}').contains(&c)), "no isolates in a left-to-right message");
    }

    #[test]
    fn position_is_isolated_in_a_right_to_left_message() {
        let m = with_position("ساعدوني", "موقعي", 29.760427, -95.369804, true);
        assert_eq!(
            m,
            "ساعدوني\nموقعي: \u{2066}29.76043, -95.36980\u{2069}\n\u{2066}https://www.openstreetmap.org/?mlat=29.76043&mlon=-95.36980#map=17/29.76043/-95.36980 \u{2069}"
        );
        // Every isolate is closed, and the link ends before its PDI.
        assert_eq!(m.matches('\u{2066}').count(), m.matches('\u{2069}').count());
        assert!(m.contains("-95.36980 \u{2069}"));
    }
}
