//! Reading a CSV source by column name, with errors that point at the row and field.
use std::path::Path;

use pocket_model::date::IsoDate;

use crate::error::{Error, Result, display_name};

/// A whole CSV file, header first.
pub struct Table {
    pub file: String,
    headers: Vec<String>,
    records: Vec<(u64, csv::StringRecord)>,
}

/// One data row of a [`Table`].
pub struct Row<'a> {
    table: &'a Table,
    /// 1-based data row number.
    pub number: usize,
    line: u64,
    record: &'a csv::StringRecord,
}

impl Table {
    /// Read a file and check that it has the `required` columns.
    pub fn read(path: &Path, required: &[&str]) -> Result<Table> {
        let file = display_name(path);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_path(path)
            .map_err(|e| Error::file(path, format!("cannot open: {e}")))?;
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| Error::file(path, format!("cannot read the header: {e}")))?
            .iter()
            .map(str::to_owned)
            .collect();
        for col in required {
            if !headers.iter().any(|h| h == col) {
                return Err(Error { file, row: None, field: Some((*col).into()), message: "column missing".into() });
            }
        }
        // csv's own line numbers are off by one in CRLF files, so count from the bytes.
        let bytes = std::fs::read(path).map_err(|e| Error::file(path, format!("cannot read: {e}")))?;
        let mut lines = LineCounter { bytes: &bytes, pos: 0, line: 1 };
        let mut records = Vec::new();
        for (i, rec) in reader.records().enumerate() {
            let rec = rec.map_err(|e| Error {
                file: file.clone(),
                row: Some((i + 1, e.position().map_or(0, |p| lines.line_at(p.byte())))),
                field: None,
                message: format!("malformed CSV: {e}"),
            })?;
            let line = rec.position().map_or(0, |p| lines.line_at(p.byte()));
            records.push((line, rec));
        }
        Ok(Table { file, headers, records })
    }

    /// The column names, in file order.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Data rows in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records.iter().enumerate().map(|(i, (line, record))| Row {
            table: self,
            number: i + 1,
            line: *line,
            record,
        })
    }

    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when the file has no data row.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// 1-based line of increasing byte offsets.
struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl LineCounter<'_> {
    fn line_at(&mut self, byte: u64) -> u64 {
        // A record "starts" on the line break before it when the file uses CRLF.
        let mut target = (byte as usize).min(self.bytes.len());
        while target < self.bytes.len() && matches!(self.bytes[target], b'\r' | b'\n') {
            target += 1;
        }
        if target < self.pos {
            return self.line;
        }
        self.line += self.bytes[self.pos..target].iter().filter(|b| **b == b'\n').count() as u64;
        self.pos = target;
        self.line
    }
}

impl Row<'_> {
    /// The trimmed cell of `column` (which [`Table::read`] checked exists).
    pub fn get(&self, column: &str) -> &str {
        let i = self.table.headers.iter().position(|h| h == column).expect("column checked by Table::read");
        self.record.get(i).unwrap_or("").trim()
    }

    /// `(row number, line)` of this row, for errors found later.
    pub fn position(&self) -> (usize, u64) {
        (self.number, self.line)
    }

    /// An error about `field` of this row.
    pub fn error(&self, field: &str, message: impl Into<String>) -> Error {
        Error {
            file: self.table.file.clone(),
            row: Some((self.number, self.line)),
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// A cell that must not be empty.
    pub fn required(&self, column: &str) -> Result<&str> {
        let v = self.get(column);
        if v.is_empty() { Err(self.error(column, "must not be empty")) } else { Ok(v) }
    }

    /// A cell that must be a YYYY-MM-DD date.
    pub fn date(&self, column: &str) -> Result<IsoDate> {
        let v = self.get(column);
        IsoDate::parse(v).ok_or_else(|| self.error(column, format!("not an ISO date (YYYY-MM-DD): {v:?}")))
    }

    /// A cell that is empty or a YYYY-MM-DD date.
    pub fn optional_date(&self, column: &str) -> Result<Option<IsoDate>> {
        if self.get(column).is_empty() { Ok(None) } else { self.date(column).map(Some) }
    }

    /// A cell that must be a whole number.
    pub fn count(&self, column: &str) -> Result<u32> {
        let v = self.get(column);
        v.parse().map_err(|_| self.error(column, format!("not a whole number: {v:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_know_their_line() {
        let dir = std::env::temp_dir().join(format!("pocket-table-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.csv");
        for text in ["a,b\n1,\"two\nlines\"\n3,\n", "a,b\r\n1,\"two\r\nlines\"\r\n3,\r\n"] {
            std::fs::write(&path, text).unwrap();
            let t = Table::read(&path, &["a", "b"]).unwrap();
            let rows: Vec<_> = t.rows().map(|r| (r.position(), r.get("a").to_owned())).collect();
            assert_eq!(rows, vec![((1, 2), "1".to_owned()), ((2, 4), "3".to_owned())], "{text:?}");
        }
        let t = Table::read(&path, &["a", "b"]).unwrap();
        let e = t.rows().nth(1).unwrap().required("b").unwrap_err();
        assert_eq!(e.to_string(), "t.csv: row 2 (line 4), field `b`: must not be empty");
        assert!(Table::read(&path, &["c"]).err().unwrap().to_string().contains("field `c`: column missing"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
