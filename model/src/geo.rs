//! "Where am I?" on the device: project longitude/latitude into the map's 975×610 space the
//! way d3.geoAlbersUsa does (scale 1300, translate [487.5, 305]), then find the county whose
//! path contains the point. Nothing leaves the phone.
//!
//! The projection is the Albers conic equal-area (Snyder, "Map Projections: A Working
//! Manual", USGS PP 1395, §14, with the origin latitude 0 and the center applied afterwards as
//! d3 does), in three insets: lower 48, Alaska and Hawaii.
use crate::policy::County;

/// Scale of the map's projection (d3 default for albersUsa in a 975×610 viewport).
const SCALE: f64 = 1300.0;
/// Translate of the map's projection.
const TRANSLATE: [f64; 2] = [487.5, 305.0];
/// d3's epsilon, used to keep the inset clip boxes from touching.
const EPS: f64 = 1e-6;

/// Albers conic equal-area for two standard parallels, in radians, sphere of radius 1.
struct Conic {
    n: f64,
    c: f64,
    rho0: f64,
}

impl Conic {
    fn new(phi1_deg: f64, phi2_deg: f64) -> Conic {
        let s1 = phi1_deg.to_radians().sin();
        let n = (s1 + phi2_deg.to_radians().sin()) / 2.0;
        // C = cos²φ1 + 2n·sinφ1 = 1 + sinφ1·(2n − sinφ1)
        let c = 1.0 + s1 * (2.0 * n - s1);
        Conic { n, c, rho0: c.sqrt() / n }
    }

    /// Snyder 14-1..14-4 with φ0 = 0: ρ = √(C − 2n·sinφ)/n, θ = nλ, y measured up.
    fn raw(&self, lambda: f64, phi: f64) -> [f64; 2] {
        let rho = (self.c - 2.0 * self.n * phi.sin()).max(0.0).sqrt() / self.n;
        let theta = self.n * lambda;
        [rho * theta.sin(), self.rho0 - rho * theta.cos()]
    }
}

/// One inset of the composite: a rotated, centred, scaled conic with its own clip box.
struct Inset {
    conic: Conic,
    /// Degrees added to the longitude before projecting (d3 `rotate([r, 0])`).
    rotate: f64,
    /// Raw projected position of the center, subtracted so the center lands on `translate`.
    center: [f64; 2],
    scale: f64,
    translate: [f64; 2],
    /// `[x0, y0, x1, y1]`: points projected outside are not in this inset.
    clip: [f64; 4],
}

impl Inset {
    fn new(
        parallels: [f64; 2],
        rotate: f64,
        center: [f64; 2],
        scale: f64,
        translate: [f64; 2],
        clip: [f64; 4],
    ) -> Inset {
        let conic = Conic::new(parallels[0], parallels[1]);
        let center = conic.raw(center[0].to_radians(), center[1].to_radians());
        Inset { conic, rotate, center, scale, translate, clip }
    }

    fn project(&self, lon: f64, lat: f64) -> Option<[f64; 2]> {
        let mut lambda = lon + self.rotate;
        if lambda > 180.0 {
            lambda -= 360.0;
        } else if lambda < -180.0 {
            lambda += 360.0;
        }
        let [x, y] = self.conic.raw(lambda.to_radians(), lat.to_radians());
        let px = self.translate[0] + self.scale * (x - self.center[0]);
        let py = self.translate[1] - self.scale * (y - self.center[1]);
        let [x0, y0, x1, y1] = self.clip;
        (x0 <= px && px <= x1 && y0 <= py && py <= y1).then_some([px, py])
    }
}

fn insets() -> [Inset; 3] {
    let k = SCALE;
    let [x, y] = TRANSLATE;
    // Offsets and clip boxes of the composite as published with d3-geo's albersUsa.
    [
        Inset::new(
            [29.5, 45.5],
            96.0,
            [-0.6, 38.7],
            k,
            [x, y],
            [x - 0.455 * k, y - 0.238 * k, x + 0.455 * k, y + 0.238 * k],
        ),
        Inset::new(
            [55.0, 65.0],
            154.0,
            [-2.0, 58.5],
            0.35 * k,
            [x - 0.307 * k, y + 0.201 * k],
            [x - 0.425 * k + EPS, y + 0.120 * k + EPS, x - 0.214 * k - EPS, y + 0.234 * k - EPS],
        ),
        Inset::new(
            [8.0, 18.0],
            157.0,
            [-3.0, 19.9],
            k,
            [x - 0.205 * k, y + 0.212 * k],
            [x - 0.214 * k + EPS, y + 0.166 * k + EPS, x - 0.115 * k - EPS, y + 0.234 * k - EPS],
        ),
    ]
}

