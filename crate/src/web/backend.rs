//! Backend choice in the browser: WebGPU on a hardware adapter, burn's CPU
//! backend (flex) otherwise, always with the reason.
//!
//! A software WebGPU adapter (SwiftShader and the like) is slower than flex in
//! wasm by about 15× for our models, so `auto` does not use it; `webgpu`
//! forces it, which is how the tests reach the WebGPU path without a GPU.

use std::cell::RefCell;

use burn::tensor::Device;
use js_sys::Reflect;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::config::BackendChoice;

/// The backend a playground runs on, as `state()` reports it.
#[derive(Clone, Debug, Serialize)]
pub struct ActiveBackend {
    /// `"webgpu"` or `"cpu"`.
    pub kind: &'static str,
    /// The WebGPU adapter's name, when WebGPU is in use.
    pub adapter: Option<String>,
    /// Why the CPU backend was chosen, or a note on a forced software adapter.
    pub reason: Option<String>,
    #[serde(skip)]
    pub device: Device,
}

/// What `navigator.gpu.requestAdapter()` offered.
enum Probe {
    NoApi,
    NoAdapter,
    Failed(String),
    Adapter { name: String, software: bool },
}

thread_local! {
    /// burn's wgpu runtime can be initialised once per page; every playground
    /// on the page shares its device.
    static WGPU: RefCell<Option<Device>> = const { RefCell::new(None) };
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn string(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_default()
}

async fn probe() -> Probe {
    let navigator = get(&js_sys::global(), "navigator");
    let gpu = get(&navigator, "gpu");
    if gpu.is_undefined() || gpu.is_null() {
        return Probe::NoApi;
    }
    let Ok(request) = get(&gpu, "requestAdapter").dyn_into::<js_sys::Function>() else {
        return Probe::NoApi;
    };
    let promise = match request.call0(&gpu).map(|p| p.dyn_into::<js_sys::Promise>()) {
        Ok(Ok(p)) => p,
        _ => {
            return Probe::Failed("navigator.gpu.requestAdapter() did not return a promise".into())
        }
    };
    let adapter = match JsFuture::from(promise).await {
        Ok(a) if !a.is_null() && !a.is_undefined() => a,
        Ok(_) => return Probe::NoAdapter,
        Err(e) => return Probe::Failed(format!("{e:?}")),
    };
    let info = get(&adapter, "info");
    let description = string(&info, "description");
    let vendor = string(&info, "vendor");
    let architecture = string(&info, "architecture");
    let name = if !description.is_empty() {
        description.clone()
    } else {
        let joined = format!("{vendor} {architecture}").trim().to_string();
        if joined.is_empty() {
            "unnamed adapter".into()
        } else {
            joined
        }
    };
    // `info.isFallbackAdapter` is current; `adapter.isFallbackAdapter` is the
    // older place. Known software rasterisers count too, whatever they claim.
    let flagged = get(&info, "isFallbackAdapter")
        .as_bool()
        .or_else(|| get(&adapter, "isFallbackAdapter").as_bool());
    let text = format!("{description} {vendor} {architecture}").to_lowercase();
    let known_software = ["swiftshader", "llvmpipe", "lavapipe", "basic render"]
        .iter()
        .any(|s| text.contains(s));
    Probe::Adapter {
        name,
        software: flagged.unwrap_or(false) || known_software,
    }
}

async fn wgpu_device() -> Result<Device, String> {
    if let Some(device) = WGPU.with(|d| d.borrow().clone()) {
        return Ok(device);
    }
    let device = Device::wgpu_options()
        .init_async()
        .await
        .map_err(|e| format!("burn could not start WebGPU: {e}"))?;
    WGPU.with(|d| *d.borrow_mut() = Some(device.clone()));
    Ok(device)
}

fn cpu(reason: String) -> ActiveBackend {
    ActiveBackend {
        kind: "cpu",
        adapter: None,
        reason: Some(reason),
        device: Device::flex(),
    }
}

/// Picks the backend for `choice`. With `strict`, a `webgpu` request that
/// cannot be met is an error (a `configure` call); otherwise it falls back to
/// the CPU and says why (a URL parameter on page load).
pub async fn select(choice: BackendChoice, strict: bool) -> Result<ActiveBackend, String> {
    if choice == BackendChoice::Cpu {
        return Ok(cpu("the CPU backend was requested".into()));
    }
    let unavailable = match probe().await {
        Probe::NoApi => "this browser has no WebGPU (navigator.gpu is missing)".to_string(),
        Probe::NoAdapter => "WebGPU is present but offers no adapter".to_string(),
        Probe::Failed(e) => format!("requesting a WebGPU adapter failed: {e}"),
        Probe::Adapter { name, software } => {
            if software && choice == BackendChoice::Auto {
                return Ok(cpu(format!(
                    "the only WebGPU adapter ({name}) is a software fallback; burn's CPU backend is faster here"
                )));
            }
            match wgpu_device().await {
                Ok(device) => {
                    let reason = software.then(|| {
                        format!("forced onto a software adapter ({name}): expect it to be slow")
                    });
                    return Ok(ActiveBackend {
                        kind: "webgpu",
                        adapter: Some(name),
                        reason,
                        device,
                    });
                }
                Err(e) => e,
            }
        }
    };
    match choice {
        BackendChoice::Webgpu if strict => Err(format!("WebGPU was requested, but {unavailable}")),
        BackendChoice::Webgpu => Ok(cpu(format!(
            "WebGPU was requested, but {unavailable}; using the CPU backend"
        ))),
        _ => Ok(cpu(unavailable)),
    }
}
