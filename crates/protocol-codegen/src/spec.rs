//! The model of Kafka's JSON message specs: what the generator reads.
//!
//! A spec file is JSON with `//` line comments. Only names, types, versions and defaults are
//! taken from it; the prose (`about`) is dropped on purpose.

use serde_json::Value;
use std::collections::BTreeMap;

/// An inclusive version range; `lo > hi` is the empty range ("none").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versions {
    pub lo: i16,
    pub hi: i16,
}

impl Versions {
    pub const NONE: Versions = Versions { lo: 1, hi: 0 };

    pub fn parse(text: &str) -> Result<Versions, String> {
        let text = text.trim();
        if text == "none" {
            return Ok(Versions::NONE);
        }
        let num = |s: &str| {
            s.trim()
                .parse::<i16>()
                .map_err(|e| format!("bad version {text}: {e}"))
        };
        if let Some(lo) = text.strip_suffix('+') {
            return Ok(Versions {
                lo: num(lo)?,
                hi: i16::MAX,
            });
        }
        if let Some((lo, hi)) = text.split_once('-') {
            return Ok(Versions {
                lo: num(lo)?,
                hi: num(hi)?,
            });
        }
        let v = num(text)?;
        Ok(Versions { lo: v, hi: v })
    }

    pub fn is_empty(&self) -> bool {
        self.lo > self.hi
    }

    pub fn contains(&self, v: i16) -> bool {
        self.lo <= v && v <= self.hi
    }

    pub fn intersect(&self, other: Versions) -> Versions {
        Versions {
            lo: self.lo.max(other.lo),
            hi: self.hi.min(other.hi),
        }
    }

