//! Inline markup inside content text: phone numbers, web addresses and Latin-script names
//! that must keep their left-to-right order inside any sentence, right-to-left ones included.
//!
//! ```text
//! [[tel:1-888-351-4024]]                          a phone number, digits grouped as written
//! [[url:https://www.ice.gov/detain/detainee-locator]]  a web address
//! [[en:Form I-247A]]                              an English name or form number
//! ```
//!
//! The app renders these as an isolated `tel:` link, an isolated link and a `<bdi>`; the build
//! refuses text whose markup does not parse (see `content::inline_rules`).
use std::fmt;

/// One piece of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    /// A phone number as written and the number to dial (`+18883514024`).
    Tel { shown: &'a str, dial: String },
    /// A web address and its readable form (`ice.gov/detain/detainee-locator`).
    Url { href: &'a str, shown: &'a str },
    /// A left-to-right name or form number.
    En(&'a str),
}

/// Why a text's markup does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkupError {
    /// `[[` without its `]]`.
    Unclosed,
    /// `]]` without its `[[`.
    StrayClose,
    /// `[[` inside `[[…]]`.
    Nested,
    /// `[[xyz:…]]` with a kind other than tel, url, en.
    UnknownKind(String),
    /// `[[tel:…]]` that is not a phone number.
    BadPhone(String),
    /// `[[url:…]]` that is not an http(s) address.
    BadUrl(String),
    /// `[[en:]]` with nothing inside, or text with brackets inside.
    Empty,
}

impl fmt::Display for MarkupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unclosed => write!(f, "'[[' is never closed with ']]'"),
            Self::StrayClose => write!(f, "']]' without '[['"),
            Self::Nested => write!(f, "markup inside markup ('[[' within '[[…]]')"),
            Self::UnknownKind(k) => write!(f, "unknown markup '[[{k}:…]]' (use tel, url or en)"),
            Self::BadPhone(p) => write!(f, "'[[tel:{p}]]' is not a phone number (7–15 digits, separators - . space ( ) +)"),
            Self::BadUrl(u) => write!(f, "'[[url:{u}]]' is not an https:// or http:// address"),
            Self::Empty => write!(f, "empty markup"),
        }
    }
}

/// Split a text into plain runs and markup.
pub fn parse(text: &str) -> Result<Vec<Span<'_>>, MarkupError> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let open = rest.find("[[");
        let close = rest.find("]]");
        match (open, close) {
            (None, None) => {
                if !rest.is_empty() {
                    out.push(Span::Text(rest));
                }
                return Ok(out);
            }
            (None, Some(_)) => return Err(MarkupError::StrayClose),
            (Some(o), Some(c)) if c < o => return Err(MarkupError::StrayClose),
            (Some(_), None) => return Err(MarkupError::Unclosed),
            (Some(o), Some(c)) => {
                if o > 0 {
                    out.push(Span::Text(&rest[..o]));
                }
                let inner = &rest[o + 2..c];
                if inner.contains("[[") {
                    return Err(MarkupError::Nested);
                }
                out.push(span(inner)?);
                rest = &rest[c + 2..];
            }
        }
    }
}

fn span(inner: &str) -> Result<Span<'_>, MarkupError> {
    let (kind, body) = inner.split_once(':').ok_or_else(|| MarkupError::UnknownKind(inner.to_owned()))?;
    if body.trim().is_empty() {
        return Err(MarkupError::Empty);
    }
    if body != body.trim() || body.contains(['[', ']']) {
        return Err(match kind {
            "tel" => MarkupError::BadPhone(body.to_owned()),
            "url" => MarkupError::BadUrl(body.to_owned()),
            _ => MarkupError::Empty,
        });
    }
    match kind {
        "tel" => dial(body).map(|dial| Span::Tel { shown: body, dial }).ok_or_else(|| MarkupError::BadPhone(body.to_owned())),
        "url" => readable_url(body).map(|shown| Span::Url { href: body, shown }).ok_or_else(|| MarkupError::BadUrl(body.to_owned())),
        "en" => Ok(Span::En(body)),
        other => Err(MarkupError::UnknownKind(other.to_owned())),
    }
}

/// The number to dial for a phone number as written: digits only, `+` and country code
/// (a 10-digit number, or 11 digits starting with 1, is North American: `+1…`).
pub fn dial(written: &str) -> Option<String> {
    if !written.chars().all(|c| c.is_ascii_digit() || "-. ()+".contains(c)) {
        return None;
    }
    if written.contains('+') && !written.starts_with('+') {
        return None;
    }
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    if !(7..=15).contains(&digits.len()) {
        return None;
    }
    Some(match (written.starts_with('+'), digits.len()) {
        (true, _) => format!("+{digits}"),
        (false, 10) => format!("+1{digits}"),
        (false, 11) if digits.starts_with('1') => format!("+{digits}"),
        _ => digits,
    })
}

