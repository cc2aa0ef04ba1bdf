//! Primitive encodings of the Kafka wire protocol and the error type for bad input.
//!
//! Every decoder reads from a [`Reader`] over a `Bytes` buffer and checks each length and
//! count against the bytes that remain *before* it allocates or reads, so a frame that lies
//! about its contents costs at most what the frame itself weighs. Byte fields and record
//! sets are returned as slices of the input buffer, never copied.
//!
//! Encoding is two passes: the generated `encoded_size` walks the message, validates it for
//! the target version and returns the exact size; `encode` then writes into one buffer that
//! was allocated once with that size.

use bytes::{Buf, BufMut, Bytes, BytesMut};

/// Why some bytes could not be decoded, or a value could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    #[error("truncated input: {what} needs {needed} bytes but only {remaining} remain")]
    Truncated {
        what: &'static str,
        needed: usize,
        remaining: usize,
    },
    #[error("invalid length {length} for {what}")]
    InvalidLength { what: &'static str, length: i64 },
    #[error("{what} is not valid UTF-8")]
    InvalidUtf8 { what: &'static str },
    #[error("{what} is null but the version does not allow null")]
    UnexpectedNull { what: &'static str },
    #[error("variable-length integer is longer than its type allows")]
    VarintTooLong,
    #[error("{message} does not exist in version {version}")]
    UnsupportedVersion { message: &'static str, version: i16 },
    #[error("field {field} of {message} has a value that version {version} cannot carry")]
    FieldNotSupported {
        message: &'static str,
        field: &'static str,
        version: i16,
    },
    #[error("{what} is too large to encode ({size})")]
    TooLarge { what: &'static str, size: usize },
    #[error("unknown api key {0}")]
    UnknownApiKey(i16),
    #[error("frame of {size} bytes is larger than the maximum of {max}")]
    FrameTooLarge { size: i64, max: usize },
    #[error("{what}")]
    Invalid { what: &'static str },
}

/// Elements an array decode reserves before it has decoded any.
pub const MAX_ARRAY_PREALLOCATION: usize = 64;

/// A 128-bit id as Kafka carries it (topic ids, directory ids): 16 bytes, big-endian.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Uuid(pub [u8; 16]);

impl Uuid {
    pub const ZERO: Uuid = Uuid([0; 16]);

    pub fn from_u128(value: u128) -> Self {
        Uuid(value.to_be_bytes())
    }

    pub fn as_u128(&self) -> u128 {
        u128::from_be_bytes(self.0)
    }

    pub fn is_zero(&self) -> bool {
        self.0 == [0; 16]
    }
}

impl std::fmt::Debug for Uuid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Uuid({:032x})", self.as_u128())
    }
}

/// A tagged field this code does not know, kept so that it survives a decode and re-encode.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawTaggedField {
    pub tag: u32,
    pub data: Bytes,
}

/// A cursor over received bytes that never reads past the end and never trusts a length.
#[derive(Debug, Clone)]
pub struct Reader {
    buf: Bytes,
}

impl Reader {
    pub fn new(buf: Bytes) -> Self {
        Reader { buf }
    }

    pub fn remaining(&self) -> usize {
        self.buf.len()
    }

    /// The bytes not read yet.
    pub fn into_bytes(self) -> Bytes {
        self.buf
    }

    fn need(&self, needed: usize, what: &'static str) -> Result<(), WireError> {
        if self.buf.len() < needed {
            return Err(WireError::Truncated {
                what,
                needed,
                remaining: self.buf.len(),
            });
        }
        Ok(())
    }

    /// Splits off the next `n` bytes without copying them.
    pub fn take(&mut self, n: usize, what: &'static str) -> Result<Bytes, WireError> {
        self.need(n, what)?;
        Ok(self.buf.split_to(n))
    }

    /// A reader over exactly the next `n` bytes, which this reader skips.
    pub fn sub_reader(&mut self, n: usize, what: &'static str) -> Result<Reader, WireError> {
        Ok(Reader::new(self.take(n, what)?))
    }

    pub fn i8(&mut self) -> Result<i8, WireError> {
        self.need(1, "int8")?;
        Ok(self.buf.get_i8())
    }

    pub fn bool(&mut self) -> Result<bool, WireError> {
        Ok(self.i8()? != 0)
    }

    pub fn i16(&mut self) -> Result<i16, WireError> {
        self.need(2, "int16")?;
        Ok(self.buf.get_i16())
    }

    pub fn u16(&mut self) -> Result<u16, WireError> {
        self.need(2, "uint16")?;
        Ok(self.buf.get_u16())
    }

    pub fn i32(&mut self) -> Result<i32, WireError> {
        self.need(4, "int32")?;
        Ok(self.buf.get_i32())
    }

    pub fn u32(&mut self) -> Result<u32, WireError> {
        self.need(4, "uint32")?;
        Ok(self.buf.get_u32())
    }

    pub fn i64(&mut self) -> Result<i64, WireError> {
        self.need(8, "int64")?;
        Ok(self.buf.get_i64())
    }

    pub fn f64(&mut self) -> Result<f64, WireError> {
        self.need(8, "float64")?;
        Ok(self.buf.get_f64())
    }

    pub fn uuid(&mut self) -> Result<Uuid, WireError> {
        self.need(16, "uuid")?;
        let mut id = [0u8; 16];
        self.buf.copy_to_slice(&mut id);
        Ok(Uuid(id))
    }

    /// An unsigned LEB128 integer of at most 32 bits (5 bytes).
    pub fn unsigned_varint(&mut self) -> Result<u32, WireError> {
        let mut value: u32 = 0;
        for i in 0..5 {
            self.need(1, "varint")?;
            let byte = self.buf.get_u8();
            if i == 4 && byte > 0x0f {
                return Err(WireError::VarintTooLong);
            }
            value |= u32::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(WireError::VarintTooLong)
    }

    /// An unsigned LEB128 integer of at most 64 bits (10 bytes).
    pub fn unsigned_varlong(&mut self) -> Result<u64, WireError> {
        let mut value: u64 = 0;
        for i in 0..10 {
            self.need(1, "varlong")?;
            let byte = self.buf.get_u8();
            if i == 9 && byte > 0x01 {
                return Err(WireError::VarintTooLong);
            }
            value |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(WireError::VarintTooLong)
    }

    /// A zigzag-encoded signed 32-bit varint, as record fields use.
    pub fn varint(&mut self) -> Result<i32, WireError> {
        let raw = self.unsigned_varint()?;
        Ok(((raw >> 1) as i32) ^ -((raw & 1) as i32))
    }

    /// A zigzag-encoded signed 64-bit varint.
    pub fn varlong(&mut self) -> Result<i64, WireError> {
        let raw = self.unsigned_varlong()?;
        Ok(((raw >> 1) as i64) ^ -((raw & 1) as i64))
    }

    /// The length prefix of a string, bytes or array: `None` for null.
    /// Compact forms store length + 1 as an unsigned varint; classic forms a signed int.
    fn length(&mut self, compact: bool, wide: bool) -> Result<Option<usize>, WireError> {
        let length: i64 = if compact {
            i64::from(self.unsigned_varint()?) - 1
        } else if wide {
            i64::from(self.i32()?)
        } else {
            i64::from(self.i16()?)
        };
        match length {
            -1 => Ok(None),
            n if n < -1 => Err(WireError::InvalidLength {
                what: "length prefix",
                length: n,
            }),
            n => Ok(Some(n as usize)),
        }
    }

    pub fn nullable_string(
        &mut self,
        compact: bool,
        what: &'static str,
    ) -> Result<Option<String>, WireError> {
        let Some(len) = self.length(compact, false)? else {
            return Ok(None);
        };
        let raw = self.take(len, what)?;
        match std::str::from_utf8(&raw) {
            Ok(s) => Ok(Some(s.to_owned())),
            Err(_) => Err(WireError::InvalidUtf8 { what }),
        }
    }

    pub fn string(&mut self, compact: bool, what: &'static str) -> Result<String, WireError> {
        self.nullable_string(compact, what)?
            .ok_or(WireError::UnexpectedNull { what })
    }

    pub fn nullable_bytes(
        &mut self,
        compact: bool,
        what: &'static str,
    ) -> Result<Option<Bytes>, WireError> {
        match self.length(compact, true)? {
            None => Ok(None),
            Some(len) => Ok(Some(self.take(len, what)?)),
        }
    }

    pub fn bytes(&mut self, compact: bool, what: &'static str) -> Result<Bytes, WireError> {
        self.nullable_bytes(compact, what)?
            .ok_or(WireError::UnexpectedNull { what })
    }

    /// Reads an array whose elements each take at least `min_element_size` bytes on the wire.
    /// The count is checked against the remaining bytes before any element is allocated.
    pub fn nullable_array<T>(
        &mut self,
        compact: bool,
        min_element_size: usize,
        what: &'static str,
        mut element: impl FnMut(&mut Reader) -> Result<T, WireError>,
    ) -> Result<Option<Vec<T>>, WireError> {
        let Some(count) = self.length(compact, true)? else {
            return Ok(None);
        };
        let floor = min_element_size.max(1);
        if count > self.remaining() / floor {
            return Err(WireError::InvalidLength {
                what,
                length: count as i64,
            });
        }
        // Reserve only a bounded prefix up front: further room is paid for by elements that
        // actually decoded (each consumed at least `floor` bytes), so a count that lies costs
        // no more than the bytes behind it.
        let mut items = Vec::with_capacity(count.min(MAX_ARRAY_PREALLOCATION));
        for _ in 0..count {
            items.push(element(self)?);
        }
        Ok(Some(items))
    }

    pub fn array<T>(
        &mut self,
        compact: bool,
        min_element_size: usize,
        what: &'static str,
        element: impl FnMut(&mut Reader) -> Result<T, WireError>,
    ) -> Result<Vec<T>, WireError> {
        self.nullable_array(compact, min_element_size, what, element)?
            .ok_or(WireError::UnexpectedNull { what })
    }

    /// Reads a tagged-field section, handing each field to `known` and keeping the fields
    /// it does not claim (it returns `Ok(false)` for those) in `unknown`.
    pub fn tagged_fields(
        &mut self,
        unknown: &mut Vec<RawTaggedField>,
        mut known: impl FnMut(u32, &mut Reader) -> Result<bool, WireError>,
    ) -> Result<(), WireError> {
        let count = self.unsigned_varint()?;
        // Each tagged field takes at least two bytes (tag and size).
        if count as usize > self.remaining() / 2 {
            return Err(WireError::InvalidLength {
                what: "tagged fields",
                length: count.into(),
            });
        }
        for _ in 0..count {
            let tag = self.unsigned_varint()?;
            let size = self.unsigned_varint()? as usize;
            let mut field = self.sub_reader(size, "tagged field")?;
            if !known(tag, &mut field)? {
                unknown.push(RawTaggedField {
                    tag,
                    data: field.into_bytes(),
                });
            }
        }
        Ok(())
    }

    /// Fails unless every byte has been consumed.
    pub fn finish(&self, what: &'static str) -> Result<(), WireError> {
        if self.buf.is_empty() {
            Ok(())
        } else {
            Err(WireError::Invalid { what })
        }
    }
}

/// Size of an unsigned varint.
pub const fn unsigned_varint_size(value: u32) -> usize {
    match value {
        0..=0x7f => 1,
        0x80..=0x3fff => 2,
        0x4000..=0x1f_ffff => 3,
        0x20_0000..=0xfff_ffff => 4,
        _ => 5,
    }
}

pub const fn unsigned_varlong_size(mut value: u64) -> usize {
    let mut size = 1;
    while value >= 0x80 {
        value >>= 7;
        size += 1;
    }
    size
}

pub const fn varint_size(value: i32) -> usize {
    unsigned_varint_size(((value << 1) ^ (value >> 31)) as u32)
}

pub const fn varlong_size(value: i64) -> usize {
    unsigned_varlong_size(((value << 1) ^ (value >> 63)) as u64)
}

/// Size of a length prefix (string, bytes or array) for `len` items, or null for `None`.
pub fn length_prefix_size(compact: bool, wide: bool, len: Option<usize>) -> usize {
    match (compact, len) {
        (true, None) => 1,
        (true, Some(n)) => unsigned_varint_size((n as u32).wrapping_add(1)),
        (false, _) if wide => 4,
        (false, _) => 2,
    }
}

/// Checks that a string, bytes or array length fits its prefix.
pub fn check_length(
    compact: bool,
    wide: bool,
    len: usize,
    what: &'static str,
) -> Result<(), WireError> {
    let max = if compact {
        u32::MAX as usize - 1
    } else if wide {
        i32::MAX as usize
    } else {
        i16::MAX as usize
    };
    if len > max {
        Err(WireError::TooLarge { what, size: len })
    } else {
        Ok(())
    }
}

/// Size of the tagged-field section made of `fields` (tag, payload size) pairs.
pub fn tagged_section_size(fields: impl Iterator<Item = (u32, usize)>) -> usize {
    let mut count = 0u32;
    let mut total = 0;
    for (tag, size) in fields {
        count += 1;
        total += unsigned_varint_size(tag) + unsigned_varint_size(size as u32) + size;
    }
    unsigned_varint_size(count) + total
}

/// Appends primitive encodings to a buffer already sized by `encoded_size`.
pub trait WriteExt: BufMut {
    fn put_unsigned_varint(&mut self, mut value: u32) {
        while value >= 0x80 {
            self.put_u8((value as u8 & 0x7f) | 0x80);
            value >>= 7;
        }
        self.put_u8(value as u8);
    }

    fn put_unsigned_varlong(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.put_u8((value as u8 & 0x7f) | 0x80);
            value >>= 7;
        }
        self.put_u8(value as u8);
    }

    fn put_varint(&mut self, value: i32) {
        self.put_unsigned_varint(((value << 1) ^ (value >> 31)) as u32);
    }

    fn put_varlong(&mut self, value: i64) {
        self.put_unsigned_varlong(((value << 1) ^ (value >> 63)) as u64);
    }

    fn put_length(&mut self, compact: bool, wide: bool, len: Option<usize>) {
        match (compact, len) {
            (true, None) => self.put_u8(0),
            (true, Some(n)) => self.put_unsigned_varint(n as u32 + 1),
            (false, None) if wide => self.put_i32(-1),
            (false, None) => self.put_i16(-1),
            (false, Some(n)) if wide => self.put_i32(n as i32),
            (false, Some(n)) => self.put_i16(n as i16),
        }
    }

    fn put_nullable_string(&mut self, compact: bool, value: Option<&str>) {
        self.put_length(compact, false, value.map(str::len));
        if let Some(s) = value {
            self.put_slice(s.as_bytes());
        }
    }

    fn put_nullable_bytes(&mut self, compact: bool, value: Option<&[u8]>) {
        self.put_length(compact, true, value.map(<[u8]>::len));
        if let Some(b) = value {
            self.put_slice(b);
        }
    }

    fn put_uuid(&mut self, value: &Uuid) {
        self.put_slice(&value.0);
    }

    fn put_bool(&mut self, value: bool) {
        self.put_u8(u8::from(value));
    }
}

impl<B: BufMut + ?Sized> WriteExt for B {}

/// A message or struct of the protocol: decoded and encoded at a given version.
pub trait WireStruct: Sized + Default + Clone + PartialEq + std::fmt::Debug {
    fn read(r: &mut Reader, version: i16) -> Result<Self, WireError>;
    /// The fewest bytes an instance can take at `version`: bounds array counts on decode.
    fn min_size(version: i16) -> usize;
    /// The exact encoded size at `version`; fails if the value cannot be carried by it.
    fn size(&self, version: i16) -> Result<usize, WireError>;
    /// Writes the value; call `size` first, which validates it.
    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), WireError>;
}

/// A top-level message of the specs (a request, a response, a header or a data record).
pub trait Message: WireStruct {
    const NAME: &'static str;
    const LOWEST_VERSION: i16;
    const HIGHEST_VERSION: i16;
    /// The first flexible version, if any.
    const FLEXIBLE_FROM: Option<i16>;

    fn check_version(version: i16) -> Result<(), WireError> {
        if (Self::LOWEST_VERSION..=Self::HIGHEST_VERSION).contains(&version) {
            Ok(())
        } else {
            Err(WireError::UnsupportedVersion {
                message: Self::NAME,
                version,
            })
        }
    }

    /// Decodes a whole message from `buf` at `version`.
    fn decode(buf: Bytes, version: i16) -> Result<Self, WireError> {
        Self::check_version(version)?;
        let mut r = Reader::new(buf);
        Self::read(&mut r, version)
    }

    /// Encodes the message into one exactly-sized buffer.
    fn encode_to_bytes(&self, version: i16) -> Result<BytesMut, WireError> {
        Self::check_version(version)?;
        let size = self.size(version)?;
        let mut w = BytesMut::with_capacity(size);
        self.write(&mut w, version)?;
        debug_assert_eq!(
            w.len(),
            size,
            "encoded size of {} disagrees with size()",
            Self::NAME
        );
        Ok(w)
    }

    /// Appends the message to `w`, reserving exactly its size first.
    fn encode_into(&self, w: &mut BytesMut, version: i16) -> Result<(), WireError> {
        Self::check_version(version)?;
        let size = self.size(version)?;
        w.reserve(size);
        self.write(w, version)
    }
}

/// Encoded size of the tagged-field section for the unknown fields alone plus `known`.
pub fn unknown_tagged(unknown: &[RawTaggedField]) -> impl Iterator<Item = (u32, usize)> + '_ {
    unknown.iter().map(|f| (f.tag, f.data.len()))
}

/// Writes the unknown tagged fields whose tag is in `range`, keeping tag order.
pub fn write_unknown_tagged(
    w: &mut BytesMut,
    unknown: &[RawTaggedField],
    range: std::ops::Range<u64>,
) {
    for f in unknown.iter().filter(|f| range.contains(&u64::from(f.tag))) {
        w.put_unsigned_varint(f.tag);
        w.put_unsigned_varint(f.data.len() as u32);
        w.put_slice(&f.data);
    }
}

/// Reads a nullable string where null is allowed only if `nullable` (the version says so).
impl Reader {
    pub fn string_opt(
        &mut self,
        compact: bool,
        nullable: bool,
        what: &'static str,
    ) -> Result<Option<String>, WireError> {
        if nullable {
            self.nullable_string(compact, what)
        } else {
            self.string(compact, what).map(Some)
        }
    }

    pub fn bytes_opt(
        &mut self,
        compact: bool,
        nullable: bool,
        what: &'static str,
    ) -> Result<Option<Bytes>, WireError> {
        if nullable {
            self.nullable_bytes(compact, what)
        } else {
            self.bytes(compact, what).map(Some)
        }
    }

    pub fn array_opt<T>(
        &mut self,
        compact: bool,
        nullable: bool,
        min_element_size: usize,
        what: &'static str,
        element: impl FnMut(&mut Reader) -> Result<T, WireError>,
    ) -> Result<Option<Vec<T>>, WireError> {
        if nullable {
            self.nullable_array(compact, min_element_size, what, element)
        } else {
            self.array(compact, min_element_size, what, element)
                .map(Some)
        }
    }

    /// A struct that may be null: a marker byte (-1 null, 1 present) precedes it in the
    /// versions where null is allowed.
    pub fn struct_opt<T: WireStruct>(
        &mut self,
        nullable: bool,
        version: i16,
    ) -> Result<Option<T>, WireError> {
        if nullable && self.i8()? < 0 {
            return Ok(None);
        }
        T::read(self, version).map(Some)
    }
}

pub fn string_size(compact: bool, value: &str, what: &'static str) -> Result<usize, WireError> {
    check_length(compact, false, value.len(), what)?;
    Ok(length_prefix_size(compact, false, Some(value.len())) + value.len())
}

pub fn opt_string_size(
    compact: bool,
    nullable: bool,
    value: Option<&str>,
    what: &'static str,
) -> Result<usize, WireError> {
    match value {
        Some(s) => string_size(compact, s, what),
        None if nullable => Ok(length_prefix_size(compact, false, None)),
        None => Err(WireError::UnexpectedNull { what }),
    }
}

pub fn bytes_size(compact: bool, len: usize, what: &'static str) -> Result<usize, WireError> {
    check_length(compact, true, len, what)?;
    Ok(length_prefix_size(compact, true, Some(len)) + len)
}

pub fn opt_bytes_size(
    compact: bool,
    nullable: bool,
    len: Option<usize>,
    what: &'static str,
) -> Result<usize, WireError> {
    match len {
        Some(n) => bytes_size(compact, n, what),
        None if nullable => Ok(length_prefix_size(compact, true, None)),
        None => Err(WireError::UnexpectedNull { what }),
    }
}

/// Size of an array's length prefix; `None` is the null array.
pub fn array_prefix_size(
    compact: bool,
    nullable: bool,
    len: Option<usize>,
    what: &'static str,
) -> Result<usize, WireError> {
    match len {
        Some(n) => {
            check_length(compact, true, n, what)?;
            Ok(length_prefix_size(compact, true, Some(n)))
        }
        None if nullable => Ok(length_prefix_size(compact, true, None)),
        None => Err(WireError::UnexpectedNull { what }),
    }
}

pub fn opt_struct_size<T: WireStruct>(
    nullable: bool,
    value: Option<&T>,
    version: i16,
    what: &'static str,
) -> Result<usize, WireError> {
    match value {
        Some(v) => Ok(usize::from(nullable) + v.size(version)?),
        None if nullable => Ok(1),
        None => Err(WireError::UnexpectedNull { what }),
    }
}

pub fn write_opt_struct<T: WireStruct>(
    w: &mut BytesMut,
    nullable: bool,
    value: Option<&T>,
    version: i16,
) -> Result<(), WireError> {
    match value {
        Some(v) => {
            if nullable {
                w.put_i8(1);
            }
            v.write(w, version)
        }
        None => {
            w.put_i8(-1);
            Ok(())
        }
    }
}

/// Random values for property tests: every generated struct can make a random instance
/// that is valid at a given version.
#[cfg(any(test, feature = "test-util"))]
pub mod testing {
    use bytes::Bytes;

    /// SplitMix64: small, seedable and good enough to pick test values.
    pub struct TestRng(u64);

    impl TestRng {
        pub fn new(seed: u64) -> Self {
            TestRng(seed)
        }

        pub fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        pub fn below(&mut self, n: u64) -> u64 {
            self.next_u64() % n.max(1)
        }

        /// True one time in `n`.
        pub fn chance(&mut self, n: u64) -> bool {
            self.below(n) == 0
        }

        pub fn bool(&mut self) -> bool {
            self.chance(2)
        }

        pub fn f64(&mut self) -> f64 {
            (self.next_u64() >> 11) as f64 / 1024.0 - 1.0e12
        }

        pub fn uuid(&mut self) -> super::Uuid {
            super::Uuid::from_u128(u128::from(self.next_u64()) << 64 | u128::from(self.next_u64()))
        }

        /// A collection length that shrinks with nesting depth so values stay small.
        pub fn len(&mut self, depth: u32) -> usize {
            if depth > 3 { 0 } else { self.below(4) as usize }
        }

        pub fn string(&mut self) -> String {
            let n = self.below(12) as usize;
            (0..n)
                .map(|_| char::from(b'a' + self.below(26) as u8))
                .collect()
        }

        pub fn opt_string(&mut self, nullable: bool) -> Option<String> {
            if nullable && self.chance(4) {
                None
            } else {
                Some(self.string())
            }
        }

        pub fn bytes(&mut self) -> Bytes {
            let n = self.below(24) as usize;
            (0..n)
                .map(|_| self.next_u64() as u8)
                .collect::<Vec<u8>>()
                .into()
        }

        pub fn opt_bytes(&mut self, nullable: bool) -> Option<Bytes> {
            if nullable && self.chance(4) {
                None
            } else {
                Some(self.bytes())
            }
        }
    }

    /// Implemented by every generated struct.
    pub trait Random: Sized {
        fn random(rng: &mut TestRng, version: i16, depth: u32) -> Self;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_at_their_boundaries() {
        // Every boundary of the LEB128 byte count encodes and decodes to itself.
        for v in [0u32, 1, 127, 128, 16383, 16384, 2097151, 2097152, u32::MAX] {
            let mut w = BytesMut::new();
            w.put_unsigned_varint(v);
            assert_eq!(w.len(), unsigned_varint_size(v));
            assert_eq!(Reader::new(w.freeze()).unsigned_varint().unwrap(), v);
        }
        for v in [0i64, -1, 1, i64::MIN, i64::MAX, -64, 64] {
            let mut w = BytesMut::new();
            w.put_varlong(v);
            assert_eq!(w.len(), varlong_size(v));
            assert_eq!(Reader::new(w.freeze()).varlong().unwrap(), v);
        }
    }

    #[test]
    fn overlong_varint_is_an_error() {
        // Six continuation bytes can never be a 32-bit varint.
        let mut r = Reader::new(Bytes::from_static(&[0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
        assert_eq!(r.unsigned_varint(), Err(WireError::VarintTooLong));
    }

    #[test]
    fn array_count_larger_than_input_is_rejected_before_allocation() {
        // A count of 2^31-1 over one remaining byte fails without reserving memory.
        let mut r = Reader::new(Bytes::from_static(&[0x7f, 0xff, 0xff, 0xff, 0x00]));
        let got = r.array(false, 1, "topics", |r| r.i8());
        assert!(matches!(got, Err(WireError::InvalidLength { .. })));
    }

    #[test]
    fn string_longer_than_input_is_truncated_error() {
        // A string that claims 10 bytes with 2 left is an error, not a panic.
        let mut r = Reader::new(Bytes::from_static(&[0x00, 0x0a, b'a', b'b']));
        assert!(matches!(
            r.string(false, "name"),
            Err(WireError::Truncated { .. })
        ));
    }
}
