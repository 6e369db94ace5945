//! How much training one call may do: a number of work units, one unit being one
//! pattern through one sub-network, trained or evaluated. The page gives each
//! animation frame a budget measured in units (it learns how many units a
//! millisecond buys), so a frame stops between patterns however long an epoch
//! is; the engine itself never reads a clock, and a run interrupted anywhere
//! goes on bit for bit as if it had not been.

/// The budget that never runs out.
const UNLIMITED: u64 = u64::MAX;

/// Work units left for this call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    left: u64,
    spent: u64,
}

impl Budget {
    pub fn new(units: u64) -> Budget {
        Budget {
            left: units,
            spent: 0,
        }
    }

    /// No limit: whole epochs, as the command line and the studies train.
    pub fn unlimited() -> Budget {
        Budget::new(UNLIMITED)
    }

    /// Takes the units of one pattern, if any are left. A pattern is never
    /// split, so a budget of one unit still trains one pattern of every
    /// sub-network: each call makes progress.
    pub fn take(&mut self, units: u64) -> bool {
        if self.left == 0 {
            return false;
        }
        if self.left != UNLIMITED {
            self.left = self.left.saturating_sub(units);
        }
        self.spent = self.spent.saturating_add(units);
        true
    }

    pub fn exhausted(&self) -> bool {
        self.left == 0
    }

    /// Units taken so far: what the page divides by the time the call took.
    pub fn spent(&self) -> u64 {
        self.spent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_is_taken_whole_while_any_unit_is_left() {
        let mut b = Budget::new(4);
        assert!(b.take(3));
        assert!(b.take(3), "one unit left still buys a pattern");
        assert!(b.exhausted());
        assert!(!b.take(1));
        assert_eq!(b.spent(), 6);
    }

    #[test]
    fn an_unlimited_budget_never_runs_out() {
        let mut b = Budget::unlimited();
        for _ in 0..1000 {
            assert!(b.take(u64::MAX / 2));
        }
        assert!(!b.exhausted());
    }
}
