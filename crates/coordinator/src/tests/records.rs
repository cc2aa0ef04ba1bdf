//! records tests.
