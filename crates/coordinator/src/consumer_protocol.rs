//! Reading the embedded `consumer` protocol (`ConsumerProtocolSubscription`) that classic
//! consumers put in their JoinGroup metadata. The coordinator only needs the subscribed topic
//! names, to refuse OffsetDelete on a topic the group reads and to keep those offsets from
//! expiring; anything that does not parse is treated as "unknown".

use bytes::Bytes;
use strom_protocol::Message;
use strom_protocol::generated::ConsumerProtocolSubscription;

/// The topics a consumer subscription names, or `None` if the bytes do not parse.
pub fn subscription_topics(metadata: &Bytes) -> Option<Vec<String>> {
    if metadata.len() < 2 {
        return None;
    }
    let version = i16::from_be_bytes([metadata[0], metadata[1]]);
    // Newer clients may write versions this crate does not know; the topics field leads
    // every version, so read them as the highest known version.
    let version = version.clamp(0, ConsumerProtocolSubscription::HIGHEST_VERSION);
    let mut reader = strom_protocol::Reader::new(metadata.slice(2..));
    use strom_protocol::WireStruct;
    ConsumerProtocolSubscription::read(&mut reader, version)
        .ok()
        .map(|s| s.topics)
}
