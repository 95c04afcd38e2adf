//! ICE's 287(g) "participating agencies" workbook, row by row, checked: every row becomes an
//! [`IceRow`] or the whole read fails with the file, sheet, row and column.
use std::path::Path;

use pocket_model::date::IsoDate;
use pocket_model::policy::Model;

use crate::error::{Error, Result, display_name};
use crate::xlsx::{Cell, Sheet, Value, column_name, read_first_sheet};

/// One agreement as ICE printed it, whitespace cleaned.
#[derive(Debug, Clone, PartialEq)]
pub struct IceRow {
    /// Row number in the sheet.
    pub row: u32,
    /// State name as printed ("ALABAMA").
    pub state: String,
    pub agency: String,
    /// "County", "Municipality" or "State Agency".
    pub agency_type: String,
    /// The COUNTY cell as printed ("#N/A" included), or empty.
    pub county: String,
    pub model: Model,
    pub signed: IsoDate,
    /// The MOA hyperlink, `None` when ICE marks it "link pending".
    pub moa_url: Option<String>,
    pub addendum_url: Option<String>,
}

/// A workbook read: its date (from the file name), file name, and rows in sheet order.
#[derive(Debug, Clone)]
pub struct IceSheet {
    pub file: String,
    pub as_of: IsoDate,
    pub rows: Vec<IceRow>,
    /// Rows with text but neither state nor agency (notes under the table), reported.
    pub skipped: Vec<(u32, String)>,
}

const COLUMNS: [&str; 8] =
    ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"];
const AGENCY_TYPES: [&str; 3] = ["County", "Municipality", "State Agency"];

/// Collapse runs of whitespace (ICE cells carry trailing and double spaces).
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `participatingAgencies<MMDDYYYY>[am|pm].xlsx` → its date.
pub fn date_from_file_name(path: &Path) -> Result<IsoDate> {
    let name = display_name(path);
    let bad = || {
        Error::file(
            path,
            "the file name must be ICE's participatingAgencies<MMDDYYYY>[am|pm].xlsx (the as-of date comes from it)",
        )
    };
    let rest = name.strip_prefix("participatingAgencies").ok_or_else(bad)?;
    let stem = rest.strip_suffix(".xlsx").ok_or_else(bad)?;
    let digits = stem.strip_suffix("am").or_else(|| stem.strip_suffix("pm")).unwrap_or(stem);
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    IsoDate::parse(&format!("{}-{}-{}", &digits[4..8], &digits[0..2], &digits[2..4])).ok_or_else(bad)
}

/// An Excel serial day number → date (1900 system counts from 1899-12-30).
pub fn excel_serial(serial: f64, date1904: bool) -> Option<IsoDate> {
    if !(1.0..200_000.0).contains(&serial) || serial.fract() != 0.0 {
        return None;
    }
    let epoch = if date1904 { 24_107 } else { 25_569 }; // serial of 1970-01-01
    let days = serial as i64 - epoch;
    Some(IsoDate::from_days_since_epoch(days))
}

/// A date typed as text: ISO `2025-09-22` or US `9/22/2025`.
fn text_date(s: &str) -> Option<IsoDate> {
    if let Some(d) = IsoDate::parse(s) {
        return Some(d);
    }
    let parts: Vec<&str> = s.split('/').collect();
    let [m, d, y] = parts.as_slice() else {
        return None;
    };
    let (m, d, y): (u32, u32, u32) = (m.parse().ok()?, d.parse().ok()?, y.parse().ok()?);
    let y = if y < 100 { 2000 + y } else { y };
    IsoDate::parse(&format!("{y:04}-{m:02}-{d:02}"))
}

fn text(cell: Option<&Cell>) -> String {
    match cell.and_then(|c| c.value.as_ref()) {
        Some(Value::Text(s) | Value::Error(s)) => clean(s),
        Some(Value::Number(n)) => n.to_string(),
        None => String::new(),
    }
}

