//! Generates the protocol crate's `src/generated/` from Kafka's JSON message specs.
//!
//! Input: `client/` (requests, responses, headers, consumer protocol data),
//! `group-coordinator/` and `transaction-coordinator/` (the key/value records of the internal
//! topics). Output: one module per spec, `mod.rs` re-exporting the top-level types, and
//! `api.rs` with the table of API keys, header versions and the request/response enums the
//! broker dispatches on. The output depends only on the specs, so a test can regenerate it
//! into a temporary directory and compare.
//!
//! Where the specs come from: `kafka-specs.lock` pins a Kafka release and the checksums of
//! the Maven artifacts that carry its specs; `scripts/fetch-kafka-specs.sh` unpacks them into
//! a per-user cache ([`cached_specs_dir`]). Without that cache the generator falls back to
//! `../shared/kafka-message-specs` beside the workspace, an older snapshot.

pub mod emit;
pub mod spec;

use spec::Spec;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The pin: Kafka version and artifact checksums, shared with `scripts/fetch-kafka-specs.sh`.
pub const SPECS_LOCK: &str = include_str!("../kafka-specs.lock");

/// The Kafka release whose specs the checked-in generated code comes from.
pub fn pinned_kafka_version() -> &'static str {
    SPECS_LOCK
        .lines()
        .find_map(|line| line.strip_prefix("version="))
        .map(str::trim)
        .expect("kafka-specs.lock names a version")
}

/// The cache the fetch script fills for the pinned version, if it has been filled:
/// `${XDG_CACHE_HOME:-$HOME/.cache}/strom/kafka-specs/<version>/`.
pub fn cached_specs_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
    };
    let dir = base.join("strom/kafka-specs").join(pinned_kafka_version());
    // The script writes `.complete` last, so a half-fetched cache is never used.
    dir.join(".complete").is_file().then_some(dir)
}

/// The snapshot beside the workspace that is used when the cache is absent.
pub fn fallback_specs_dir(workspace: &Path) -> PathBuf {
    workspace.join("../shared/kafka-message-specs")
}

/// The spec folders the protocol crate is generated from.
pub const SPEC_DIRS: [&str; 3] = ["client", "group-coordinator", "transaction-coordinator"];

