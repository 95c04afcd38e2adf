//! Pipeline errors. A bad source row names the file, the row and the field, so the person
//! updating the data can fix it without reading the code.
use std::fmt;
use std::path::Path;

/// Where a problem is and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Source file name (as found in the sources directory).
    pub file: String,
    /// 1-based data row (the header is row 0) and the line it starts on.
    pub row: Option<(usize, u64)>,
    pub field: Option<String>,
    pub message: String,
}

impl Error {
    /// A problem with a whole file (missing, unreadable, inconsistent).
    pub fn file(file: impl AsRef<Path>, message: impl Into<String>) -> Error {
        Error { file: display_name(file.as_ref()), row: None, field: None, message: message.into() }
    }
}

/// The file name alone keeps messages short and the same on every machine.
pub fn display_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((row, line)) = self.row {
            write!(f, ": row {row} (line {line})")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Error {}

/// Result of any pipeline step.
pub type Result<T> = std::result::Result<T, Error>;
