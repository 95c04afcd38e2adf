//! How the app reads its JSON files (content, policy data, stored plan and settings) into
//! typed values. serde's derived deserialisers are compiled into the wasm once per type, with
//! a copy of every field's code and the error texts: about 100 kB of the app's code. Here the
//! text is parsed by one parser into a `serde_json::Value`, and each type takes its fields out
//! of it by hand ([`FromJson`]), through a few shared helpers. The two large row files
//! (counties, agreements) skip the tree: [`row_file`] walks their rows in place. The derives
//! stay for the pipeline and the build, which write these files with `Serialize`; tests check
//! that both ways read the same files the same way.
use serde_json::{Map, Value};

/// Why a value could not be read: where (`states[3].fips`) and what was wrong.
pub type JsonError = String;

/// A type read out of a parsed JSON value.
pub trait FromJson: Sized {
    fn from_json(v: Value) -> Result<Self, JsonError>;
}

/// Parse a JSON text into `T`.
pub fn parse<T: FromJson>(raw: &str) -> Result<T, JsonError> {
    T::from_json(parse_value(raw)?).map_err(top)
}

/// An error of the whole value has no place to name.
#[inline(never)]
fn top(e: JsonError) -> JsonError {
    e.strip_prefix(": ").map(str::to_owned).unwrap_or(e)
}

/// Parse a JSON text into a value (one parser for every file).
#[inline(never)]
pub fn parse_value(raw: &str) -> Result<Value, JsonError> {
    serde_json::from_str::<Value>(raw).map_err(|e| e.to_string())
}

/// Put the name of a field or the index of an item in front of an error.
#[inline(never)]
fn within(at: &str, e: JsonError) -> JsonError {
    if e.starts_with(['[', ':']) { format!("{at}{e}") } else { format!("{at}.{e}") }
}

#[inline(never)]
fn missing(key: &str) -> JsonError {
    format!("{key}: missing")
}

#[inline(never)]
fn expected(what: &str, v: &Value) -> JsonError {
    let got = match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    format!(": expected {what}, found {got}")
}

impl FromJson for Value {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        Ok(v)
    }
}

impl FromJson for String {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        match v {
            Value::String(s) => Ok(s),
            v => Err(expected("a string", &v)),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        v.as_bool().ok_or_else(|| expected("true or false", &v))
    }
}

impl FromJson for u32 {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        v.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| expected("a whole number", &v))
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

/// The items of an array, for callers that read each one in their own way.
#[inline(never)]
pub fn array(v: Value) -> Result<Vec<Value>, JsonError> {
    match v {
        Value::Array(a) => Ok(a),
        v => Err(expected("an array", &v)),
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    #[inline(never)]
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let items = array(v)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.into_iter().enumerate() {
            out.push(T::from_json(v).map_err(|e| at_index(i, e))?);
        }
        Ok(out)
    }
}

#[inline(never)]
fn at_index(i: usize, e: JsonError) -> JsonError {
    within(&format!("[{i}]"), e)
}

impl FromJson for [u32; 2] {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut row = Row::new(v, 2)?;
        Ok([row.next()?, row.next()?])
    }
}

/// The fields of a JSON object, taken out one by one; what is left are the fields this
/// version of the app does not know.
pub struct Obj(Map<String, Value>);

impl Obj {
    #[inline(never)]
    pub fn new(v: Value) -> Result<Obj, JsonError> {
        match v {
            Value::Object(m) => Ok(Obj(m)),
            v => Err(expected("an object", &v)),
        }
    }

    /// A field that must be there.
    #[inline(never)]
    pub fn req<T: FromJson>(&mut self, key: &str) -> Result<T, JsonError> {
        let v = self.take(key).ok_or_else(|| missing(key))?;
        T::from_json(v).map_err(|e| within(key, e))
    }

    /// A field that may be left out; `None` when it is (or when it is null).
    pub fn opt<T: FromJson>(&mut self, key: &str) -> Result<Option<T>, JsonError> {
        self.req_or(key, None)
    }