/// Project longitude/latitude (degrees) into the map's 975×610 space, or `None` when the point
/// falls in none of the three insets (e.g. far out at sea, or outside the US).
pub fn albers_usa(lon: f64, lat: f64) -> Option<[f64; 2]> {
    if !(lon.is_finite() && lat.is_finite()) {
        return None;
    }
    insets().iter().find_map(|i| i.project(lon, lat))
}

/// Why a path string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    /// Byte offset in the path string.
    pub at: usize,
    pub message: &'static str,
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad SVG path at byte {}: {}", self.at, self.message)
    }
}

impl std::error::Error for PathError {}

/// A parsed polygon path: closed rings and their bounding box.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    rings: Vec<Vec<[f64; 2]>>,
    /// `[x0, y0, x1, y1]`.
    bbox: [f64; 4],
}

impl Shape {
    /// Parse an SVG path made of `M m L l H h V v Z z` commands (what the pipeline writes).
    pub fn parse(d: &str) -> Result<Shape, PathError> {
        let rings = parse_rings(d)?;
        let mut bbox = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for p in rings.iter().flatten() {
            bbox = [bbox[0].min(p[0]), bbox[1].min(p[1]), bbox[2].max(p[0]), bbox[3].max(p[1])];
        }
        Ok(Shape { rings, bbox })
    }

    /// The rings, each an open list of points (the closing edge is implied).
    pub fn rings(&self) -> &[Vec<[f64; 2]>] {
        &self.rings
    }

    /// `[x0, y0, x1, y1]` of all rings.
    pub fn bbox(&self) -> [f64; 4] {
        self.bbox
    }

    /// Even-odd rule over all rings: holes and islands need no orientation.
    pub fn contains(&self, p: [f64; 2]) -> bool {
        let [x, y] = p;
        if x < self.bbox[0] || x > self.bbox[2] || y < self.bbox[1] || y > self.bbox[3] {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let mut j = ring.len().wrapping_sub(1);
            for (i, a) in ring.iter().enumerate() {
                let b = ring[j];
                // Half-open in y so a vertex on the ray is counted once.
                if (a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0] {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }
}

fn parse_rings(d: &str) -> Result<Vec<Vec<[f64; 2]>>, PathError> {
    let b = d.as_bytes();
    let mut i = 0;
    let mut rings: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut ring: Vec<[f64; 2]> = Vec::new();
    let mut pen = [0.0, 0.0];
    let mut start = [0.0, 0.0];
    let mut cmd = 0u8;
    let err = |at, message| PathError { at, message };
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i].is_ascii_alphabetic() {
            cmd = b[i];
            i += 1;
            if matches!(cmd, b'z' | b'Z') {
                if ring.len() >= 3 {
                    rings.push(std::mem::take(&mut ring));
                }
                ring.clear();
                pen = start;
            }
            continue;
        }
        let mut num = || -> Result<f64, PathError> {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
                i += 1;
            }
            let (v, used) = number(&b[i..]).ok_or(err(i, "expected a number"))?;
            i += used;
            Ok(v)
        };
        match cmd {
            b'M' | b'm' => {
                let (x, y) = (num()?, num()?);
                pen = if cmd == b'm' { [pen[0] + x, pen[1] + y] } else { [x, y] };
                if ring.len() >= 3 {
                    rings.push(std::mem::take(&mut ring));
                }
                ring.clear();
                ring.push(pen);
                start = pen;
                // Further pairs after a moveto are linetos of the same kind.
                cmd = if cmd == b'm' { b'l' } else { b'L' };
            }
            b'L' | b'l' => {
                let (x, y) = (num()?, num()?);
                pen = if cmd == b'l' { [pen[0] + x, pen[1] + y] } else { [x, y] };
                ring.push(pen);
            }
            b'H' | b'h' => {
                let x = num()?;
                pen[0] = if cmd == b'h' { pen[0] + x } else { x };
                ring.push(pen);
            }
            b'V' | b'v' => {
                let y = num()?;
                pen[1] = if cmd == b'v' { pen[1] + y } else { y };
                ring.push(pen);
            }
            _ => return Err(err(i, "unsupported or missing command")),
        }
    }
    if ring.len() >= 3 {
        rings.push(ring);
    }
    Ok(rings)
}

