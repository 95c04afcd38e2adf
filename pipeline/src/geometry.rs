//! County and state outlines for the app: us-atlas arcs simplified once (so neighbours keep
//! identical borders), rounded to tenths of a unit of the 975×610 map, written as SVG paths.
use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::simplify::simplify;
use crate::svgpath;
use crate::topo::{Geometry, Topology};

/// Default Visvalingam area threshold, in square units of the 975×610 map.
pub const DEFAULT_TOLERANCE: f64 = 1.5;

/// SVG paths by FIPS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapPaths {
    pub counties: BTreeMap<String, String>,
    pub states: BTreeMap<String, String>,
    /// Points kept / points in the source arcs.
    pub points: (usize, usize),
}

/// Simplify the arcs with `tolerance` (px²) and build the county and state paths.
pub fn build(topo: &Topology, tolerance: f64) -> Result<MapPaths> {
    let counties = topo.object("counties")?;
    let states = topo.object("states")?;
    let arcs = topo.decoded_arcs();

    // A ring of one arc needs two interior points to stay a triangle, a ring of two arcs one
    // interior point per arc; rings of three or more arcs keep their shape from the endpoints.
    let mut min_interior = vec![0usize; arcs.len()];
    for g in counties.iter().chain(states) {
        for ring in g.polygons().into_iter().flatten() {
            let need = match ring.len() {
                1 => 2,
                2 => 1,
                _ => 0,
            };
            for a in ring {
                let i = arc_index(*a);
                min_interior[i] = min_interior[i].max(need);
            }
        }
    }
    // Rings that still collapse once rounded (tiny independent cities) get their arcs at full
    // detail; arcs are shared, so the neighbours follow and borders stay identical.
    let mut full = vec![false; arcs.len()];
    let simplified = loop {
        let simplified: Vec<Vec<[i64; 2]>> = arcs
            .iter()
            .zip(&min_interior)
            .zip(&full)
            .map(|((arc, min), full)| round(&simplify(arc, if *full { 0.0 } else { tolerance }, *min)))
            .collect();
        let mut changed = false;
        for ring in counties.iter().chain(states).flat_map(|g| g.polygons().into_iter().flatten()) {
            if assemble(ring, &simplified).len() < 3 {
                for a in ring {
                    changed |= !std::mem::replace(&mut full[arc_index(*a)], true);
                }
            }
        }
        if !changed {
            break simplified;
        }
    };
    let kept = simplified.iter().map(Vec::len).sum();
    let total = arcs.iter().map(Vec::len).sum();
    Ok(MapPaths {
        counties: paths_of(counties, &simplified, "counties")?,
        states: paths_of(states, &simplified, "states")?,
        points: (kept, total),
    })
}

/// Positions in tenths of a map unit, without repeats.
fn round(points: &[[f64; 2]]) -> Vec<[i64; 2]> {
    let mut out: Vec<[i64; 2]> = Vec::with_capacity(points.len());
    for p in points {
        let q = [(p[0] * 10.0).round() as i64, (p[1] * 10.0).round() as i64];
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    out
}

fn arc_index(a: i32) -> usize {
    if a < 0 { !a as usize } else { a as usize }
}

fn paths_of(geometries: &[Geometry], arcs: &[Vec<[i64; 2]>], object: &str) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for g in geometries {
        let id = g.id().ok_or_else(|| Error::file(object, "a geometry has no id"))?;
        let all: Vec<Vec<[i64; 2]>> = g.polygons().into_iter().flatten().map(|ring| assemble(ring, arcs)).collect();
        let mut rings: Vec<Vec<[i64; 2]>> = all.iter().filter(|r| r.len() >= 3).cloned().collect();
        if rings.is_empty() {
            // Only when the source itself is degenerate: us-atlas has Falls Church and Manassas
            // Park (VA) as 2-point rings and Lexington (VA) as one point. Keep them so each
            // county still has a path (a stroke or a dot with round caps).
            rings = all.into_iter().filter(|r| !r.is_empty()).collect();
        }
        if rings.is_empty() {
            return Err(Error::file(object, format!("{id} has no usable ring")));
        }
        out.insert(id.to_owned(), svgpath::encode(&rings));
    }
    Ok(out)
}

/// Join a ring's arcs (reversing negative references) into an open list of points.
fn assemble(ring: &[i32], arcs: &[Vec<[i64; 2]>]) -> Vec<[i64; 2]> {
    let mut pts: Vec<[i64; 2]> = Vec::new();
    for a in ring {
        let arc = &arcs[arc_index(*a)];
        let mut push = |p: &[i64; 2]| {
            if pts.last() != Some(p) {
                pts.push(*p);
            }
        };
        if *a < 0 { arc.iter().rev().for_each(&mut push) } else { arc.iter().for_each(&mut push) }
    }
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    pts
}