/// The address without scheme, `www.` and a trailing slash; `None` when it is not an
/// http(s) address with a host.
pub fn readable_url(href: &str) -> Option<&str> {
    let rest = href.strip_prefix("https://").or_else(|| href.strip_prefix("http://"))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) || !rest.split('/').next()?.contains('.') {
        return None;
    }
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    Some(rest.strip_suffix('/').unwrap_or(rest))
}

/// The text as a person reads it, markup removed (for reading aloud, titles, attributes).
/// Text whose markup does not parse comes back as it is.
pub fn plain(text: &str) -> String {
    match parse(text) {
        Ok(spans) => spans
            .iter()
            .map(|s| match s {
                Span::Text(t) | Span::En(t) | Span::Tel { shown: t, .. } | Span::Url { shown: t, .. } => *t,
            })
            .collect(),
        Err(_) => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_text_and_markup() {
        let spans = parse("Call [[tel:1-888-351-4024]] or see [[url:https://www.ice.gov/detain/]] about [[en:Form I-247A]].").unwrap();
        assert_eq!(
            spans,
            vec![
                Span::Text("Call "),
                Span::Tel { shown: "1-888-351-4024", dial: "+18883514024".into() },
                Span::Text(" or see "),
                Span::Url { href: "https://www.ice.gov/detain/", shown: "ice.gov/detain" },
                Span::Text(" about "),
                Span::En("Form I-247A"),
                Span::Text("."),
            ]
        );
    }

    #[test]
    fn text_without_markup_is_one_span() {
        assert_eq!(parse("Stay silent.").unwrap(), vec![Span::Text("Stay silent.")]);
        assert_eq!(parse("").unwrap(), vec![]);
    }

    #[test]
    fn broken_markup_is_refused() {
        assert_eq!(parse("Call [[tel:1-800-898-7180 now"), Err(MarkupError::Unclosed));
        assert_eq!(parse("Call 1-800]] now"), Err(MarkupError::StrayClose));
        assert_eq!(parse("]] [[en:x]]"), Err(MarkupError::StrayClose));
        assert_eq!(parse("[[en:a [[tel:1-800-898-7180]] b]]"), Err(MarkupError::Nested));
        assert_eq!(parse("[[phone:1-800-898-7180]]"), Err(MarkupError::UnknownKind("phone".into())));
        assert_eq!(parse("[[1-800-898-7180]]"), Err(MarkupError::UnknownKind("1-800-898-7180".into())));
        assert_eq!(parse("[[en:]]"), Err(MarkupError::Empty));
        assert_eq!(parse("[[en: x]]"), Err(MarkupError::Empty));
        assert_eq!(parse("[[tel:1-800-FLOWERS]]"), Err(MarkupError::BadPhone("1-800-FLOWERS".into())));
        assert_eq!(parse("[[tel:12-34]]"), Err(MarkupError::BadPhone("12-34".into())));
        assert_eq!(parse("[[url:locator.ice.gov]]"), Err(MarkupError::BadUrl("locator.ice.gov".into())));
        assert_eq!(parse("[[url:javascript:alert(1)]]"), Err(MarkupError::BadUrl("javascript:alert(1)".into())));
        assert_eq!(parse("[[url:https://]]"), Err(MarkupError::BadUrl("https://".into())));
    }

    #[test]
    fn phone_numbers_dial_in_international_form() {
        assert_eq!(dial("1-800-898-7180").as_deref(), Some("+18008987180"));
        assert_eq!(dial("(202) 555-0100").as_deref(), Some("+12025550100"));
        assert_eq!(dial("+52 55 1234 5678").as_deref(), Some("+525512345678"));
        assert_eq!(dial("555-0100").as_deref(), Some("5550100"));
        assert_eq!(dial("1+800"), None);
        assert_eq!(dial("1234567890123456"), None);
    }

    #[test]
    fn plain_text_drops_the_brackets() {
        assert_eq!(
            plain("Call [[tel:1-888-351-4024]], [[url:https://locator.ice.gov/]], [[en:I-200]]."),
            "Call 1-888-351-4024, locator.ice.gov, I-200."
        );
        assert_eq!(plain("broken [[en:x"), "broken [[en:x");
    }
}
