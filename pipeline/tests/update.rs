//! `--agreements ICE.xlsx`: the whole update in one call, and nothing written when it fails.
mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use common::{copy_of_sources, csv_rows, temp_dir};
use pocket_model::policy::{StatesFile, TrendFile};
use pocket_pipeline::update::update;
use pocket_pipeline::{default_out, default_sources};

const MAY: &str = "participatingAgencies05182026am.xlsx";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ice").join(name)
}

/// Every file under `dir` (names and bytes), to prove nothing changed.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        out.insert(p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap_or_default());
    }
    out
}

/// A sources copy and an output copy to update.
fn workspace(name: &str) -> (PathBuf, PathBuf) {
    let sources = copy_of_sources(&format!("{name}-src"));
    let out = temp_dir(&format!("{name}-out"));
    for (file, bytes) in contents(&default_out()) {
        std::fs::write(out.join(file), bytes).unwrap();
    }
    (sources, out)
}

/// ICE's workbook with one part edited, saved under `name`.
fn edited_workbook(dir: &Path, name: &str, part: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(fixture(MAY)).unwrap()).unwrap();
    let path = dir.join(name);
    let mut w = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let file_name = f.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if file_name == part {
            bytes = edit(String::from_utf8(bytes).unwrap()).into_bytes();
        }
        w.start_file(file_name, opts).unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
    path
}

fn config(sources: &Path) -> pocket_pipeline::Config {
    common::config(sources.to_path_buf())
}

#[test]
fn a_newer_workbook_is_one_call() {
    let (sources, out) = workspace("update-ok");
    let before = contents(&sources);
    let old_states: StatesFile = serde_json::from_slice(&contents(&out)["states.json"]).unwrap();
    let old_trend = csv_rows(&sources.join("287g_sheet_counts.csv"));
    // ICE's May workbook under a later date stands in for a newer list.
    let dir = temp_dir("update-ok-in");
    let newer = dir.join("participatingAgencies06182026am.xlsx");
    std::fs::copy(fixture(MAY), &newer).unwrap();
    let done = update(&config(&sources), &out, &newer, "test").unwrap_or_else(|e| panic!("{e}"));
    let current_before = csv_rows(&default_sources().join("287g_agreements.csv"));
    let as_of = &current_before[0]["as_of"];
    assert_eq!(&done.previous, as_of);
    assert_eq!(done.current, "2026-06-18");
    // The previous list is kept unchanged under its date; the new one is current.
    let kept = format!("287g_agreements_{as_of}.csv");
    assert_eq!(contents(&sources)[&kept], before["287g_agreements.csv"]);
    let now = csv_rows(&sources.join("287g_agreements.csv"));
    assert_eq!(now.len(), done.report.as_ref().unwrap().rows);
    assert!(now.iter().all(|r| r["as_of"] == "2026-06-18"));
    // The trend gains one point with the new list's count.
    let trend = csv_rows(&sources.join("287g_sheet_counts.csv"));
    assert_eq!(trend.len(), old_trend.len() + 1);
    assert_eq!(trend.last().unwrap()["agreements"], now.len().to_string());
    let trend_json: TrendFile = serde_json::from_slice(&contents(&out)["trend.json"]).unwrap();
    assert_eq!(trend_json.points.last().unwrap().date, "2026-06-18");
    // Every state shows one more list, newest first.
    let states: StatesFile = serde_json::from_slice(&contents(&out)["states.json"]).unwrap();
    for (s, old) in states.states.iter().zip(&old_states.states) {
        assert_eq!(s.agreements.len(), old.agreements.len() + 1);
        assert_eq!(s.agreements[0].as_of, "2026-06-18");
        assert_eq!(s.agreements[1..], old.agreements[..]);
    }
    // No staging or half-written files are left.
    let leftovers: Vec<String> =
        contents(&sources).into_keys().chain(contents(&out).into_keys()).filter(|n| n.starts_with('.')).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let stage = format!(".{}.update-", sources.file_name().unwrap().to_string_lossy());
    assert!(
        !std::fs::read_dir(sources.parent().unwrap()).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with(&stage))
    );
}

/// Each bad input is refused with its file and place, and nothing in either directory changes.
#[test]
fn bad_workbooks_change_nothing() {
    let (sources, out) = workspace("update-bad");
    let (src_before, out_before) = (contents(&sources), contents(&out));
    let dir = temp_dir("update-bad-in");
    let name = "participatingAgencies06182026am.xlsx";
    let truncated = dir.join("trunc").join(name);
    std::fs::create_dir_all(truncated.parent().unwrap()).unwrap();
    let bytes = std::fs::read(fixture(MAY)).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let sub = |d: &str| {
        let p = dir.join(d);
        std::fs::create_dir_all(&p).unwrap();
        p
    };
    let shared = "xl/sharedStrings.xml";
    let sheet = "xl/worksheets/sheet1.xml";
    let cases: Vec<(PathBuf, Vec<&str>)> = vec![
        (truncated, vec![name, "damaged or truncated"]),
        (
            edited_workbook(&sub("model"), name, shared, |s| {
                s.replacen("<t>Task Force Model</t>", "<t>Task Force Modal</t>", 1)
            }),
            vec![name, "row 2, column E (SUPPORT TYPE)", "unknown model \"Task Force Modal\""],
        ),
        (
            edited_workbook(&sub("column"), name, shared, |s| s.replacen("<t>SIGNED</t>", "<t>DATE</t>", 1)),
            vec![name, "row 1", "column SIGNED is missing"],
        ),
        (
            edited_workbook(&sub("date"), name, sheet, |s| {
                s.replacen(
                    r#"<c r="F2" s="38"><v>45922</v></c>"#,
                    r#"<c r="F2" t="inlineStr"><is><t>soon</t></is></c>"#,
                    1,
                )
            }),
            vec![name, "row 2, column F (SIGNED)", "not a date: \"soon\""],
        ),
        (fixture("participatingAgencies11252025pm.xlsx"), vec!["not newer"]),
    ];
    for (path, expect) in cases {
        let e = update(&config(&sources), &out, &path, "test").expect_err(&path.display().to_string()).to_string();
        for part in expect {
            assert!(e.contains(part), "{e:?} lacks {part:?}");
        }
        assert_eq!(contents(&sources), src_before, "{e}");
        assert_eq!(contents(&out), out_before, "{e}");
    }
}

/// The command line exits non-zero and says what is wrong.
#[test]
fn the_command_fails_loudly() {
    let dir = temp_dir("cli-bad");
    let bad = dir.join("participatingAgencies06182026am.xlsx");
    std::fs::write(&bad, b"PK\x03\x04 not really a workbook").unwrap();
    let run =
        std::process::Command::new(env!("CARGO_BIN_EXE_pocket-pipeline")).arg("convert").arg(&bad).output().unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("participatingAgencies06182026am.xlsx") && err.contains("not a readable .xlsx"), "{err}");
    assert!(run.stdout.is_empty());
}
