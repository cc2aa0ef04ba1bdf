//! The frame every durable quorum file is made of, and reading such files back safely.
//!
//! A frame is, to the byte:
//!
//! ```text
//! offset 0: length   u32 big-endian  bytes of payload, 1..=the file's frame bound
//! offset 4: crc      u32 big-endian  CRC-32C (Castagnoli) of the payload bytes
//! offset 8: payload  `length` bytes  JSON, its shape set by the file (see each file's docs)
//! ```
//!
//! An append-only file is frames back to back, written by appends of one or more frames, each
//! append fsync'd once before anyone learns of it and before the next append starts. Until
//! that fsync the kernel may write the append's pages back in any order, so a crash can leave
//! any of the last append's frames missing or torn, a later one whole after an earlier one
//! torn (a hole reads back as zeros). Nothing before the last append can be damaged that way.
//! So each frame's payload names its append by the byte offset where the append's first frame
//! starts (the file's reader extracts it; see [`scan_frames`]), and the scan truncates at a
//! bad frame when every valid frame after it belongs to the append that holds the bad frame:
//! the one starting at the bad frame, or the one the last good frame before it belongs to.
//! A bad frame with any other valid frame after it (one of a later append, or one that names
//! no append) is not a crash's doing; the scan refuses, naming the file and the byte offset
//! of the bad frame, and changes nothing. A frame whose CRC matches but whose payload the
//! file's reader rejects was written whole, so it is damage (or a bug) too, never truncated.
//!
//! Files replaced whole (the vote, the snapshot) are written by [`write_atomically`]: a
//! temporary file, fsync, rename over the old one, fsync of the directory.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

/// Bytes of a frame's header (length and CRC).
pub const FRAME_HEADER_BYTES: usize = 8;
/// Bytes read at a time while looking for a valid frame after a bad one.
const SCAN_WINDOW_BYTES: usize = 64 * 1024;

/// Why a framed file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is corrupt at byte {position}: {reason}")]
    Corrupt {
        path: PathBuf,
        position: u64,
        reason: String,
    },
    /// The runtime shut down before blocking file work could finish.
    #[error("{op} was cancelled: the runtime is shutting down")]
    Cancelled { op: &'static str },
    #[error("a frame of {bytes} bytes for {path} is larger than its bound of {max}")]
    TooLarge {
        path: PathBuf,
        bytes: usize,
        max: usize,
    },
}

/// `op` on `path` failed with an I/O error.
pub fn io_error(op: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> FrameError {
    let path = path.to_path_buf();
    move |source| FrameError::Io { op, path, source }
}

/// Runs blocking file work `op` off the async workers. A panic in it is re-raised; a runtime
/// shutting down before it ran is [`FrameError::Cancelled`].
pub async fn run_blocking<T: Send + 'static>(
    op: &'static str,
    f: impl FnOnce() -> Result<T, FrameError> + Send + 'static,
) -> Result<T, FrameError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(result) => result,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(_) => Err(FrameError::Cancelled { op }),
    }
}

/// The frame holding `payload`, refused when it passes `max_payload_bytes`.
pub fn encode_frame(
    path: &Path,
    payload: &[u8],
    max_payload_bytes: usize,
) -> Result<Vec<u8>, FrameError> {
    if payload.is_empty() || payload.len() > max_payload_bytes {
        return Err(FrameError::TooLarge {
            path: path.to_path_buf(),
            bytes: payload.len(),
            max: max_payload_bytes,
        });
    }
    let length = u32::try_from(payload.len()).expect("frame bounds fit a u32");
    let mut frame = Vec::with_capacity(FRAME_HEADER_BYTES + payload.len());
    frame.extend_from_slice(&length.to_be_bytes());
    frame.extend_from_slice(&crc32c::crc32c(payload).to_be_bytes());
    frame.extend_from_slice(payload);
    Ok(frame)
}

/// The payload of a buffer that must be exactly one whole frame (a vote or snapshot file).
pub fn decode_single_frame<'a>(
    path: &Path,
    bytes: &'a [u8],
    max_payload_bytes: usize,
) -> Result<&'a [u8], FrameError> {
    let corrupt = |reason: String| FrameError::Corrupt {
        path: path.to_path_buf(),
        position: 0,
        reason,
    };
    if bytes.len() < FRAME_HEADER_BYTES {
        return Err(corrupt(format!(
            "{} bytes, less than a frame header",
            bytes.len()
        )));
    }
    let (length, crc) = header(&bytes[..FRAME_HEADER_BYTES]);
    let payload = &bytes[FRAME_HEADER_BYTES..];
    if length as usize != payload.len() || payload.len() > max_payload_bytes {
        return Err(corrupt(format!(
            "header says {length} bytes of payload, the file holds {}",
            payload.len()
        )));
    }
    if crc32c::crc32c(payload) != crc {
        return Err(corrupt("the CRC does not match".into()));
    }
    Ok(payload)
}

