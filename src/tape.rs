//! Reports as a tape of bytes for JavaScript to build its objects from in one
//! pass (`js/tape.js`). Building them field by field from WebAssembly costs a
//! call into JavaScript for every key and value, which took longer than
//! reading a thousand answers.
//!
//! The tape, in little-endian order: each value starts with its tag.
//! - [`NULL`], [`FALSE`], [`TRUE`];
//! - [`NUMBER`] and an f64 (every number: counts stay exact up to 2^53);
//! - [`TEXT`], a u32 byte length and the UTF-8 bytes;
//! - [`NAME`], a u32 address and a u32 length of a string in the module's
//!   own memory (keys and enum names, which never change, so JavaScript
//!   decodes each once); outside WebAssembly names are written as [`TEXT`];
//! - [`OBJECT`], then key and value after key and value, then [`END`];
//! - [`ARRAY`], then values, then [`END`].

use serde::ser::{self, Serialize};

pub(crate) const NULL: u8 = 0;
pub(crate) const FALSE: u8 = 1;
pub(crate) const TRUE: u8 = 2;
pub(crate) const NUMBER: u8 = 3;
pub(crate) const TEXT: u8 = 4;
pub(crate) const NAME: u8 = 5;
pub(crate) const END: u8 = 6;
pub(crate) const OBJECT: u8 = 7;
pub(crate) const ARRAY: u8 = 8;

/// Writes `value` onto `tape`, which is cleared first.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T, tape: &mut Vec<u8>) -> Result<(), TapeError> {
    tape.clear();
    value.serialize(&mut Tape { out: tape })
}

#[derive(Debug)]
pub(crate) struct TapeError(String);

impl core::fmt::Display for TapeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: core::fmt::Display>(message: T) -> Self {
        TapeError(message.to_string())
    }
}

struct Tape<'a> {
    out: &'a mut Vec<u8>,
}

// Not inlined: every field of every report type calls these, and inlined
// copies of the buffer's growth path cost more wasm than the call.
impl Tape<'_> {
    #[inline(never)]
    fn tag(&mut self, tag: u8) {
        self.out.push(tag);
    }

    #[inline(never)]
    fn number(&mut self, n: f64) {
        self.out.push(NUMBER);
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    #[inline(never)]
    fn text(&mut self, s: &str) {
        self.out.push(TEXT);
        self.out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        self.out.extend_from_slice(s.as_bytes());
    }

    #[inline(never)]
    fn name(&mut self, s: &'static str) {
        if cfg!(target_arch = "wasm32") {
            self.out.push(NAME);
            self.out.extend_from_slice(&(s.as_ptr() as usize as u32).to_le_bytes());
            self.out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        } else {
            self.text(s);
        }
    }
}

type Result<T = (), E = TapeError> = core::result::Result<T, E>;

