//! [`Turn`]: a request's place in its connection's order, shared by the connection (which
//! hands turns out) and the services that release them once a request has been decided.

use tokio::sync::oneshot;

/// A request's place in its connection's order. Requests run concurrently, but appends must
/// happen in the order the client sent them (an idempotent producer pipelines sequence
/// numbers), so a Produce waits for the request before it to release its turn first; so do
/// a group member's requests (a commit must not overtake the join before it). Every other
/// request releases its turn as soon as it starts; dropping a turn releases it.
#[derive(Debug)]
pub struct Turn {
    previous: Option<oneshot::Receiver<()>>,
    _mine: oneshot::Sender<()>,
}

impl Turn {
    /// The turn after `previous` (the previous request's receiver), and the receiver the next
    /// request will wait on.
    pub fn after(previous: Option<oneshot::Receiver<()>>) -> (Turn, oneshot::Receiver<()>) {
        let (mine, next) = oneshot::channel();
        (
            Turn {
                previous,
                _mine: mine,
            },
            next,
        )
    }

    /// Resolves once every earlier request of the connection has released its turn.
    pub async fn wait(&mut self) {
        if let Some(previous) = self.previous.take() {
            // An error means the sender was dropped: released all the same.
            let _ = previous.await;
        }
    }
}
