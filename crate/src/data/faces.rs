//! Procedural faces: a seeded generator of anti-aliased RGB faces, each with its
//! ground-truth parameter vector. The lecture's central picture is a face image
//! as a random variable with structure (where the face and the eyes are): here
//! that structure is explicit, so it can be measured.
//!
//! Rendering is a per-pixel composite of signed-distance shapes (ellipses and
//! capsules) with a one-pixel smooth edge, each shape visited only inside its
//! bounding box.

use rand::{Rng, RngExt};

/// The parameters of one face, in image units (0..1 of the side) and RGB in 0..1.
#[derive(Clone, Debug, PartialEq)]
pub struct FaceParams {
    pub face_cx: f32,
    pub face_cy: f32,
    /// Half-width and half-height of the face ellipse.
    pub face_rx: f32,
    pub face_ry: f32,
    pub skin: [f32; 3],
    /// The eyes' height, and their distance from the face's centre line.
    pub eye_y: f32,
    pub eye_dx: f32,
    /// Eye radius (the white), pupil radius as a fraction of it, and gaze (pupil shift, −1..1).
    pub eye_r: f32,
    pub pupil_frac: f32,
    pub gaze: f32,
    /// Brows: height above the eyes, and tilt (−1 frown .. 1 surprised).
    pub brow_lift: f32,
    pub brow_tilt: f32,
    /// Mouth: height, half-width, curvature (−1 sad .. 1 smile).
    pub mouth_y: f32,
    pub mouth_w: f32,
    pub mouth_curve: f32,
    pub hair: [f32; 3],
    /// 0 bald, 1 short, 2 long, 3 fringe: the hair style, as a number.
    pub hair_style: f32,
    pub background: [f32; 3],
}

/// The length of [`FaceParams::to_vec`].
pub const PARAM_COUNT: usize = 25;

/// Skin tones from light to dark; a face's tone is a blend of two neighbours.
const SKIN: [[f32; 3]; 5] = [
    [0.98, 0.86, 0.76],
    [0.93, 0.76, 0.62],
    [0.80, 0.60, 0.44],
    [0.62, 0.43, 0.30],
    [0.42, 0.28, 0.19],
];
const HAIR: [[f32; 3]; 6] = [
    [0.08, 0.06, 0.05],
    [0.30, 0.18, 0.10],
    [0.55, 0.36, 0.18],
    [0.85, 0.70, 0.40],
    [0.62, 0.20, 0.10],
    [0.70, 0.70, 0.72],
];