/// Read one SVG number (`-1.5`, `.5`, `1e3`); a second `.` starts the next number.
fn number(b: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let negative = i < b.len() && b[i] == b'-';
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    // The digits as one whole number and the power of ten that scales it (see
    // `crate::decimal::from_parts`); digits past the 19th only move the scale.
    let (mut digits, mut scale, mut count) = (0u64, 0i32, 0);
    let mut digit = |c: u8, after_point: bool, scale: &mut i32| {
        if count < 19 {
            digits = digits * 10 + u64::from(c - b'0');
            count += usize::from(digits > 0);
            *scale -= i32::from(after_point);
        } else {
            *scale += i32::from(!after_point);
        }
    };
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        digit(b[i], false, &mut scale);
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            digit(b[i], true, &mut scale);
            i += 1;
        }
    }
    if i == digits_start || (i == digits_start + 1 && b[digits_start] == b'.') {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        let exp_negative = j < b.len() && b[j] == b'-';
        if j < b.len() && (b[j] == b'-' || b[j] == b'+') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            let mut exp = 0i32;
            while j < b.len() && b[j].is_ascii_digit() {
                exp = exp.saturating_mul(10).saturating_add(i32::from(b[j] - b'0'));
                j += 1;
            }
            scale = scale.saturating_add(if exp_negative { -exp } else { exp });
            i = j;
        }
    }
    Some((crate::decimal::from_parts(negative, digits, scale), i))
}

/// Finds the county at a point. Build once from `counties.json` (parsing ~3,100 paths), then
/// query; each query checks bounding boxes first.
#[derive(Debug, Clone, Default)]
pub struct CountyLocator {
    shapes: Vec<(String, Shape)>,
}

