//! The stored (uncompressed) entries of a zip file: all a `torch.save` archive
//! uses. Read from the central directory; a compressed entry is an error.

use std::collections::HashMap;

use super::bad;
use crate::checkpoint::CheckpointError;

/// The stored (uncompressed) entries of a zip file, by name.
pub(super) fn entries(bytes: &[u8]) -> Result<HashMap<String, &[u8]>, CheckpointError> {
    let u16_at = |o: usize| -> Result<usize, CheckpointError> {
        bytes
            .get(o..o + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
            .ok_or_else(|| bad("the zip file is truncated"))
    };
    let u32_at = |o: usize| -> Result<usize, CheckpointError> {
        bytes
            .get(o..o + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or_else(|| bad("the zip file is truncated"))
    };
    // The end-of-central-directory record: the last "PK\x05\x06" (a comment may follow it).
    let eocd = (0..bytes.len().saturating_sub(21))
        .rev()
        .take(65_557)
        .find(|&o| bytes[o..].starts_with(b"PK\x05\x06"))
        .ok_or_else(|| bad("not a zip file (no central directory)"))?;
    let count = u16_at(eocd + 10)?;
    let mut at = u32_at(eocd + 16)?;
    let mut out = HashMap::new();
    for _ in 0..count {
        if !bytes
            .get(at..)
            .is_some_and(|b| b.starts_with(b"PK\x01\x02"))
        {
            return Err(bad("the zip's central directory is damaged"));
        }
        let method = u16_at(at + 10)?;
        let size = u32_at(at + 20)?;
        let (name_len, extra_len, comment_len) =
            (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        let local = u32_at(at + 42)?;
        let name = String::from_utf8_lossy(
            bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or_else(|| bad("the zip file is truncated"))?,
        )
        .into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if method != 0 {
            return Err(bad(format!(
                "zip entry `{name}` is compressed (method {method}); PyTorch stores its entries uncompressed"
            )));
        }
        if !bytes
            .get(local..)
            .is_some_and(|b| b.starts_with(b"PK\x03\x04"))
        {
            return Err(bad(format!("zip entry `{name}` has no local header")));
        }
        let start = local + 30 + u16_at(local + 26)? + u16_at(local + 28)?;
        let data = bytes
            .get(start..start + size)
            .ok_or_else(|| bad(format!("zip entry `{name}` runs past the end of the file")))?;
        out.insert(name, data);
    }
    Ok(out)
}
