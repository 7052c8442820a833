//! The fixed-noise timeline's bookkeeping: which steps get a column (every
//! `every` steps from where the run starts), and how a full strip thins out
//! (every other column goes, and the spacing doubles), so a long run still
//! shows where it began. The columns are whatever the caller keeps per mark
//! (the faces lesson keeps 8 faces' RGBA bytes).

/// A timeline of at most `max` columns, one per mark.
#[derive(Clone, Debug)]
pub struct Filmstrip<T> {
    columns: Vec<(u64, T)>,
    first_every: u64,
    every: u64,
    max: usize,
    next_mark: u64,
    /// Bumped on every change, so a view redraws only when there is something new.
    version: u64,
}

impl<T> Filmstrip<T> {
    /// An empty strip whose first mark is `start` (the run's current step).
    pub fn new(start: u64, every: u64, max: usize) -> Self {
        Filmstrip {
            columns: Vec::new(),
            first_every: every.max(1),
            every: every.max(1),
            max: max.max(2),
            next_mark: start,
            version: 0,
        }
    }

    /// Empties the strip and starts its marks again at `start`.
    pub fn restart(&mut self, start: u64) {
        self.columns.clear();
        self.every = self.first_every;
        self.next_mark = start;
        self.version += 1;
    }

    /// Whether a view drawn at step `drawn_at` (or never) missed a mark that `step` has reached.
    pub fn due(&self, step: u64, drawn_at: Option<u64>) -> bool {
        step >= self.next_mark && drawn_at.is_none_or(|at| at < self.next_mark)
    }

    /// Takes a column for `step` if a mark is due (`column` builds it only then).
    pub fn note(&mut self, step: u64, column: impl FnOnce() -> T) {
        if step < self.next_mark {
            return;
        }
        self.columns.push((step, column()));
        if self.columns.len() > self.max {
            let mut k = 0;
            self.columns.retain(|_| {
                k += 1;
                k % 2 == 1
            });
            self.every *= 2;
        }
        self.next_mark = (step / self.every + 1) * self.every;
        self.version += 1;
    }

    pub fn columns(&self) -> &[(u64, T)] {
        &self.columns
    }

    pub fn version(&self) -> u64 {
        self.version
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_every_so_often_and_thins_out_when_full() {
        let mut f = Filmstrip::new(0, 100, 4);
        for step in 0..=1000 {
            if f.due(step, None) {
                f.note(step, || step);
            }
        }
        // 0, 100, 200, 300, 400 → thinned to 0, 200, 400 at spacing 200; then 600,
        // 800 → 0, 200, 400, 600, 800 → 0, 400, 800 at 400.
        let steps: Vec<u64> = f.columns().iter().map(|c| c.0).collect();
        assert_eq!(steps, vec![0, 400, 800]);
        assert!(!f.due(1000, None) && f.due(1200, None));
        // A view drawn after the mark does not need another.
        assert!(!f.due(1200, Some(1200)) && f.due(1200, Some(1100)));
        let v = f.version();
        f.note(1100, || 1100); // not a mark: nothing changes
        assert_eq!(f.version(), v);
        f.restart(5000);
        assert!(f.columns().is_empty() && f.due(5000, None) && !f.due(4999, None));
    }
}