impl<'a, 'b> ser::Serializer for &'a mut Tape<'b> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result {
        self.tag(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        self.text(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        self.tag(ARRAY);
        for &b in v {
            self.number(f64::from(b));
        }
        self.tag(END);
        Ok(())
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.tag(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.name(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, variant: &'static str, value: &T) -> Result {
        self.tag(OBJECT);
        self.name(variant);
        value.serialize(&mut *self)?;
        self.tag(END);
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self> {
        self.tag(ARRAY);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Self> {
        self.tag(OBJECT);
        self.name(variant);
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self> {
        self.tag(OBJECT);
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Self> {
        self.tag(OBJECT);
        self.name(variant);
        self.serialize_map(None)
    }
}

/// Sequences of values: an array, closed by one end, or two for a variant's
/// `{ variant: [fields] }`.
macro_rules! values {
    ($trait:ident, $method:ident, $ends:expr) => {
        impl ser::$trait for &mut Tape<'_> {
            type Ok = ();
            type Error = TapeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result {
                for _ in 0..$ends {
                    self.tag(END);
                }
                Ok(())
            }
        }
    };
}

values!(SerializeSeq, serialize_element, 1);
values!(SerializeTuple, serialize_element, 1);
values!(SerializeTupleStruct, serialize_field, 1);
values!(SerializeTupleVariant, serialize_field, 2);

impl ser::SerializeMap for &mut Tape<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        // Keys of an object are strings: numbers and names become their text.
        let at = self.out.len();
        key.serialize(&mut **self)?;
        match self.out.get(at) {
            Some(&TEXT | &NAME) => Ok(()),
            _ => Err(ser::Error::custom("a map key that is not a string")),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result {
        self.tag(END);
        Ok(())
    }
}

/// Fields under their names: an object, closed as `values!` closes.
macro_rules! fields {
    ($trait:ident, $ends:expr) => {
        impl ser::$trait for &mut Tape<'_> {
            type Ok = ();
            type Error = TapeError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
                self.name(key);
                value.serialize(&mut **self)
            }
            fn end(self) -> Result {
                for _ in 0..$ends {
                    self.tag(END);
                }
                Ok(())
            }
        }
    };
}

fields!(SerializeStruct, 1);
fields!(SerializeStructVariant, 2);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::nps::analyze_nps;
    use crate::options::IntervalOptions;
    use serde_json::{Map, Value};

    /// What `js/tape.js` does, for the tests.
    fn read(tape: &[u8], at: &mut usize) -> Value {
        let tag = tape[*at];
        *at += 1;
        let take = |at: &mut usize, n: usize| {
            let bytes = &tape[*at..*at + n];
            *at += n;
            bytes
        };
        match tag {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            NUMBER => {
                let n = f64::from_le_bytes(take(at, 8).try_into().unwrap());
                serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
            }
            TEXT => {
                let len = u32::from_le_bytes(take(at, 4).try_into().unwrap()) as usize;
                Value::String(String::from_utf8(take(at, len).to_vec()).unwrap())
            }
            OBJECT => {
                let mut object = Map::new();
                while tape[*at] != END {
                    let Value::String(key) = read(tape, at) else { panic!("key that is no string") };
                    object.insert(key, read(tape, at));
                }
                *at += 1;
                Value::Object(object)
            }
            ARRAY => {
                let mut array = Vec::new();
                while tape[*at] != END {
                    array.push(read(tape, at));
                }
                *at += 1;
                Value::Array(array)
            }
            other => panic!("tag {other}"),
        }
    }

    /// Every number as an f64, as JavaScript has them (serde_json tells 25 and 25.0 apart).
    fn as_javascript(value: Value) -> Value {
        match value {
            Value::Number(n) => serde_json::Number::from_f64(n.as_f64().unwrap()).map_or(Value::Null, Value::Number),
            Value::Array(a) => Value::Array(a.into_iter().map(as_javascript).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, as_javascript(v))).collect()),
            other => other,
        }
    }

    fn round_trip<T: Serialize>(value: &T) -> Value {
        let mut tape = Vec::new();
        write(value, &mut tape).unwrap();
        let mut at = 0;
        let read_back = read(&tape, &mut at);
        assert_eq!(at, tape.len(), "the tape holds one value");
        read_back
    }

    #[test]
    fn a_report_reads_back_as_its_json() {
        let report = analyze_nps("Score\n10\n9\n7\nx\n6\n\n", IntervalOptions::default());
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(round_trip(&report), as_javascript(json.clone()));
        assert_eq!(json["rejected"][0]["text"], "x");
        assert_eq!(json["layout"]["kind"], "list");
    }

    #[test]
    fn every_shape_serde_writes_is_on_the_tape() {
        #[derive(serde::Serialize)]
        enum Shape {
            Unit,
            Wrapped(u8),
            Pair(u8, &'static str),
            Named { a: bool },
        }
        let shapes = (Shape::Unit, Shape::Wrapped(3), Shape::Pair(1, "é"), Shape::Named { a: true }, None::<u8>, 'x', -2.5f32);
        let expected = serde_json::json!(["Unit", { "Wrapped": 3 }, { "Pair": [1, "é"] }, { "Named": { "a": true } }, null, "x", -2.5]);
        assert_eq!(round_trip(&shapes), as_javascript(expected));
        let mut map = std::collections::BTreeMap::new();
        map.insert("b", vec![1u64, 2]);
        assert_eq!(round_trip(&map), as_javascript(serde_json::json!({ "b": [1, 2] })));
        let mut numbered = std::collections::BTreeMap::new();
        numbered.insert(1u8, 2u8);
        assert!(write(&numbered, &mut Vec::new()).is_err());
    }
}