    /// A Rust boolean expression testing `version` against this range.
    pub fn test(&self, var: &str) -> String {
        if self.is_empty() {
            "false".into()
        } else if self.lo <= 0 && self.hi == i16::MAX {
            "true".into()
        } else if self.hi == i16::MAX {
            format!("{var} >= {}", self.lo)
        } else if self.lo <= 0 {
            format!("{var} <= {}", self.hi)
        } else if self.lo == self.hi {
            format!("{var} == {}", self.lo)
        } else {
            format!("({}..={}).contains(&{var})", self.lo, self.hi)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint16,
    Uint32,
    Float64,
    String,
    Bytes,
    Records,
    Uuid,
    Struct(String),
    Array(Box<Type>),
}

impl Type {
    pub fn parse(text: &str) -> Type {
        if let Some(inner) = text.strip_prefix("[]") {
            return Type::Array(Box::new(Type::parse(inner)));
        }
        match text {
            "bool" => Type::Bool,
            "int8" => Type::Int8,
            "int16" => Type::Int16,
            "int32" => Type::Int32,
            "int64" => Type::Int64,
            "uint16" => Type::Uint16,
            "uint32" => Type::Uint32,
            "float64" => Type::Float64,
            "string" => Type::String,
            "bytes" => Type::Bytes,
            "records" => Type::Records,
            "uuid" => Type::Uuid,
            other => Type::Struct(other.to_string()),
        }
    }

    /// Fixed wire size of a primitive, if it has one.
    pub fn fixed_size(&self) -> Option<usize> {
        Some(match self {
            Type::Bool | Type::Int8 => 1,
            Type::Int16 | Type::Uint16 => 2,
            Type::Int32 | Type::Uint32 => 4,
            Type::Int64 | Type::Float64 => 8,
            Type::Uuid => 16,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub ty: Type,
    pub versions: Versions,
    pub nullable: Versions,
    pub tagged: Versions,
    pub tag: Option<u32>,
    pub ignorable: bool,
    pub default: Option<String>,
    /// A field-level override of the message's flexible versions (only the header's
    /// client id uses it: it stays a classic string in flexible headers).
    pub flexible_override: Option<Versions>,
}

impl Field {
    /// Whether the type is an `Option` in Rust: some version allows null.
    pub fn is_nullable_type(&self) -> bool {
        !self.nullable.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct StructDef {
    pub name: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub name: String,
    pub kind: String,
    pub api_key: Option<i16>,
    pub valid: Versions,
    /// Whether the highest valid version is still in development (Kafka does not advertise
    /// it unless told to).
    pub latest_version_unstable: bool,
    pub flexible: Versions,
    pub listeners: Vec<String>,
    /// The message's own fields.
    pub fields: Vec<Field>,
    /// Every struct reachable from the message, by name, defined inline or in
    /// `commonStructs`.
    pub structs: BTreeMap<String, StructDef>,
}

/// Removes `//` comment lines; the specs put comments only on lines of their own.
pub fn strip_comments(text: &str) -> String {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn versions_of(v: &Value, key: &str) -> Result<Versions, String> {
    match str_of(v, key) {
        Some(s) => Versions::parse(s),
        None => Ok(Versions::NONE),
    }
}

fn parse_fields(
    list: &Value,
    structs: &mut BTreeMap<String, StructDef>,
) -> Result<Vec<Field>, String> {
    let mut fields = Vec::new();
    for f in list.as_array().ok_or("fields is not an array")? {
        let name = str_of(f, "name").ok_or("field without name")?.to_string();
        let ty = Type::parse(str_of(f, "type").ok_or("field without type")?);
        if let Some(inner) = f.get("fields") {
            let struct_name = match &ty {
                Type::Struct(n) => n.clone(),
                Type::Array(t) => match t.as_ref() {
                    Type::Struct(n) => n.clone(),
                    _ => return Err(format!("{name}: fields on a non-struct array")),
                },
                _ => return Err(format!("{name}: fields on a primitive")),
            };
            let nested = parse_fields(inner, structs)?;
            structs.insert(
                struct_name.clone(),
                StructDef {
                    name: struct_name,
                    fields: nested,
                },
            );
        }
        let default = match f.get("default") {
            None => None,
            Some(Value::Null) => Some("null".to_string()),
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => Some(other.to_string()),
        };
        let tag = match f.get("tag") {
            None => None,
            // One spec writes its tag as a string ("0"); both forms mean the same.
            Some(Value::String(t)) => Some(t.parse::<u32>().map_err(|e| format!("tag {t}: {e}"))?),
            Some(t) => Some(t.as_u64().ok_or("tag is not a number")? as u32),
        };
        let flexible_override = match str_of(f, "flexibleVersions") {
            None => None,
            Some(s) => Some(Versions::parse(s)?),
        };
        fields.push(Field {
            name,
            ty,
            versions: versions_of(f, "versions")?,
            nullable: versions_of(f, "nullableVersions")?,
            tagged: versions_of(f, "taggedVersions")?,
            tag,
            ignorable: f.get("ignorable").and_then(Value::as_bool).unwrap_or(false),
            default,
            flexible_override,
        });
    }
    Ok(fields)
}

pub fn parse_spec(text: &str) -> Result<Spec, String> {
    let json: Value = serde_json::from_str(&strip_comments(text)).map_err(|e| e.to_string())?;
    let name = str_of(&json, "name")
        .ok_or("spec without name")?
        .to_string();
    let mut structs = BTreeMap::new();
    if let Some(common) = json.get("commonStructs").and_then(Value::as_array) {
        for cs in common {
            let cs_name = str_of(cs, "name")
                .ok_or("common struct without name")?
                .to_string();
            let fields = parse_fields(
                cs.get("fields").ok_or("common struct without fields")?,
                &mut structs,
            )?;
            structs.insert(
                cs_name.clone(),
                StructDef {
                    name: cs_name,
                    fields,
                },
            );
        }
    }
    let valid = versions_of(&json, "validVersions")?;
    // A retired API keeps its spec with `"validVersions": "none"` and no fields, so that its
    // key is never reused; it has nothing to generate.
    let fields = match json.get("fields") {
        Some(list) => parse_fields(list, &mut structs)?,
        None if valid.is_empty() => Vec::new(),
        None => return Err("spec without fields".into()),
    };
    let listeners = json
        .get("listeners")
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    Ok(Spec {
        kind: str_of(&json, "type")
            .ok_or("spec without type")?
            .to_string(),
        api_key: json.get("apiKey").and_then(Value::as_i64).map(|k| k as i16),
        valid,
        latest_version_unstable: json
            .get("latestVersionUnstable")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        flexible: versions_of(&json, "flexibleVersions")?,
        listeners,
        name,
        fields,
        structs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_ranges_parse_like_the_specs_write_them() {
        // "N+", "N-M", "N" and "none" are the four forms the specs use.
        assert_eq!(
            Versions::parse("3+").unwrap(),
            Versions {
                lo: 3,
                hi: i16::MAX
            }
        );
        assert_eq!(Versions::parse("1-4").unwrap(), Versions { lo: 1, hi: 4 });
        assert_eq!(Versions::parse("0").unwrap(), Versions { lo: 0, hi: 0 });
        assert!(Versions::parse("none").unwrap().is_empty());
    }
}
