//! Reading a PyTorch checkpoint (`torch.save` of a state dict, the zip format
//! PyTorch has written since 1.6) without PyTorch: a reader for the zip's
//! stored entries, and the small part of the pickle machine that a state
//! dict uses (dicts, tuples, strings, ints, `OrderedDict`, and tensors rebuilt
//! from storages by `torch._utils._rebuild_tensor_v2`).
//!
//! It exists to load the PyTorch-tutorial DCGAN generator (`netG`, with its
//! `main.N.weight` / `BatchNorm2d` names) into our [`DcganGenerator`]: see
//! [`dcgan_generator`]. Nothing here runs pickled code; an opcode or a global
//! outside that subset is an error.

use std::collections::HashMap;

use crate::checkpoint::{CheckpointError, NamedTensor};

mod zip;

fn bad(m: impl Into<String>) -> CheckpointError {
    CheckpointError(m.into())
}

/// The values the pickle subset builds.
#[derive(Clone, Debug)]
enum Val {
    None,
    /// A boolean or a float: pickled, never read.
    Scalar,
    Int(i64),
    Str(String),
    Tuple(Vec<Val>),
    Dict(Vec<(Val, Val)>),
    Global(String),
    Storage {
        dtype: String,
        key: String,
    },
    Tensor(Box<TensorRef>),
    Mark,
}

#[derive(Clone, Debug)]
struct TensorRef {
    dtype: String,
    key: String,
    offset: usize,
    shape: Vec<usize>,
    stride: Vec<usize>,
}

fn as_usizes(v: &Val) -> Result<Vec<usize>, CheckpointError> {
    match v {
        Val::Tuple(items) => items
            .iter()
            .map(|x| match x {
                Val::Int(i) if *i >= 0 => Ok(*i as usize),
                _ => Err(bad("a tensor's size or stride is not a tuple of integers")),
            })
            .collect(),
        _ => Err(bad("a tensor's size or stride is not a tuple")),
    }
}

