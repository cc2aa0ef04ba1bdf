//! Turns one parsed spec into one Rust module.
//!
//! Each struct gets a plain Rust struct holding the union of its fields over all versions,
//! a `Default` with the spec's defaults, and a `WireStruct` impl whose `read`, `size` and
//! `write` test the version at run time field by field, the way Kafka's own generated code
//! does. The code is deliberately simple: one `if` per field and version range.

use crate::spec::{Field, Spec, StructDef, Type};
use std::fmt::Write;

pub const HEADER: &str =
    "// Generated from Kafka's message specs by protocol-codegen; do not edit.\n";

/// CamelCase to snake_case, keeping runs of capitals together ("ISRNodes" -> "isr_nodes").
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A field's Rust identifier, escaping keywords.
pub fn field_ident(name: &str) -> String {
    let s = snake(name);
    match s.as_str() {
        "type" | "match" | "ref" | "fn" | "mod" | "use" | "loop" | "where" | "move" | "static"
        | "const" | "async" | "await" | "dyn" | "impl" | "trait" | "struct" | "enum" | "box"
        | "in" | "as" => format!("r#{s}"),
        _ => s,
    }
}

/// `if test { body }`, or just `body` when the test is always true.
fn guarded(test: &str, body: &str) -> String {
    if test == "true" {
        body.to_string()
    } else {
        format!("if {test} {{ {body} }}")
    }
}

struct Ctx<'a> {
    spec: &'a Spec,
}

impl Ctx<'_> {
    fn has_flexible(&self) -> bool {
        !self.spec.flexible.intersect(self.spec.valid).is_empty()
    }

    /// Whether a field is read or written in the body (not as a tagged field) at `v`.
    fn body_versions_test(f: &Field) -> String {
        let present = f.versions.test("version");
        if f.tagged.is_empty() {
            present
        } else {
            format!("({present}) && !({})", f.tagged.test("version"))
        }
    }

    fn compact_expr(f: &Field) -> String {
        match f.flexible_override {
            Some(v) => v.test("version"),
            None => "flexible".into(),
        }
    }

    fn min_size_at(&self, st: &StructDef, v: i16) -> usize {
        let flexible = self.spec.flexible.contains(v);
        let mut size = usize::from(flexible);
        for f in &st.fields {
            if f.versions.contains(v) && !f.tagged.contains(v) {
                let compact = match f.flexible_override {
                    Some(o) => o.contains(v),
                    None => flexible,
                };
                size += self.min_type_size(&f.ty, compact, f.nullable.contains(v), v);
            }
        }
        size
    }

    fn min_type_size(&self, ty: &Type, compact: bool, nullable: bool, v: i16) -> usize {
        if let Some(n) = ty.fixed_size() {
            return n;
        }
        match ty {
            Type::String => {
                if compact {
                    1
                } else {
                    2
                }
            }
            Type::Bytes | Type::Records | Type::Array(_) => {
                if compact {
                    1
                } else {
                    4
                }
            }
            // A nullable struct can be the one-byte null marker.
            Type::Struct(_) if nullable => 1,
            Type::Struct(name) => self.min_size_at(&self.spec.structs[name], v),
            _ => unreachable!("fixed-size types handled above"),
        }
    }
}

fn rust_base_type(ty: &Type) -> String {
    match ty {
        Type::Bool => "bool".into(),
        Type::Int8 => "i8".into(),
        Type::Int16 => "i16".into(),
        Type::Int32 => "i32".into(),
        Type::Int64 => "i64".into(),
        Type::Uint16 => "u16".into(),
        Type::Uint32 => "u32".into(),
        Type::Float64 => "f64".into(),
        Type::String => "String".into(),
        Type::Bytes | Type::Records => "Bytes".into(),
        Type::Uuid => "p::Uuid".into(),
        Type::Struct(n) => n.clone(),
        Type::Array(e) => format!("Vec<{}>", rust_base_type(e)),
    }
}

fn rust_type(f: &Field) -> String {
    let base = rust_base_type(&f.ty);
    if f.is_nullable_type() && f.ty.fixed_size().is_none() {
        format!("Option<{base}>")
    } else {
        base
    }
}

