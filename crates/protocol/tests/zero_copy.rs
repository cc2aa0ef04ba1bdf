//! Decoding a Produce request never copies its records: the decoded `records` field is a
//! slice of the very buffer the frame arrived in. The same holds for Fetch responses, which
//! our client decodes.

use bytes::Bytes;
use strom_protocol::generated::fetch_response::{FetchableTopicResponse, PartitionData};
use strom_protocol::generated::produce_request::{PartitionProduceData, TopicProduceData};
use strom_protocol::generated::{ApiKey, FetchResponse, ProduceRequest, RequestBody};
use strom_protocol::{Message, generated::ResponseBody};

fn inside(part: &Bytes, whole: &Bytes) -> bool {
    let start = whole.as_ptr() as usize;
    let p = part.as_ptr() as usize;
    p >= start && p + part.len() <= start + whole.len()
}

#[test]
fn produce_records_are_slices_of_the_frame() {
    // At a classic (v3) and a flexible (v9) version the records point into the input.
    for version in [3i16, 9, 11] {
        let request = ProduceRequest {
            acks: 1,
            topic_data: vec![TopicProduceData {
                name: "t".into(),
                partition_data: vec![PartitionProduceData {
                    index: 0,
                    records: Some(Bytes::from(vec![7u8; 4096])),
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        };
        let frame = request.encode_to_bytes(version).unwrap().freeze();
        let RequestBody::Produce(decoded) =
            RequestBody::decode(ApiKey::Produce, version, frame.clone()).unwrap()
        else {
            panic!("decoded as another API");
        };
        let records = decoded.topic_data[0].partition_data[0]
            .records
            .clone()
            .unwrap();
        assert_eq!(records.len(), 4096);
        assert!(inside(&records, &frame), "v{version} records were copied");
    }
}

#[test]
fn fetch_response_records_are_slices_of_the_frame() {
    // Our client reads fetched batches without copying them either.
    let response = FetchResponse {
        responses: vec![FetchableTopicResponse {
            topic: "t".into(),
            partitions: vec![PartitionData {
                records: Some(Bytes::from(vec![9u8; 8192])),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let frame = response.encode_to_bytes(12).unwrap().freeze();
    let ResponseBody::Fetch(decoded) =
        ResponseBody::decode(ApiKey::Fetch, 12, frame.clone()).unwrap()
    else {
        panic!("decoded as another API");
    };
    let records = decoded.responses[0].partitions[0].records.clone().unwrap();
    assert!(inside(&records, &frame), "fetched records were copied");
}
