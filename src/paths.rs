//! The app's URLs as plain data: which screen a path shows, the query's values, and whether a
//! navigation link is the current one. No browser here, so that native tests cover it; the
//! browser side is `router.rs`, the views per screen are in `routes.rs`.

/// A screen and the parts of its path it reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    Card,
    Rights,
    Warrant,
    RightsPage { id: String },
    Map,
    State { state: String },
    County { state: String, county: String },
    Plan,
    PlanAlert,
    PlanRecord,
    PlanFamily,
    PlanHotlines,
    PlanCards,
    PlanErase,
    About,
    Changes,
    Language,
    NotFound,
}

impl Screen {
    /// The screen of an app path (without the sub-path; see `app_path`). A trailing slash
    /// and empty segments do not count: "/map/TX/" is "/map/TX".
    pub fn parse(path: &str) -> Screen {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let text = |s: &str| s.to_owned();
        match segments.as_slice() {
            [] => Screen::Home,
            ["card"] => Screen::Card,
            ["rights"] => Screen::Rights,
            ["rights", "warrant"] => Screen::Warrant,
            ["rights", id] => Screen::RightsPage { id: text(id) },
            ["map"] => Screen::Map,
            ["map", state] => Screen::State { state: text(state) },
            ["map", state, county] => Screen::County { state: text(state), county: text(county) },
            ["plan"] => Screen::Plan,
            ["plan", "alert"] => Screen::PlanAlert,
            ["plan", "record"] => Screen::PlanRecord,
            ["plan", "family"] => Screen::PlanFamily,
            ["plan", "hotlines"] => Screen::PlanHotlines,
            ["plan", "cards"] => Screen::PlanCards,
            ["plan", "erase"] => Screen::PlanErase,
            ["about"] => Screen::About,
            ["changes"] => Screen::Changes,
            ["language"] => Screen::Language,
            _ => Screen::NotFound,
        }
    }

    /// The named parts of the path (`/rights/:id`, `/map/:state/:county`).
    pub fn param(&self, name: &str) -> Option<String> {
        match (self, name) {
            (Screen::RightsPage { id }, "id") => Some(id.clone()),
            (Screen::State { state }, "state") | (Screen::County { state, .. }, "state") => Some(state.clone()),
            (Screen::County { county, .. }, "county") => Some(county.clone()),
            _ => None,
        }
    }
}

/// The app path of a page's path under the app's sub-path `base` ("" at the site root):
/// ("/pocket-rights", "/pocket-rights/map/TX") -> "/map/TX", ("", "/") -> "/". A path
/// outside the sub-path is returned as it is (it shows "not found" if it matches nothing).
pub fn app_path(base: &str, pathname: &str) -> String {
    let rest = match pathname.strip_prefix(base) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        _ => pathname,
    };
    let trimmed = rest.trim_end_matches('/');
    if trimmed.is_empty() { "/".to_owned() } else { trimmed.to_owned() }
}

/// The first value of `key` in a query string ("layer=agreements&x=1", without the "?"),
/// with `+` and `%XX` decoded.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    query.trim_start_matches('?').split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(k) == key).then(|| percent_decode(v))
    })
}

/// `+` as a space and `%XX` as its byte; a malformed escape stays as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether a navigation link to `link` (an app path) is the current screen's: the same path
/// when `exact`, else the same path or one below it ("/map" is current on "/map/TX").
pub fn is_current(current: &str, link: &str, exact: bool) -> bool {
    current == link || (!exact && current.strip_prefix(link).is_some_and(|rest| rest.starts_with('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_has_its_path() {
        assert_eq!(Screen::parse("/"), Screen::Home);
        assert_eq!(Screen::parse(""), Screen::Home);
        assert_eq!(Screen::parse("/card"), Screen::Card);
        assert_eq!(Screen::parse("/rights/"), Screen::Rights);
        assert_eq!(Screen::parse("/rights/warrant"), Screen::Warrant);
        assert_eq!(Screen::parse("/rights/door"), Screen::RightsPage { id: "door".into() });
        assert_eq!(Screen::parse("/map"), Screen::Map);
        assert_eq!(Screen::parse("/map/TX"), Screen::State { state: "TX".into() });
        let county = Screen::parse("/map/TX/48201");
        assert_eq!(county, Screen::County { state: "TX".into(), county: "48201".into() });
        assert_eq!(county.param("state").as_deref(), Some("TX"));
        assert_eq!(county.param("county").as_deref(), Some("48201"));
        assert_eq!(county.param("id"), None);
        for (path, screen) in [
            ("/plan", Screen::Plan),
            ("/plan/alert", Screen::PlanAlert),
            ("/plan/record", Screen::PlanRecord),
            ("/plan/family", Screen::PlanFamily),
            ("/plan/hotlines", Screen::PlanHotlines),
            ("/plan/cards", Screen::PlanCards),
            ("/plan/erase", Screen::PlanErase),
            ("/about", Screen::About),
            ("/changes", Screen::Changes),
            ("/language", Screen::Language),
        ] {
            assert_eq!(Screen::parse(path), screen, "{path}");
        }
        for path in ["/nope", "/plan/nope", "/map/TX/48201/x", "/rights/door/x", "/card/x"] {
            assert_eq!(Screen::parse(path), Screen::NotFound, "{path}");
        }
    }

    #[test]
    fn app_paths_under_a_sub_path() {
        assert_eq!(app_path("", "/"), "/");
        assert_eq!(app_path("", "/map/TX/"), "/map/TX");
        assert_eq!(app_path("/pocket-rights", "/pocket-rights"), "/");
        assert_eq!(app_path("/pocket-rights", "/pocket-rights/"), "/");
        assert_eq!(app_path("/pocket-rights", "/pocket-rights/rights/door"), "/rights/door");
        // Not under the sub-path: left as it is (a prefix of a longer name is not the sub-path).
        assert_eq!(app_path("/pocket-rights", "/pocket-rightsx/map"), "/pocket-rightsx/map");
        assert_eq!(app_path("/pocket-rights", "/map"), "/map");
    }

    #[test]
    fn query_values() {
        assert_eq!(query_value("layer=agreements", "layer").as_deref(), Some("agreements"));
        assert_eq!(query_value("?a=1&path=a.b.c", "path").as_deref(), Some("a.b.c"));
        assert_eq!(query_value("q=San+Jos%C3%A9", "q").as_deref(), Some("San José"));
        assert_eq!(query_value("x=100%", "x").as_deref(), Some("100%"));
        assert_eq!(query_value("x=%zz", "x").as_deref(), Some("%zz"));
        assert_eq!(query_value("layer", "layer").as_deref(), Some(""));
        assert_eq!(query_value("", "layer"), None);
        assert_eq!(query_value("layers=x", "layer"), None);
    }

    #[test]
    fn current_navigation_link() {
        assert!(is_current("/", "/", true));
        assert!(!is_current("/map", "/", true));
        assert!(is_current("/map/TX", "/map", false));
        assert!(is_current("/map", "/map", false));
        assert!(!is_current("/mapx", "/map", false));
        assert!(!is_current("/plan", "/map", false));
    }
}
