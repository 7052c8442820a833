//! The lecture's discriminative model, beside the generative one: a small MLP
//! classifier that learns p(y | x) on the two moons, labelled by moon. The
//! GAN on the same points (unlabelled) learns p(x) instead.

use burn::module::Module;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer};
use burn::tensor::{Device, Tensor, TensorData, Transaction};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::Serialize;

use super::frame::{execute, floats, ReadError};
use crate::model::Mlp;

/// The moons' noise, the classifier's heatmap size, and the points it shows.
pub const MOONS_NOISE: f64 = 0.1;
pub const CLASSIFIER_HEAT: usize = 40;
pub const CLASSIFIER_POINTS: usize = 400;
/// The plane the comparison draws: [−EXTENT, EXTENT]².
pub const EXTENT: f64 = 2.2;

/// `n` labelled points of the two moons: (row-major `[n, 2]`, labels 1 = upper moon).
pub fn labelled_moons(rng: &mut StdRng, n: usize) -> (Vec<f32>, Vec<f32>) {
    let normal = |rng: &mut StdRng| -> f64 { rng.sample::<f64, _>(rand_distr::StandardNormal) };
    let mut xs = Vec::with_capacity(2 * n);
    let mut ys = Vec::with_capacity(n);
    for _ in 0..n {
        let t: f64 = rng.random_range(0.0..std::f64::consts::PI);
        let upper = rng.random_bool(0.5);
        let (x, y) = if upper {
            (t.cos(), t.sin())
        } else {
            (1.0 - t.cos(), 0.5 - t.sin())
        };
        xs.push((x - 0.5 + MOONS_NOISE * normal(rng)) as f32);
        xs.push((y - 0.25 + MOONS_NOISE * normal(rng)) as f32);
        ys.push(if upper { 1.0 } else { 0.0 });
    }
    (xs, ys)
}

/// What the discriminative panel draws.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassifierFrame {
    pub step: u64,
    pub loss: Option<f64>,
    /// The fraction of a fixed held-out set classified right.
    pub accuracy: f64,
    pub extent: f64,
    /// p(y = 1 | x) on a `heatSize²` grid of cell centres, row-major by y then x.
    pub heat: Vec<f32>,
    pub heat_size: usize,
    pub points: Vec<f32>,
    pub labels: Vec<f32>,
}

pub struct Classifier2d {
    ad: Device,
    device: Device,
    net: Mlp,
    opt: ModuleOptimizer,
    rng: StdRng,
    step: u64,
    loss: Option<Tensor<1>>,
    heat_in: Tensor<2>,
    test_in: Tensor<2>,
    test_labels: Vec<f32>,
    points: Vec<f32>,
    labels: Vec<f32>,
}

impl Classifier2d {
    pub fn new(seed: u64, device: &Device) -> Self {
        let device = device.clone();
        let ad = device.clone().autodiff();
        let mut rng = StdRng::seed_from_u64(seed ^ 0xC1A5);
        let net = Mlp::new(&[2, 16, 16, 1], &mut rng, &ad);
        let (test, test_labels) = labelled_moons(&mut rng, 1000);
        let (points, labels) = labelled_moons(&mut rng, CLASSIFIER_POINTS);
        let n = CLASSIFIER_HEAT;
        let heat: Vec<f32> = (0..n * n)
            .flat_map(|i| {
                let c = |j: usize| (-EXTENT + (j as f64 + 0.5) * 2.0 * EXTENT / n as f64) as f32;
                [c(i % n), c(i / n)]
            })
            .collect();
        Classifier2d {
            heat_in: Tensor::from_data(TensorData::new(heat, [n * n, 2]), &device),
            test_in: Tensor::from_data(TensorData::new(test, [1000, 2]), &device),
            test_labels,
            points,
            labels,
            opt: AdamConfig::new().init(),
            net,
            rng,
            step: 0,
            loss: None,
            ad,
            device,
        }
    }