/// Read and check ICE's workbook.
pub fn read(path: &Path) -> Result<IceSheet> {
    let as_of = date_from_file_name(path)?;
    let sheet = read_first_sheet(path)?;
    let file = display_name(path);
    let (header_row, columns) = header(&sheet).ok_or_else(|| {
        Error::file(
            path,
            format!("sheet {:?}: no header row with a STATE column (is this ICE's 287(g) list?)", sheet.name),
        )
    })?;
    let header_name = |c: u32| columns.get(c as usize).cloned().flatten().unwrap_or_default();
    let at = |row: u32, col: Option<u32>, message: String| {
        let col = col.map(|c| format!(", column {} ({})", column_name(c), header_name(c))).unwrap_or_default();
        Error::file(path, format!("sheet {:?}, row {row}{col}: {message}", sheet.name))
    };
    let col = |name: &str| columns.iter().position(|c| c.as_deref() == Some(name)).map(|i| i as u32);
    let mut index = [0u32; 8];
    for (i, name) in COLUMNS.iter().enumerate() {
        index[i] = col(name).ok_or_else(|| at(header_row, None, format!("column {name} is missing")))?;
    }
    let [c_state, c_agency, c_type, c_county, c_model, c_signed, c_moa, c_addendum] = index;
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for (&r, cells) in sheet.rows.range(header_row + 1..) {
        let get = |c: u32| cells.get(&c);
        let state = text(get(c_state));
        let agency = text(get(c_agency));
        if state.is_empty() && agency.is_empty() {
            let rest: Vec<String> = cells.values().map(|c| text(Some(c))).filter(|t| !t.is_empty()).collect();
            if !rest.is_empty() {
                skipped.push((r, rest.join(" | ")));
            }
            continue;
        }
        if state.is_empty() || agency.is_empty() {
            let c = if state.is_empty() { c_state } else { c_agency };
            return Err(at(r, Some(c), "is empty".into()));
        }
        let agency_type = text(get(c_type));
        if !AGENCY_TYPES.contains(&agency_type.as_str()) {
            return Err(at(
                r,
                Some(c_type),
                format!("unknown agency type {agency_type:?} (expected County, Municipality or State Agency)"),
            ));
        }
        let model_text = text(get(c_model));
        let model = match model_text.as_str() {
            "Jail Enforcement Model" => Model::Jem,
            "Task Force Model" => Model::Tfm,
            "Warrant Service Officer" => Model::Wso,
            other => {
                return Err(at(
                    r,
                    Some(c_model),
                    format!(
                        "unknown model {other:?} (expected Jail Enforcement Model, Task Force Model or Warrant Service Officer)"
                    ),
                ));
            }
        };
        let signed = match get(c_signed).and_then(|c| c.value.as_ref()) {
            Some(Value::Number(n)) => excel_serial(*n, sheet.date1904),
            Some(Value::Text(s)) => text_date(s.trim()),
            _ => None,
        }
        .ok_or_else(|| at(r, Some(c_signed), format!("not a date: {:?}", text(get(c_signed)))))?;
        let moa = get(c_moa);
        let moa_url = match moa.and_then(|c| c.link.clone()) {
            Some(url) => Some(url),
            None if text(moa).to_lowercase().contains("pending") => None,
            None => {
                return Err(at(r, Some(c_moa), format!("{:?} has no hyperlink and does not say pending", text(moa))));
            }
        };
        rows.push(IceRow {
            row: r,
            state,
            agency,
            agency_type,
            county: text(get(c_county)),
            model,
            signed,
            moa_url,
            addendum_url: get(c_addendum).and_then(|c| c.link.clone()),
        });
    }
    if rows.is_empty() {
        return Err(Error::file(path, format!("sheet {:?} has no agreement rows", sheet.name)));
    }
    Ok(IceSheet { file, as_of, rows, skipped })
}

/// The first row with a STATE cell, and its column titles.
fn header(sheet: &Sheet) -> Option<(u32, Vec<Option<String>>)> {
    sheet.rows.iter().find_map(|(&r, cells)| {
        let titles: Vec<Option<String>> = (0..=cells.keys().max().copied().unwrap_or(0))
            .map(|c| Some(text(cells.get(&c)).to_uppercase()).filter(|t| !t.is_empty()))
            .collect();
        titles.iter().any(|t| t.as_deref() == Some("STATE")).then_some((r, titles))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_serials_text_and_file_names() {
        assert_eq!(excel_serial(45922.0, false), IsoDate::parse("2025-09-22"));
        assert_eq!(excel_serial(43903.0, false), IsoDate::parse("2020-03-13"));
        assert_eq!(excel_serial(45922.5, false), None);
        assert_eq!(text_date("9/22/2025"), IsoDate::parse("2025-09-22"));
        assert_eq!(text_date("2025-09-22"), IsoDate::parse("2025-09-22"));
        assert_eq!(text_date("22.9.2025"), None);
        let d = |n: &str| date_from_file_name(Path::new(n)).map(|d| d.to_string()).map_err(|e| e.to_string());
        assert_eq!(d("participatingAgencies05182026am.xlsx"), Ok("2026-05-18".into()));
        assert_eq!(d("participatingAgencies11252025.xlsx"), Ok("2025-11-25".into()));
        assert!(d("agencies.xlsx").unwrap_err().contains("participatingAgencies<MMDDYYYY>"));
        assert!(d("participatingAgencies13402026pm.xlsx").is_err());
    }
}
