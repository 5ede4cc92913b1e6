//! How a submitted form or a JSON body becomes a typed input, with errors that name the field.
//!
//! The JSON API takes typed JSON: numbers as numbers (a number in a string is accepted too, as the page forms send
//! them). A page's form is read as its pairs: blank fields are left out, so an optional field left empty is absent,
//! and a repeated field (`ranking`) becomes a list. Both then decode through `typed`, whose errors say which field was
//! wrong: `mt-error-number` for a number that is not one, `mt-error-field` for anything else.

use serde::de::{self, DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::WebError;

/// Fields a form may repeat, read as lists.
const LISTS: &[&str] = &["ranking"];

/// A form's pairs as a JSON object of strings: blanks left out, `csrf` dropped (the handler checks it), lists for the
/// fields in `LISTS`; for a repeated field that is not a list, the last value wins, as HTML forms do.
pub fn form_fields(pairs: Vec<(String, String)>) -> Map<String, Value> {
    let mut fields = Map::new();
    for (name, value) in pairs {
        if name == "csrf" || value.trim().is_empty() {
            if LISTS.contains(&name.as_str()) {
                fields.entry(name).or_insert_with(|| Value::Array(Vec::new()));
            }
            continue;
        }
        if LISTS.contains(&name.as_str()) {
            if let Value::Array(items) = fields.entry(name).or_insert_with(|| Value::Array(Vec::new())) {
                items.push(Value::String(value));
            }
        } else {
            fields.insert(name, Value::String(value));
        }
    }
    fields
}

/// The error for a field that is missing or not one of its choices.
pub fn field(name: &str) -> WebError {
    WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", name.to_owned())])
}

/// The longest list of numbers read (a ranking has at most as many entries as a vote has options).
const MAX_LIST: usize = 1000;

const NOT_A_NUMBER: &str = "not a whole number";

/// The error for a field that should hold a whole number (within its range) and does not.
pub fn not_a_number(name: &str) -> WebError {
    WebError::BadInputWith("mt-error-number".to_owned(), vec![("field", name.to_owned())])
}

/// Decodes a typed input from JSON fields; the error names the field that was wrong.
pub fn typed<T: DeserializeOwned>(fields: Map<String, Value>) -> Result<T, WebError> {
    serde_path_to_error::deserialize(Value::Object(fields)).map_err(|error| {
        let message = error.inner().to_string();
        let name = error.path().iter().rev().find_map(|segment| match segment {
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            _ => None,
        });
        let name = name.or_else(|| {
            // "missing field `vote`" is reported at the object itself.
            message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next()).map(str::to_owned)
        });
        let name = name.unwrap_or_else(|| "body".to_owned());
        if message.starts_with(NOT_A_NUMBER) { not_a_number(&name) } else { field(&name) }
    })
}

/// A whole number from JSON: a number, or a string holding one (as forms send it).
pub fn number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    deserializer.deserialize_any(NumberVisitor)
}

/// An optional whole number: absent, null or blank is `None`.
pub fn optional_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    deserializer.deserialize_any(OptionalNumber)
}

/// A list of whole numbers, each a number or a string holding one.
pub fn numbers<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
    deserializer.deserialize_seq(Numbers)
}

struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = u32;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(NOT_A_NUMBER)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<u32, E> {
        u32::try_from(value).map_err(|_| E::custom(NOT_A_NUMBER))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<u32, E> {
        u32::try_from(value).map_err(|_| E::custom(NOT_A_NUMBER))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<u32, E> {
        Err(E::custom(NOT_A_NUMBER))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<u32, E> {
        value.trim().parse().map_err(|_| E::custom(NOT_A_NUMBER))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<u32, E> {
        Err(E::custom(NOT_A_NUMBER))
    }
}

struct OptionalNumber;

impl<'de> Visitor<'de> for OptionalNumber {
    type Value = Option<u32>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(NOT_A_NUMBER)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<u32>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<u32>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<u32>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Option<u32>, E> {
        NumberVisitor.visit_u64(value).map(Some)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Option<u32>, E> {
        NumberVisitor.visit_i64(value).map(Some)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Option<u32>, E> {
        if value.trim().is_empty() { Ok(None) } else { NumberVisitor.visit_str(value).map(Some) }
    }
}

struct Numbers;

impl<'de> Visitor<'de> for Numbers {
    type Value = Vec<u32>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a list of whole numbers")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u32>, A::Error> {
        let mut numbers = Vec::new();
        while let Some(Wrapped(number)) = seq.next_element()? {
            if numbers.len() == MAX_LIST {
                return Err(de::Error::custom("too many numbers"));
            }
            numbers.push(number);
        }
        Ok(numbers)
    }
}

struct Wrapped(u32);

impl<'de> de::Deserialize<'de> for Wrapped {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Wrapped, D::Error> {
        number(deserializer).map(Wrapped)
    }
}
