//! Compressing and decompressing a batch's records section with Kafka's four codecs.
//!
//! Kafka compresses the concatenated records (everything after the 61-byte header) as one
//! stream. The stream formats are the ones the Java client writes, because every client
//! must read what Java writes and Java must read what we write:
//!
//! - gzip: an RFC 1952 stream (several members are accepted, as Java's `GZIPInputStream` does).
//! - snappy: the xerial framing of `snappy-java`: an 8-byte magic `82 'SNAPPY' 00`, a
//!   version i32 and a compatible-version i32 (both 1), then blocks of
//!   `[compressed length i32 BE][raw snappy block]`. librdkafka may send plain raw snappy
//!   instead, so decompression accepts both, telling them apart by the magic.
//! - lz4: the LZ4 frame format with independent 64 KiB blocks (what Java writes).
//! - zstd: a zstd frame.
//!
//! Decompression is bounded: a few kilobytes from a client can claim gigabytes once
//! inflated, so output beyond `limit` bytes is an error, and every size a stream announces is
//! checked against what remains of the limit before anything is allocated.

use std::io::{Read, Write};

use super::{Compression, RecordError};

/// Default cap on the decompressed size of one batch's records section.
pub const MAX_DECOMPRESSED_BATCH_BYTES: usize = 64 * 1024 * 1024;

/// Largest zstd window a frame may ask for (2^26 = 64 MiB, matching the default cap above),
/// so that a hostile frame header cannot make the decoder reserve more than that.
const ZSTD_WINDOW_LOG_MAX: u32 = 26;
/// zstd level the Java client uses by default.
const ZSTD_LEVEL: i32 = 3;

const XERIAL_MAGIC: [u8; 8] = [0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0];
const XERIAL_VERSION: i32 = 1;
const XERIAL_COMPATIBLE_VERSION: i32 = 1;
const XERIAL_HEADER_SIZE: usize = 16;
/// Uncompressed bytes per xerial block; `snappy-java`'s default.
const XERIAL_BLOCK_SIZE: usize = 32 * 1024;

/// Compresses a records section with `codec`; `Compression::None` copies it.
pub fn compress(codec: Compression, records: &[u8]) -> Result<Vec<u8>, RecordError> {
    let io_err = |e: std::io::Error| RecordError::Compress(e.to_string());
    match codec {
        Compression::None => Ok(records.to_vec()),
        Compression::Gzip => {
            let out = Vec::with_capacity(records.len() / 2 + 64);
            let mut enc = flate2::write::GzEncoder::new(out, flate2::Compression::default());
            enc.write_all(records).map_err(io_err)?;
            enc.finish().map_err(io_err)
        }
        Compression::Snappy => compress_xerial_snappy(records),
        Compression::Lz4 => {
            let info = lz4_flex::frame::FrameInfo::new()
                .block_size(lz4_flex::frame::BlockSize::Max64KB)
                .block_mode(lz4_flex::frame::BlockMode::Independent);
            let out = Vec::with_capacity(records.len() / 2 + 64);
            let mut enc = lz4_flex::frame::FrameEncoder::with_frame_info(info, out);
            enc.write_all(records).map_err(io_err)?;
            enc.finish()
                .map_err(|e| RecordError::Compress(e.to_string()))
        }
        Compression::Zstd => zstd::bulk::compress(records, ZSTD_LEVEL).map_err(io_err),
    }
}

fn compress_xerial_snappy(records: &[u8]) -> Result<Vec<u8>, RecordError> {
    let mut out = Vec::with_capacity(XERIAL_HEADER_SIZE + records.len() / 2 + 64);
    out.extend_from_slice(&XERIAL_MAGIC);
    out.extend_from_slice(&XERIAL_VERSION.to_be_bytes());
    out.extend_from_slice(&XERIAL_COMPATIBLE_VERSION.to_be_bytes());
    let mut encoder = snap::raw::Encoder::new();
    for block in records.chunks(XERIAL_BLOCK_SIZE) {
        let compressed = encoder
            .compress_vec(block)
            .map_err(|e| RecordError::Compress(e.to_string()))?;
        // A 32 KiB block compresses to well under 2 GiB, so the length always fits.
        let length = i32::try_from(compressed.len()).map_err(|_| RecordError::TooLarge {
            what: "snappy block",
            size: compressed.len(),
        })?;
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(&compressed);
    }
    Ok(out)
}

/// Decompresses a records section, failing if the output would exceed `limit` bytes.
pub fn decompress(codec: Compression, data: &[u8], limit: usize) -> Result<Vec<u8>, RecordError> {
    match codec {
        Compression::None => {
            if data.len() > limit {
                return Err(RecordError::DecompressedTooLarge { limit });
            }
            Ok(data.to_vec())
        }
        Compression::Gzip => read_bounded(flate2::read::MultiGzDecoder::new(data), limit),
        Compression::Snappy => {
            if data.starts_with(&XERIAL_MAGIC) {
                decompress_xerial_snappy(data, limit)
            } else {
                let mut out = Vec::new();
                decompress_raw_snappy(data, limit, &mut out)?;
                Ok(out)
            }
        }
        Compression::Lz4 => read_bounded(lz4_flex::frame::FrameDecoder::new(data), limit),
        Compression::Zstd => {
            let mut dec = zstd::stream::read::Decoder::with_buffer(data).map_err(decompress_err)?;
            dec.window_log_max(ZSTD_WINDOW_LOG_MAX)
                .map_err(decompress_err)?;
            read_bounded(dec, limit)
        }
    }
}

