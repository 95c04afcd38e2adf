//! Compact SVG path text for polygons whose coordinates are whole tenths of a map unit:
//! one relative `m` per ring followed by implicit relative linetos, then `z`. Numbers drop
//! leading zeros and any separator SVG does not need ("m10.5-3 .5.5").

/// Path text for rings of points given in tenths (each ring open: the last point is not the
/// first one repeated).
pub fn encode(rings: &[Vec<[i64; 2]>]) -> String {
    let mut out = String::new();
    let mut pen = [0i64, 0];
    for ring in rings {
        let Some(first) = ring.first() else { continue };
        out.push('m');
        let mut last_had_dot = false;
        let mut first_number = true;
        let mut prev = pen;
        for p in ring {
            for v in [p[0] - prev[0], p[1] - prev[1]] {
                push_number(&mut out, v, &mut last_had_dot, first_number);
                first_number = false;
            }
            prev = *p;
        }
        out.push('z');
        // After `z` the pen is back at the ring's first point.
        pen = *first;
    }
    out
}

/// Append `tenths / 10` in the shortest form, with a separator only where needed.
fn push_number(out: &mut String, tenths: i64, last_had_dot: &mut bool, after_command: bool) {
    let neg = tenths < 0;
    let (int, frac) = (tenths.abs() / 10, tenths.abs() % 10);
    let text = match (int, frac) {
        (i, 0) => i.to_string(),
        (0, f) => format!(".{f}"),
        (i, f) => format!("{i}.{f}"),
    };
    // A number needs a space before it unless it starts with '-', or it starts with '.' and the
    // previous number already had a '.', or it follows the command letter.
    let needs_space = !(after_command || neg || (text.starts_with('.') && *last_had_dot));
    if needs_space {
        out.push(' ');
    }
    if neg {
        out.push('-');
    }
    *last_had_dot = text.contains('.');
    out.push_str(&text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocket_model::geo::Shape;

    #[test]
    fn shortest_numbers_and_separators() {
        let rings = vec![vec![[105, 30], [110, 35], [110, 40], [100, 30]], vec![[0, -5], [10, -5], [10, 5]]];
        let d = encode(&rings);
        assert_eq!(d, "m10.5 3 .5.5 0 .5-1-1zm-10.5-3.5 1 0 0 1z");
        // The app's parser reads back exactly the same points.
        let s = Shape::parse(&d).unwrap();
        let back: Vec<Vec<[i64; 2]>> = s
            .rings()
            .iter()
            .map(|r| r.iter().map(|p| [(p[0] * 10.0).round() as i64, (p[1] * 10.0).round() as i64]).collect())
            .collect();
        assert_eq!(back, rings);
    }
}
