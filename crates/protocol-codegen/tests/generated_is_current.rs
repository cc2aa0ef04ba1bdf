//! The checked-in `crates/protocol/src/generated/` is exactly what the generator makes from
//! the specs today: regenerating into a temporary directory gives byte-identical files and
//! no file more or less. Someone who edits generated code by hand, or changes the generator
//! without regenerating, fails this test.
//!
//! The specs are those of the pinned Kafka release, from the cache that
//! `scripts/fetch-kafka-specs.sh` fills (CI runs it). The fallback snapshot in
//! `../shared/kafka-message-specs` is older than the pin, so a comparison against it would
//! only report the version gap; without the cache the test says so and skips.

use std::collections::BTreeSet;
use std::path::PathBuf;

#[test]
fn checked_in_generated_code_matches_a_fresh_generation() {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let Some(specs) = strom_protocol_codegen::cached_specs_dir() else {
        eprintln!(
            "skipping: Kafka {} specs are not cached; run scripts/fetch-kafka-specs.sh",
            strom_protocol_codegen::pinned_kafka_version()
        );
        return;
    };
    let files = strom_protocol_codegen::generate(&specs).expect("specs generate");
    let dir = tempfile::tempdir().expect("temp dir");
    strom_protocol_codegen::write_files(dir.path(), &files).expect("write");

    let checked_in = workspace.join("crates/protocol/src/generated");
    let names = |d: &std::path::Path| -> BTreeSet<String> {
        std::fs::read_dir(d)
            .expect("read dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".rs"))
            .collect()
    };
    assert_eq!(
        names(dir.path()),
        names(&checked_in),
        "generated file sets differ"
    );
    for name in names(dir.path()) {
        let fresh = std::fs::read_to_string(dir.path().join(&name)).expect("fresh");
        let old = std::fs::read_to_string(checked_in.join(&name)).expect("checked in");
        assert!(
            fresh == old,
            "{name} differs from a fresh generation: run `cargo run -p strom-protocol-codegen`"
        );
    }
    assert!(files.len() > 200, "only {} files generated", files.len());
}

#[test]
fn every_generated_file_says_it_is_generated() {
    // Each file opens with the do-not-edit header, so nobody mistakes it for source.
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = workspace.join("crates/protocol/src/generated");
    for entry in std::fs::read_dir(dir)
        .expect("generated dir")
        .filter_map(Result::ok)
    {
        let text = std::fs::read_to_string(entry.path()).expect("read");
        assert!(
            text.starts_with(
                "// Generated from Kafka's message specs by protocol-codegen; do not edit."
            ),
            "{} lacks the header",
            entry.path().display()
        );
    }
}

#[test]
fn the_protocol_crate_names_the_pinned_kafka_release() {
    // `strom_protocol::KAFKA_SPECS_VERSION` (shown in docs/compatibility.md) is the release
    // the lock file pins: bumping one without the other fails here.
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let lib = std::fs::read_to_string(workspace.join("crates/protocol/src/lib.rs")).expect("lib");
    let expected = format!(
        "pub const KAFKA_SPECS_VERSION: &str = \"{}\";",
        strom_protocol_codegen::pinned_kafka_version()
    );
    assert!(
        lib.contains(&expected),
        "protocol lib.rs lacks `{expected}`"
    );
}