fn int_literal(text: &str, rust: &str) -> String {
    let t = text.trim();
    let value: i128 = if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        i128::from_str_radix(hex, 16).expect("hex default")
    } else if let Some(hex) = t.strip_prefix("-0x") {
        -i128::from_str_radix(hex, 16).expect("hex default")
    } else {
        t.parse().unwrap_or_else(|_| panic!("integer default {t}"))
    };
    format!("{value}{rust}")
}

fn default_expr(f: &Field) -> String {
    let d = f.default.as_deref();
    let nullable = f.is_nullable_type();
    match &f.ty {
        Type::Bool => match d.map(str::to_ascii_lowercase).as_deref() {
            Some("true") => "true".into(),
            _ => "false".into(),
        },
        Type::Int8 | Type::Int16 | Type::Int32 | Type::Int64 | Type::Uint16 | Type::Uint32 => {
            int_literal(d.unwrap_or("0"), &rust_base_type(&f.ty))
        }
        Type::Float64 => {
            let v: f64 = d.unwrap_or("0").parse().expect("float default");
            format!("{v:?}f64")
        }
        Type::Uuid => "p::Uuid::ZERO".into(),
        Type::String => {
            let text = match d {
                Some("null") if nullable => return "None".into(),
                Some(s) => format!("String::from({s:?})"),
                None => "String::new()".into(),
            };
            if nullable {
                format!("Some({text})")
            } else {
                text
            }
        }
        Type::Bytes | Type::Records => {
            if nullable {
                if d == Some("null") || f.ty == Type::Records {
                    "None".into()
                } else {
                    "Some(Bytes::new())".into()
                }
            } else {
                "Bytes::new()".into()
            }
        }
        Type::Struct(n) => {
            if nullable {
                "None".into()
            } else {
                format!("{n}::default()")
            }
        }
        Type::Array(e) => {
            let empty = format!("Vec::<{}>::new()", rust_base_type(e));
            if nullable {
                if d == Some("null") {
                    "None".into()
                } else {
                    format!("Some({empty})")
                }
            } else {
                empty
            }
        }
    }
}

/// Read expression for a value of `ty`. `nullable_type` says whether Rust holds an Option.
fn read_expr(ty: &Type, nullable_type: bool, n: &str, c: &str, what: &str) -> String {
    match ty {
        Type::Bool => "r.bool()?".into(),
        Type::Int8 => "r.i8()?".into(),
        Type::Int16 => "r.i16()?".into(),
        Type::Int32 => "r.i32()?".into(),
        Type::Int64 => "r.i64()?".into(),
        Type::Uint16 => "r.u16()?".into(),
        Type::Uint32 => "r.u32()?".into(),
        Type::Float64 => "r.f64()?".into(),
        Type::Uuid => "r.uuid()?".into(),
        Type::String if nullable_type => format!("r.string_opt({c}, {n}, {what:?})?"),
        Type::String => format!("r.string({c}, {what:?})?"),
        Type::Bytes | Type::Records if nullable_type => {
            format!("r.bytes_opt({c}, {n}, {what:?})?")
        }
        Type::Bytes | Type::Records => format!("r.bytes({c}, {what:?})?"),
        Type::Struct(s) if nullable_type => format!("r.struct_opt::<{s}>({n}, version)?"),
        Type::Struct(s) => format!("{s}::read(r, version)?"),
        Type::Array(e) => {
            let min = match e.as_ref() {
                Type::Struct(s) => format!("{s}::min_size(version)"),
                Type::String => "1".into(),
                other => other.fixed_size().unwrap_or(1).to_string(),
            };
            let elem = read_expr(e, false, "false", c, what);
            if nullable_type {
                format!("r.array_opt({c}, {n}, {min}, {what:?}, |r| Ok({elem}))?")
            } else {
                format!("r.array({c}, {min}, {what:?}, |r| Ok({elem}))?")
            }
        }
    }
}