/// Reads every spec and returns the generated files as (file name, contents).
pub fn generate(specs_root: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut specs = Vec::new();
    for dir in SPEC_DIRS {
        let path = specs_root.join(dir);
        let mut entries: Vec<_> = std::fs::read_dir(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        entries.sort();
        for file in entries {
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let spec = spec::parse_spec(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            if spec.valid.is_empty() {
                continue;
            }
            specs.push(spec);
        }
    }
    specs.sort_by(|a, b| a.name.cmp(&b.name));

    let mut files = BTreeMap::new();
    for s in &specs {
        files.insert(format!("{}.rs", emit::snake(&s.name)), emit::emit_module(s));
    }
    files.insert("mod.rs".to_string(), emit_mod(&specs));
    files.insert("api.rs".to_string(), emit_api(&specs)?);
    Ok(files)
}

/// Writes the generated files into `out`, removing stale `.rs` files.
pub fn write_files(out: &Path, files: &BTreeMap<String, String>) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(out)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".rs") && !files.contains_key(&name) {
            std::fs::remove_file(entry.path()).map_err(|e| e.to_string())?;
        }
    }
    for (name, text) in files {
        std::fs::write(out.join(name), text).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn emit_mod(specs: &[Spec]) -> String {
    let mut out = String::from(emit::HEADER);
    out.push_str(
        "//! One module per message spec; `api` holds the API key table and the request and\n\
         //! response enums.\n\n#[rustfmt::skip]\npub mod api;\npub use api::*;\n\n",
    );
    for s in specs {
        writeln!(out, "#[rustfmt::skip]\npub mod {};", emit::snake(&s.name)).unwrap();
    }
    out.push('\n');
    for s in specs {
        writeln!(out, "pub use {}::{};", emit::snake(&s.name), s.name).unwrap();
    }
    out.push_str(
        "\n/// Called once per message type; lets tests run a property over every message.\n\
         #[cfg(any(test, feature = \"test-util\"))]\npub trait MessageVisitor {\n    \
         fn visit<M: crate::wire::Message + crate::wire::testing::Random + std::fmt::Debug>(&mut self);\n}\n\n\
         #[cfg(any(test, feature = \"test-util\"))]\n\
         pub fn visit_all_messages(v: &mut impl MessageVisitor) {\n",
    );
    for s in specs {
        writeln!(out, "    v.visit::<{}>();", s.name).unwrap();
    }
    out.push_str("}\n");
    out
}

/// The API name Kafka uses ("Produce" for "ProduceRequest").
fn api_name(spec: &Spec) -> &str {
    spec.name.strip_suffix("Request").unwrap_or(&spec.name)
}

fn emit_api(specs: &[Spec]) -> Result<String, String> {
    let mut requests: BTreeMap<i16, &Spec> = BTreeMap::new();
    let mut responses: BTreeMap<i16, &Spec> = BTreeMap::new();
    for s in specs {
        match (s.kind.as_str(), s.api_key) {
            ("request", Some(k)) => requests.insert(k, s),
            ("response", Some(k)) => responses.insert(k, s),
            _ => None,
        };
    }
    for k in requests.keys() {
        if !responses.contains_key(k) {
            return Err(format!("api key {k} has a request but no response"));
        }
    }
    let mut out = String::from(emit::HEADER);
    out.push_str(
        "//! The API keys, their version ranges and header versions, and the request and\n\
         //! response bodies of every API as enums.\n\n\
         use super::*;\nuse crate::wire::{Message, WireError};\nuse bytes::{Bytes, BytesMut};\n\n",
    );
    out.push_str(
        "/// A Kafka API, identified on the wire by its key.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[repr(i16)]\npub enum ApiKey {\n",
    );
    for (k, s) in &requests {
        writeln!(out, "    {} = {k},", api_name(s)).unwrap();
    }
    out.push_str("}\n\nimpl ApiKey {\n");
    writeln!(out, "    pub const ALL: [ApiKey; {}] = [", requests.len()).unwrap();
    for s in requests.values() {
        writeln!(out, "        ApiKey::{},", api_name(s)).unwrap();
    }
    out.push_str(
        "    ];\n\n    pub fn from_i16(key: i16) -> Option<ApiKey> {\n        match key {\n",
    );
    for (k, s) in &requests {
        writeln!(out, "            {k} => Some(ApiKey::{}),", api_name(s)).unwrap();
    }
    out.push_str("            _ => None,\n        }\n    }\n\n");

    let table = |out: &mut String, sig: &str, f: &dyn Fn(&Spec) -> String| {
        writeln!(out, "    {sig} {{\n        match self {{").unwrap();
        for s in requests.values() {
            writeln!(out, "            ApiKey::{} => {},", api_name(s), f(s)).unwrap();
        }
        out.push_str("        }\n    }\n\n");
    };
    out.push_str("    /// Kafka's name of the API.\n");
    table(&mut out, "pub fn name(self) -> &'static str", &|s| {
        format!("{:?}", api_name(s))
    });
    out.push_str("    /// The lowest and highest versions the specs define.\n");
    table(
        &mut out,
        "pub fn valid_versions(self) -> (i16, i16)",
        &|s| format!("({}, {})", s.valid.lo, s.valid.hi),
    );
    out.push_str(
        "    /// Whether the highest valid version is unstable (still in development upstream).\n",
    );
    table(
        &mut out,
        "pub fn latest_version_unstable(self) -> bool",
        &|s| s.latest_version_unstable.to_string(),
    );
    out.push_str("    /// The first flexible version, if any.\n");
    table(
        &mut out,
        "pub fn flexible_from(self) -> Option<i16>",
        &|s| {
            let f = s.flexible.intersect(s.valid);
            if f.is_empty() {
                "None".into()
            } else {
                format!("Some({})", f.lo)
            }
        },
    );
    out.push_str("    /// Where the API is served: \"broker\", \"controller\" (and, for older ones, \"zkBroker\").\n");
    table(
        &mut out,
        "pub fn listeners(self) -> &'static [&'static str]",
        &|s| format!("&{:?}", s.listeners),
    );
    // Request header v0 (no client id) was only ever used by ControlledShutdown v0; specs
    // that have retired that API have no header v0 either.
    let header_v0 = requests
        .values()
        .any(|s| s.name == "ControlledShutdownRequest" && s.valid.contains(0));
    let header_version_body = if header_v0 {
        "if self == ApiKey::ControlledShutdown && version == 0 {\n            0\n        } else if \
         self.is_flexible(version) {\n            2\n        } else {\n            1\n        }"
    } else {
        "if self.is_flexible(version) {\n            2\n        } else {\n            1\n        }"
    };
    out.push_str(
        "    pub fn is_flexible(self, version: i16) -> bool {\n        \
         self.flexible_from().is_some_and(|f| version >= f)\n    }\n\n\
         /// Header version of a request: 2 when flexible, else 1 (0 for ControlledShutdown v0,\n    \
         /// where the specs still have it).\n    \
         pub fn request_header_version(self, version: i16) -> i16 {\n        ",
    );
    out.push_str(header_version_body);
    out.push_str(
        "\n    }\n\n\
         /// Header version of a response: 1 when flexible, else 0. ApiVersions responses always\n    \
         /// use 0, so a client that does not yet know our versions can read them.\n    \
         pub fn response_header_version(self, version: i16) -> i16 {\n        \
         if self != ApiKey::ApiVersions && self.is_flexible(version) { 1 } else { 0 }\n    }\n}\n\n",
    );

    for (label, map) in [("Request", &requests), ("Response", &responses)] {
        writeln!(
            out,
            "/// The body of any {lower}, by API.\n#[derive(Debug, Clone, PartialEq)]\npub enum {label}Body {{",
            lower = label.to_lowercase()
        )
        .unwrap();
        for (k, s) in map.iter() {
            writeln!(out, "    {}({}),", api_name(requests[k]), s.name).unwrap();
        }
        writeln!(out, "}}\n\nimpl {label}Body {{\n    pub fn api_key(&self) -> ApiKey {{\n        match self {{").unwrap();
        for k in map.keys() {
            let n = api_name(requests[k]);
            writeln!(out, "            {label}Body::{n}(_) => ApiKey::{n},").unwrap();
        }
        out.push_str("        }\n    }\n\n");
        writeln!(
            out,
            "    /// Decodes a {lower} body of `api_key` at `version`.\n    \
             pub fn decode(api_key: ApiKey, version: i16, buf: Bytes) -> Result<Self, WireError> {{\n        \
             Ok(match api_key {{",
            lower = label.to_lowercase()
        )
        .unwrap();
        for (k, s) in map.iter() {
            let n = api_name(requests[k]);
            writeln!(
                out,
                "            ApiKey::{n} => {label}Body::{n}({}::decode(buf, version)?),",
                s.name
            )
            .unwrap();
        }
        out.push_str("        })\n    }\n\n");
        out.push_str(
            "    /// Appends the encoded body to `w`.\n    \
             pub fn encode_into(&self, w: &mut BytesMut, version: i16) -> Result<(), WireError> {\n        \
             match self {\n",
        );
        for k in map.keys() {
            let n = api_name(requests[k]);
            writeln!(
                out,
                "            {label}Body::{n}(m) => m.encode_into(w, version),"
            )
            .unwrap();
        }
        out.push_str("        }\n    }\n\n");
        writeln!(
            out,
            "    /// A random body of `api_key`, valid at `version` (property tests).\n    \
             #[cfg(any(test, feature = \"test-util\"))]\n    \
             pub fn random(api_key: ApiKey, rng: &mut crate::wire::testing::TestRng, version: i16) -> Self {{\n        \
             use crate::wire::testing::Random;\n        match api_key {{"
        )
        .unwrap();
        for (k, s) in map.iter() {
            let n = api_name(requests[k]);
            writeln!(
                out,
                "            ApiKey::{n} => {label}Body::{n}({}::random(rng, version, 0)),",
                s.name
            )
            .unwrap();
        }
        out.push_str("        }\n    }\n}\n\n");
        for (k, s) in map.iter() {
            writeln!(
                out,
                "impl From<{}> for {label}Body {{\n    fn from(m: {}) -> Self {{\n        {label}Body::{}(m)\n    }}\n}}\n",
                s.name,
                s.name,
                api_name(requests[k])
            )
            .unwrap();
        }
    }
    Ok(out)
}
