//! How the app reads its JSON files (content, policy data, stored plan and settings) into
//! typed values. serde's derived deserialisers are compiled into the wasm once per type, with
//! a copy of every field's code and the error texts: about 100 kB of the app's code. Here the
//! text is parsed by one parser into a `serde_json::Value`, and each type takes its fields out
//! of it by hand ([`FromJson`]), through a few shared helpers. The derives stay for the
//! pipeline and the build, which write these files with `Serialize`; tests check that both
//! ways read the same files the same way.
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