fn lerp3(a: [f32; 3], b: [f32; 3], t: f32) -> [f32; 3] {
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

impl FaceParams {
    /// A random face.
    pub fn random<R: Rng + ?Sized>(rng: &mut R) -> FaceParams {
        let mut u = |lo: f32, hi: f32| rng.random_range(lo..hi);
        let face_rx = u(0.25, 0.34);
        let face_ry = face_rx * u(1.1, 1.35);
        let face_cx = u(0.42, 0.58);
        let face_cy = u(0.48, 0.58);
        let tone = u(0.0, (SKIN.len() - 1) as f32);
        let skin = lerp3(
            SKIN[tone.floor() as usize],
            SKIN[(tone.floor() as usize + 1).min(SKIN.len() - 1)],
            tone.fract(),
        );
        let h = u(0.0, (HAIR.len() - 1) as f32);
        let hair = lerp3(
            HAIR[h.floor() as usize],
            HAIR[(h.floor() as usize + 1).min(HAIR.len() - 1)],
            h.fract(),
        );
        let hair_style = u(0.0, 4.0).floor();
        let bg_hue = u(0.0, 1.0);
        let background = [
            0.55 + 0.4 * bg_hue,
            0.65 + 0.25 * (1.0 - bg_hue),
            0.75 + 0.2 * (0.5 - bg_hue).abs(),
        ];
        FaceParams {
            face_cx,
            face_cy,
            face_rx,
            face_ry,
            skin,
            eye_y: face_cy - face_ry * u(0.12, 0.3),
            eye_dx: face_rx * u(0.32, 0.5),
            eye_r: face_rx * u(0.13, 0.2),
            pupil_frac: u(0.4, 0.65),
            gaze: u(-1.0, 1.0),
            brow_lift: face_rx * u(0.22, 0.34),
            brow_tilt: u(-1.0, 1.0),
            mouth_y: face_cy + face_ry * u(0.38, 0.55),
            mouth_w: face_rx * u(0.3, 0.55),
            mouth_curve: u(-1.0, 1.0),
            hair,
            hair_style,
            background,
        }
    }

    /// The ground-truth vector: every parameter, in a fixed order.
    pub fn to_vec(&self) -> Vec<f32> {
        let mut v = vec![
            self.face_cx,
            self.face_cy,
            self.face_rx,
            self.face_ry,
            self.eye_y,
            self.eye_dx,
            self.eye_r,
            self.pupil_frac,
            self.gaze,
            self.brow_lift,
            self.brow_tilt,
            self.mouth_y,
            self.mouth_w,
            self.mouth_curve,
            self.hair_style,
        ];
        v.extend(self.skin);
        v.extend(self.hair);
        v.extend(self.background);
        debug_assert_eq!(v.len(), PARAM_COUNT - 1);
        // The pupils' centre x of the left eye, the one most tests look at.
        v.push(self.face_cx - self.eye_dx + self.gaze * self.eye_r * (1.0 - self.pupil_frac) * 0.8);
        v
    }

    /// The pupil centres, (x, y) for the left and the right eye, in image units.
    pub fn pupils(&self) -> [[f32; 2]; 2] {
        let shift = self.gaze * self.eye_r * (1.0 - self.pupil_frac) * 0.8;
        [
            [self.face_cx - self.eye_dx + shift, self.eye_y],
            [self.face_cx + self.eye_dx + shift, self.eye_y],
        ]
    }

    /// Renders the face at `size` × `size`, RGB in [0, 1], row-major `[y][x][c]`.
    pub fn render(&self, size: usize) -> Vec<f32> {
        let mut img = vec![0.0f32; size * size * 3];
        for px in img.chunks_exact_mut(3) {
            px.copy_from_slice(&self.background);
        }
        let s = size as f32;
        let aa = 1.0 / s; // one pixel of smooth edge
        let mut canvas = Canvas {
            img: &mut img,
            size,
            s,
            aa,
        };
        let (cx, cy, rx, ry) = (self.face_cx, self.face_cy, self.face_rx, self.face_ry);
        let style = self.hair_style as i32;
        // Long hair falls behind the face.
        if style == 2 {
            canvas.ellipse(cx, cy + ry * 0.15, rx * 1.25, ry * 1.15, self.hair);
        }
        canvas.ellipse(cx, cy, rx, ry, self.skin);
        // Hair on top: the face's top cap, cut off by a line (low for a fringe).
        if style != 0 {
            let cut = match style {
                3 => cy - ry * 0.35,
                _ => cy - ry * 0.6,
            };
            canvas.cap(cx, cy - ry * 0.05, rx * 1.06, ry * 1.02, cut, self.hair);
        }
        let [l, r] = self.pupils();
        for (side, pupil) in [(-1.0f32, l), (1.0, r)] {
            let ex = cx + side * self.eye_dx;
            canvas.ellipse(
                ex,
                self.eye_y,
                self.eye_r,
                self.eye_r * 0.8,
                [0.97, 0.97, 0.97],
            );
            canvas.ellipse(
                pupil[0],
                pupil[1],
                self.eye_r * self.pupil_frac,
                self.eye_r * self.pupil_frac,
                [0.1, 0.07, 0.06],
            );
            // A brow: a capsule above the eye, tilted (the inner end lower for a frown).
            let by = self.eye_y - self.brow_lift;
            let tilt = self.brow_tilt * self.eye_r * 0.6;
            let (inner, outer) = (ex - side * self.eye_r * 1.1, ex + side * self.eye_r * 1.1);
            canvas.capsule(
                [inner, by + tilt],
                [outer, by - tilt],
                self.eye_r * 0.22,
                darker(self.hair, 0.8),
            );
        }
        // The nose: a short, slightly darker stroke between the eyes and the mouth.
        let nose_top = self.eye_y + self.eye_r * 0.9;
        let nose_tip = nose_top + (self.mouth_y - nose_top) * 0.55;
        canvas.capsule(
            [cx, nose_top],
            [cx + self.face_rx * 0.04, nose_tip],
            self.face_rx * 0.035 + 0.4 * aa,
            darker(self.skin, 0.82),
        );
        // The mouth: a curved band of capsules along a parabola.
        let lips = [
            0.62 * self.skin[0] + 0.25,
            0.32 * self.skin[1],
            0.32 * self.skin[2],
        ];
        let n = 6;
        let point = |i: usize| {
            let t = -1.0 + 2.0 * i as f32 / n as f32;
            [
                cx + t * self.mouth_w,
                self.mouth_y - self.mouth_curve * self.mouth_w * 0.35 * (1.0 - t * t),
            ]
        };
        for i in 0..n {
            canvas.capsule(
                point(i),
                point(i + 1),
                self.face_rx * 0.045 + 0.6 * aa,
                lips,
            );
        }
        img
    }
}

fn darker(c: [f32; 3], k: f32) -> [f32; 3] {
    [c[0] * k, c[1] * k, c[2] * k]
}

/// An RGB image being painted, in image units.
struct Canvas<'a> {
    img: &'a mut [f32],
    size: usize,
    s: f32,
    aa: f32,
}

