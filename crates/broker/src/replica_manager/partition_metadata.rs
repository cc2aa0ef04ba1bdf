//! `partition.metadata`: the file in each partition directory naming its topic id, in
//! Kafka's format (`version: 0` and `topic_id: <base64>` lines), so that a topic deleted and
//! re-created under the same name while the broker was down never serves the old topic's
//! records. Topic ids are printed as Kafka prints them: URL-safe base64 without padding.

use std::path::Path;

use strom_metadata::TopicId;

use super::ReplicaError;

/// Name of the per-partition file holding the topic id.
const PARTITION_METADATA: &str = "partition.metadata";

pub fn read_partition_metadata(dir: &Path) -> Option<TopicId> {
    let text = std::fs::read_to_string(dir.join(PARTITION_METADATA)).ok()?;
    let encoded = text.lines().find_map(|l| l.strip_prefix("topic_id: "))?;
    let bytes = base64_url_decode(encoded.trim())?;
    let array: [u8; 16] = bytes.try_into().ok()?;
    Some(TopicId::from_u128(u128::from_be_bytes(array)))
}

pub(super) fn write_partition_metadata(dir: &Path, topic_id: TopicId) -> Result<(), ReplicaError> {
    let text = format!(
        "version: 0\ntopic_id: {}\n",
        base64_url_encode(&topic_id.as_u128().to_be_bytes())
    );
    let path = dir.join(PARTITION_METADATA);
    if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    strom_storage::write_atomically(&path, text.as_bytes()).map_err(ReplicaError::Storage)
}

const BASE64_URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 with the URL-safe alphabet and no padding, as Kafka prints topic ids.
pub fn base64_url_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(BASE64_URL[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn base64_url_decode(text: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes() {
        let v = BASE64_URL.iter().position(|&a| a == c)? as u32;
        bits = (bits << 6) | v;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_ids_round_trip_through_partition_metadata() {
        // The id written into partition.metadata is the id read back.
        let dir = tempfile::tempdir().unwrap();
        let id = TopicId::random();
        write_partition_metadata(dir.path(), id).unwrap();
        assert_eq!(read_partition_metadata(dir.path()), Some(id));
        assert_eq!(base64_url_encode(&[0xfb, 0xff]), "-_8");
    }
}
