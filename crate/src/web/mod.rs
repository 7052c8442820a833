//! The web boundary: the only wasm-bindgen code. It turns JS values into the
//! core's types (and back), picks the backend, and maps every error to a JS
//! `Error` whose message a user can act on.

mod backend;
mod compare;
mod dice;
mod faces;
mod lab2d;
mod playground;

use wasm_bindgen::prelude::*;

unsafe extern "C" {
    /// The linker's constructor runner (cubecl registers kernels through
    /// `inventory` constructors). Referencing it here matters for speed: when
    /// no code calls it, wasm-ld wraps *every* export in a call to it, which
    /// re-ran all constructors on each `state()` or `step()` call (measured:
    /// 28 ms per `state()`, 585 ms per frame). See wasm-bindgen#4446.
    fn __wasm_call_ctors();
}

#[wasm_bindgen(start)]
fn start() {
    // SAFETY: runs once, at instantiation, before any other export is called.
    unsafe { __wasm_call_ctors() };
    // gemm (burn-flex's matrix products) ships WebAssembly SIMD kernels but, as
    // burn builds it, picks its scalar ones; its SIMD switch is a runtime flag.
    // Measured in Chromium, 2-D lab (2 × 64, batch 256): the scalar microkernel
    // was 52 % of a CPU step. The module holds SIMD code either way, so this
    // needs nothing more of the browser.
    gemm_common::set_wasm_simd128(true);
    console_error_panic_hook::set_once();
    // burn and cubecl report WGSL validation errors only through `log`
    // (cubecl#1641): send them to the console so that they are seen.
    let _ = console_log::init_with_level(log::Level::Warn);
}