/// Runs the pickle `data` and returns its result.
fn unpickle(data: &[u8]) -> Result<Val, CheckpointError> {
    let mut stack: Vec<Val> = Vec::new();
    let mut memo: HashMap<usize, Val> = HashMap::new();
    let mut i = 0usize;
    let take = |i: &mut usize, n: usize| -> Result<&[u8], CheckpointError> {
        let s = data
            .get(*i..*i + n)
            .ok_or_else(|| bad("the pickle is truncated"))?;
        *i += n;
        Ok(s)
    };
    let pop = |stack: &mut Vec<Val>| {
        stack
            .pop()
            .ok_or_else(|| bad("the pickle's stack underflowed"))
    };
    let pop_mark = |stack: &mut Vec<Val>| -> Result<Vec<Val>, CheckpointError> {
        let m = stack
            .iter()
            .rposition(|v| matches!(v, Val::Mark))
            .ok_or_else(|| bad("the pickle has no mark"))?;
        let items = stack.split_off(m + 1);
        stack.pop();
        Ok(items)
    };
    loop {
        let op = *take(&mut i, 1)?.first().expect("one byte");
        match op {
            0x80 => {
                take(&mut i, 1)?; // PROTO n
            }
            0x95 => {
                take(&mut i, 8)?; // FRAME (protocol 4)
            }
            b'}' => stack.push(Val::Dict(Vec::new())),
            b')' => stack.push(Val::Tuple(Vec::new())),
            b'(' => stack.push(Val::Mark),
            b'N' => stack.push(Val::None),
            0x88 | 0x89 => stack.push(Val::Scalar),
            b'K' => stack.push(Val::Int(take(&mut i, 1)?[0] as i64)),
            b'M' => {
                let b = take(&mut i, 2)?;
                stack.push(Val::Int(u16::from_le_bytes([b[0], b[1]]) as i64))
            }
            b'J' => {
                let b = take(&mut i, 4)?;
                stack.push(Val::Int(i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64))
            }
            b'G' => {
                take(&mut i, 8)?;
                stack.push(Val::Scalar)
            }
            b'X' | 0x8c => {
                let n = if op == b'X' {
                    let b = take(&mut i, 4)?;
                    u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
                } else {
                    take(&mut i, 1)?[0] as usize
                };
                let s = String::from_utf8(take(&mut i, n)?.to_vec())
                    .map_err(|_| bad("a pickled string is not UTF-8"))?;
                stack.push(Val::Str(s));
            }
            b'c' => {
                let mut line = || -> Result<String, CheckpointError> {
                    let end = data[i..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .ok_or_else(|| bad("the pickle is truncated"))?;
                    let s = String::from_utf8_lossy(&data[i..i + end]).into_owned();
                    i += end + 1;
                    Ok(s)
                };
                let module = line()?;
                let name = line()?;
                stack.push(Val::Global(format!("{module}.{name}")));
            }
            b'q' => {
                let k = take(&mut i, 1)?[0] as usize;
                memo.insert(
                    k,
                    stack
                        .last()
                        .cloned()
                        .ok_or_else(|| bad("BINPUT on an empty stack"))?,
                );
            }
            b'r' => {
                let b = take(&mut i, 4)?;
                let k = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
                memo.insert(
                    k,
                    stack
                        .last()
                        .cloned()
                        .ok_or_else(|| bad("LONG_BINPUT on an empty stack"))?,
                );
            }
            b'h' | b'j' => {
                let k = if op == b'h' {
                    take(&mut i, 1)?[0] as usize
                } else {
                    let b = take(&mut i, 4)?;
                    u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
                };
                stack.push(
                    memo.get(&k)
                        .cloned()
                        .ok_or_else(|| bad("the pickle reads a memo it never wrote"))?,
                );
            }
            b't' => {
                let items = pop_mark(&mut stack)?;
                stack.push(Val::Tuple(items));
            }
            0x85..=0x87 => {
                let n = (op - 0x84) as usize;
                if stack.len() < n {
                    return Err(bad("the pickle's stack underflowed"));
                }
                let items = stack.split_off(stack.len() - n);
                stack.push(Val::Tuple(items));
            }
            b's' => {
                let v = pop(&mut stack)?;
                let k = pop(&mut stack)?;
                match stack.last_mut() {
                    Some(Val::Dict(d)) => d.push((k, v)),
                    _ => return Err(bad("SETITEM on something that is not a dict")),
                }
            }
            b'u' => {
                let items = pop_mark(&mut stack)?;
                let Some(Val::Dict(d)) = stack.last_mut() else {
                    return Err(bad("SETITEMS on something that is not a dict"));
                };
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    d.push((k, v));
                }
            }
            b'b' => {
                pop(&mut stack)?; // BUILD: the state (a state dict's `_metadata`) is not needed
            }
            b'Q' => {
                // BINPERSID: ('storage', storage type, key, location, numel)
                let pid = pop(&mut stack)?;
                let Val::Tuple(t) = pid else {
                    return Err(bad("a persistent id is not a tuple"));
                };
                match (t.first(), t.get(1), t.get(2)) {
                    (Some(Val::Str(kind)), Some(Val::Global(ty)), Some(Val::Str(key)))
                        if kind == "storage" =>
                    {
                        stack.push(Val::Storage {
                            dtype: ty.clone(),
                            key: key.clone(),
                        })
                    }
                    _ => return Err(bad("a persistent id is not a storage")),
                }
            }
            b'R' => {
                let args = pop(&mut stack)?;
                let callable = pop(&mut stack)?;
                let Val::Global(name) = callable else {
                    return Err(bad("REDUCE on something that is not a global"));
                };
                let Val::Tuple(args) = args else {
                    return Err(bad("REDUCE's arguments are not a tuple"));
                };
                match name.as_str() {
                    "collections.OrderedDict" => stack.push(Val::Dict(Vec::new())),
                    "torch._utils._rebuild_tensor_v2" => {
                        let Some(Val::Storage { dtype, key }) = args.first() else {
                            return Err(bad("a tensor without a storage"));
                        };
                        let offset = match args.get(1) {
                            Some(Val::Int(o)) if *o >= 0 => *o as usize,
                            _ => return Err(bad("a tensor's storage offset is not an integer")),
                        };
                        let shape =
                            as_usizes(args.get(2).ok_or_else(|| bad("a tensor without a size"))?)?;
                        let stride = as_usizes(
                            args.get(3)
                                .ok_or_else(|| bad("a tensor without a stride"))?,
                        )?;
                        stack.push(Val::Tensor(Box::new(TensorRef {
                            dtype: dtype.clone(),
                            key: key.clone(),
                            offset,
                            shape,
                            stride,
                        })));
                    }
                    other => {
                        return Err(bad(format!(
                        "the pickle calls `{}`, which a state dict does not; refusing to run it",
                        other.chars().take(60).collect::<String>()
                    )))
                    }
                }
            }
            b'.' => return pop(&mut stack),
            other => {
                return Err(bad(format!(
                    "pickle opcode 0x{other:02x} at byte {} is outside what a state dict uses",
                    i - 1
                )))
            }
        }
    }
}

