//! Reading a quantised TopoJSON topology (us-atlas) and decoding its delta-encoded arcs.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};

/// A TopoJSON topology with quantised arcs.
#[derive(Debug, Deserialize)]
pub struct Topology {
    pub transform: Transform,
    pub objects: BTreeMap<String, Collection>,
    /// Delta-encoded integer positions, as stored.
    pub arcs: Vec<Vec<[i64; 2]>>,
}

/// Quantisation transform: position = q × scale + translate.
#[derive(Debug, Deserialize)]
pub struct Transform {
    pub scale: [f64; 2],
    pub translate: [f64; 2],
}

/// A named object of the topology.
#[derive(Debug, Deserialize)]
pub struct Collection {
    pub geometries: Vec<Geometry>,
}

/// The geometry types us-atlas uses. Arc index `i` < 0 means arc `!i` reversed.
#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
pub enum Geometry {
    Polygon {
        #[serde(default)]
        id: Option<String>,
        arcs: Vec<Vec<i32>>,
    },
    MultiPolygon {
        #[serde(default)]
        id: Option<String>,
        arcs: Vec<Vec<Vec<i32>>>,
    },
}

impl Geometry {
    /// The FIPS id.
    pub fn id(&self) -> Option<&str> {
        match self {
            Geometry::Polygon { id, .. } | Geometry::MultiPolygon { id, .. } => id.as_deref(),
        }
    }

    /// Polygons, each a list of rings, each a list of arc references.
    pub fn polygons(&self) -> Vec<&[Vec<i32>]> {
        match self {
            Geometry::Polygon { arcs, .. } => vec![arcs.as_slice()],
            Geometry::MultiPolygon { arcs, .. } => arcs.iter().map(Vec::as_slice).collect(),
        }
    }
}

impl Topology {
    /// Read and parse a topology file.
    pub fn read(path: &Path) -> Result<Topology> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::file(path, format!("cannot read: {e}")))?;
        let topo: Topology =
            serde_json::from_str(&text).map_err(|e| Error::file(path, format!("not a TopoJSON topology: {e}")))?;
        let n = topo.arcs.len() as i64;
        for g in topo.objects.values().flat_map(|c| &c.geometries) {
            for a in g.polygons().into_iter().flatten().flatten() {
                let i = if *a < 0 { !i64::from(*a) } else { i64::from(*a) };
                if i >= n {
                    return Err(Error::file(path, format!("geometry {:?} refers to missing arc {a}", g.id())));
                }
            }
        }
        Ok(topo)
    }

    /// The geometries of one object ("counties", "states").
    pub fn object(&self, name: &str) -> Result<&[Geometry]> {
        self.objects
            .get(name)
            .map(|c| c.geometries.as_slice())
            .ok_or_else(|| Error::file(name, format!("the topology has no {name:?} object")))
    }

    /// Ids of one object's geometries.
    pub fn ids(&self, name: &str) -> Result<BTreeSet<String>> {
        Ok(self.object(name)?.iter().filter_map(|g| g.id().map(str::to_owned)).collect())
    }

    /// Every arc as absolute positions in the topology's coordinate space.
    pub fn decoded_arcs(&self) -> Vec<Vec<[f64; 2]>> {
        let [sx, sy] = self.transform.scale;
        let [tx, ty] = self.transform.translate;
        self.arcs
            .iter()
            .map(|arc| {
                let (mut x, mut y) = (0i64, 0i64);
                arc.iter()
                    .map(|[dx, dy]| {
                        x += dx;
                        y += dy;
                        [x as f64 * sx + tx, y as f64 * sy + ty]
                    })
                    .collect()
            })
            .collect()
    }
}
