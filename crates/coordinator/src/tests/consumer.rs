//! consumer tests.
