//! Memory a client can make the broker hold, charged to budgets that configuration bounds.
//!
//! **Request bytes.** A frame's bytes are charged as they arrive, never when its size is
//! announced, so a peer that announces 100 MiB and sends nothing holds nothing. Each
//! connection first spends its own `socket.request.reserved.bytes`, which no other connection
//! can take: requests that small (ApiVersions, Metadata, heartbeats, commits, fetches, most
//! produces) never wait for anybody. Bytes beyond that come from the broker-wide
//! `queued.max.request.bytes` pool. The pool is not a queue: whichever connection finds room
//! takes it, so one large waiter cannot hold up the smaller ones behind it, and a connection
//! that finds no room within `socket.request.body.timeout.ms` is closed rather than left to
//! wait. A frame's charge is released once its response has been built.
//!
//! **Response bytes.** Each connection has `queued.max.response.bytes` for responses built
//! but not yet written. A response is charged once encoded and released once written; while
//! the charge is at the bound the connection reads no further requests, so a client that
//! never reads its socket pins at most that much. A Fetch, the one response whose size the
//! client chooses, first reserves what it may use and is cut to fit.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::Notify;
use tokio::time::Instant;

/// The broker-wide pool of request bytes (`queued.max.request.bytes`).
#[derive(Debug)]
pub struct RequestBudget {
    capacity: usize,
    used: Mutex<usize>,
    /// Woken whenever bytes come back, to the pool or to any connection's reserve.
    released: Notify,
}

/// The budget found no room before the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoRoom;

impl RequestBudget {
    pub fn new(capacity: usize) -> Arc<RequestBudget> {
        Arc::new(RequestBudget {
            capacity,
            used: Mutex::new(0),
            released: Notify::new(),
        })
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Bytes of the pool currently charged.
    pub fn used(&self) -> usize {
        *lock(&self.used)
    }

    /// A connection's share: its own reserve of `reserved` bytes, backed by this pool.
    pub fn connection(self: &Arc<Self>, reserved: usize) -> Arc<ConnectionRequestBytes> {
        Arc::new(ConnectionRequestBytes {
            pool: self.clone(),
            reserved_capacity: reserved,
            reserved_used: Mutex::new(0),
        })
    }

    fn try_take(&self, n: usize) -> bool {
        let mut used = lock(&self.used);
        if *used + n <= self.capacity {
            *used += n;
            true
        } else {
            false
        }
    }

    fn give_back(&self, n: usize) {
        let mut used = lock(&self.used);
        assert!(*used >= n, "request budget released {n} of {} used", *used);
        *used -= n;
    }
}

/// One connection's request bytes: its reserve first, then the shared pool.
#[derive(Debug)]
pub struct ConnectionRequestBytes {
    pool: Arc<RequestBudget>,
    reserved_capacity: usize,
    reserved_used: Mutex<usize>,
}

impl ConnectionRequestBytes {
    /// An empty charge that [`RequestCharge::grow`] enlarges as a frame's bytes arrive.
    pub fn charge(self: &Arc<Self>) -> RequestCharge {
        RequestCharge {
            owner: self.clone(),
            reserved: 0,
            shared: 0,
        }
    }

    /// Takes `n` bytes now if the reserve and the pool have room between them.
    fn try_take(&self, n: usize) -> Option<(usize, usize)> {
        let mut reserved_used = lock(&self.reserved_used);
        let from_reserve = n.min(self.reserved_capacity - *reserved_used);
        let from_pool = n - from_reserve;
        if from_pool > 0 && !self.pool.try_take(from_pool) {
            return None;
        }
        *reserved_used += from_reserve;
        Some((from_reserve, from_pool))
    }

    /// Takes `n` bytes, waiting for releases until `deadline`. Waiters are not queued: the
    /// first to find room after a release takes it.
    async fn take(&self, n: usize, deadline: Instant) -> Result<(usize, usize), NoRoom> {
        loop {
            let released = self.pool.released.notified();
            tokio::pin!(released);
            // Registered before looking, so a release between the look and the wait wakes it.
            released.as_mut().enable();
            if let Some(taken) = self.try_take(n) {
                return Ok(taken);
            }
            if tokio::time::timeout_at(deadline, released).await.is_err() {
                return Err(NoRoom);
            }
        }
    }

    fn give_back(&self, reserved: usize, shared: usize) {
        if reserved > 0 {
            let mut used = lock(&self.reserved_used);
            assert!(*used >= reserved, "connection reserve released too much");
            *used -= reserved;
        }
        if shared > 0 {
            self.pool.give_back(shared);
        }
        if reserved > 0 || shared > 0 {
            self.pool.released.notify_waiters();
        }
    }
}

/// Request bytes held for one frame; released when dropped.
#[derive(Debug)]
pub struct RequestCharge {
    owner: Arc<ConnectionRequestBytes>,
    reserved: usize,
    shared: usize,
}

impl RequestCharge {
    /// Bytes held.
    pub fn bytes(&self) -> usize {
        self.reserved + self.shared
    }