impl Canvas<'_> {
    /// Blends `color` with coverage from the signed distance `sdf` (negative inside)
    /// over the pixels of the box [x0, x1] × [y0, y1].
    fn paint(
        &mut self,
        (x0, x1, y0, y1): (f32, f32, f32, f32),
        color: [f32; 3],
        sdf: impl Fn(f32, f32) -> f32,
    ) {
        let px = |v: f32| ((v * self.s).floor().max(0.0) as usize).min(self.size);
        let (i0, i1, j0, j1) = (
            px(x0 - self.aa),
            px(x1 + self.aa) + 1,
            px(y0 - self.aa),
            px(y1 + self.aa) + 1,
        );
        for j in j0..j1.min(self.size) {
            let y = (j as f32 + 0.5) / self.s;
            for i in i0..i1.min(self.size) {
                let x = (i as f32 + 0.5) / self.s;
                let d = sdf(x, y);
                // Coverage: 1 inside, 0 outside, linear over one pixel at the edge.
                let a = (0.5 - d / self.aa).clamp(0.0, 1.0);
                if a > 0.0 {
                    let at = 3 * (j * self.size + i);
                    for c in 0..3 {
                        self.img[at + c] += (color[c] - self.img[at + c]) * a;
                    }
                }
            }
        }
    }

    fn ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, color: [f32; 3]) {
        // An approximate signed distance: the normalised radius minus one, times the smaller radius.
        let k = rx.min(ry);
        self.paint((cx - rx, cx + rx, cy - ry, cy + ry), color, |x, y| {
            let (u, v) = ((x - cx) / rx, (y - cy) / ry);
            ((u * u + v * v).sqrt() - 1.0) * k
        });
    }

    /// The part of an ellipse above the line y = `cut`.
    fn cap(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, cut: f32, color: [f32; 3]) {
        let k = rx.min(ry);
        self.paint((cx - rx, cx + rx, cy - ry, cut), color, |x, y| {
            let (u, v) = ((x - cx) / rx, (y - cy) / ry);
            (((u * u + v * v).sqrt() - 1.0) * k).max(y - cut)
        });
    }

    /// A segment from `a` to `b` with round ends, of radius `r`.
    fn capsule(&mut self, a: [f32; 2], b: [f32; 2], r: f32, color: [f32; 3]) {
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len2 = (dx * dx + dy * dy).max(1e-12);
        let bx = (
            a[0].min(b[0]) - r,
            a[0].max(b[0]) + r,
            a[1].min(b[1]) - r,
            a[1].max(b[1]) + r,
        );
        self.paint(bx, color, |x, y| {
            let t = (((x - a[0]) * dx + (y - a[1]) * dy) / len2).clamp(0.0, 1.0);
            let (ex, ey) = (x - a[0] - t * dx, y - a[1] - t * dy);
            (ex * ex + ey * ey).sqrt() - r
        });
    }
}