/// The float tensors of a PyTorch checkpoint, by their state-dict names. A
/// top-level dict holding one state dict (say `{"netG_state_dict": ...}`)
/// is looked into. Integer tensors (`num_batches_tracked`) are left out.
pub fn read_state_dict(bytes: &[u8]) -> Result<Vec<NamedTensor>, CheckpointError> {
    let entries = zip::entries(bytes)?;
    let (pkl_name, pkl) = entries
        .iter()
        .find(|(n, _)| n.ends_with("/data.pkl") || n.as_str() == "data.pkl")
        .ok_or_else(|| bad("the zip has no data.pkl: not a PyTorch checkpoint"))?;
    let prefix = pkl_name.trim_end_matches("data.pkl").to_string();
    if let Some(order) = entries.get(&format!("{prefix}byteorder")) {
        if *order != b"little" {
            return Err(bad("the checkpoint is big-endian"));
        }
    }
    let mut root = unpickle(pkl)?;
    // Descend into a wrapper dict whose values hold the tensors.
    loop {
        let Val::Dict(items) = &root else {
            return Err(bad("the checkpoint is not a dict of tensors"));
        };
        if items.iter().any(|(_, v)| matches!(v, Val::Tensor(_))) {
            break;
        }
        let inner: Vec<&Val> = items
            .iter()
            .map(|(_, v)| v)
            .filter(|v| matches!(v, Val::Dict(_)))
            .collect();
        match inner.as_slice() {
            [one] => root = (*one).clone(),
            _ => {
                return Err(bad(
                    "the checkpoint holds no state dict (or several: say which)",
                ))
            }
        }
    }
    let Val::Dict(items) = root else {
        unreachable!()
    };
    let mut out = Vec::new();
    for (k, v) in items {
        let (Val::Str(name), Val::Tensor(t)) = (k, v) else {
            continue;
        };
        if t.dtype != "torch.FloatStorage" {
            continue;
        }
        let numel: usize = t.shape.iter().product();
        let mut contiguous = vec![1usize; t.shape.len()];
        for d in (0..t.shape.len().saturating_sub(1)).rev() {
            contiguous[d] = contiguous[d + 1] * t.shape[d + 1];
        }
        if numel > 1 && t.stride != contiguous {
            return Err(bad(format!("tensor `{name}` is not contiguous")));
        }
        let raw = entries
            .get(&format!("{prefix}data/{}", t.key))
            .ok_or_else(|| bad(format!("tensor `{name}`'s storage is missing from the zip")))?;
        let bytes = raw
            .get(t.offset * 4..(t.offset + numel) * 4)
            .ok_or_else(|| bad(format!("tensor `{name}` runs past its storage")))?;
        let values: Vec<f32> = bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        if values.iter().any(|v| !v.is_finite()) {
            return Err(bad(format!("tensor `{name}` holds a NaN or an infinity")));
        }
        out.push(NamedTensor {
            name,
            shape: t.shape.clone(),
            values,
        });
    }
    if out.is_empty() {
        return Err(bad("the checkpoint has no float tensors"));
    }
    Ok(out)
}