fn decompress_err(e: impl std::fmt::Display) -> RecordError {
    RecordError::Decompress(e.to_string())
}

/// Reads a decoder to its end, keeping at most `limit` bytes and failing if there are more.
fn read_bounded(decoder: impl Read, limit: usize) -> Result<Vec<u8>, RecordError> {
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    decoder
        .take(cap)
        .read_to_end(&mut out)
        .map_err(decompress_err)?;
    if out.len() > limit {
        return Err(RecordError::DecompressedTooLarge { limit });
    }
    Ok(out)
}

/// Appends one raw snappy block to `out`, checking its announced size against the limit.
fn decompress_raw_snappy(block: &[u8], limit: usize, out: &mut Vec<u8>) -> Result<(), RecordError> {
    let size = snap::raw::decompress_len(block).map_err(decompress_err)?;
    let start = out.len();
    if size > limit.saturating_sub(start) {
        return Err(RecordError::DecompressedTooLarge { limit });
    }
    out.resize(start + size, 0);
    let written = snap::raw::Decoder::new()
        .decompress(block, &mut out[start..])
        .map_err(decompress_err)?;
    out.truncate(start + written);
    Ok(())
}

fn decompress_xerial_snappy(data: &[u8], limit: usize) -> Result<Vec<u8>, RecordError> {
    let Some(mut rest) = data.get(XERIAL_HEADER_SIZE..) else {
        return Err(RecordError::Decompress(
            "xerial snappy header is truncated".into(),
        ));
    };
    let mut out = Vec::new();
    while !rest.is_empty() {
        let Some((length, tail)) = rest.split_first_chunk::<4>() else {
            return Err(RecordError::Decompress(
                "xerial snappy block length is truncated".into(),
            ));
        };
        let length = i32::from_be_bytes(*length);
        let block = usize::try_from(length)
            .ok()
            .and_then(|n| tail.get(..n))
            .ok_or_else(|| RecordError::Decompress(format!("bad xerial block length {length}")))?;
        decompress_raw_snappy(block, limit, &mut out)?;
        rest = &tail[block.len()..];
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        (0..100_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect()
    }

    #[test]
    fn every_codec_round_trips() {
        // Decompressing what `compress` wrote gives back the input, for every codec.
        let input = sample();
        for codec in Compression::ALL {
            let packed = compress(codec, &input).unwrap();
            assert_eq!(
                decompress(codec, &packed, input.len()).unwrap(),
                input,
                "{codec:?}"
            );
        }
    }

    #[test]
    fn output_over_the_limit_is_an_error() {
        // A stream that inflates past `limit` fails with DecompressedTooLarge for every codec.
        let input = vec![0u8; 1 << 20];
        for codec in Compression::ALL {
            let packed = compress(codec, &input).unwrap();
            assert_eq!(
                decompress(codec, &packed, (1 << 20) - 1),
                Err(RecordError::DecompressedTooLarge {
                    limit: (1 << 20) - 1
                }),
                "{codec:?}"
            );
        }
    }

    #[test]
    fn snappy_writes_xerial_framing_and_reads_raw_too() {
        // Snappy output starts with the xerial header, and a raw snappy block also decodes.
        let input = sample();
        let packed = compress(Compression::Snappy, &input).unwrap();
        assert_eq!(&packed[..8], &XERIAL_MAGIC);
        assert_eq!(&packed[8..16], &[0, 0, 0, 1, 0, 0, 0, 1]);
        let raw = snap::raw::Encoder::new().compress_vec(&input).unwrap();
        assert_eq!(
            decompress(Compression::Snappy, &raw, usize::MAX).unwrap(),
            input
        );
    }

    #[test]
    fn snappy_announcing_a_huge_size_is_refused_before_allocating() {
        // A raw snappy preamble claiming ~4 GiB fails against a 1 MiB limit without allocating.
        let hostile = [0xff, 0xff, 0xff, 0xff, 0x0f, 0x00];
        assert_eq!(
            decompress(Compression::Snappy, &hostile, 1 << 20),
            Err(RecordError::DecompressedTooLarge { limit: 1 << 20 })
        );
        let mut xerial = compress(Compression::Snappy, b"abc").unwrap();
        xerial.truncate(XERIAL_HEADER_SIZE);
        xerial.extend_from_slice(&(-5i32).to_be_bytes());
        assert!(matches!(
            decompress(Compression::Snappy, &xerial, 1 << 20),
            Err(RecordError::Decompress(_))
        ));
    }
}
