//! Images out of the core: a grid of RGB images, and a minimal PNG encoder
//! (8-bit RGB, zlib stored blocks: no compression, no dependency). For the
//! native trainer's sample grids and the README's pictures.

/// Tiles `images` (`[n][size][size][3]` in [0, 1]) into a `cols`-wide grid,
/// each scaled up `scale`× (nearest), `gap` white pixels apart. Returns
/// (width, height, RGB bytes).
pub fn grid(
    images: &[f32],
    size: usize,
    cols: usize,
    scale: usize,
    gap: usize,
) -> (usize, usize, Vec<u8>) {
    let n = images.len() / (size * size * 3);
    let rows = n.div_ceil(cols);
    let cell = size * scale + gap;
    let (w, h) = (cols * cell + gap, rows * cell + gap);
    let mut rgb = vec![255u8; w * h * 3];
    for (k, img) in images.chunks_exact(size * size * 3).enumerate() {
        let (ox, oy) = (gap + (k % cols) * cell, gap + (k / cols) * cell);
        for y in 0..size * scale {
            for x in 0..size * scale {
                let src = 3 * ((y / scale) * size + x / scale);
                let dst = 3 * ((oy + y) * w + ox + x);
                for c in 0..3 {
                    rgb[dst + c] = (img[src + c].clamp(0.0, 1.0) * 255.0).round() as u8;
                }
            }
        }
    }
    (w, h, rgb)
}

/// RGB floats in [0, 1] (`[..][3]`) as canvas-ready RGBA bytes (opaque).
pub fn rgba(images: &[f32]) -> Vec<u8> {
    images
        .chunks_exact(3)
        .flat_map(|p| {
            let b = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
            [b(p[0]), b(p[1]), b(p[2]), 255]
        })
        .collect()
}

/// RGBA bytes (`[..][4]`, alpha ignored) as RGB floats in [0, 1].
pub fn from_rgba(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]].map(|v| v as f32 / 255.0))
        .collect()
}

/// Halves `[n][size][size][3]` images by 2 × 2 averaging.
pub fn halve(images: &[f32], size: usize) -> Vec<f32> {
    let h = size / 2;
    let mut out = Vec::with_capacity(images.len() / 4);
    for img in images.chunks_exact(size * size * 3) {
        for y in 0..h {
            for x in 0..h {
                for c in 0..3 {
                    let at = |yy: usize, xx: usize| img[(yy * size + xx) * 3 + c];
                    out.push(
                        0.25 * (at(2 * y, 2 * x)
                            + at(2 * y, 2 * x + 1)
                            + at(2 * y + 1, 2 * x)
                            + at(2 * y + 1, 2 * x + 1)),
                    );
                }
            }
        }
    }
    out
}

/// A PNG file of 8-bit RGB pixels, row-major.
pub fn png(w: usize, h: usize, rgb: &[u8]) -> Vec<u8> {
    let crc = |data: &[u8]| -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for &b in data {
            c ^= b as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    };
    let chunk = |out: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        out.extend(&body);
        out.extend(crc(&body).to_be_bytes());
    };
    let mut raw = Vec::with_capacity(h * (1 + 3 * w));
    for y in 0..h {
        raw.push(0); // filter: none
        raw.extend(&rgb[3 * y * w..3 * (y + 1) * w]);
    }
    let mut z = vec![0x78, 0x01];
    for (i, block) in raw.chunks(65_535).enumerate() {
        let last = (i + 1) * 65_535 >= raw.len();
        z.push(last as u8);
        z.extend((block.len() as u16).to_le_bytes());
        z.extend((!(block.len() as u16)).to_le_bytes());
        z.extend(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &x in &raw {
        a = (a + x as u32) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend(((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend((w as u32).to_be_bytes());
    ihdr.extend((h as u32).to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_has_its_signature_chunks_and_checksums() {
        let bytes = png(2, 1, &[255, 0, 0, 0, 0, 255]);
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&bytes[12..16], b"IHDR");
        // IHDR's CRC, computed independently (zlib.crc32 of b"IHDR" + its 13 bytes).
        assert_eq!(&bytes[29..33], &[0x7b, 0x40, 0xe8, 0xdd]);
        assert_eq!(&bytes[bytes.len() - 8..bytes.len() - 4], b"IEND");
    }

    #[test]
    fn grid_places_images() {
        let red = [1.0f32, 0.0, 0.0];
        let img: Vec<f32> = red.iter().cycle().take(2 * 2 * 3).copied().collect();
        let (w, h, rgb) = grid(&[img.clone(), img].concat(), 2, 2, 1, 1);
        assert_eq!((w, h), (7, 4));
        assert_eq!(&rgb[3 * (w + 1)..3 * (w + 1) + 3], &[255, 0, 0]);
        assert_eq!(&rgb[0..3], &[255, 255, 255]);
    }
}
