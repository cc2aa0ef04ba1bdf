//! Record batches (placeholder until the module lands).
