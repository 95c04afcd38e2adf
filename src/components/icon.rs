//! Icons: small line drawings (24×24 grid, stroke 2) drawn inline as SVG in the text colour.
//!
//! Not emoji or symbol characters: a glyph from a fallback font costs ~60 ms of layout at 4×
//! CPU the first time a page shows one, and looks different (or is missing) from phone to
//! phone. Not CSS images either: every distinct SVG image in CSS is a document of its own,
//! ~20 ms each at 4× CPU. Inline SVG is laid out with the page and costs about nothing.
//! style.css draws them (`svg.icon`): no fill, a round stroke of `currentColor`, 1em square.
//! tools/prerender-routes.mjs writes `Expand` and `Warn` into the static guide pages too.
use leptos::prelude::*;

/// One icon. Every icon is decorative: the text next to it says what it means.
#[derive(Clone, Copy)]
pub enum Icon {
    /// the language button
    Globe,
    /// alert my people
    Mail,
    /// at the door
    Door,
    /// in a car
    Car,
    /// on the street
    Walk,
    /// at work
    Work,
    /// arrested
    Lock,
    /// at court
    Court,
    /// where am I / add my location
    Pin,
    /// read aloud
    Speaker,
    /// show a phrase large
    Expand,
    /// a contested point
    Warn,
    /// remove
    Close,
    /// from … to (turns round right to left)
    Arrow,
}

impl Icon {
    /// The SVG shapes inside the 24×24 `viewBox`.
    fn shapes(self) -> &'static str {
        match self {
            Icon::Globe => "<circle cx='12' cy='12' r='9'/><path d='M3 12h18M12 3c-3.5 3.5-3.5 14.5 0 18M12 3c3.5 3.5 3.5 14.5 0 18'/>",
            Icon::Mail => "<rect x='3' y='5' width='18' height='14' rx='2'/><path d='m4 7 8 6 8-6'/>",
            Icon::Door => "<path d='M6 21V4.5C6 3.7 6.7 3 7.5 3h9c.8 0 1.5.7 1.5 1.5V21M3 21h18'/><circle cx='14.5' cy='12.5' r='1' fill='currentColor'/>",
            Icon::Car => "<path d='M3 16.5v-4L5.5 7h13l2.5 5.5v4zM3 12.5h18'/><circle cx='7.5' cy='17' r='2' fill='currentColor'/><circle cx='16.5' cy='17' r='2' fill='currentColor'/>",
            Icon::Walk => "<circle cx='13.5' cy='4.5' r='1.8' fill='currentColor'/><path d='m9 21 3-6.5 3 2.5v4M12 14.5l1-6-3.5 2L8 13.5M13 8.5l2 3.5 3 1'/>",
            Icon::Work => "<path d='M3 21V11l5 3v-3l5 3v-3l5 3V3h3v18zM7 17.5h2M12 17.5h2'/>",
            Icon::Lock => "<rect x='5' y='11' width='14' height='10' rx='2'/><path d='M8 11V8a4 4 0 0 1 8 0v3M12 15v2'/>",
            Icon::Court => "<path d='M12 4v16M8 20h8M5 7h14M5 7l-2.5 6a2.5 2 0 0 0 5 0zM19 7l-2.5 6a2.5 2 0 0 0 5 0z'/>",
            Icon::Pin => "<path d='M12 21s-6.5-6.2-6.5-11a6.5 6.5 0 0 1 13 0c0 4.8-6.5 11-6.5 11z'/><circle cx='12' cy='10' r='2.3'/>",
            Icon::Speaker => "<path d='M4 9.5h3.5L12 5.5v13l-4.5-4H4zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11'/>",
            Icon::Expand => "<path d='M14 4h6v6M10 20H4v-6M20 4l-6.5 6.5M4 20l6.5-6.5'/>",
            Icon::Warn => "<path d='M12 3.5 2.5 20h19zM12 10v4.5'/><circle cx='12' cy='17.3' r='.5' fill='currentColor'/>",
            Icon::Close => "<path d='M6 6l12 12M18 6 6 18'/>",
            Icon::Arrow => "<path d='M4 12h15M13 6l6 6-6 6'/>",
        }
    }
}

/// The icon as an `<svg>` with the classes given (`icon` and the ones for its place), hidden
/// from screen readers.
pub fn icon(icon: Icon, class: &'static str) -> impl IntoView {
    view! { <svg class=class viewBox="0 0 24 24" aria-hidden="true" inner_html=icon.shapes()></svg> }
}
