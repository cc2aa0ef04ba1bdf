//! offsets tests.