/// Size expression; `v` is an expression of type `&T` (or `&Option<T>`).
fn size_expr(ty: &Type, nullable_type: bool, v: &str, n: &str, c: &str, what: &str) -> String {
    if let Some(k) = ty.fixed_size() {
        return k.to_string();
    }
    match ty {
        Type::String if nullable_type => {
            format!("p::opt_string_size({c}, {n}, {v}.as_deref(), {what:?})?")
        }
        Type::String => format!("p::string_size({c}, {v}, {what:?})?"),
        Type::Bytes | Type::Records if nullable_type => {
            format!("p::opt_bytes_size({c}, {n}, {v}.as_ref().map(|b| b.len()), {what:?})?")
        }
        Type::Bytes | Type::Records => format!("p::bytes_size({c}, {v}.len(), {what:?})?"),
        Type::Struct(_) if nullable_type => {
            format!("p::opt_struct_size({n}, {v}.as_ref(), version, {what:?})?")
        }
        Type::Struct(_) => format!("{v}.size(version)?"),
        Type::Array(e) => {
            let body = |a: &str| match e.fixed_size() {
                Some(k) => format!(
                    "p::array_prefix_size({c}, false, Some({a}.len()), {what:?})? + {a}.len() * {k}"
                ),
                None => {
                    let elem = size_expr(e, false, "e", "false", c, what);
                    format!(
                        "{{ let mut s = p::array_prefix_size({c}, false, Some({a}.len()), \
                         {what:?})?; for e in {a}.iter() {{ s += {elem}; }} s }}"
                    )
                }
            };
            if nullable_type {
                format!(
                    "match {v} {{ None => p::array_prefix_size({c}, {n}, None, {what:?})?, \
                     Some(a) => {} }}",
                    body("a")
                )
            } else {
                body(v)
            }
        }
        _ => unreachable!("fixed-size types handled above"),
    }
}

/// Write statement; `v` is an expression of type `&T` (or `&Option<T>`).
fn write_stmt(ty: &Type, nullable_type: bool, v: &str, n: &str, c: &str) -> String {
    match ty {
        Type::Bool => format!("w.put_bool(*{v});"),
        Type::Int8 => format!("w.put_i8(*{v});"),
        Type::Int16 => format!("w.put_i16(*{v});"),
        Type::Int32 => format!("w.put_i32(*{v});"),
        Type::Int64 => format!("w.put_i64(*{v});"),
        Type::Uint16 => format!("w.put_u16(*{v});"),
        Type::Uint32 => format!("w.put_u32(*{v});"),
        Type::Float64 => format!("w.put_f64(*{v});"),
        Type::Uuid => format!("w.put_uuid({v});"),
        Type::String if nullable_type => format!("w.put_nullable_string({c}, {v}.as_deref());"),
        Type::String => format!("w.put_nullable_string({c}, Some({v}.as_str()));"),
        Type::Bytes | Type::Records if nullable_type => {
            format!("w.put_nullable_bytes({c}, {v}.as_deref());")
        }
        Type::Bytes | Type::Records => format!("w.put_nullable_bytes({c}, Some(&{v}[..]));"),
        Type::Struct(_) if nullable_type => {
            format!("p::write_opt_struct(w, {n}, {v}.as_ref(), version)?;")
        }
        Type::Struct(_) => format!("{v}.write(w, version)?;"),
        Type::Array(e) => {
            let elem = write_stmt(e, false, "e", "false", c);
            let body = |a: &str| {
                format!(
                    "w.put_length({c}, true, Some({a}.len())); for e in {a}.iter() {{ {elem} }}"
                )
            };
            if nullable_type {
                format!(
                    "match {v} {{ None => w.put_length({c}, true, None), Some(a) => {{ {} }} }}",
                    body("a")
                )
            } else {
                body(v)
            }
        }
    }
}

