//! [`Turn`]: a request's place in its connection's order, shared by the connection (which
//! hands turns out) and the services that release them once a request has been decided.

use tokio::sync::oneshot;

/// A request's place in its connection's order. Requests run concurrently, but appends must
/// happen in the order the client sent them (an idempotent producer pipelines sequence
/// numbers), so a Produce waits for the request before it to release its turn first; so do
/// a group member's requests (a commit must not overtake the join before it). Every other
/// request releases its turn as soon as it starts; dropping a turn releases it, but never
/// before every earlier turn is released: a Metadata request between two Produce requests
/// must not let the second append before the first (the second would be refused with
/// OUT_OF_ORDER_SEQUENCE_NUMBER, fatal to an idempotent producer).
#[derive(Debug)]
pub struct Turn {
    previous: Option<oneshot::Receiver<()>>,
    mine: Option<oneshot::Sender<()>>,
}

impl Turn {
    /// The turn after `previous` (the previous request's receiver), and the receiver the next
    /// request will wait on.
    pub fn after(previous: Option<oneshot::Receiver<()>>) -> (Turn, oneshot::Receiver<()>) {
        let (mine, next) = oneshot::channel();
        (
            Turn {
                previous,
                mine: Some(mine),
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

impl Drop for Turn {
    /// Releases this turn once the turns before it are released: dropped without waiting
    /// (a request that keeps no turn), it hands its place on instead of skipping the queue.
    fn drop(&mut self) {
        let (Some(previous), Some(mine)) = (self.previous.take(), self.mine.take()) else {
            return;
        };
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                let _ = previous.await;
                drop(mine);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn a_turn_dropped_unawaited_does_not_let_the_next_overtake_an_earlier_one() {
        // Produce A holds its turn, Metadata M drops its own at once, Produce B waits: B must
        // not go before A is done.
        let (first, next) = Turn::after(None);
        let (middle, next) = Turn::after(Some(next));
        let (mut last, _) = Turn::after(Some(next));
        drop(middle);
        let mut waiting = Box::pin(last.wait());
        let early = tokio::time::timeout(Duration::from_millis(100), &mut waiting).await;
        assert!(
            early.is_err(),
            "the last request went before the first released its turn"
        );
        drop(first);
        tokio::time::timeout(Duration::from_secs(5), &mut waiting)
            .await
            .expect("the last request goes once the first releases its turn");
    }

    #[tokio::test]
    async fn a_turn_with_nothing_before_it_is_released_when_dropped() {
        let (first, next) = Turn::after(None);
        let (mut second, _) = Turn::after(Some(next));
        drop(first);
        tokio::time::timeout(Duration::from_secs(5), second.wait())
            .await
            .expect("released");
    }
}
