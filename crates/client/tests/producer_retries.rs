//! An idempotent producer's retries against a scripted broker that follows Kafka's
//! sequence rules: when one batch of a partition is refused as retriable while later ones are
//! in flight, the later ones are refused as out of order, and the producer sends them all
//! again in order with their original sequence numbers; a batch written whose answer was lost
//! with the connection is answered DUPLICATE_SEQUENCE_NUMBER on resend and counts as
//! delivered. The log ends up with every sequence once, in order.

use bytes::{Bytes, BytesMut};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use strom_client::{Acks, Client, ClientConfig, Producer, ProducerConfig, ProducerRecord};
use strom_protocol::ErrorCode;
use strom_protocol::frame::{FrameCodec, encode_response, split_request};
use strom_protocol::generated::api_versions_response::ApiVersion;
use strom_protocol::generated::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use strom_protocol::generated::produce_response::{PartitionProduceResponse, TopicProduceResponse};
use strom_protocol::generated::{
    ApiKey, ApiVersionsResponse, InitProducerIdResponse, MetadataResponse, ProduceResponse,
    RequestBody, ResponseBody,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const TOPIC: &str = "scripted";
/// Where a record batch v2 keeps its base sequence and its record count.
const BASE_SEQUENCE_AT: usize = 53;
const RECORDS_COUNT_AT: usize = 57;

/// The scripted broker's one partition and what happened to it.
#[derive(Default)]
struct Script {
    /// Sequence number of each record in the log, in log order.
    log: Vec<i32>,
    /// First sequence of each batch written -> its base offset.
    written: HashMap<i32, i64>,
    /// Refuse the first batch at or past this sequence once, NOT_LEADER_OR_FOLLOWER.
    refuse_from: i32,
    refused: bool,
    /// Write the first batch at or past this sequence, then drop the connection unanswered.
    drop_from: i32,
    dropped: bool,
    out_of_order: u32,
    duplicates: u32,
}

enum Verdict {
    Answer(ResponseBody),
    /// Refuse, after a pause that lets the client put its later batches on the wire.
    AnswerLater(ResponseBody),
    Hangup,
}

fn produce_answer(error: ErrorCode, base_offset: i64) -> ResponseBody {
    ResponseBody::Produce(ProduceResponse {
        responses: vec![TopicProduceResponse {
            name: TOPIC.into(),
            partition_responses: vec![PartitionProduceResponse {
                index: 0,
                error_code: error.code(),
                base_offset,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    })
}

fn be_i32(bytes: &[u8], at: usize) -> i32 {
    i32::from_be_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

/// Kafka's sequence check for one batch: the next expected sequence is appended, an old
/// one is a duplicate, a later one is out of order.
fn produce(script: &mut Script, records: &Bytes) -> Verdict {
    let base_sequence = be_i32(records, BASE_SEQUENCE_AT);
    let count = be_i32(records, RECORDS_COUNT_AT);
    if let Some(&offset) = script.written.get(&base_sequence) {
        script.duplicates += 1;
        return Verdict::Answer(produce_answer(ErrorCode::DuplicateSequenceNumber, offset));
    }
    let expected = script.log.last().map_or(0, |s| s + 1);
    if base_sequence != expected {
        script.out_of_order += 1;
        return Verdict::Answer(produce_answer(ErrorCode::OutOfOrderSequenceNumber, -1));
    }
    if !script.refused && base_sequence >= script.refuse_from {
        script.refused = true;
        return Verdict::AnswerLater(produce_answer(ErrorCode::NotLeaderOrFollower, -1));
    }
    let offset = script.log.len() as i64;
    script.written.insert(base_sequence, offset);
    script.log.extend(base_sequence..base_sequence + count);
    if !script.dropped && base_sequence >= script.drop_from {
        script.dropped = true;
        return Verdict::Hangup;
    }
    Verdict::Answer(produce_answer(ErrorCode::None, offset))
}

fn answer(body: RequestBody, port: u16, script: &Mutex<Script>) -> Verdict {
    let answer = match body {
        RequestBody::ApiVersions(_) => ResponseBody::ApiVersions(ApiVersionsResponse {
            api_keys: [
                ApiKey::ApiVersions,
                ApiKey::Metadata,
                ApiKey::InitProducerId,
                ApiKey::Produce,
            ]
            .into_iter()
            .map(|api| ApiVersion {
                api_key: api as i16,
                min_version: api.valid_versions().0,
                max_version: api.valid_versions().1,
                ..Default::default()
            })
            .collect(),
            ..Default::default()
        }),
        RequestBody::Metadata(_) => ResponseBody::Metadata(MetadataResponse {
            brokers: vec![MetadataResponseBroker {
                node_id: 0,
                host: "127.0.0.1".into(),
                port: i32::from(port),
                ..Default::default()
            }],
            topics: vec![MetadataResponseTopic {
                name: Some(TOPIC.into()),
                partitions: vec![MetadataResponsePartition {
                    partition_index: 0,
                    leader_id: 0,
                    replica_nodes: vec![0],
                    isr_nodes: vec![0],
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        }),
        RequestBody::InitProducerId(_) => ResponseBody::InitProducerId(InitProducerIdResponse {
            producer_id: 7,
            producer_epoch: 0,
            ..Default::default()
        }),
        RequestBody::Produce(p) => {
            let records = p.topic_data[0].partition_data[0]
                .records
                .clone()
                .expect("records");
            return produce(&mut script.lock().expect("script"), &records);
        }
        _ => panic!("the scripted broker got an unexpected request"),
    };
    Verdict::Answer(answer)
}

/// Serves one connection, a request at a time, answers in request order (as Kafka does).
async fn serve(mut socket: TcpStream, port: u16, script: Arc<Mutex<Script>>) {
    let codec = FrameCodec::new(64 * 1024 * 1024);
    let mut buf = BytesMut::new();
    loop {
        while let Some(frame) = codec.decode(&mut buf).expect("frame") {
            let request = split_request(frame).expect("request");
            let version = request.header.request_api_version;
            let body =
                RequestBody::decode(request.api_key, version, request.body).expect("request body");
            let body = match answer(body, port, &script) {
                Verdict::Answer(body) => body,
                Verdict::AnswerLater(body) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    body
                }
                Verdict::Hangup => return,
            };
            let id = request.header.correlation_id;
            let frame = encode_response(request.api_key, version, id, &body).expect("encode");
            if socket.write_all(&frame).await.is_err() {
                return;
            }
        }
        match socket.read_buf(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_and_lost_batches_are_resent_in_order_with_their_sequences() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let script = Arc::new(Mutex::new(Script {
        refuse_from: 300,
        drop_from: 1200,
        ..Default::default()
    }));
    let accept_script = Arc::clone(&script);
    let server = tokio::spawn(async move {
        loop {
            let (socket, _) = listener.accept().await.expect("accept");
            tokio::spawn(serve(socket, addr.port(), Arc::clone(&accept_script)));
        }
    });
    let client = Client::connect(&addr.to_string(), ClientConfig::default())
        .await
        .expect("connect");
    let config = ProducerConfig {
        acks: Acks::All,
        idempotent: true,
        linger: Duration::ZERO,
        batch_size: 10 * 116,
        max_in_flight: 5,
        retry_backoff: Duration::from_millis(10),
        ..Default::default()
    };
    let producer = Producer::new(Arc::new(client), config)
        .await
        .expect("producer");
    let count = 2000;
    let mut pending = Vec::new();
    for _ in 0..count {
        let record = ProducerRecord {
            topic: TOPIC.into(),
            partition: Some(0),
            value: Some(Bytes::from(vec![b'v'; 100])),
            ..Default::default()
        };
        pending.push(producer.send(record).await.expect("queue"));
    }
    producer.flush().await;
    for (n, rx) in pending.into_iter().enumerate() {
        let receipt = rx
            .await
            .expect("an outcome")
            .unwrap_or_else(|e| panic!("record {n} failed: {e}"));
        assert_eq!(
            receipt.offset, n as i64,
            "record {n} sits at its own offset"
        );
    }
    let script = script.lock().expect("script");
    assert_eq!(
        script.log,
        (0..count).collect::<Vec<i32>>(),
        "every sequence once, in order"
    );
    assert!(
        script.refused && script.dropped,
        "both faults were injected"
    );
    assert!(
        script.out_of_order > 0,
        "batches behind the refused one were in flight"
    );
    assert!(
        script.duplicates > 0,
        "the batch written before the hangup was resent"
    );
    server.abort();
}
