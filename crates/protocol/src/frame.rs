//! Frames, request headers and the answer to an ApiVersions request we cannot parse.
//!
//! On the wire every request and response is a frame: a big-endian `i32` size, then that many
//! bytes. A request frame starts with the request header (api key `i16`, api version `i16`,
//! correlation id `i32`, then from header v1 a classic nullable client id string, then from
//! header v2 a tagged-field section) followed by the body. A response frame starts with the
//! correlation id, then from header v1 a tagged-field section, then the body.
//!
//! The size is checked against a configured maximum before a byte of the frame is buffered,
//! so a peer cannot make us reserve memory by announcing a large frame.

use crate::error::ErrorCode;
use crate::generated::{
    ApiKey, ApiVersionsResponse, RequestHeader, ResponseBody, ResponseHeader,
    api_versions_response::ApiVersion,
};
use crate::wire::{Message, Reader, WireError, WireStruct};
use bytes::{Buf, BufMut, Bytes, BytesMut};

/// Bytes of the size prefix in front of every frame.
pub const FRAME_SIZE_PREFIX: usize = 4;

/// Kafka's default for `socket.request.max.bytes` (100 MiB).
pub const DEFAULT_MAX_FRAME_BYTES: usize = 100 * 1024 * 1024;

/// Splits a byte stream into frames, refusing any frame larger than `max_frame_bytes`.
#[derive(Debug, Clone, Copy)]
pub struct FrameCodec {
    pub max_frame_bytes: usize,
}

impl Default for FrameCodec {
    fn default() -> Self {
        FrameCodec {
            max_frame_bytes: DEFAULT_MAX_FRAME_BYTES,
        }
    }
}

impl FrameCodec {
    pub fn new(max_frame_bytes: usize) -> Self {
        FrameCodec { max_frame_bytes }
    }

    /// The size a frame announces, checked, once its prefix has arrived; `None` before that.
    pub fn peek_size(&self, buf: &[u8]) -> Result<Option<usize>, WireError> {
        let Some(prefix) = buf.get(..FRAME_SIZE_PREFIX) else {
            return Ok(None);
        };
        let size = i32::from_be_bytes([prefix[0], prefix[1], prefix[2], prefix[3]]);
        if size < 0 {
            return Err(WireError::InvalidLength {
                what: "frame size",
                length: size.into(),
            });
        }
        if size as usize > self.max_frame_bytes {
            return Err(WireError::FrameTooLarge {
                size: size.into(),
                max: self.max_frame_bytes,
            });
        }
        Ok(Some(size as usize))
    }

    /// Takes one whole frame (without its prefix) off the front of `buf`, if it has arrived.
    pub fn decode(&self, buf: &mut BytesMut) -> Result<Option<Bytes>, WireError> {
        let Some(size) = self.peek_size(buf)? else {
            return Ok(None);
        };
        if buf.len() < FRAME_SIZE_PREFIX + size {
            // Reserve only what the announced (and already bounded) frame still needs.
            buf.reserve(FRAME_SIZE_PREFIX + size - buf.len());
            return Ok(None);
        }
        buf.advance(FRAME_SIZE_PREFIX);
        Ok(Some(buf.split_to(size).freeze()))
    }
}

/// The fixed start of a request header, readable for any API key and version, even ones we
/// do not know: enough to route the request or to answer it with an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderPeek {
    pub api_key: i16,
    pub api_version: i16,
    pub correlation_id: i32,
    /// The client id, when the frame has one that can be read (header v1 and later, the only
    /// request headers Kafka 4 accepts; the retired ControlledShutdown v0 used header v0).
    pub client_id: Option<String>,
}

/// Reads api key, version, correlation id and client id without touching the body.
pub fn peek_request_header(frame: &Bytes) -> Result<HeaderPeek, WireError> {
    let mut r = Reader::new(frame.clone());
    let api_key = r.i16()?;
    let api_version = r.i16()?;
    let correlation_id = r.i32()?;
    let client_id = r.nullable_string(false, "client id").unwrap_or(None);
    Ok(HeaderPeek {
        api_key,
        api_version,
        correlation_id,
        client_id,
    })
}

/// A request split into its decoded header and its undecoded body.
#[derive(Debug, Clone)]
pub struct RequestFrame {
    pub api_key: ApiKey,
    pub header: RequestHeader,
    /// The body, a slice of the frame: decoding it later copies nothing but what it must.
    pub body: Bytes,
}

