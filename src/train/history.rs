//! The live run's history: the training loss, the test loss, the loss in
//! force and each layer's mean |w|, epoch by epoch, kept to a bounded number of
//! points so that a run of any length costs the same to keep and draw.

use crate::ed::layer::mean_abs;
use crate::ed::Loss;

/// Points kept in the history. When full, every other point goes and the
/// sampling stride doubles, so a run of any length costs the same to keep and draw.
pub const HISTORY_CAPACITY: usize = 2048;

/// What one kept epoch measured. The losses are NaN where there is nothing to
/// measure: no test set, no backprop racing, or backprop diverged.
#[derive(Clone, Copy, Debug)]
pub(super) struct Point {
    pub epoch: u64,
    pub loss: f64,
    /// The loss function in force during the epoch.
    pub kind: Loss,
    pub test_loss: f64,
    pub backprop_loss: f64,
    pub backprop_test_loss: f64,
}

/// Epoch-sampled history of a run, stored column by column for zero-copy views.
#[derive(Clone, Debug)]
pub struct History {
    stride: u64,
    layers: usize,
    epochs: Vec<f64>,
    losses: Vec<f64>,
    /// Mean loss on the test set after the epoch's updates; NaN for a task
    /// without one, which a chart leaves undrawn.
    test_losses: Vec<f64>,
    /// Index into [`Loss::ALL`] of the loss in force at each point.
    kinds: Vec<f64>,
    /// `mean_abs[point * layers + layer]`: mean |w| of a layer.
    mean_abs: Vec<f64>,
    /// Backprop's training and test loss at the same epochs; NaN without a race.
    backprop_losses: Vec<f64>,
    backprop_test_losses: Vec<f64>,
}

impl History {
    pub(super) fn new(layers: usize) -> History {
        History {
            stride: 1,
            layers,
            epochs: Vec::with_capacity(HISTORY_CAPACITY),
            losses: Vec::with_capacity(HISTORY_CAPACITY),
            test_losses: Vec::with_capacity(HISTORY_CAPACITY),
            kinds: Vec::with_capacity(HISTORY_CAPACITY),
            mean_abs: Vec::with_capacity(HISTORY_CAPACITY * layers),
            backprop_losses: Vec::with_capacity(HISTORY_CAPACITY),
            backprop_test_losses: Vec::with_capacity(HISTORY_CAPACITY),
        }
    }

    /// Epochs `1, 1 + stride, 1 + 2 stride, ...` are kept, so the first stays.
    fn wants(&self, epoch: u64) -> bool {
        (epoch - 1) % self.stride == 0
    }

    /// Whether the point of `epoch` is kept; asked once per epoch, before its
    /// point is measured. The test losses are measured only for a kept point,
    /// so a long run costs a test pass every `stride` epochs, not every epoch.
    pub(super) fn wants_point(&mut self, epoch: u64) -> bool {
        if self.epochs.len() == HISTORY_CAPACITY {
            self.halve();
        }
        self.wants(epoch)
    }

    /// Keeps `point`, with each layer's mean |w| of `networks` (ED's, one per output).
    pub(super) fn push(&mut self, point: Point, networks: &[crate::ed::Network]) {
        self.epochs.push(point.epoch as f64);
        self.losses.push(point.loss);
        self.test_losses.push(point.test_loss);
        self.kinds.push(point.kind.index() as f64);
        for l in 0..self.layers {
            // Each network's layer mean, averaged; finite whenever they are.
            let mean = mean_abs(networks.iter().map(|n| n.layers()[l].mean_abs_weight()));
            self.mean_abs.push(mean);
        }
        self.backprop_losses.push(point.backprop_loss);
        self.backprop_test_losses.push(point.backprop_test_loss);
    }

    /// Every column with one value per point.
    fn point_columns(&mut self) -> [&mut Vec<f64>; 6] {
        [
            &mut self.epochs,
            &mut self.losses,
            &mut self.test_losses,
            &mut self.kinds,
            &mut self.backprop_losses,
            &mut self.backprop_test_losses,
        ]
    }

    /// Keeps the points that the doubled stride still wants, compacting every
    /// column in place: a long run never allocates.
    fn halve(&mut self) {
        self.stride *= 2;
        let layers = self.layers;
        let mut kept = 0;
        for point in 0..self.epochs.len() {
            if !self.wants(self.epochs[point] as u64) {
                continue;
            }
            for column in self.point_columns() {
                column[kept] = column[point];
            }
            self.mean_abs
                .copy_within(point * layers..(point + 1) * layers, kept * layers);
            kept += 1;
        }
        for column in self.point_columns() {
            column.truncate(kept);
        }
        self.mean_abs.truncate(kept * layers);
    }

    pub fn len(&self) -> usize {
        self.epochs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.epochs.is_empty()
    }

    pub fn stride(&self) -> u64 {
        self.stride
    }

    pub fn epochs(&self) -> &[f64] {
        &self.epochs
    }

    pub fn losses(&self) -> &[f64] {
        &self.losses
    }

    /// The test loss of each point, NaN throughout for a task without a test set.
    pub fn test_losses(&self) -> &[f64] {
        &self.test_losses
    }

    pub fn kinds(&self) -> &[f64] {
        &self.kinds
    }

    pub fn mean_abs(&self) -> &[f64] {
        &self.mean_abs
    }

    pub fn backprop_losses(&self) -> &[f64] {
        &self.backprop_losses
    }

    pub fn backprop_test_losses(&self) -> &[f64] {
        &self.backprop_test_losses
    }
}
