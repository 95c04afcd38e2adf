//! The app's address as a QR code, drawn on the device: the `qrcode` crate (no image
//! feature) gives the modules; this turns the dark ones into one SVG `<path>`.

/// A QR code as SVG: `width` modules a side plus a quiet zone of 4, the dark modules as one
/// path of unit squares. `None` when the text does not fit in a QR code.
pub struct QrSvg {
    /// Modules a side (without the quiet zone): 21 for version 1, +4 a version.
    pub width: usize,
    /// Dark modules drawn.
    pub dark: usize,
    /// The whole `<svg>` element.
    pub svg: String,
}

/// Quiet zone around the code, in modules (the standard's minimum).
pub const QUIET: usize = 4;

/// The path data of the dark modules of a `width`×`width` grid (row-major): one `M x y h1v1h-1z`
/// square a module, runs of dark modules in a row joined into one rectangle.
pub fn path_data(width: usize, dark: &[bool]) -> String {
    let mut d = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if dark[y * width + x] {
                let start = x;
                while x < width && dark[y * width + x] {
                    x += 1;
                }
                d.push_str(&format!("M{} {}h{}v1h-{}z", start + QUIET, y + QUIET, x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    d
}

/// The QR code of `text` (medium error correction) as an SVG element with an accessible name.
pub fn svg(text: &str, label: &str) -> Option<QrSvg> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let dark: Vec<bool> = code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect();
    let count = dark.iter().filter(|d| **d).count();
    let side = width + 2 * QUIET;
    let label = label.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" role="img" aria-label="{label}" shape-rendering="crispEdges"><rect width="{side}" height="{side}" fill="#fff"/><path fill="#000" d="{}"/></svg>"##,
        path_data(width, &dark)
    );
    Some(QrSvg { width, dark: count, svg })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Squares the path draws, rebuilt from its `M x y hN` commands.
    fn modules_of(d: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for part in d.split('M').skip(1) {
            let (xy, rest) = part.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let n: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            out.extend((x..x + n).map(|x| (x, y)));
        }
        out
    }

    #[test]
    fn path_draws_exactly_the_dark_modules() {
        let code = qrcode::QrCode::with_error_correction_level(b"https://example.org/pocket-rights/", qrcode::EcLevel::M).unwrap();
        let width = code.width();
        let dark: Vec<bool> = code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect();
        let drawn = modules_of(&path_data(width, &dark));
        let expected: Vec<(usize, usize)> =
            (0..width * width).filter(|i| dark[*i]).map(|i| (i % width + QUIET, i / width + QUIET)).collect();
        let mut sorted = drawn.clone();
        sorted.sort_by_key(|(x, y)| (*y, *x));
        assert_eq!(sorted, expected);
        assert_eq!(drawn.len(), expected.len(), "no module drawn twice");
    }

    #[test]
    fn size_follows_the_version() {
        // 34 bytes at level M need version 3: 21 + 2*4 = 29 modules a side.
        let q = svg("https://example.org/pocket-rights/", "QR").unwrap();
        assert_eq!(q.width, 29);
        assert!(q.svg.contains(r#"viewBox="0 0 37 37""#), "{}", q.svg);
        // A longer address needs a larger version.
        let long = svg(&format!("https://example.org/{}/", "a".repeat(100)), "QR").unwrap();
        assert!(long.width > q.width && (long.width - 17) % 4 == 0);
        // Finder patterns: the top-left 7x7 corner has its ring and core dark, so well over
        // a third of the modules are dark in any code.
        assert!(q.dark * 3 > q.width * q.width / 2 && q.dark < q.width * q.width);
    }

    #[test]
    fn one_path_and_an_escaped_label() {
        let q = svg("https://h/", "Scan \"this\" <app> & go").unwrap();
        assert_eq!(q.svg.matches("<path").count(), 1);
        assert!(q.svg.contains(r#"aria-label="Scan &quot;this&quot; &lt;app> &amp; go""#), "{}", q.svg);
    }

    #[test]
    fn too_long_is_none() {
        assert!(svg(&"x".repeat(5000), "QR").is_none());
    }
}
