//! [`ConnectionId`]: names one client connection for as long as the broker runs. The network
//! edge hands them out; fetch sessions and the per-connection budgets are keyed by them.

/// One client connection; never reused while the broker runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnectionId(pub u64);