fn header(bytes: &[u8]) -> (u32, u32) {
    let length = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    let crc = u32::from_be_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
    (length, crc)
}

/// What is wrong with the frame at some position.
enum BadFrame {
    ShortHeader,
    Length(u32),
    Crc,
}

impl BadFrame {
    fn describe(&self) -> String {
        match self {
            BadFrame::ShortHeader => "a partial frame header".into(),
            BadFrame::Length(n) => format!("a frame length of {n} bytes"),
            BadFrame::Crc => "a frame whose CRC does not match".into(),
        }
    }
}

/// Opens (creating if absent) the append-only framed file at `path`, hands every whole frame's
/// position and payload to `visit` in order, truncates a torn last append, and returns the
/// file positioned at its end with the end's byte offset. `append_of` names the append a
/// payload belongs to (the byte offset of its first frame; `None` when the payload does not
/// say). `visit` rejecting a payload, or a bad frame followed by a valid one of another
/// append, is [`FrameError::Corrupt`].
pub fn scan_frames(
    path: &Path,
    max_payload_bytes: usize,
    mut visit: impl FnMut(u64, &[u8]) -> Result<(), String>,
    append_of: impl Fn(&[u8]) -> Option<u64>,
) -> Result<(File, u64), FrameError> {
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(io_error("open", path))?;
    let file_len = file.metadata().map_err(io_error("stat", path))?.len();
    let mut reader = BufReader::new(&mut file);
    let mut position = 0u64;
    let mut payload = Vec::new();
    // The last good frame's payload, asked for its append only if a bad frame follows.
    let mut last_good = Vec::new();
    while position < file_len {
        let read = read_frame(
            &mut reader,
            position,
            file_len,
            max_payload_bytes,
            &mut payload,
        )
        .map_err(io_error("read", path))?;
        if let Err(bad) = read {
            drop(reader);
            let tail = TornTail {
                position,
                file_len,
                max_payload_bytes,
                last_append: (position > 0).then(|| append_of(&last_good)).flatten(),
            };
            truncate_torn_tail(&mut file, path, &tail, &bad, &append_of)?;
            break;
        }
        visit(position, &payload).map_err(|reason| FrameError::Corrupt {
            path: path.to_path_buf(),
            position,
            reason: format!("a whole frame that does not decode: {reason}"),
        })?;
        position += (FRAME_HEADER_BYTES + payload.len()) as u64;
        std::mem::swap(&mut payload, &mut last_good);
    }
    file.seek(SeekFrom::End(0))
        .map_err(io_error("seek", path))?;
    Ok((file, position))
}

/// Where a scan found a bad frame, and what it knows there.
struct TornTail {
    /// The bad frame's byte offset.
    position: u64,
    file_len: u64,
    max_payload_bytes: usize,
    /// The append of the last good frame before it, if that frame said.
    last_append: Option<u64>,
}

impl TornTail {
    /// Whether a valid frame of `append` after the bad frame can be part of the append that
    /// holds the bad frame: the append starting at the bad frame, or the last good frame's.
    fn same_append(&self, append: Option<u64>) -> bool {
        append.is_some_and(|a| a == self.position || Some(a) == self.last_append)
    }
}

/// Cuts the file at the bad frame (`tail.position`) unless a valid frame of another append
/// follows it (damage).
fn truncate_torn_tail(
    file: &mut File,
    path: &Path,
    tail: &TornTail,
    bad: &BadFrame,
    append_of: &impl Fn(&[u8]) -> Option<u64>,
) -> Result<(), FrameError> {
    let position = tail.position;
    let mut from = position + 1;
    // Every valid frame after the bad one, each skipped whole, must be of the bad one's append.
    let mut torn_append: Option<Option<u64>> = None;
    while let Some((next, payload)) =
        find_valid_frame(file, from, tail.file_len, tail.max_payload_bytes)
            .map_err(io_error("read", path))?
    {
        let append = append_of(&payload);
        let one_append = torn_append.is_none_or(|a| a == append);
        if !tail.same_append(append) || !one_append {
            return Err(FrameError::Corrupt {
                path: path.to_path_buf(),
                position,
                reason: format!(
                    "{} followed by a valid frame at byte {next} of another append: damage, \
                     not a crash during the last append; nothing was changed",
                    bad.describe()
                ),
            });
        }
        torn_append = Some(append);
        from = next + (FRAME_HEADER_BYTES + payload.len()) as u64;
    }
    let kept_after = torn_append.is_some();
    tracing::warn!(path = %path.display(), position, dropped_bytes = tail.file_len - position,
        problem = %bad.describe(), whole_frames_after = kept_after,
        "quorum file ends in a torn append; truncating it");
    file.set_len(position).map_err(io_error("truncate", path))?;
    file.sync_all().map_err(io_error("fsync", path))
}

