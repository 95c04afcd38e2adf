//! `--agreements`: a newer ICE list in one step — convert (an .xlsx) or take (a .csv) the
//! list, check it against every other source in a staged copy of the sources, build every
//! output from that copy, and only when all of that worked put the files in place (each
//! written beside its target, then renamed). A failure leaves `data/` and `public/data/`
//! as they were.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::convert::{self, Report};
use crate::error::{Error, Result, display_name};
use crate::output::check_new_agreements;
use crate::table::Table;
use crate::{AGREEMENTS_FILE, Config, EARLIER_AGREEMENTS_PREFIX, TREND_FILE, build, stale_files};

/// What an update did.
#[derive(Debug)]
pub struct Updated {
    pub previous: String,
    pub current: String,
    /// The conversion report when the new list was a workbook.
    pub report: Option<Report>,
    /// Output files that changed.
    pub changed: Vec<String>,
}

/// Make `new_list` (ICE's .xlsx or a converted .csv) the current list; see the module note.
pub fn update(config: &Config, out: &Path, new_list: &Path, source: &str) -> Result<Updated> {
    let sources = &config.sources;
    let (new_text, report) = if display_name(new_list).ends_with(".xlsx") {
        let (text, report) = convert::convert(sources, new_list, source)?;
        (text, Some(report))
    } else {
        let text = std::fs::read_to_string(new_list).map_err(|e| Error::file(new_list, format!("cannot read: {e}")))?;
        (text, None)
    };
    let stage = Stage::new(sources)?;
    let (previous, current, trend_text, files) = stage_update(config, &stage.dir, &new_text)?;
    let kept = sources.join(format!("{EARLIER_AGREEMENTS_PREFIX}{previous}.csv"));
    if kept.exists() {
        return Err(Error::file(&kept, "already exists; remove it or choose another list"));
    }
    let changed = stale_files(&files, out);
    // Everything checked: write beside, then rename into place.
    let mut beside: Vec<(PathBuf, PathBuf)> = Vec::new();
    std::fs::create_dir_all(out).map_err(|e| Error::file(out, format!("cannot create: {e}")))?;
    let mut put = |target: PathBuf, text: &str| -> Result<()> {
        let tmp = target.with_file_name(format!(".{}.next", display_name(&target)));
        std::fs::write(&tmp, text).map_err(|e| Error::file(&tmp, format!("cannot write: {e}")))?;
        beside.push((tmp, target));
        Ok(())
    };
    put(sources.join(AGREEMENTS_FILE), &new_text)?;
    if let Some(t) = &trend_text {
        put(sources.join(TREND_FILE), t)?;
    }
    for name in &changed {
        put(out.join(name), &files[name])?;
    }
    let current_path = sources.join(AGREEMENTS_FILE);
    std::fs::rename(&current_path, &kept).map_err(|e| Error::file(&current_path, format!("cannot rename: {e}")))?;
    for (tmp, target) in &beside {
        std::fs::rename(tmp, target).map_err(|e| Error::file(target, format!("cannot rename into place: {e}")))?;
    }
    Ok(Updated { previous, current, report, changed })
}

/// A copy of the sources directory beside it, removed when dropped.
struct Stage {
    dir: PathBuf,
}

impl Stage {
    fn new(sources: &Path) -> Result<Stage> {
        let dir = sources.with_file_name(format!(".{}.update-{}", display_name(sources), std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, format!("cannot create: {e}")))?;
        let stage = Stage { dir };
        for entry in std::fs::read_dir(sources).map_err(|e| Error::file(sources, format!("cannot list: {e}")))? {
            let path = entry.map_err(|e| Error::file(sources, format!("cannot list: {e}")))?.path();
            if path.is_file() {
                std::fs::copy(&path, stage.dir.join(display_name(&path)))
                    .map_err(|e| Error::file(&path, format!("cannot copy: {e}")))?;
            }
        }
        Ok(stage)
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

type Staged = (String, String, Option<String>, BTreeMap<String, String>);

/// In the staged copy: check the new list, keep the current one as a snapshot, extend the
/// trend file, build everything. Returns (previous as_of, new as_of, new trend file, outputs).
fn stage_update(config: &Config, stage: &Path, new_text: &str) -> Result<Staged> {
    let incoming = stage.join(".incoming.csv");
    std::fs::write(&incoming, new_text).map_err(|e| Error::file(&incoming, format!("cannot write: {e}")))?;
    let (previous, current) = check_new_agreements(stage, &incoming)?;
    let named = |p: &Path| Error::file(p, "cannot stage");
    std::fs::rename(stage.join(AGREEMENTS_FILE), stage.join(format!("{EARLIER_AGREEMENTS_PREFIX}{previous}.csv")))
        .map_err(|_| named(&stage.join(AGREEMENTS_FILE)))?;
    std::fs::rename(&incoming, stage.join(AGREEMENTS_FILE)).map_err(|_| named(&incoming))?;
    let trend_text = extended_trend(&stage.join(TREND_FILE), &stage.join(AGREEMENTS_FILE))?;
    if let Some(t) = &trend_text {
        std::fs::write(stage.join(TREND_FILE), t).map_err(|_| named(&stage.join(TREND_FILE)))?;
    }
    let files = build(&Config { sources: stage.to_path_buf(), tolerance: config.tolerance })?;
    Ok((previous.to_string(), current.to_string(), trend_text, files))
}

/// The trend file with a row for the new list appended, when the series ends before it.
fn extended_trend(trend: &Path, list: &Path) -> Result<Option<String>> {
    let t = Table::read(list, &["state_abbr", "agency_key", "model_code", "source_file", "as_of"])?;
    let (mut counts, mut states, mut agencies) = ([0u32; 3], BTreeSet::new(), BTreeSet::new());
    let mut head = None;
    for r in t.rows() {
        if let Some(i) = ["JEM", "TFM", "WSO"].iter().position(|m| *m == r.get("model_code")) {
            counts[i] += 1;
        }
        states.insert(r.get("state_abbr").to_owned());
        agencies.insert(r.get("agency_key").to_owned());
        head.get_or_insert((r.get("as_of").to_owned(), r.get("source_file").to_owned()));
    }
    let Some((as_of, source_file)) = head else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(trend).map_err(|e| Error::file(trend, format!("cannot read: {e}")))?;
    let last_date = text.lines().last().and_then(|l| l.split(',').next()).unwrap_or("");
    if last_date >= as_of.as_str() {
        return Ok(None);
    }
    let total: u32 = counts.iter().sum();
    let mut out = text;
    if !out.ends_with('\n') {
        out.push_str("\r\n");
    }
    out.push_str(&format!(
        "{as_of},{source_file},ice_xlsx_filename_date,{total},{},{},{},0,{},{},\r\n",
        counts[0],
        counts[1],
        counts[2],
        states.len(),
        agencies.len()
    ));
    Ok(Some(out))
}
