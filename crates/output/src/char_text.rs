//! Slices of a document's text by char offsets, the unit every span of the output counts in,
//! without copying the text into a vector of chars first.

/// Bytes per chunk of the index.
const CHUNK: usize = 32;

/// A text sliced by char offsets: for every [`CHUNK`] bytes, how many chars start before them
/// (counted without decoding, so indexing is one quick pass); a char offset is found by a
/// binary search over the chunks, then a walk of at most one chunk.
pub(crate) struct CharText<'a> {
    text: &'a str,
    /// `chars_before[k]`: how many chars start before byte `k * CHUNK`.
    chars_before: Vec<u32>,
    /// The text's length in chars.
    chars: usize,
}

/// True for the first byte of a UTF-8 char (anything but a continuation byte, 10xxxxxx).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// How many chars start in `bytes`: eight bytes at a time, a continuation byte being one with
/// its top bit set and the next bit clear (a few word operations instead of a test per byte).
fn chars_starting_in(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut chars = 0;
    for word in &mut words {
        chars += chars_starting_in_word(word);
    }
    chars + words.remainder().iter().filter(|&&byte| starts_char(byte)).count()
}

/// How many chars start in eight bytes (a slice of another length counts as none).
fn chars_starting_in_word(word: &[u8]) -> usize {
    let Ok(word) = <[u8; 8]>::try_from(word) else { return 0 };
    let w = u64::from_le_bytes(word);
    let marks = w & !(w << 1) & 0x8080_8080_8080_8080;
    // One 0x01 per continuation byte, summed into the top byte.
    let continuations = (marks >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56;
    8 - continuations as usize
}

impl<'a> CharText<'a> {
    /// Index `text` in one pass over its bytes.
    pub fn new(text: &'a str) -> CharText<'a> {
        let mut chars_before = Vec::with_capacity(text.len() / CHUNK + 1);
        let mut chars = 0usize;
        for chunk in text.as_bytes().chunks(CHUNK) {
            chars_before.push(chars as u32);
            chars += chars_starting_in(chunk);
        }
        CharText { text, chars_before, chars }
    }

    /// The text of chars `start..end`; `None` when the range is reversed or runs past the end
    /// (as `<[char]>::get` answers).
    pub fn get(&self, start: u32, end: u32) -> Option<&'a str> {
        let (start, end) = (start as usize, end as usize);
        if start > end || end > self.chars {
            return None;
        }
        self.text.get(self.byte_at(start)..self.byte_at(end))
    }

    /// The byte offset of char `offset` (at most the text's length in chars).
    fn byte_at(&self, offset: usize) -> usize {
        if offset >= self.chars {
            return self.text.len();
        }
        // The last chunk that starts at or before the char: the char starts inside it.
        let chunk = self.chars_before.partition_point(|&before| before as usize <= offset).saturating_sub(1);
        let mut seen = self.chars_before.get(chunk).map_or(0, |&before| before as usize);
        let bytes = self.text.as_bytes();
        let mut from = chunk * CHUNK;
        // Whole words before the char are passed over eight bytes at a time.
        while let Some(word) = bytes.get(from..from + 8) {
            let chars = chars_starting_in_word(word);
            if seen + chars > offset {
                break;
            }
            seen += chars;
            from += 8;
        }
        for (at, &byte) in bytes.iter().enumerate().skip(from) {
            if starts_char(byte) {
                if seen == offset {
                    return at;
                }
                seen += 1;
            }
        }
        self.text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_match_the_chars_of_the_text() {
        let text = "قُتل 3 جنود في باماكو — l'armée a riposté 𝔸. ".repeat(7);
        let chars: Vec<char> = text.chars().collect();
        let sliced = CharText::new(&text);
        for start in 0..=chars.len() + 1 {
            for end in [start.saturating_sub(1), start, start + 1, start + 15, start + 64, start + 200, chars.len()] {
                let expected = chars.get(start..end).map(|s| s.iter().collect::<String>());
                assert_eq!(sliced.get(start as u32, end as u32).map(str::to_string), expected, "{start}..{end}");
            }
        }
        assert_eq!(CharText::new("").get(0, 0), Some(""));
    }

    #[test]
    fn chars_are_counted_as_the_text_has_them() {
        let text = "قُتل 3 جنود في باماكو — l'armée a riposté 𝔸. abcdefgh";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                assert_eq!(chars_starting_in(bytes), bytes.iter().filter(|&&b| starts_char(b)).count());
            }
        }
    }
}
