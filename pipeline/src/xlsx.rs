//! The first sheet of an .xlsx workbook: cell values and cell hyperlinks. An xlsx file is a
//! zip of XML parts; hyperlink targets live in the sheet's relationships part, which
//! spreadsheet crates such as calamine do not expose, so this reads the parts directly.
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// An Excel error such as `#N/A`, as written.
    Error(String),
}

/// One cell: its value (if any) and its hyperlink target (if any).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub value: Option<Value>,
    pub link: Option<String>,
}

/// The first sheet of a workbook.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    /// Dates are counted from 1904-01-01 instead of 1899-12-30.
    pub date1904: bool,
    /// Row number (1-based) → column index (0 = A) → cell.
    pub rows: BTreeMap<u32, BTreeMap<u32, Cell>>,
}

/// Column letters of a 0-based index ("A", "AB").
pub fn column_name(mut col: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII")
}

/// `"G12"` → (row 12, column 6).
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let col = letters.bytes().fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1)) - 1;
    Some((digits.parse().ok()?, col))
}

/// Read the first sheet of `path`. Any damage (not a zip, a missing part, bad XML) is an
/// error naming the file and the part.
pub fn read_first_sheet(path: &Path) -> Result<Sheet> {
    let bytes = std::fs::read(path).map_err(|e| Error::file(path, format!("cannot read: {e}")))?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Error::file(path, format!("not a readable .xlsx workbook (damaged or truncated?): {e}")))?;
    let mut part = |name: &str| -> Result<Option<String>> {
        let mut f = match zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(Error::file(path, format!("part {name}: {e}"))),
        };
        let mut text = String::new();
        f.read_to_string(&mut text)
            .map_err(|e| Error::file(path, format!("part {name} is damaged (truncated workbook?): {e}")))?;
        Ok(Some(text))
    };
    let bad_xml = |name: &str, e: quick_xml::Error| Error::file(path, format!("part {name}: bad XML: {e}"));
    let need = |name: &str, text: Option<String>| {
        text.ok_or_else(|| Error::file(path, format!("part {name} is missing: not an Excel workbook?")))
    };

    let workbook = need("xl/workbook.xml", part("xl/workbook.xml")?)?;
    let (name, rel_id, date1904) = first_sheet(&workbook).map_err(|e| bad_xml("xl/workbook.xml", e))?;
    let (name, rel_id) =
        name.zip(rel_id).ok_or_else(|| Error::file(path, "xl/workbook.xml lists no sheet".to_string()))?;
    let rels = relationships(&need("xl/_rels/workbook.xml.rels", part("xl/_rels/workbook.xml.rels")?)?)
        .map_err(|e| bad_xml("xl/_rels/workbook.xml.rels", e))?;
    let target = rels.get(&rel_id).ok_or_else(|| Error::file(path, format!("sheet {name:?} has no part")))?;
    let sheet_part = part_path("xl", target);
    let shared = match rels.values().find(|t| t.ends_with("sharedStrings.xml")) {
        Some(t) => {
            let p = part_path("xl", t);
            shared_strings(&need(&p, part(&p)?)?).map_err(|e| bad_xml(&p, e))?
        }
        None => Vec::new(),
    };
    let (dir, file) = sheet_part.rsplit_once('/').unwrap_or(("", &sheet_part));
    let sheet_rels_part = format!("{dir}/_rels/{file}.rels");
    let sheet_rels = match part(&sheet_rels_part)? {
        Some(t) => relationships(&t).map_err(|e| bad_xml(&sheet_rels_part, e))?,
        None => BTreeMap::new(),
    };
    let xml = need(&sheet_part, part(&sheet_part)?)?;
    let mut sheet = Sheet { name, date1904, rows: BTreeMap::new() };
    read_cells(&xml, &shared, &sheet_rels, &mut sheet).map_err(|e| match e {
        CellError::Xml(e) => bad_xml(&sheet_part, e),
        CellError::Bad(m) => Error::file(path, format!("sheet {:?}: {m}", sheet.name)),
    })?;
    Ok(sheet)
}

/// `target` of a relationship, relative to `base` or absolute from the package root.
fn part_path(base: &str, target: &str) -> String {
    match target.strip_prefix('/') {
        Some(abs) => abs.to_owned(),
        None => format!("{base}/{target}"),
    }
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == key).and_then(|a| a.unescape_value().ok()).map(|v| v.into())
}

/// (name, relationship id, date1904) of the first sheet.
fn first_sheet(xml: &str) -> std::result::Result<(Option<String>, Option<String>, bool), quick_xml::Error> {
    let mut r = Reader::from_str(xml);
    let mut date1904 = false;
    loop {
        match r.read_event()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"workbookPr" => {
                date1904 = matches!(attr(&e, b"date1904").as_deref(), Some("1" | "true"));
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"sheet" => {
                return Ok((attr(&e, b"name"), attr(&e, b"r:id"), date1904));
            }
            Event::Eof => return Ok((None, None, date1904)),
            _ => {}
        }
    }
}

