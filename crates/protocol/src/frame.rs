//! Frames (placeholder until the codec lands).