impl CountyLocator {
    /// Parse `(fips, path)` pairs.
    pub fn new<'a>(paths: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<CountyLocator, PathError> {
        let shapes = paths
            .into_iter()
            .map(|(fips, d)| Ok((fips.to_owned(), Shape::parse(d)?)))
            .collect::<Result<_, PathError>>()?;
        Ok(CountyLocator { shapes })
    }

    /// From the counties of `counties.json` (those without a path are skipped).
    pub fn from_counties(counties: &[County]) -> Result<CountyLocator, PathError> {
        CountyLocator::new(counties.iter().filter_map(|c| Some((c.fips.as_str(), c.path.as_deref()?))))
    }

    /// FIPS of the county containing a point of the 975×610 space.
    pub fn county_at(&self, p: [f64; 2]) -> Option<&str> {
        self.shapes.iter().find(|(_, s)| s.contains(p)).map(|(f, _)| f.as_str())
    }

    /// FIPS of the county at longitude/latitude (degrees), or `None` outside the map.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<&str> {
        self.county_at(albers_usa(lon, lat)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: [f64; 2], b: [f64; 2], tol: f64) -> bool {
        (a[0] - b[0]).abs() < tol && (a[1] - b[1]).abs() < tol
    }

    #[test]
    fn centers_land_on_their_translate() {
        // Each inset's center projects exactly to its translate point.
        assert!(close(albers_usa(-96.6, 38.7).unwrap(), [487.5, 305.0], 1e-9));
        assert!(close(albers_usa(-156.0, 58.5).unwrap(), [487.5 - 0.307 * 1300.0, 305.0 + 0.201 * 1300.0], 1e-9));
        assert!(close(albers_usa(-160.0, 19.9).unwrap(), [487.5 - 0.205 * 1300.0, 305.0 + 0.212 * 1300.0], 1e-9));
    }

    #[test]
    fn far_away_points_are_off_the_map() {
        assert_eq!(albers_usa(0.0, 51.5), None); // London
        assert_eq!(albers_usa(-30.0, 30.0), None); // mid-Atlantic
        assert_eq!(albers_usa(f64::NAN, 30.0), None);
    }

    #[test]
    fn parses_relative_and_absolute_paths() {
        let s = Shape::parse("m10 10 10 0 0 10-10 0z M0 0H5V5L0 5Z").unwrap();
        assert_eq!(s.rings().len(), 2);
        assert_eq!(s.rings()[0], vec![[10.0, 10.0], [20.0, 10.0], [20.0, 20.0], [10.0, 20.0]]);
        assert_eq!(s.bbox(), [0.0, 0.0, 20.0, 20.0]);
        // After z the pen is back at the ring start, so a following m is relative to it.
        let t = Shape::parse("m1.5.5 1 0 0 1z m-.5-.5 1 0 0 1z").unwrap();
        assert_eq!(t.rings()[1][0], [1.0, 0.0]);
        assert!(Shape::parse("m1 x").is_err());
    }

    #[test]
    fn even_odd_handles_holes_and_islands() {
        // A square with a square hole, plus an island.
        let s = Shape::parse("M0 0H10V10H0Z M3 3H7V7H3Z M20 20h2v2h-2z").unwrap();
        assert!(s.contains([1.0, 1.0]));
        assert!(!s.contains([5.0, 5.0]));
        assert!(s.contains([21.0, 21.0]));
        assert!(!s.contains([15.0, 15.0]));
    }

    #[test]
    fn locator_picks_the_right_square() {
        let l = CountyLocator::new([("01001", "M0 0H10V10H0Z"), ("01003", "M10 0H20V10H10Z")]).unwrap();
        assert_eq!(l.county_at([15.0, 5.0]), Some("01003"));
        assert_eq!(l.county_at([5.0, 5.0]), Some("01001"));
        assert_eq!(l.county_at([25.0, 5.0]), None);
    }

    /// Known places against the app's own `public/data/counties.json`.
    #[test]
    fn where_am_i_on_the_real_map() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/counties.json");
        let text = std::fs::read_to_string(path).expect("public/data/counties.json (run the pipeline)");
        let file: crate::policy::CountiesFile = serde_json::from_str(&text).unwrap();
        let l = CountyLocator::from_counties(&file.counties).unwrap();
        let places = [
            ((-95.37, 29.76), Some("48201")),  // Houston, Harris County TX
            ((-80.19, 25.76), Some("12086")),  // Miami, Miami-Dade County FL
            ((-118.24, 34.05), Some("06037")), // Los Angeles County CA
            ((-149.9, 61.22), Some("02020")),  // Anchorage AK
            ((-157.86, 21.31), Some("15003")), // Honolulu HI
            ((-87.63, 41.88), Some("17031")),  // Chicago, Cook County IL
            ((-77.44, 37.54), Some("51760")),  // Richmond city VA
            ((-90.2, 38.63), Some("29510")),   // St. Louis city MO
            ((-74.0, 40.71), Some("36061")),   // Manhattan, New York County NY
            ((-70.0, 36.0), None),             // Atlantic Ocean
            ((-89.0, 27.0), None),             // Gulf of Mexico
        ];
        for ((lon, lat), want) in places {
            assert_eq!(l.locate(lon, lat), want, "({lon}, {lat})");
        }
    }

    /// Every number of the map files reads as `str::parse` reads it.
    #[test]
    fn numbers_read_as_parse_reads_them() {
        for file in ["counties.json", "states.json"] {
            let path = format!("{}/../public/data/{file}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).unwrap();
            let mut checked = 0;
            for d in text.split('"').filter(|s| (s.starts_with('m') || s.starts_with('M')) && s[1..].starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.')) {
                let b = d.as_bytes();
                let mut i = 1;
                while i < b.len() {
                    if b[i].is_ascii_alphabetic() || b[i] == b' ' || b[i] == b',' {
                        i += 1;
                        continue;
                    }
                    let (v, used) = number(&b[i..]).unwrap_or_else(|| panic!("{file}: {}", &d[i..]));
                    assert_eq!(v.to_bits(), d[i..i + used].parse::<f64>().unwrap().to_bits(), "{}", &d[i..i + used]);
                    i += used;
                    checked += 1;
                }
            }
            assert!(checked > 10_000, "{file}: {checked}");
        }
        for t in ["1e3", "-1.5e-2", "+.5", "12345678901234567890123", "0.000000000000000000000000001", "-0", "7E+2"] {
            assert_eq!(number(t.as_bytes()).unwrap(), (t.parse::<f64>().unwrap(), t.len()), "{t}");
        }
        assert_eq!(number(b"1.5.5"), Some((1.5, 3)));
        assert_eq!(number(b"1e"), Some((1.0, 1)));
        assert_eq!(number(b"."), None);
        assert_eq!(number(b"-"), None);
    }
}
