//! `protocol-codegen [SPECS_DIR] [OUT_DIR]`: regenerates the protocol crate's generated code.
//!
//! Defaults: `../shared/kafka-message-specs` beside the workspace, and
//! `crates/protocol/src/generated` inside it.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut args = std::env::args_os().skip(1);
    let specs = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace.join("../shared/kafka-message-specs"));
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
