//! Feeds arbitrary bytes to everything that reads a request off the wire: the frame codec,
//! the header peek and split, and the body decoder of the API and version the header names
//! (and, from the first two input bytes, of any API and version). None of it may panic.
#![no_main]

use bytes::{Bytes, BytesMut};
use libfuzzer_sys::fuzz_target;
use strom_protocol::frame::{FrameCodec, peek_request_header, split_request};
use strom_protocol::generated::{ApiKey, RequestBody, ResponseBody};

fuzz_target!(|data: &[u8]| {
    let mut buf = BytesMut::from(data);
    let codec = FrameCodec::new(1 << 20);
    while let Ok(Some(frame)) = codec.decode(&mut buf) {
        let _ = peek_request_header(&frame);
        if let Ok(request) = split_request(frame) {
            let version = request.header.request_api_version;
            let _ = RequestBody::decode(request.api_key, version, request.body);
        }
    }
    if data.len() >= 2 {
        let key = ApiKey::ALL[usize::from(data[0]) % ApiKey::ALL.len()];
        let (lo, hi) = key.valid_versions();
        let version = lo + i16::from(data[1]) % (hi - lo + 1);
        let body = Bytes::copy_from_slice(&data[2..]);
        let _ = RequestBody::decode(key, version, body.clone());
        let _ = ResponseBody::decode(key, version, body);
    }
});