/// `n` random faces: (images `[n][size][size][3]` in [0, 1], parameters `[n][PARAM_COUNT]`).
pub fn faces<R: Rng + ?Sized>(rng: &mut R, n: usize, size: usize) -> (Vec<f32>, Vec<f32>) {
    let mut images = Vec::with_capacity(n * size * size * 3);
    let mut params = Vec::with_capacity(n * PARAM_COUNT);
    for _ in 0..n {
        let p = FaceParams::random(rng);
        images.extend(p.render(size));
        params.extend(p.to_vec());
    }
    (images, params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn rng(seed: u64) -> rand::rngs::StdRng {
        rand::rngs::StdRng::seed_from_u64(seed)
    }

    #[test]
    fn a_seed_fixes_the_faces() {
        let a = faces(&mut rng(3), 4, 64);
        let b = faces(&mut rng(3), 4, 64);
        let c = faces(&mut rng(4), 4, 64);
        assert_eq!(a, b);
        assert_ne!(a.0, c.0);
        assert_eq!(a.0.len(), 4 * 64 * 64 * 3);
        assert_eq!(a.1.len(), 4 * PARAM_COUNT);
        assert!(a.0.iter().all(|v| (0.0..=1.0).contains(v)));
    }

    /// The darkest pixels in each eye's neighbourhood sit at the pupil the
    /// parameters place (within 1.5 px), for 200 random faces.
    #[test]
    fn pupils_are_where_the_parameters_say() {
        let size = 64;
        let mut r = rng(11);
        for _ in 0..200 {
            let p = FaceParams::random(&mut r);
            let img = p.render(size);
            for (side, pupil) in [-1.0f32, 1.0].into_iter().zip(p.pupils()) {
                let (px, py) = (pupil[0] * size as f32, pupil[1] * size as f32);
                // Centroid of the near-black pixels inside the eye's white (the
                // brow above it is dark too, but outside).
                let eye_x = (p.face_cx + side * p.eye_dx) * size as f32;
                let (rx, ry) = (p.eye_r * size as f32, 0.75 * p.eye_r * size as f32);
                let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
                for j in 0..size {
                    for i in 0..size {
                        let (x, y) = (i as f32 + 0.5, j as f32 + 0.5);
                        if (x - eye_x).abs() > rx || (y - py).abs() > ry {
                            continue;
                        }
                        let at = 3 * (j * size + i);
                        let lum = img[at] + img[at + 1] + img[at + 2];
                        if lum < 0.45 {
                            let w = 0.45 - lum;
                            sx += w * x;
                            sy += w * y;
                            n += w;
                        }
                    }
                }
                assert!(n > 0.0, "no dark pupil pixels near {px}, {py} in {p:?}");
                let (mx, my) = (sx / n, sy / n);
                assert!(
                    (mx - px).abs() < 1.5 && (my - py).abs() < 1.5,
                    "pupil at ({mx}, {my}), parameters say ({px}, {py})"
                );
            }
        }
    }

    #[test]
    fn faces_vary_and_edges_are_smooth() {
        let (imgs, params) = faces(&mut rng(5), 50, 32);
        // Every parameter varies across faces.
        for k in 0..PARAM_COUNT {
            let col: Vec<f32> = params.chunks(PARAM_COUNT).map(|p| p[k]).collect();
            let (lo, hi) = col
                .iter()
                .fold((f32::MAX, f32::MIN), |(a, b), &v| (a.min(v), b.max(v)));
            assert!(hi > lo, "parameter {k} never varies");
        }
        // Anti-aliasing: some pixels are strict blends (neither shape's colour).
        let one = &imgs[..32 * 32 * 3];
        let distinct: std::collections::BTreeSet<u32> =
            one.chunks(3).map(|c| (c[0] * 255.0) as u32).collect();
        assert!(
            distinct.len() > 12,
            "only {} red levels: no smooth edges?",
            distinct.len()
        );
    }
}
