//! Visvalingam–Whyatt line simplification: repeatedly drop the point whose triangle with its
//! neighbours has the smallest area. Endpoints are always kept, so arcs shared by two counties
//! still meet exactly.
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Effective area of every point of a polyline (endpoints get infinity). A point survives a
/// threshold `t` when its area is ≥ `t`. Areas never decrease along the removal order, so the
/// result for any threshold equals running the algorithm with that threshold.
pub fn effective_areas(points: &[[f64; 2]]) -> Vec<f64> {
    let n = points.len();
    let mut area = vec![f64::INFINITY; n];
    if n < 3 {
        return area;
    }
    let mut prev: Vec<usize> = (0..n).map(|i| i.wrapping_sub(1)).collect();
    let mut next: Vec<usize> = (1..=n).collect();
    let mut heap = BinaryHeap::with_capacity(n);
    for i in 1..n - 1 {
        area[i] = triangle(points[i - 1], points[i], points[i + 1]);
        heap.push(Entry(area[i], i));
    }
    let mut removed = vec![false; n];
    let mut floor = 0.0f64;
    while let Some(Entry(a, i)) = heap.pop() {
        if removed[i] || a != area[i] {
            continue; // stale entry
        }
        // Keep areas monotonic so a later removal never looks less important than an earlier.
        floor = floor.max(a);
        area[i] = floor;
        removed[i] = true;
        let (p, q) = (prev[i], next[i]);
        next[p] = q;
        prev[q] = p;
        for j in [p, q] {
            if j != 0 && j != n - 1 {
                area[j] = triangle(points[prev[j]], points[j], points[next[j]]);
                heap.push(Entry(area[j], j));
            }
        }
    }
    area
}

/// Keep the points whose effective area is ≥ `threshold`, plus at least `min_interior`
/// interior points (the most important ones) so small rings do not collapse.
pub fn simplify(points: &[[f64; 2]], threshold: f64, min_interior: usize) -> Vec<[f64; 2]> {
    let area = effective_areas(points);
    let mut floor = threshold;
    let interior = points.len().saturating_sub(2);
    if min_interior > 0 && interior > 0 {
        let mut a: Vec<f64> = area[1..points.len() - 1].to_vec();
        a.sort_by(|x, y| y.partial_cmp(x).unwrap_or(Ordering::Equal));
        floor = floor.min(a[min_interior.min(interior) - 1]);
    }
    points.iter().zip(&area).filter(|(_, a)| **a >= floor).map(|(p, _)| *p).collect()
}

fn triangle(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
}

/// Min-heap entry by area.
struct Entry(f64, usize);

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed for a min-heap; ties broken by index so the order is deterministic.
        other.0.total_cmp(&self.0).then_with(|| other.1.cmp(&self.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_flat_points_and_keeps_corners() {
        let line = [[0.0, 0.0], [1.0, 0.01], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        let s = simplify(&line, 0.1, 0);
        assert_eq!(s, vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]);
    }

    #[test]
    fn keeps_endpoints_and_a_minimum_of_interior_points() {
        let ring = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]];
        assert_eq!(simplify(&ring, 100.0, 0), vec![[0.0, 0.0], [0.0, 0.0]]);
        assert_eq!(simplify(&ring, 100.0, 2).len(), 4);
        let areas = effective_areas(&ring);
        assert!(areas[0].is_infinite() && areas[3].is_infinite());
    }
}
