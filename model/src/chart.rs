//! The maths of the small trend line on the state screen: which points to draw and where.
use crate::decimal::fixed;

/// At most about `max` evenly spaced items, always ending with the last one.
pub fn thin<T: PartialEq>(items: &[T], max: usize) -> Vec<&T> {
    let step = (items.len() / max.max(1)).max(1);
    let mut out: Vec<&T> = items.iter().step_by(step).collect();
    if let Some(last) = items.last() {
        if out.last() != Some(&last) {
            out.push(last);
        }
    }
    out
}

/// An SVG path ("M0.0,80.0L…") through `values`, spread over `width`, scaled so that the
/// largest value reaches `baseline - height` (y grows downward).
pub fn line_path(values: &[u32], width: f64, baseline: f64, height: f64) -> String {
    let max = f64::from(values.iter().copied().max().unwrap_or(1).max(1));
    let n = values.len().max(2) as f64 - 1.0;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = (i as f64 / n * width, baseline - f64::from(*v) / max * height);
            format!("{}{},{}", if i == 0 { 'M' } else { 'L' }, fixed(x, 1), fixed(y, 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thin_keeps_the_last_point() {
        let v: Vec<u32> = (0..10).collect();
        assert_eq!(thin(&v, 4), vec![&0, &2, &4, &6, &8, &9]);
        assert_eq!(thin(&v, 100).len(), 10);
        assert!(thin::<u32>(&[], 4).is_empty());
    }

    #[test]
    fn line_reaches_the_top_at_the_maximum() {
        assert_eq!(line_path(&[0, 50, 100], 300.0, 80.0, 76.0), "M0.0,80.0L150.0,42.0L300.0,4.0");
        assert_eq!(line_path(&[7], 300.0, 80.0, 76.0), "M0.0,4.0");
    }
}
