//! Bytes read eight at a time: whether a word of eight bytes holds one of a few ASCII or UTF-8
//! bytes, so that scans for rare bytes (sentence stops, chars JSON escapes) pass over most of
//! a text a word at a time instead of testing every byte.

/// Eight copies of `byte`, one per byte of a word.
pub const fn repeated(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// The eight bytes of `bytes` from `at` as one word (first byte lowest), or none when fewer
/// than eight remain.
#[inline]
pub fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let word = bytes.get(at..at + 8)?;
    Some(u64::from_le_bytes(<[u8; 8]>::try_from(word).unwrap_or_default()))
}

/// Nonzero when some byte of `w` is below `n` (n at most 0x80; the classic test, exact as to
/// whether there is one, not as to which).
#[inline]
pub const fn below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(repeated(n)) & !w & repeated(0x80)
}

/// Nonzero when some byte of `w` is `byte`.
#[inline]
pub const fn holds(w: u64, byte: u8) -> u64 {
    below(w ^ repeated(byte), 1)
}

/// Some byte of `w` is one of `bytes`.
#[inline]
pub fn holds_any<const N: usize>(w: u64, bytes: [u8; N]) -> bool {
    bytes.iter().fold(0, |found, &byte| found | holds(w, byte)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tests_agree_with_bytewise_ones() {
        let text = "قتل 3. Mali! é?\n\"fin\"\\ — … ؟ \u{1}\u{7f}".repeat(2);
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            let Some(w) = word_at(bytes, at) else {
                assert!(at + 8 > bytes.len());
                continue;
            };
            let eight = &bytes[at..at + 8];
            for n in [1, 0x20, 0x41, 0x80] {
                assert_eq!(below(w, n) != 0, eight.iter().any(|&b| b < n), "{at} {n}");
            }
            for byte in [b'.', b'"', b'\\', 0x9F, 0xE2, 0xD8, 0] {
                assert_eq!(holds(w, byte) != 0, eight.contains(&byte), "{at} {byte}");
            }
            assert_eq!(holds_any(w, [b'!', b'?']), eight.iter().any(|b| b"!?".contains(b)));
        }
    }
}
