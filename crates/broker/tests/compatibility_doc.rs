//! `docs/compatibility.md` is the broker's own API table, rendered: this test fails when the
//! file and the table drift apart. Regenerate with
//! `cargo run -p strom -- compat-table > docs/compatibility.md`.

#[test]
fn compatibility_doc_matches_the_supported_api_table() {
    // The checked-in compatibility page equals what the table renders today.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/compatibility.md");
    let on_disk = std::fs::read_to_string(path).expect("docs/compatibility.md exists");
    let rendered = strom_broker::api_table::compatibility_markdown();
    assert_eq!(
        on_disk, rendered,
        "docs/compatibility.md is stale: run `cargo run -p strom -- compat-table > \
         docs/compatibility.md`"
    );
}