/// Relationship id → target.
fn relationships(xml: &str) -> std::result::Result<BTreeMap<String, String>, quick_xml::Error> {
    let mut r = Reader::from_str(xml);
    let mut out = BTreeMap::new();
    loop {
        match r.read_event()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    out.insert(id, target);
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The shared strings: each `<si>` is the text of its `<t>` elements (phonetic runs left out).
fn shared_strings(xml: &str) -> std::result::Result<Vec<String>, quick_xml::Error> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut in_t, mut in_phonetic) = (false, false);
    loop {
        match r.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"si" => out.push(String::new()),
                b"t" => in_t = true,
                b"rPh" => in_phonetic = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Text(t) if in_t && !in_phonetic => {
                if let Some(s) = out.last_mut() {
                    s.push_str(&t.unescape()?);
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

enum CellError {
    Xml(quick_xml::Error),
    Bad(String),
}

impl From<quick_xml::Error> for CellError {
    fn from(e: quick_xml::Error) -> Self {
        CellError::Xml(e)
    }
}

fn read_cells(
    xml: &str,
    shared: &[String],
    rels: &BTreeMap<String, String>,
    sheet: &mut Sheet,
) -> std::result::Result<(), CellError> {
    let mut r = Reader::from_str(xml);
    // The cell being read: position, type, raw text.
    let mut current: Option<((u32, u32), Option<String>, String)> = None;
    let mut in_text = false;
    loop {
        match r.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                let reference = attr(&e, b"r").unwrap_or_default();
                let pos =
                    cell_ref(&reference).ok_or_else(|| CellError::Bad(format!("bad cell reference {reference:?}")))?;
                current = Some((pos, attr(&e, b"t"), String::new()));
            }
            Event::Start(e) if matches!(e.local_name().as_ref(), b"v" | b"t") => in_text = current.is_some(),
            Event::End(e) if matches!(e.local_name().as_ref(), b"v" | b"t") => in_text = false,
            Event::Text(t) if in_text => {
                if let Some((_, _, text)) = current.as_mut() {
                    text.push_str(&t.unescape()?);
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"c" => {
                let Some(((row, col), kind, text)) = current.take() else {
                    continue;
                };
                let at = format!("cell {}{row}", column_name(col));
                let value = match kind.as_deref() {
                    Some("s") => {
                        let i: usize =
                            text.trim().parse().map_err(|_| CellError::Bad(format!("{at}: bad string index")))?;
                        let s = shared.get(i).ok_or_else(|| CellError::Bad(format!("{at}: string {i} is missing")))?;
                        Some(Value::Text(s.clone()))
                    }
                    Some("inlineStr" | "str") => Some(Value::Text(text)),
                    Some("e") => Some(Value::Error(text)),
                    Some("b") => Some(Value::Text(if text == "1" { "TRUE".into() } else { "FALSE".into() })),
                    _ if text.is_empty() => None,
                    _ => Some(Value::Number(
                        text.trim().parse().map_err(|_| CellError::Bad(format!("{at}: not a number: {text:?}")))?,
                    )),
                };
                sheet.rows.entry(row).or_default().entry(col).or_default().value = value;
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"hyperlink" => {
                let target = match (attr(&e, b"r:id"), attr(&e, b"location")) {
                    (Some(id), _) => rels.get(&id).cloned(),
                    (None, Some(loc)) => Some(format!("#{loc}")),
                    _ => None,
                };
                let reference = attr(&e, b"ref").unwrap_or_default();
                let (first, last) = reference.split_once(':').unwrap_or((&reference, &reference));
                let (Some((r0, c0)), Some((r1, c1))) = (cell_ref(first), cell_ref(last)) else {
                    return Err(CellError::Bad(format!("hyperlink with a bad cell reference {reference:?}")));
                };
                for row in r0..=r1 {
                    for col in c0..=c1 {
                        sheet.rows.entry(row).or_default().entry(col).or_default().link = target.clone();
                    }
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_column_names() {
        assert_eq!(cell_ref("G12"), Some((12, 6)));
        assert_eq!(cell_ref("AB3"), Some((3, 27)));
        assert_eq!(cell_ref("12"), None);
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(27), "AB");
        assert_eq!(part_path("xl", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
    }

    #[test]
    fn shared_strings_join_runs_and_skip_phonetics() {
        let xml = r#"<sst><si><t>A</t></si><si><r><t>B </t></r><r><t>C</t></r><rPh><t>x</t></rPh></si></sst>"#;
        assert_eq!(shared_strings(xml).unwrap(), ["A", "B C"]);
    }
}
