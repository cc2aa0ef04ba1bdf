//! `protocol-codegen [SPECS_DIR] [OUT_DIR]`: regenerates the protocol crate's generated code.
//!
//! Defaults: the pinned Kafka release's specs in the cache that `scripts/fetch-kafka-specs.sh`
//! fills (falling back, with a warning, to `../shared/kafka-message-specs` beside the
//! workspace), and `crates/protocol/src/generated` inside it.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut args = std::env::args_os().skip(1);
    let specs = match args.next() {
        Some(dir) => PathBuf::from(dir),
        None => strom_protocol_codegen::cached_specs_dir().unwrap_or_else(|| {
            let fallback = strom_protocol_codegen::fallback_specs_dir(&workspace);
            eprintln!(
                "protocol-codegen: warning: Kafka {} specs are not cached (run \
                 scripts/fetch-kafka-specs.sh); reading {} instead",
                strom_protocol_codegen::pinned_kafka_version(),
                fallback.display()
            );
            fallback
        }),
    };
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace.join("crates/protocol/src/generated"));
    let files = match strom_protocol_codegen::generate(&specs) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("protocol-codegen: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = strom_protocol_codegen::write_files(&out, &files) {
        eprintln!("protocol-codegen: writing {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "protocol-codegen: wrote {} files to {}",
        files.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