fn random_expr(ty: &Type, nullable_type: bool, n: &str) -> String {
    match ty {
        Type::Bool => "rng.bool()".into(),
        Type::Int8 => "rng.next_u64() as i8".into(),
        Type::Int16 => "rng.next_u64() as i16".into(),
        Type::Int32 => "rng.next_u64() as i32".into(),
        Type::Int64 => "rng.next_u64() as i64".into(),
        Type::Uint16 => "rng.next_u64() as u16".into(),
        Type::Uint32 => "rng.next_u64() as u32".into(),
        Type::Float64 => "rng.f64()".into(),
        Type::Uuid => "rng.uuid()".into(),
        Type::String if nullable_type => format!("rng.opt_string({n})"),
        Type::String => "rng.string()".into(),
        Type::Bytes | Type::Records if nullable_type => format!("rng.opt_bytes({n})"),
        Type::Bytes | Type::Records => "rng.bytes()".into(),
        Type::Struct(s) if nullable_type => format!(
            "if {n} && rng.chance(3) {{ None }} else {{ Some({s}::random(rng, version, depth + 1)) }}"
        ),
        Type::Struct(s) => format!("{s}::random(rng, version, depth + 1)"),
        Type::Array(e) => {
            let elem = random_expr(e, false, "false");
            let list =
                format!("{{ let n = rng.len(depth); (0..n).map(|_| {elem}).collect::<Vec<_>>() }}");
            if nullable_type {
                format!("if {n} && rng.chance(4) {{ None }} else {{ Some({list}) }}")
            } else {
                list
            }
        }
    }
}

