//! The snapshot: the metadata image as of a log id, so the log behind it can go and a node
//! that fell behind catches up in one transfer.
//!
//! The file `snapshot` in the quorum directory is one [`super::frame_file`] frame (`length
//! u32 BE | crc32c u32 BE | payload`), replaced whole (temporary file, fsync, rename, fsync
//! of the directory). Its payload is a JSON object:
//!
//! ```text
//! {"meta": {"last_log_id": L, "last_membership": M, "snapshot_id": "S"},
//!  "image": {"record_count": N, "topics": [...], "configs": [...], "next_producer_id": P}}
//! ```
//!
//! `meta` is openraft's `SnapshotMeta` (the last log id applied, the membership in force,
//! an id); `image` is [`crate::ImageSnapshot`]. The same bytes, frame header included, are
//! what a leader sends in InstallSnapshot chunks, so a receiver checks the CRC of exactly
//! what the sender built before installing it.

use std::path::Path;

use openraft::SnapshotMeta;
use serde::{Deserialize, Serialize};

use super::frame_file::{self, FrameError};
use super::{RaftNodeId, VoterAddress};
use crate::image::{ImageSnapshot, MetadataImage};

/// File name of the snapshot inside the quorum directory.
pub const SNAPSHOT_FILE: &str = "snapshot";

pub type RaftSnapshotMeta = SnapshotMeta<RaftNodeId, VoterAddress>;

#[derive(Serialize, Deserialize)]
struct SnapshotPayload {
    meta: RaftSnapshotMeta,
    image: ImageSnapshot,
}

/// A snapshot decoded: its meta, the image, and the frame bytes it came from.
#[derive(Debug, Clone)]
pub struct LoadedSnapshot {
    pub meta: RaftSnapshotMeta,
    pub image: MetadataImage,
    pub bytes: Vec<u8>,
}

/// The snapshot bytes (one frame) of `image` as of `meta`.
pub fn encode_snapshot(
    path: &Path,
    meta: &RaftSnapshotMeta,
    image: &MetadataImage,
    max_bytes: usize,
) -> Result<Vec<u8>, FrameError> {
    let payload = SnapshotPayload {
        meta: meta.clone(),
        image: image.to_snapshot(),
    };
    let json = serde_json::to_vec(&payload).expect("a snapshot serializes");
    frame_file::encode_frame(path, &json, max_bytes)
}

/// Decodes snapshot bytes, checking the frame and that the image is one records could build.
pub fn decode_snapshot(
    path: &Path,
    bytes: Vec<u8>,
    max_bytes: usize,
) -> Result<LoadedSnapshot, FrameError> {
    let payload = frame_file::decode_single_frame(path, &bytes, max_bytes)?;
    let corrupt = |reason: String| FrameError::Corrupt {
        path: path.to_path_buf(),
        position: frame_file::FRAME_HEADER_BYTES as u64,
        reason,
    };
    let decoded: SnapshotPayload = serde_json::from_slice(payload)
        .map_err(|e| corrupt(format!("the snapshot does not decode: {e}")))?;
    let image = MetadataImage::from_snapshot(decoded.image)
        .map_err(|e| corrupt(format!("the snapshot's image is impossible: {e}")))?;
    Ok(LoadedSnapshot {
        meta: decoded.meta,
        image,
        bytes,
    })
}

/// Replaces the snapshot file in `dir` with `bytes`, durably.
pub fn write_snapshot_file(dir: &Path, bytes: &[u8]) -> Result<(), FrameError> {
    frame_file::write_atomically(&dir.join(SNAPSHOT_FILE), bytes)
}

/// The snapshot stored in `dir`, if any.
pub fn read_snapshot_file(
    dir: &Path,
    max_bytes: usize,
) -> Result<Option<LoadedSnapshot>, FrameError> {
    let path = dir.join(SNAPSHOT_FILE);
    let len = match std::fs::metadata(&path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(frame_file::io_error("stat", &path)(e)),
    };
    if len > (max_bytes + frame_file::FRAME_HEADER_BYTES) as u64 {
        return Err(FrameError::TooLarge {
            path,
            bytes: len as usize,
            max: max_bytes,
        });
    }
    let bytes = std::fs::read(&path).map_err(frame_file::io_error("read", &path))?;
    decode_snapshot(&path, bytes, max_bytes).map(Some)
}