    /// A field that may be left out; `T::default()` when it is.
    pub fn or_default<T: FromJson + Default>(&mut self, key: &str) -> Result<T, JsonError> {
        self.req_or(key, T::default())
    }

    /// A field that may be left out; `missing` when it is.
    #[inline(never)]
    pub fn req_or<T: FromJson>(&mut self, key: &str, missing: T) -> Result<T, JsonError> {
        match self.take(key) {
            None => Ok(missing),
            Some(v) => T::from_json(v).map_err(|e| within(key, e)),
        }
    }

    #[inline(never)]
    fn take(&mut self, key: &str) -> Option<Value> {
        self.0.remove(key)
    }

    /// The fields not taken.
    pub fn rest(self) -> Map<String, Value> {
        self.0
    }

    /// Fails when a field was not taken (for objects whose every field the app must know).
    pub fn no_more(self) -> Result<(), JsonError> {
        match self.0.keys().next() {
            Some(k) => Err(format!("{k}: unknown field")),
            None => Ok(()),
        }
    }
}

/// A fixed-length JSON array read as a row of fields (the compact rows of the policy files).
pub struct Row {
    items: std::vec::IntoIter<Value>,
    at: usize,
}

impl Row {
    /// An array of exactly `len` items.
    #[inline(never)]
    pub fn new(v: Value, len: usize) -> Result<Row, JsonError> {
        let items = array(v)?;
        if items.len() != len {
            return Err(format!(": expected {len} items, found {}", items.len()));
        }
        Ok(Row { items: items.into_iter(), at: 0 })
    }

    /// The next item.
    #[inline(never)]
    pub fn next<T: FromJson>(&mut self) -> Result<T, JsonError> {
        let at = self.at;
        self.at += 1;
        T::from_json(self.items.next().unwrap_or(Value::Null)).map_err(|e| at_index(at, e))
    }
}

/// Which of `names` a JSON string is (for enums written as their snake_case names).
#[inline(never)]
pub fn one_of(v: Value, names: &[&str]) -> Result<usize, JsonError> {
    let Value::String(s) = &v else { return Err(expected("a string", &v)) };
    names.iter().position(|n| n == s).ok_or_else(|| format!(": unknown value '{s}', expected one of {}", names.join(", ")))
}

