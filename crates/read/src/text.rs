//! Plain-text files: the whole decoded content is the article.

use crate::{Document, Input};

/// Longest first line still taken as a title (longer ones are paragraphs, not headlines).
const MAX_TITLE_CHARS: usize = 300;

/// The document of a text file: text exactly as decoded (BOM already removed, line endings
/// kept so that offsets match the file), title = first non-empty line if short enough.
pub(crate) fn read_text(input: &Input, text: String) -> Document {
    let title = first_line_title(&text);
    let mut document = input.document(input.stem.clone(), input.at.clone(), text);
    document.title = title;
    document
}

fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|line| !line.is_empty())?;
    (line.chars().count() <= MAX_TITLE_CHARS).then(|| line.to_string())
}

#[cfg(test)]
mod tests {
    use super::first_line_title;

    #[test]
    fn title_is_first_non_empty_line_trimmed() {
        assert_eq!(first_line_title("\r\n  \n  عنوان الخبر  \r\nنص").as_deref(), Some("عنوان الخبر"));
        assert_eq!(first_line_title(&"ب".repeat(301)), None);
        assert_eq!(first_line_title(&"ب".repeat(300)).map(|t| t.chars().count()), Some(300));
    }
}