    /// Holds `n` more bytes, waiting for room until `deadline`.
    pub async fn grow(&mut self, n: usize, deadline: Instant) -> Result<(), NoRoom> {
        let (reserved, shared) = self.owner.take(n, deadline).await?;
        self.reserved += reserved;
        self.shared += shared;
        Ok(())
    }
}

impl Drop for RequestCharge {
    fn drop(&mut self) {
        self.owner.give_back(self.reserved, self.shared);
    }
}

/// Responses built but not yet written on one connection (`queued.max.response.bytes`).
#[derive(Debug)]
pub struct ResponseBudget {
    capacity: usize,
    used: Mutex<usize>,
    drained: Notify,
}

impl ResponseBudget {
    pub fn new(capacity: usize) -> Arc<ResponseBudget> {
        Arc::new(ResponseBudget {
            capacity,
            used: Mutex::new(0),
            drained: Notify::new(),
        })
    }

    /// Bytes charged now.
    pub fn used(&self) -> usize {
        *lock(&self.used)
    }

    /// Reserves up to `wanted` bytes (what is left below the bound, possibly nothing).
    pub fn reserve_up_to(self: &Arc<Self>, wanted: usize) -> ResponseCharge {
        let mut used = lock(&self.used);
        let granted = wanted.min(self.capacity.saturating_sub(*used));
        *used += granted;
        ResponseCharge {
            budget: self.clone(),
            bytes: granted,
        }
    }

    /// Charges `n` bytes whatever the bound: a response already built is written, and the
    /// reader stops instead.
    pub fn charge(self: &Arc<Self>, n: usize) -> ResponseCharge {
        *lock(&self.used) += n;
        ResponseCharge {
            budget: self.clone(),
            bytes: n,
        }
    }

    /// Resolves once the charge is below the bound (at once if it is).
    pub async fn wait_for_room(&self) {
        loop {
            let drained = self.drained.notified();
            tokio::pin!(drained);
            drained.as_mut().enable();
            if self.used() < self.capacity {
                return;
            }
            drained.await;
        }
    }
}

/// Response bytes held; released when dropped.
#[derive(Debug)]
pub struct ResponseCharge {
    budget: Arc<ResponseBudget>,
    bytes: usize,
}

impl ResponseCharge {
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

impl Drop for ResponseCharge {
    fn drop(&mut self) {
        if self.bytes == 0 {
            return;
        }
        let mut used = lock(&self.budget.used);
        assert!(*used >= self.bytes, "response budget released too much");
        *used -= self.bytes;
        drop(used);
        self.budget.drained.notify_waiters();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Counters are updated in one statement each: a panic elsewhere leaves them consistent.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn soon() -> Instant {
        Instant::now() + Duration::from_millis(50)
    }

    #[tokio::test]
    async fn a_connections_reserve_is_spent_before_the_pool() {
        // Bytes up to the reserve never touch the shared pool, and they return to it when
        // the charge is dropped.
        let pool = RequestBudget::new(100);
        let conn = pool.connection(10);
        let mut charge = conn.charge();
        charge.grow(8, soon()).await.unwrap();
        assert_eq!(pool.used(), 0);
        charge.grow(12, soon()).await.unwrap();
        assert_eq!((charge.bytes(), pool.used()), (20, 10));
        drop(charge);
        assert_eq!(pool.used(), 0);
        assert_eq!(*lock(&conn.reserved_used), 0);
    }

    #[tokio::test]
    async fn a_large_waiter_does_not_block_a_small_one() {
        // With the pool nearly full, a request for more than is left waits, while a smaller
        // request from another connection is admitted at once; the large one gets its room
        // as soon as enough is released, and gives up at its deadline if none is.
        let pool = RequestBudget::new(100);
        let hog = pool.connection(0);
        let mut held = hog.charge();
        held.grow(90, soon()).await.unwrap();
        let big = pool.connection(0);
        let small = pool.connection(0);
        let big_task = tokio::spawn(async move {
            let mut c = big.charge();
            let deadline = Instant::now() + Duration::from_secs(5);
            c.grow(50, deadline).await.map(|()| c)
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        let mut s = small.charge();
        s.grow(10, soon()).await.unwrap();
        assert!(!big_task.is_finished());
        drop(held);
        let big_charge = big_task.await.unwrap().unwrap();
        assert_eq!((big_charge.bytes(), pool.used()), (50, 60));
        let late = pool.connection(0);
        let mut c = late.charge();
        assert_eq!(c.grow(45, soon()).await, Err(NoRoom));
    }

    #[tokio::test]
    async fn fetch_reservations_never_pass_the_response_bound() {
        // Reservations are cut to what is left; charges of built responses may pass the
        // bound, and waiting for room ends once they are written (dropped).
        let budget = ResponseBudget::new(100);
        let a = budget.reserve_up_to(70);
        let b = budget.reserve_up_to(70);
        assert_eq!((a.bytes(), b.bytes()), (70, 30));
        let c = budget.reserve_up_to(5);
        assert_eq!(c.bytes(), 0);
        drop((a, b));
        let built = budget.charge(150);
        assert_eq!(budget.used(), 150);
        let waiter = {
            let budget = budget.clone();
            tokio::spawn(async move { budget.wait_for_room().await })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiter.is_finished());
        drop(built);
        tokio::time::timeout(Duration::from_secs(5), waiter)
            .await
            .unwrap()
            .unwrap();
    }
}
