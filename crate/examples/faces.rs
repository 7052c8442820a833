//! The procedural faces: measures how many 64×64 faces one core renders per
//! second (a benchmark, printed), and writes an 8 × 8 grid as a PNG.
//!   cargo run --release --example faces [out.png]
use gan_playground::data::faces::{faces, FaceParams};
use rand::SeedableRng;

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "docs/faces-procedural.png".into());
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    // Warm-up, then three timed runs of 5,000 faces on this one thread.
    let _ = faces(&mut rng, 200, 64);
    let mut rates = Vec::new();
    for _ in 0..3 {
        let t0 = std::time::Instant::now();
        let (imgs, _) = faces(&mut rng, 5000, 64);
        let dt = t0.elapsed().as_secs_f64();
        std::hint::black_box(&imgs);
        rates.push(5000.0 / dt);
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "procedural faces, 64×64, one core: {:.0} faces/s (median of 3 runs of 5,000: {:.0?})",
        rates[1], rates
    );

    // The grid: 8 × 8 faces, each 64 px shown at 2×, 4 px apart.
    let (n, size, scale, gap) = (8usize, 64usize, 2usize, 4usize); // 1,060 px square
    let side = n * size * scale + (n + 1) * gap;
    let mut rgb = vec![255u8; side * side * 3];
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for k in 0..n * n {
        let img = FaceParams::random(&mut rng).render(size);
        let (ox, oy) = (
            gap + (k % n) * (size * scale + gap),
            gap + (k / n) * (size * scale + gap),
        );
        for y in 0..size * scale {
            for x in 0..size * scale {
                let src = 3 * ((y / scale) * size + x / scale);
                let dst = 3 * ((oy + y) * side + ox + x);
                for c in 0..3 {
                    rgb[dst + c] = (img[src + c] * 255.0).round() as u8;
                }
            }
        }
    }
    std::fs::write(&out, gan_playground::image::png(side, side, &rgb)).expect("write the PNG");
    println!("wrote {out} ({side}×{side})");
}
