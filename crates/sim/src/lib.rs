//! What Strom's deterministic simulations share (the replication, quorum, coordinator and
//! disk simulations, and the storage crash test): the seeded generator every plan, fault
//! and schedule is drawn from.
//!
//! A seed must replay the same run for as long as the regression seeds kept in those tests
//! mean anything, so the sequence [`SimRng`] gives for a seed is fixed: splitmix64 (Steele,
//! Lea and Flood, 2014), a 64-bit state advanced by a constant and passed through a mixing
//! function. The unit tests pin its first outputs; a change that moves them changes what
//! every kept seed means, and must not be made.

/// splitmix64's increment, the fractional part of the golden ratio in 64 bits.
const GOLDEN_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// A seeded splitmix64 generator: small, fast, and the same on every machine.
#[derive(Debug, Clone)]
pub struct SimRng(u64);

impl SimRng {
    /// A generator whose first output is `mix(seed + GOLDEN_GAMMA)`.
    pub fn new(seed: u64) -> Self {
        SimRng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN_GAMMA);
        mix(self.0)
    }

    /// A value in `0..n` (`0` when `n` is 0). The modulo's bias is below 2^-40 for the
    /// bounds the simulations draw from, and keeping it keeps the kept seeds' meaning.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A value in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        assert!(low <= high, "empty range {low}..={high}");
        low + self.below(high - low + 1)
    }

    /// A value in `low..high` (`low` when the range is empty).
    pub fn in_range(&mut self, low: i64, high: i64) -> i64 {
        assert!(low <= high, "range {low}..{high} runs backwards");
        low + self.below(high.abs_diff(low)) as i64
    }

    /// True `percent` times in a hundred.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// True `per_mille` times in a thousand.
    pub fn per_mille(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// `n` random bytes (the low byte of one output each).
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next_u64() as u8).collect()
    }
}

/// splitmix64's finalizer: a well-mixed (bijective) function of `z`, also used on its own
/// to derive independent seeds from one.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_splitmix64_and_never_changes() {
        // The reference outputs of splitmix64 for seed 0 (as in Vigna's splitmix64.c).
        let mut rng = SimRng::new(0);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(
            first,
            [
                0xe220_a839_7b1d_cdaf,
                0x6e78_9e6a_a1b9_65f4,
                0x06c4_5d18_8009_454f
            ]
        );
    }

    #[test]
    fn draws_stay_in_their_bounds() {
        let mut rng = SimRng::new(42);
        for _ in 0..10_000 {
            assert!(rng.below(7) < 7);
            assert_eq!(rng.below(0), 0);
            assert!((3..=9).contains(&rng.between(3, 9)));
            assert!((-5..5).contains(&rng.in_range(-5, 5)));
            assert_eq!(rng.in_range(4, 4), 4);
        }
        assert!(!rng.percent(0) && rng.percent(100));
        assert!(!rng.per_mille(0) && rng.per_mille(1000));
        assert_eq!(rng.bytes(5).len(), 5);
    }

    #[test]
    fn a_clone_replays_the_same_draws() {
        let mut a = SimRng::new(7);
        a.next_u64();
        let mut b = a.clone();
        assert!((0..100).all(|_| a.next_u64() == b.next_u64()));
    }
}