    /// One Adam step on a fresh labelled batch of 128.
    pub fn step(&mut self) {
        let (x, y) = labelled_moons(&mut self.rng, 128);
        let x = Tensor::<2>::from_data(TensorData::new(x, [128, 2]), &self.ad);
        let y = Tensor::<2>::from_data(TensorData::new(y, [128, 1]), &self.ad);
        let logits = self.net.forward(x);
        // BCE against labels: y·softplus(−l) + (1 − y)·softplus(l).
        let loss = (burn::tensor::activation::softplus(logits.clone().neg(), 1.0) * y.clone()
            + burn::tensor::activation::softplus(logits, 1.0) * y.neg().add_scalar(1.0))
        .mean();
        let grads = GradientsParams::from_grads(loss.backward(), &self.net);
        self.net = self.opt.step(3e-3, self.net.clone(), grads);
        self.loss = Some(loss.inner());
        self.step += 1;
    }

    pub fn begin_frame(&self) -> PendingClassifierFrame {
        let net = self.net.valid();
        let mut tx = Transaction::default()
            .register(net.forward(self.heat_in.clone()))
            .register(net.forward(self.test_in.clone()));
        if let Some(l) = &self.loss {
            tx = tx.register(l.clone());
        }
        PendingClassifierFrame {
            tx,
            step: self.step,
            has_loss: self.loss.is_some(),
            test_labels: self.test_labels.clone(),
            points: self.points.clone(),
            labels: self.labels.clone(),
        }
    }

    pub fn device(&self) -> &Device {
        &self.device
    }
}

pub struct PendingClassifierFrame {
    tx: Transaction,
    step: u64,
    has_loss: bool,
    test_labels: Vec<f32>,
    points: Vec<f32>,
    labels: Vec<f32>,
}

impl PendingClassifierFrame {
    pub async fn read(self) -> Result<ClassifierFrame, ReadError> {
        let data = execute(self.tx).await?;
        let mut it = data.into_iter();
        let mut next = || {
            it.next()
                .ok_or_else(|| ReadError("a frame tensor is missing".into()))
                .and_then(floats)
        };
        let sigmoid = |l: f32| 1.0 / (1.0 + (-l).exp());
        let heat: Vec<f32> = next()?.into_iter().map(sigmoid).collect();
        let test = next()?;
        let right = test
            .iter()
            .zip(&self.test_labels)
            .filter(|(l, y)| (**l > 0.0) == (**y > 0.5))
            .count();
        let loss = if self.has_loss {
            Some(next()?[0] as f64)
        } else {
            None
        };
        Ok(ClassifierFrame {
            step: self.step,
            loss,
            accuracy: right as f64 / self.test_labels.len() as f64,
            extent: EXTENT,
            heat,
            heat_size: CLASSIFIER_HEAT,
            points: self.points,
            labels: self.labels,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_moons_are_labelled_by_moon() {
        let mut rng = StdRng::seed_from_u64(2);
        let (xs, ys) = labelled_moons(&mut rng, 4000);
        // Upper-moon points average y ≈ 2/π − ¼ ≈ 0.39; lower ones the negation.
        let mean_y = |label: f32| {
            let v: Vec<f64> = xs
                .chunks(2)
                .zip(&ys)
                .filter(|(_, y)| **y == label)
                .map(|(p, _)| p[1] as f64)
                .collect();
            v.iter().sum::<f64>() / v.len() as f64
        };
        let want = 2.0 / std::f64::consts::PI - 0.25;
        assert!((mean_y(1.0) - want).abs() < 0.03, "{}", mean_y(1.0));
        assert!((mean_y(0.0) + want).abs() < 0.03, "{}", mean_y(0.0));
    }

    #[test]
    fn the_classifier_learns_the_boundary() {
        let mut c = Classifier2d::new(1, &Device::flex());
        let before = pollster::block_on(c.begin_frame().read()).unwrap();
        for _ in 0..400 {
            c.step();
        }
        let after = pollster::block_on(c.begin_frame().read()).unwrap();
        assert!(
            after.accuracy > 0.95,
            "accuracy {} (from {})",
            after.accuracy,
            before.accuracy
        );
        assert!(after.loss.unwrap() < 0.2);
        assert_eq!(after.heat.len(), CLASSIFIER_HEAT * CLASSIFIER_HEAT);
    }
}