/// `FromJson` for a fieldless enum written as a string: `json_enum!(Stance { Restricts =>
/// "restricts", … })`.
#[macro_export]
macro_rules! json_enum {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(v: serde_json::Value) -> Result<Self, $crate::json::JsonError> {
                const ALL: &[$ty] = &[$($ty::$variant),+];
                Ok(ALL[$crate::json::one_of(v, &[$($name),+])?])
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// The large row files (counties, agreements: ~750 kB), read without a `Value` tree: a tree
// of ~50,000 values takes about twice as long to build and take apart as the rows it holds.

/// A reader over JSON text that walks it in place; only the rows of a row file go through it,
/// every other value is handed to [`parse_value`] as its own slice of text.
struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&mut self) -> Option<u8> {
        let b = self.text.as_bytes();
        while self.at < b.len() && matches!(b[self.at], b' ' | b'\n' | b'\r' | b'\t') {
            self.at += 1;
        }
        b.get(self.at).copied()
    }

    #[inline(never)]
    fn fail(&self, what: &str) -> JsonError {
        format!(": {what} at byte {}", self.at)
    }

    fn eat(&mut self, c: u8) -> Result<(), JsonError> {
        if self.peek() != Some(c) {
            return Err(self.fail(&format!("expected '{}'", c as char)));
        }
        self.at += 1;
        Ok(())
    }

    /// Whether another item follows in an array or object closed by `close`.
    fn more(&mut self, close: u8, first: &mut bool) -> Result<bool, JsonError> {
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(false);
        }
        if !std::mem::take(first) {
            self.eat(b',')?;
        }
        Ok(true)
    }

    /// A string, its escapes decoded.
    fn string(&mut self) -> Result<String, JsonError> {
        self.eat(b'"')?;
        let b = self.text.as_bytes();
        let start = self.at;
        let mut out = String::new();
        let mut from = start;
        loop {
            // Plain characters in one tight scan, up to the next quote, escape or control.
            self.at += b[self.at..].iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20).unwrap_or(b.len() - self.at);
            match b.get(self.at) {
                None => return Err(self.fail("unterminated string")),
                Some(b'"') => {
                    out.push_str(&self.text[from..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[from..self.at]);
                    self.at += 1;
                    let c = match b.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.fail("invalid escape")),
                    };
                    out.push(c);
                    self.at += 1;
                    from = self.at;
                }
                Some(c) if *c < 0x20 => return Err(self.fail("control character in string")),
                Some(_) => self.at += 1,
            }
        }
    }

    /// `\uXXXX` (with `at` on the `u`), a surrogate pair taken whole; `at` ends on the last digit.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let hex = |r: &mut Self| -> Result<u32, JsonError> {
            let digits = r.text.get(r.at + 1..r.at + 5).ok_or_else(|| r.fail("short \\u escape"))?;
            let v = u32::from_str_radix(digits, 16).map_err(|_| r.fail("invalid \\u escape"))?;
            r.at += 4;
            Ok(v)
        };
        let hi = hex(self)?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if self.text.get(self.at + 1..self.at + 3) != Some("\\u") {
                return Err(self.fail("lone surrogate in \\u escape"));
            }
            self.at += 2;
            let lo = hex(self)?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(self.fail("lone surrogate in \\u escape"));
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(|| self.fail("lone surrogate in \\u escape"))
    }

    /// Moves past any value.
    fn skip(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(open @ (b'[' | b'{')) => {
                self.at += 1;
                let close = if open == b'[' { b']' } else { b'}' };
                let mut first = true;
                while self.more(close, &mut first)? {
                    if open == b'{' {
                        self.string()?;
                        self.eat(b':')?;
                    }
                    self.skip()?;
                }
                Ok(())
            }
            Some(_) => {
                let b = self.text.as_bytes();
                let start = self.at;
                while self.at < b.len() && matches!(b[self.at], b'0'..=b'9' | b'a'..=b'z' | b'-' | b'+' | b'.' | b'E') {
                    self.at += 1;
                }
                if self.at == start { Err(self.fail("expected a value")) } else { Ok(()) }
            }
            None => Err(self.fail("unexpected end")),
        }
    }

    /// Any value as `T`: a string read in place, anything else parsed from its own text.
    fn value<T: FromJson>(&mut self) -> Result<T, JsonError> {
        let v = if self.peek() == Some(b'"') {
            Value::String(self.string()?)
        } else {
            let start = self.at;
            self.skip()?;
            parse_value(&self.text[start..self.at])?
        };
        T::from_json(v)
    }
}

/// The cells of one row, read in order.
pub struct Cells<'r, 'a> {
    reader: &'r mut Reader<'a>,
    first: bool,
    at: usize,
}

impl Cells<'_, '_> {
    /// The next cell.
    #[inline(never)]
    pub fn next<T: FromJson>(&mut self) -> Result<T, JsonError> {
        let at = self.at;
        self.at += 1;
        if !self.reader.more(b']', &mut self.first)? {
            return Err(at_index(at, missing_cell()));
        }
        self.reader.value().map_err(|e| at_index(at, e))
    }
}

/// A row file: an object whose `rows` field is an array of rows of `len` cells, each read by
/// `row`. Gives the other fields (as an [`Obj`]) and the rows.
pub fn row_file<T>(
    raw: &str,
    rows: &str,
    len: usize,
    row: impl FnMut(&mut Cells) -> Result<T, JsonError>,
) -> Result<(Obj, Vec<T>), JsonError> {
    row_file_inner(raw, rows, len, row).map_err(top)
}