/// Reads the frame at `position` (where `reader` stands) into `payload`, or says what is wrong
/// with it. The outer error is an I/O failure.
fn read_frame(
    reader: &mut impl Read,
    position: u64,
    file_len: u64,
    max_payload_bytes: usize,
    payload: &mut Vec<u8>,
) -> std::io::Result<Result<(), BadFrame>> {
    if file_len - position < FRAME_HEADER_BYTES as u64 {
        return Ok(Err(BadFrame::ShortHeader));
    }
    let mut bytes = [0u8; FRAME_HEADER_BYTES];
    reader.read_exact(&mut bytes)?;
    let (length, crc) = header(&bytes);
    let end = position + FRAME_HEADER_BYTES as u64 + u64::from(length);
    if length == 0 || length as usize > max_payload_bytes || end > file_len {
        return Ok(Err(BadFrame::Length(length)));
    }
    payload.clear();
    payload.resize(length as usize, 0);
    reader.read_exact(payload)?;
    if crc32c::crc32c(payload) != crc {
        return Ok(Err(BadFrame::Crc));
    }
    Ok(Ok(()))
}

/// The first position at or after `from` where a whole valid frame starts, with its payload,
/// if any. Run only after a bad frame, so it favours a small memory footprint over speed.
fn find_valid_frame(
    file: &File,
    from: u64,
    file_len: u64,
    max_payload_bytes: usize,
) -> std::io::Result<Option<(u64, Vec<u8>)>> {
    let mut window = vec![0u8; SCAN_WINDOW_BYTES + FRAME_HEADER_BYTES];
    let mut payload = Vec::new();
    let mut start = from;
    while start + FRAME_HEADER_BYTES as u64 <= file_len {
        let want = window.len().min((file_len - start) as usize);
        file.read_exact_at(&mut window[..want], start)?;
        let last = (want - FRAME_HEADER_BYTES).min(SCAN_WINDOW_BYTES - 1);
        for offset in 0..=last {
            let (length, crc) = header(&window[offset..offset + FRAME_HEADER_BYTES]);
            let at = start + offset as u64;
            let end = at + FRAME_HEADER_BYTES as u64 + u64::from(length);
            if length == 0 || length as usize > max_payload_bytes || end > file_len {
                continue;
            }
            payload.resize(length as usize, 0);
            file.read_exact_at(&mut payload, at + FRAME_HEADER_BYTES as u64)?;
            if crc32c::crc32c(&payload) == crc {
                return Ok(Some((at, payload)));
            }
        }
        start += SCAN_WINDOW_BYTES as u64;
    }
    Ok(None)
}

/// Appends `bytes` (whole frames) at `end` and fsyncs; on failure cuts the file back to `end`
/// so no partial frame is left for the next append to follow.
pub fn append_and_sync(
    file: &mut File,
    path: &Path,
    end: u64,
    bytes: &[u8],
) -> Result<u64, FrameError> {
    if let Err(e) = file.write_all(bytes) {
        let _ = file.set_len(end);
        return Err(io_error("write", path)(e));
    }
    file.sync_data().map_err(io_error("fsync", path))?;
    Ok(end + bytes.len() as u64)
}

/// Replaces `path` with `bytes` so that a crash leaves the old file or the new one whole.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FrameError> {
    let tmp = path.with_extension("tmp");
    let mut file = File::create(&tmp).map_err(io_error("create", &tmp))?;
    file.write_all(bytes).map_err(io_error("write", &tmp))?;
    file.sync_all().map_err(io_error("fsync", &tmp))?;
    drop(file);
    std::fs::rename(&tmp, path).map_err(io_error("rename", path))?;
    sync_dir(path)
}

