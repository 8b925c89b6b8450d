//! Slices of a document's text by char offsets, the unit every span of the output counts in,
//! without copying the text into a vector of chars first.

/// Chars between two remembered byte offsets.
const STRIDE: usize = 64;

/// A text sliced by char offsets: the byte offset of every [`STRIDE`]th char is kept, the bytes
/// of the chars after it are counted from it.
pub(crate) struct CharText<'a> {
    text: &'a str,
    /// The byte offset of char `k * STRIDE`, for every such char of the text.
    marks: Vec<u32>,
    /// The text's length in chars.
    chars: usize,
}

impl<'a> CharText<'a> {
    /// Index `text` in one pass over its bytes.
    pub fn new(text: &'a str) -> CharText<'a> {
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0usize;
        for (byte, &b) in text.as_bytes().iter().enumerate() {
            // Every byte but a UTF-8 continuation byte (10xxxxxx) starts a char.
            if b & 0xC0 != 0x80 {
                if chars % STRIDE == 0 {
                    marks.push(byte as u32);
                }
                chars += 1;
            }
        }
        CharText { text, marks, chars }
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
        let Some(&mark) = self.marks.get(offset / STRIDE) else { return self.text.len() };
        let mark = mark as usize;
        let rest = self.text.get(mark..).unwrap_or("");
        mark + rest.chars().take(offset % STRIDE).map(char::len_utf8).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_match_the_chars_of_the_text() {
        let text = "قُتل 3 جنود في باماكو — l'armée a riposté. ".repeat(7);
        let chars: Vec<char> = text.chars().collect();
        let sliced = CharText::new(&text);
        for start in 0..=chars.len() + 1 {
            for end in [start.saturating_sub(1), start, start + 1, start + 63, start + 64, start + 200, chars.len()] {
                let expected = chars.get(start..end).map(|s| s.iter().collect::<String>());
                assert_eq!(sliced.get(start as u32, end as u32).map(str::to_string), expected, "{start}..{end}");
            }
        }
    }
}
