//! Kafka error codes (placeholder until the table lands).