/// Why a request frame could not be split into header and body.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RequestFrameError {
    #[error("unknown api key {api_key}")]
    UnknownApiKey { peek: HeaderPeek, api_key: i16 },
    #[error("unsupported version {api_version} of api key {api_key}")]
    UnsupportedVersion {
        peek: HeaderPeek,
        api_key: i16,
        api_version: i16,
    },
    #[error("malformed request header: {0}")]
    Malformed(#[from] WireError),
}

/// Decodes the request header at the header version its API and version call for.
pub fn split_request(frame: Bytes) -> Result<RequestFrame, RequestFrameError> {
    let peek = peek_request_header(&frame)?;
    let Some(api_key) = ApiKey::from_i16(peek.api_key) else {
        return Err(RequestFrameError::UnknownApiKey {
            api_key: peek.api_key,
            peek,
        });
    };
    let (lo, hi) = api_key.valid_versions();
    if !(lo..=hi).contains(&peek.api_version) {
        return Err(RequestFrameError::UnsupportedVersion {
            api_key: peek.api_key,
            api_version: peek.api_version,
            peek,
        });
    }
    let mut r = Reader::new(frame);
    let header = RequestHeader::read(&mut r, api_key.request_header_version(peek.api_version))?;
    Ok(RequestFrame {
        api_key,
        header,
        body: r.into_bytes(),
    })
}

/// Encodes a whole response frame: size prefix, response header, body.
pub fn encode_response(
    api_key: ApiKey,
    api_version: i16,
    correlation_id: i32,
    body: &ResponseBody,
) -> Result<BytesMut, WireError> {
    let header = ResponseHeader {
        correlation_id,
        ..ResponseHeader::default()
    };
    let header_version = api_key.response_header_version(api_version);
    let mut w = BytesMut::with_capacity(64);
    w.put_i32(0);
    header.encode_into(&mut w, header_version)?;
    body.encode_into(&mut w, api_version)?;
    let size = w.len() - FRAME_SIZE_PREFIX;
    let size = i32::try_from(size).map_err(|_| WireError::TooLarge {
        what: "response",
        size,
    })?;
    w[..FRAME_SIZE_PREFIX].copy_from_slice(&size.to_be_bytes());
    Ok(w)
}

/// Encodes a whole request frame: size prefix, request header, body (for our client).
pub fn encode_request(
    header: &RequestHeader,
    body: &crate::generated::RequestBody,
) -> Result<BytesMut, WireError> {
    let api_key = body.api_key();
    let version = header.request_api_version;
    let mut w = BytesMut::with_capacity(64);
    w.put_i32(0);
    header.encode_into(&mut w, api_key.request_header_version(version))?;
    body.encode_into(&mut w, version)?;
    let size = w.len() - FRAME_SIZE_PREFIX;
    let size = i32::try_from(size).map_err(|_| WireError::TooLarge {
        what: "request",
        size,
    })?;
    w[..FRAME_SIZE_PREFIX].copy_from_slice(&size.to_be_bytes());
    Ok(w)
}