fn missing_cell() -> JsonError {
    ": missing".to_owned()
}

fn row_file_inner<T>(
    raw: &str,
    rows: &str,
    len: usize,
    mut row: impl FnMut(&mut Cells) -> Result<T, JsonError>,
) -> Result<(Obj, Vec<T>), JsonError> {
    let mut r = Reader { text: raw, at: 0 };
    let mut fields = Map::new();
    let mut out = None;
    r.eat(b'{')?;
    let mut first = true;
    while r.more(b'}', &mut first)? {
        let key = r.string()?;
        r.eat(b':')?;
        if key != rows {
            let v = r.value().map_err(|e| within(&key, e))?;
            fields.insert(key, v);
            continue;
        }
        let mut items = Vec::new();
        r.eat(b'[').map_err(|e| within(rows, e))?;
        let mut first_row = true;
        while r.more(b']', &mut first_row)? {
            let i = items.len();
            r.eat(b'[').map_err(|e| within(rows, at_index(i, e)))?;
            let mut cells = Cells { reader: &mut r, first: true, at: 0 };
            let item = row(&mut cells).map_err(|e| within(rows, at_index(i, e)))?;
            if cells.reader.more(b']', &mut cells.first)? {
                return Err(within(rows, at_index(i, format!(": more than {len} items"))));
            }
            items.push(item);
        }
        out = Some(items);
    }
    if r.peek().is_some() {
        return Err(r.fail("trailing characters"));
    }
    Ok((Obj(fields), out.ok_or_else(|| missing(rows))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Thing {
        name: String,
        n: Option<u32>,
        tags: Vec<String>,
        extra: Map<String, Value>,
    }

    impl FromJson for Thing {
        fn from_json(v: Value) -> Result<Self, JsonError> {
            let mut o = Obj::new(v)?;
            Ok(Thing { name: o.req("name")?, n: o.opt("n")?, tags: o.or_default("tags")?, extra: o.rest() })
        }
    }

    #[test]
    fn fields_defaults_and_unknown_fields() {
        let t: Thing = parse(r#"{"name":"a","later":[1]}"#).unwrap();
        assert_eq!((t.name.as_str(), t.n, t.tags.len()), ("a", None, 0));
        assert_eq!(t.extra["later"], serde_json::json!([1]));
        let t: Thing = parse(r#"{"name":"a","n":null,"tags":["x"]}"#).unwrap();
        assert_eq!((t.n, t.tags), (None, vec!["x".to_owned()]));
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(parse::<Thing>(r#"{"n":1}"#).unwrap_err(), "name: missing");
        assert_eq!(parse::<Thing>(r#"{"name":"a","tags":["x",2]}"#).unwrap_err(), "tags[1]: expected a string, found a number");
        assert_eq!(parse::<Vec<Thing>>(r#"[{"name":"a","n":-1}]"#).unwrap_err(), "[0].n: expected a whole number, found a number");
        assert_eq!(parse::<Thing>("[]").unwrap_err(), "expected an object, found an array");
        assert!(parse::<Thing>(r#"{"name":"#).unwrap_err().contains("EOF"));
        assert_eq!(parse::<[u32; 2]>("[1,2,3]").unwrap_err(), "expected 2 items, found 3");
        assert_eq!(parse::<[u32; 2]>("[1,2]").unwrap(), [1, 2]);
        assert_eq!(parse::<u32>("4294967296").unwrap_err(), "expected a whole number, found a number");
    }

    #[derive(Debug, PartialEq, Clone, Copy)]
    enum Kind {
        One,
        Two,
    }
    json_enum!(Kind { One => "one", Two => "two" });

    #[test]
    fn enums_by_name() {
        assert_eq!(parse::<Vec<Kind>>(r#"["two","one"]"#).unwrap(), [Kind::Two, Kind::One]);
        assert_eq!(parse::<Kind>(r#""three""#).unwrap_err(), "unknown value 'three', expected one of one, two");
    }
}