fn emit_struct(ctx: &Ctx, out: &mut String, st: &StructDef, top: bool) {
    let name = &st.name;
    let flexible_test = ctx.spec.flexible.test("version");
    let has_flexible = ctx.has_flexible();

    // The struct itself.
    writeln!(
        out,
        "#[derive(Debug, Clone, PartialEq)]\npub struct {name} {{"
    )
    .unwrap();
    for f in &st.fields {
        writeln!(out, "    pub {}: {},", field_ident(&f.name), rust_type(f)).unwrap();
    }
    if has_flexible {
        writeln!(
            out,
            "    pub unknown_tagged_fields: Vec<p::RawTaggedField>,"
        )
        .unwrap();
    }
    out.push_str("}\n\n");

    writeln!(
        out,
        "impl Default for {name} {{\n    fn default() -> Self {{\n        {name} {{"
    )
    .unwrap();
    for f in &st.fields {
        writeln!(
            out,
            "            {}: {},",
            field_ident(&f.name),
            default_expr(f)
        )
        .unwrap();
    }
    if has_flexible {
        out.push_str("            unknown_tagged_fields: Vec::new(),\n");
    }
    out.push_str("        }\n    }\n}\n\n");

    let mut tagged: Vec<&Field> = st.fields.iter().filter(|f| f.tag.is_some()).collect();
    tagged.sort_by_key(|f| f.tag);

    writeln!(out, "impl p::WireStruct for {name} {{").unwrap();

    // min_size: a match over the message's versions, runs of equal values merged.
    out.push_str("    fn min_size(version: i16) -> usize {\n        match version {\n");
    let valid = ctx.spec.valid;
    let mut v = valid.lo;
    while v <= valid.hi {
        let size = ctx.min_size_at(st, v);
        let mut end = v;
        while end < valid.hi && ctx.min_size_at(st, end + 1) == size {
            end += 1;
        }
        writeln!(out, "            {v}..={end} => {size},").unwrap();
        v = end + 1;
    }
    out.push_str("            _ => 0,\n        }\n    }\n\n");

    // read
    out.push_str("    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {\n");
    writeln!(out, "        let flexible = {flexible_test};").unwrap();
    out.push_str("        let mut this = Self::default();\n");
    for f in &st.fields {
        if f.versions.is_empty() {
            continue;
        }
        let test = Ctx::body_versions_test(f);
        let n = f.nullable.test("version");
        let c = Ctx::compact_expr(f);
        let what = format!("{name}.{}", f.name);
        let expr = read_expr(&f.ty, f.is_nullable_type(), &n, &c, &what);
        let stmt = format!("this.{} = {expr};", field_ident(&f.name));
        writeln!(out, "        {}", guarded(&test, &stmt)).unwrap();
    }
    if has_flexible {
        out.push_str("        if flexible {\n            let mut unknown = Vec::new();\n");
        out.push_str("            r.tagged_fields(&mut unknown, |tag, r| {\n");
        out.push_str("                match tag {\n");
        for f in &tagged {
            let n = f.nullable.test("version");
            let c = Ctx::compact_expr(f);
            let what = format!("{name}.{}", f.name);
            let expr = read_expr(&f.ty, f.is_nullable_type(), &n, &c, &what);
            writeln!(
                out,
                "                    {} if {} => {{ this.{} = {expr}; Ok(true) }}",
                f.tag.unwrap(),
                f.tagged.test("version"),
                field_ident(&f.name)
            )
            .unwrap();
        }
        out.push_str("                    _ => Ok(false),\n                }\n            })?;\n");
        out.push_str("            this.unknown_tagged_fields = unknown;\n        }\n");
    }
    out.push_str("        Ok(this)\n    }\n\n");

    // size
    out.push_str("    fn size(&self, version: i16) -> Result<usize, p::WireError> {\n");
    writeln!(out, "        let flexible = {flexible_test};").unwrap();
    out.push_str("        let mut size = 0usize;\n");
    if has_flexible {
        out.push_str(
            "        let mut tagged_count = 0u32;\n        let mut tagged_size = 0usize;\n",
        );
    }
    for f in &st.fields {
        let id = field_ident(&f.name);
        let n = f.nullable.test("version");
        let c = Ctx::compact_expr(f);
        let what = format!("{name}.{}", f.name);
        let expr = size_expr(
            &f.ty,
            f.is_nullable_type(),
            &format!("(&self.{id})"),
            &n,
            &c,
            &what,
        );
        let test = Ctx::body_versions_test(f);
        let mut arms = Vec::new();
        if test == "true" {
            writeln!(out, "        size += {expr};").unwrap();
            continue;
        }
        if !f.versions.is_empty() {
            arms.push(format!("if {test} {{ size += {expr}; }}"));
        }
        if let Some(tag) = f.tag {
            arms.push(format!(
                "if {} {{ if self.{id} != {} {{ let s = {expr}; tagged_count += 1; \
                 tagged_size += p::unsigned_varint_size({tag}) + \
                 p::unsigned_varint_size(s as u32) + s; }} }}",
                f.tagged.test("version"),
                default_expr(f)
            ));
        }
        if !f.ignorable {
            arms.push(format!(
                "if self.{id} != {} {{ return Err(p::WireError::FieldNotSupported {{ \
                 message: {name:?}, field: {:?}, version }}); }}",
                default_expr(f),
                f.name
            ));
        }
        if !arms.is_empty() {
            writeln!(out, "        {}", arms.join(" else ")).unwrap();
        }
    }
    if has_flexible {
        out.push_str(
            "        if flexible {\n            for f in &self.unknown_tagged_fields {\n                \
             tagged_count += 1;\n                tagged_size += p::unsigned_varint_size(f.tag) + \
             p::unsigned_varint_size(f.data.len() as u32) + f.data.len();\n            }\n            \
             size += p::unsigned_varint_size(tagged_count) + tagged_size;\n        } else if \
             !self.unknown_tagged_fields.is_empty() {\n            return \
             Err(p::WireError::FieldNotSupported { message: ",
        );
        writeln!(
            out,
            "{name:?}, field: \"unknown tagged fields\", version }});\n        }}"
        )
        .unwrap();
    }
    out.push_str("        Ok(size)\n    }\n\n");

    // write
    out.push_str(
        "    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {\n",
    );
    writeln!(out, "        let flexible = {flexible_test};").unwrap();
    for f in &st.fields {
        if f.versions.is_empty() {
            continue;
        }
        let id = field_ident(&f.name);
        let n = f.nullable.test("version");
        let c = Ctx::compact_expr(f);
        let stmt = write_stmt(
            &f.ty,
            f.is_nullable_type(),
            &format!("(&self.{id})"),
            &n,
            &c,
        );
        writeln!(
            out,
            "        {}",
            guarded(&Ctx::body_versions_test(f), &stmt)
        )
        .unwrap();
    }
    if has_flexible {
        out.push_str("        if flexible {\n            let mut count = self.unknown_tagged_fields.len() as u32;\n");
        for f in &tagged {
            writeln!(
                out,
                "            if {} && self.{} != {} {{ count += 1; }}",
                f.tagged.test("version"),
                field_ident(&f.name),
                default_expr(f)
            )
            .unwrap();
        }
        out.push_str(
            "            w.put_unsigned_varint(count);\n            let mut next_tag = 0u64;\n",
        );
        for f in &tagged {
            let id = field_ident(&f.name);
            let tag = f.tag.unwrap();
            let n = f.nullable.test("version");
            let c = Ctx::compact_expr(f);
            let what = format!("{name}.{}", f.name);
            let size = size_expr(
                &f.ty,
                f.is_nullable_type(),
                &format!("(&self.{id})"),
                &n,
                &c,
                &what,
            );
            let stmt = write_stmt(
                &f.ty,
                f.is_nullable_type(),
                &format!("(&self.{id})"),
                &n,
                &c,
            );
            writeln!(
                out,
                "            if {} && self.{id} != {} {{\n                \
                 p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..{tag});\n                \
                 next_tag = {tag};\n                w.put_unsigned_varint({tag});\n                \
                 let s = {size};\n                w.put_unsigned_varint(s as u32);\n                \
                 {stmt}\n            }}",
                f.tagged.test("version"),
                default_expr(f)
            )
            .unwrap();
        }
        out.push_str(
            "            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);\n        }\n",
        );
    }
    out.push_str("        Ok(())\n    }\n}\n\n");

    // random values for property tests
    writeln!(
        out,
        "#[cfg(any(test, feature = \"test-util\"))]\nimpl p::testing::Random for {name} {{\n    \
         fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {{\n        \
         let _ = depth;\n        let mut this = Self::default();"
    )
    .unwrap();
    for f in &st.fields {
        let present = if f.tagged.is_empty() {
            f.versions.test("version")
        } else {
            format!(
                "({}) || ({})",
                f.versions.test("version"),
                f.tagged.test("version")
            )
        };
        if present == "false" {
            continue;
        }
        let n = f.nullable.test("version");
        let stmt = format!(
            "this.{} = {};",
            field_ident(&f.name),
            random_expr(&f.ty, f.is_nullable_type(), &n)
        );
        writeln!(out, "        {}", guarded(&present, &stmt)).unwrap();
    }
    if has_flexible {
        writeln!(
            out,
            "        if ({flexible_test}) && rng.chance(4) {{\n            \
             this.unknown_tagged_fields.push(p::RawTaggedField {{ tag: 10_000 + rng.below(100) as u32, \
             data: rng.bytes() }});\n        }}"
        )
        .unwrap();
    }
    out.push_str("        this\n    }\n}\n\n");

    if top {
        let flex = ctx.spec.flexible.intersect(ctx.spec.valid);
        let flexible_from = if flex.is_empty() {
            "None".to_string()
        } else {
            format!("Some({})", flex.lo)
        };
        writeln!(
            out,
            "impl p::Message for {name} {{\n    const NAME: &'static str = {name:?};\n    \
             const LOWEST_VERSION: i16 = {};\n    const HIGHEST_VERSION: i16 = {};\n    \
             const FLEXIBLE_FROM: Option<i16> = {flexible_from};\n}}\n",
            ctx.spec.valid.lo, ctx.spec.valid.hi
        )
        .unwrap();
    }
}

/// The whole module for one spec.
pub fn emit_module(spec: &Spec) -> String {
    let ctx = Ctx { spec };
    let mut out = String::new();
    out.push_str(HEADER);
    writeln!(
        out,
        "//! `{}` ({}), versions {}-{}.\n",
        spec.name, spec.kind, spec.valid.lo, spec.valid.hi
    )
    .unwrap();
    out.push_str("use crate::wire::{self as p, WireStruct, WriteExt};\nuse bytes::{BufMut, Bytes, BytesMut};\n\n");
    let top = StructDef {
        name: spec.name.clone(),
        fields: spec.fields.clone(),
    };
    emit_struct(&ctx, &mut out, &top, true);
    for st in spec.structs.values() {
        emit_struct(&ctx, &mut out, st, false);
    }
    out
}