/// The shape a PyTorch-tutorial DCGAN generator state dict implies:
/// (latent, ngf, resolution).
pub fn dcgan_generator_shape(
    tensors: &[NamedTensor],
) -> Result<(usize, usize, usize), CheckpointError> {
    let first = tensors
        .iter()
        .find(|t| t.name == "main.0.weight")
        .ok_or_else(|| bad("no `main.0.weight`: not a PyTorch-tutorial DCGAN generator (netG)"))?;
    let &[nz, c8, 4, 4] = first.shape.as_slice() else {
        return Err(bad(format!(
            "`main.0.weight` has shape {:?}; a DCGAN netG's is [nz, 8·ngf, 4, 4]",
            first.shape
        )));
    };
    let convs = tensors
        .iter()
        .filter(|t| {
            t.name.starts_with("main.") && t.name.ends_with(".weight") && t.shape.len() == 4
        })
        .count();
    let resolution = match convs {
        5 => 64,
        4 => 32,
        n => {
            return Err(bad(format!(
                "{n} transposed convolutions; a DCGAN netG has 5 (64×64) or 4 (32×32)"
            )))
        }
    };
    let stages = convs - 1;
    if c8 % (1 << (stages - 1)) != 0 {
        return Err(bad(format!(
            "`main.0.weight` has {c8} output channels, not a multiple of {}",
            1 << (stages - 1)
        )));
    }
    Ok((nz, c8 >> (stages - 1), resolution))
}

/// Our generator's parameter names → the PyTorch tutorial's: stage i is
/// `main.{3i}` (ConvTranspose2d) and `main.{3i+1}` (BatchNorm2d: weight =
/// γ, bias = β), the last convolution `main.{3·stages}`.
pub fn torch_name(ours: &str) -> Option<String> {
    let rest = ours.strip_prefix("g.")?;
    let (kind, rest) = rest.split_once('.')?;
    let (i, field) = rest.split_once('.')?;
    let i: usize = i.parse().ok()?;
    match (kind, field) {
        ("convs", "weight") => Some(format!("main.{}.weight", 3 * i)),
        ("norms", "gamma") => Some(format!("main.{}.weight", 3 * i + 1)),
        ("norms", "beta") => Some(format!("main.{}.bias", 3 * i + 1)),
        ("norms", "running_mean") => Some(format!("main.{}.running_mean", 3 * i + 1)),
        ("norms", "running_var") => Some(format!("main.{}.running_var", 3 * i + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_onto_the_tutorial_layout() {
        assert_eq!(
            torch_name("g.convs.0.weight").as_deref(),
            Some("main.0.weight")
        );
        assert_eq!(
            torch_name("g.norms.0.gamma").as_deref(),
            Some("main.1.weight")
        );
        assert_eq!(
            torch_name("g.norms.3.running_var").as_deref(),
            Some("main.10.running_var")
        );
        assert_eq!(
            torch_name("g.convs.4.weight").as_deref(),
            Some("main.12.weight")
        );
        assert_eq!(torch_name("d.convs.0.weight"), None);
    }

    #[test]
    fn refuses_what_is_not_a_checkpoint() {
        assert!(read_state_dict(b"").unwrap_err().0.contains("not a zip"));
        assert!(read_state_dict(b"hello, this is text, not a zip at all")
            .unwrap_err()
            .0
            .contains("not a zip"));
        // A pickle that calls os.system is refused, never run.
        let evil = b"\x80\x02cos\nsystem\nX\x02\x00\x00\x00lsq\x00\x85R.";
        assert!(unpickle(evil).unwrap_err().0.contains("refusing to run it"));
        assert!(unpickle(b"\x80\x02}q\x00(")
            .unwrap_err()
            .0
            .contains("truncated"));
    }
}
