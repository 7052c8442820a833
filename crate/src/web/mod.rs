//! The web boundary: the only wasm-bindgen code. It turns JS values into the
//! core's types (and back), picks the backend, and maps every error to a JS
//! `Error` whose message a user can act on.

mod backend;
mod playground;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
    // burn and cubecl report WGSL validation errors only through `log`
    // (cubecl#1641): send them to the console so that they are seen.
    let _ = console_log::init_with_level(log::Level::Warn);
}