/// The answer to an ApiVersions request of a version newer than we know (KIP-511): a v0
/// response with `UNSUPPORTED_VERSION` that still lists our ranges, so the client can pick a
/// version we speak and ask again. Returned as a whole frame.
pub fn api_versions_fallback(correlation_id: i32, supported: &[(ApiKey, i16, i16)]) -> BytesMut {
    let body = ApiVersionsResponse {
        error_code: ErrorCode::UnsupportedVersion.code(),
        api_keys: supported
            .iter()
            .map(|&(key, min_version, max_version)| ApiVersion {
                api_key: key as i16,
                min_version,
                max_version,
                ..ApiVersion::default()
            })
            .collect(),
        ..ApiVersionsResponse::default()
    };
    // A v0 body of a few hundred entries always fits the classic encoding.
    encode_response(
        ApiKey::ApiVersions,
        0,
        correlation_id,
        &ResponseBody::ApiVersions(body),
    )
    .expect("ApiVersions v0 fallback is always encodable")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generated::{MetadataRequest, RequestBody};

    fn frame_of(bytes: &[u8]) -> BytesMut {
        let mut b = BytesMut::new();
        b.put_i32(bytes.len() as i32);
        b.put_slice(bytes);
        b
    }

    #[test]
    fn frames_are_cut_only_when_whole() {
        // A frame is returned only once every byte it announced has arrived, and the
        // bytes after it stay in the buffer.
        let codec = FrameCodec::new(1024);
        let mut buf = frame_of(b"hello");
        buf.put_slice(&[0, 0]);
        assert_eq!(
            codec.decode(&mut buf).unwrap().unwrap(),
            Bytes::from_static(b"hello")
        );
        assert_eq!(codec.decode(&mut buf).unwrap(), None);
        assert_eq!(buf.len(), 2);
    }

    #[test]
    fn oversized_and_negative_frames_are_refused_before_buffering() {
        // A frame larger than the maximum, or with a negative size, is an error as soon as
        // its 4-byte prefix is read.
        let codec = FrameCodec::new(16);
        let mut big = BytesMut::from(&[0x7f, 0xff, 0xff, 0xff][..]);
        assert!(matches!(
            codec.decode(&mut big),
            Err(WireError::FrameTooLarge { .. })
        ));
        assert!(big.capacity() < 1024);
        let mut negative = BytesMut::from(&[0xff, 0xff, 0xff, 0xfe][..]);
        assert!(matches!(
            codec.decode(&mut negative),
            Err(WireError::InvalidLength { .. })
        ));
    }

    #[test]
    fn request_header_and_body_split_at_the_right_header_version() {
        // A flexible Metadata v12 request (header v2) and a classic v4 one (header v1) both
        // come back with their header fields and an undecoded body that decodes.
        for version in [4i16, 12] {
            let header = RequestHeader {
                request_api_key: ApiKey::Metadata as i16,
                request_api_version: version,
                correlation_id: 77,
                client_id: Some("tester".into()),
                ..RequestHeader::default()
            };
            let body = RequestBody::Metadata(MetadataRequest::default());
            let mut frame = encode_request(&header, &body).unwrap();
            let bytes = FrameCodec::default().decode(&mut frame).unwrap().unwrap();
            let peek = peek_request_header(&bytes).unwrap();
            assert_eq!(peek.correlation_id, 77);
            assert_eq!(peek.client_id.as_deref(), Some("tester"));
            let split = split_request(bytes).unwrap();
            assert_eq!(split.header, header);
            let decoded = RequestBody::decode(split.api_key, version, split.body).unwrap();
            assert_eq!(decoded, body);
        }
    }

    #[test]
    fn unknown_api_key_and_version_are_reported_with_the_peeked_header() {
        // Unknown keys and versions do not fail silently: the caller learns the correlation
        // id it needs to answer.
        let mut raw = BytesMut::new();
        raw.put_i16(999);
        raw.put_i16(0);
        raw.put_i32(5);
        raw.put_i16(-1);
        match split_request(raw.freeze()) {
            Err(RequestFrameError::UnknownApiKey { peek, .. }) => {
                assert_eq!(peek.correlation_id, 5)
            }
            other => panic!("expected unknown api key, got {other:?}"),
        }
        let mut raw = BytesMut::new();
        raw.put_i16(ApiKey::ApiVersions as i16);
        raw.put_i16(99);
        raw.put_i32(6);
        match split_request(raw.freeze()) {
            Err(RequestFrameError::UnsupportedVersion { api_version, .. }) => {
                assert_eq!(api_version, 99)
            }
            other => panic!("expected unsupported version, got {other:?}"),
        }
    }

    #[test]
    fn api_versions_fallback_is_a_v0_response_listing_our_ranges() {
        // The KIP-511 fallback decodes as ApiVersions v0 with UNSUPPORTED_VERSION and our
        // ranges, behind a v0 response header carrying the correlation id.
        let mut frame =
            api_versions_fallback(42, &[(ApiKey::Produce, 3, 11), (ApiKey::Fetch, 4, 17)]);
        let bytes = FrameCodec::default().decode(&mut frame).unwrap().unwrap();
        let mut r = Reader::new(bytes);
        assert_eq!(r.i32().unwrap(), 42);
        let body = ApiVersionsResponse::read(&mut r, 0).unwrap();
        assert_eq!(r.remaining(), 0);
        assert_eq!(body.error_code, 35);
        assert_eq!(body.api_keys.len(), 2);
        assert_eq!(
            (body.api_keys[1].api_key, body.api_keys[1].max_version),
            (1, 17)
        );
    }
}