/// fsyncs the directory holding `path`, so a create, rename or removal in it is durable.
pub fn sync_dir(path: &Path) -> Result<(), FrameError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_error("fsync dir", dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(payloads: &[&[u8]]) -> Vec<u8> {
        let path = Path::new("t");
        payloads
            .iter()
            .flat_map(|p| encode_frame(path, p, 1024).unwrap())
            .collect()
    }

    /// Test payloads name their append as `<offset>:<text>`; others name none.
    fn append_of(payload: &[u8]) -> Option<u64> {
        let text = std::str::from_utf8(payload).ok()?;
        text.split_once(':')?.0.parse().ok()
    }

    fn scan(path: &Path) -> Result<Vec<Vec<u8>>, FrameError> {
        let mut out = Vec::new();
        scan_frames(
            path,
            1024,
            |_, p| {
                out.push(p.to_vec());
                Ok(())
            },
            append_of,
        )?;
        Ok(out)
    }

    /// Two appends, as the log writes them: `first` at byte 0, then `second` right after it,
    /// each payload naming its append's offset. Returns the bytes and where `second` starts.
    fn two_appends(first: &[&str], second: &[&str]) -> (Vec<u8>, usize) {
        let tagged = |at: usize, texts: &[&str]| -> Vec<u8> {
            let payloads: Vec<String> = texts.iter().map(|t| format!("{at}:{t}")).collect();
            let refs: Vec<&[u8]> = payloads.iter().map(|p| p.as_bytes()).collect();
            frames(&refs)
        };
        let mut bytes = tagged(0, first);
        let at = bytes.len();
        bytes.extend(tagged(at, second));
        (bytes, at)
    }

    #[test]
    fn a_hole_in_the_last_append_before_a_whole_frame_of_it_is_a_torn_append() {
        // A crash kept the last frame of the last append but not the one before it (zeros):
        // none of that append was acknowledged, so the file is cut where it started.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        for hole in 0..3 {
            let (mut bytes, at) = two_appends(&["a", "b"], &["c", "d", "e"]);
            let frame_len = (bytes.len() - at) / 3;
            let start = at + hole * frame_len;
            bytes[start..start + frame_len].fill(0);
            std::fs::write(&path, &bytes).unwrap();
            // The frames before the hole stay, those of the append before it among them.
            let want: Vec<Vec<u8>> = ["0:a", "0:b", &format!("{at}:c"), &format!("{at}:d")]
                [..2 + hole]
                .iter()
                .map(|p| p.as_bytes().to_vec())
                .collect();
            assert_eq!(
                scan(&path).unwrap(),
                want,
                "hole in frame {hole} of the last append"
            );
            assert_eq!(std::fs::metadata(&path).unwrap().len() as usize, start);
        }
    }

    #[test]
    fn a_bad_frame_before_a_later_append_is_damage() {
        // The first append was fsync'd before the second began, so a bad frame in it with a
        // whole frame of the second after it is damage: refused, the file left as it was.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let (mut bytes, _) = two_appends(&["a", "b"], &["c"]);
        bytes[9] ^= 0x01;
        std::fs::write(&path, &bytes).unwrap();
        let err = scan(&path).unwrap_err();
        assert!(
            matches!(err, FrameError::Corrupt { position: 0, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("another append"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn a_torn_final_frame_is_cut_off_and_the_rest_kept() {
        // Every whole frame comes back; a half-written last frame is truncated away, so the
        // file ends at the last whole frame.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let whole = frames(&[b"one", b"two"]);
        let mut bytes = whole.clone();
        bytes.extend_from_slice(&frames(&[b"three"])[..10]);
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(scan(&path).unwrap(), vec![b"one".to_vec(), b"two".to_vec()]);
        assert_eq!(std::fs::read(&path).unwrap(), whole);
    }

    #[test]
    fn damage_before_the_tail_refuses_naming_the_offset() {
        // A flipped byte in the first frame, with a valid frame after it, is corruption at
        // byte 0, and the file is left as it was.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let mut bytes = frames(&[b"one", b"two"]);
        bytes[9] ^= 0xff;
        std::fs::write(&path, &bytes).unwrap();
        let err = scan(&path).unwrap_err();
        assert!(
            matches!(err, FrameError::Corrupt { position: 0, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("byte 0"));
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn a_single_frame_file_checks_length_and_crc() {
        // A whole-file frame decodes back; a truncated or altered one is refused.
        let path = Path::new("vote");
        let frame = encode_frame(path, b"payload", 64).unwrap();
        assert_eq!(decode_single_frame(path, &frame, 64).unwrap(), b"payload");
        assert!(decode_single_frame(path, &frame[..frame.len() - 1], 64).is_err());
        let mut altered = frame.clone();
        altered[8] ^= 1;
        assert!(decode_single_frame(path, &altered, 64).is_err());
        assert!(encode_frame(path, &[0; 65], 64).is_err());
    }
}
