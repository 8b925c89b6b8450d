//! Paragraphs, headings and sentences of a text, and the scraping noise to skip.
//!
//! Cleaning never rewrites the text: it marks blocks as noise (a title repeated by the
//! scraper, comment counters such as `0 تعليق`, share and menu lines, decoration) so that
//! later stages skip them, and every span still points into the original text.

use crate::bytes::{holds_any, word_at};
use crate::lang::{detect_tokens, Lang};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Line keys are hashes already: the set uses them as they are.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*byte);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}
use crate::token::{Script, Tokens};

/// A char range of the text, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First char.
    pub start: u32,
    /// One past the last char.
    pub end: u32,
}

impl Span {
    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Why a block is skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noise {
    /// The same line again (scrapers often repeat the title two or three times).
    Repeated,
    /// A comment or view counter (`0 تعليق`, `12 commentaires`).
    Counter,
    /// Share buttons, menus, "read also" links.
    ShareOrMenu,
    /// No word at all (emoji, rules, markdown markers).
    Decoration,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The headline (the first line when it reads as one, or the given title).
    Title,
    /// A sub-heading (`*تصاعد التهديد*`, a short line without final punctuation).
    Heading,
    /// Running text.
    Body,
    /// Scraping noise, skipped by extraction.
    Noise(Noise),
}

/// One line-delimited block of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The block without surrounding blanks.
    pub span: Span,
    /// What the block is.
    pub kind: BlockKind,
    /// Its language, when it has enough letters to tell.
    pub lang: Option<Lang>,
    /// Its sentences.
    pub sentences: Vec<Span>,
}

/// The blocks of a text and its main language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Blocks in text order (blank lines are not blocks).
    pub blocks: Vec<Block>,
    /// The language of most of the text's letters.
    pub lang: Option<Lang>,
}

impl Layout {
    /// Blocks that carry content (not noise).
    pub fn content(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| !matches!(b.kind, BlockKind::Noise(_)))
    }

    /// The sentence that holds char offset `offset`, if any (the block when no sentence does).
    /// Binary searches: blocks and sentences are in text order and never overlap.
    pub fn sentence_at(&self, offset: u32) -> Option<Span> {
        let block = self.block_at(offset)?;
        let sentence = block.sentences.get(block.sentences.partition_point(|s| s.end <= offset));
        sentence.copied().filter(|s| s.start <= offset).or(Some(block.span))
    }

    /// The block that holds char offset `offset`, if any.
    pub fn block_at(&self, offset: u32) -> Option<&Block> {
        let block = self.blocks.get(self.blocks.partition_point(|b| b.span.end <= offset))?;
        (block.span.start <= offset).then_some(block)
    }
}

const COUNTER_WORDS: &[&str] = &[
    "تعليق",
    "تعليقات",
    "مشاهده",
    "مشاهدات",
    "قراءه",
    "comment",
    "comments",
    "commentaire",
    "commentaires",
    "reaction",
    "reactions",
    "vues",
    "views",
    "likes",
    "partages",
    "shares",
];

const SHARE_WORDS: &[&str] = &[
    "شارك",
    "مشاركه",
    "شاركها",
    "فيسبوك",
    "فيس",
    "بوك",
    "تويتر",
    "واتساب",
    "واتس",
    "اب",
    "تيليجرام",
    "تلغرام",
    "طباعه",
    "انستغرام",
    "يوتيوب",
    "لينكدان",
    "اقرا",
    "ايضا",
    "المزيد",
    "الرئيسيه",
    "اخبار",
    "عاجل",
    "تابعونا",
    "علي",
    "عبر",
    "x",
    "share",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "print",
    "tweet",
    "pinterest",
    "reddit",
    "read",
    "more",
    "also",
    "home",
    "menu",
    "follow",
    "us",
    "on",
    "subscribe",
    "newsletter",
    "partager",
    "imprimer",
    "lire",
    "aussi",
    "suivez",
    "nous",
    "sur",
    "accueil",
    "abonnez",
    "vous",
    "envoyer",
    "copier",
    "lien",
    "le",
    "la",
    "copy",
    "link",
];

/// Lines that begin a related-article link.
const RELATED_PREFIXES: &[&str] =
    &["اقرا ايضا", "اقرا المزيد", "lire aussi", "a lire aussi", "read also", "read more", "see also", "voir aussi"];

/// Analyse the layout of `text`. `title`, when the reader found one, marks the headline.
pub fn analyse(text: &str, title: Option<&str>) -> Layout {
    analyse_with_tokens(text, &Tokens::new(text), title)
}

/// The words of one line: a range of the document's tokens.
struct Line<'a> {
    tokens: &'a Tokens,
    range: std::ops::Range<usize>,
}

impl Line<'_> {
    fn len(&self) -> usize {
        self.range.len()
    }
    fn folded(&self, i: usize) -> &str {
        self.tokens.folded(self.range.start + i)
    }
    fn items(&self) -> &[crate::token::Token] {
        &self.tokens.items()[self.range.clone()]
    }
    /// A comparison key: a hash of the folded words separated by one space.
    fn key(&self) -> u64 {
        let mut hash = EMPTY_KEY;
        for i in 0..self.len() {
            if i > 0 {
                hash = feed_byte(hash, b' ');
            }
            for byte in self.folded(i).bytes() {
                hash = feed_byte(hash, byte);
            }
        }
        hash
    }
}

fn feed_byte(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// [`analyse`] reusing the tokens of the whole text (the extractor has them already).
pub fn analyse_with_tokens(text: &str, tokens: &Tokens, title: Option<&str>) -> Layout {
    let title_tokens = title.map(Tokens::new);
    let title_key =
        title_tokens.as_ref().map(|t| Line { tokens: t, range: 0..t.len() }.key()).filter(|k| *k != EMPTY_KEY);
    let mut blocks: Vec<Block> = Vec::new();
    let mut seen: HashSet<u64, BuildHasherDefault<PassThrough>> = HashSet::default();
    let (mut has_title, mut only_noise) = (false, true);
    let mut letters_by_lang: Vec<(Lang, usize)> = Vec::new();
    let mut char_offset = 0u32;
    for raw_line in text.split('\n') {
        let line_start = char_offset;
        let trimmed = trim_line(raw_line);
        char_offset += trimmed.total_chars + 1;
        let Some((line, span)) = trimmed.content(raw_line, line_start) else { continue };
        let words = Line { tokens, range: tokens.first_at_or_after(span.start)..tokens.first_at_or_after(span.end) };
        let key = words.key();
        // Only short lines can be counters, menus, titles or headings.
        let short = line.len() <= SHORT_LINE_BYTES;
        let kind = if words.items().iter().all(|t| t.script == Script::Digit) {
            BlockKind::Noise(Noise::Decoration)
        } else if short && is_counter(&words) {
            BlockKind::Noise(Noise::Counter)
        } else if short && is_share_or_menu(&words) {
            BlockKind::Noise(Noise::ShareOrMenu)
        } else if seen.contains(&key) {
            BlockKind::Noise(Noise::Repeated)
        } else if short
            && !has_title
            && (title_key == Some(key) || (title_key.is_none() && only_noise && looks_like_heading(line, &words, 30)))
        {
            BlockKind::Title
        } else if short && (is_emphasised(line) || looks_like_heading(line, &words, 9)) {
            BlockKind::Heading
        } else {
            BlockKind::Body
        };
        seen.insert(key);
        has_title |= kind == BlockKind::Title;
        only_noise &= matches!(kind, BlockKind::Noise(_));
        let (lang, letters) = detect_tokens(tokens, words.range.clone());
        if let (Some(l), false) = (lang, matches!(kind, BlockKind::Noise(_))) {
            match letters_by_lang.iter_mut().find(|(known, _)| *known == l) {
                Some((_, n)) => *n += letters,
                None => letters_by_lang.push((l, letters)),
            }
        }
        let sentences = if matches!(kind, BlockKind::Noise(_)) { Vec::new() } else { sentences(line, span.start) };
        blocks.push(Block { span, kind, lang, sentences });
    }
    let lang = letters_by_lang.iter().max_by_key(|(_, n)| *n).map(|(l, _)| *l);
    Layout { blocks, lang }
}

/// A line measured in one pass: its length in chars and where its content starts and ends.
struct Trimmed {
    total_chars: u32,
    leading_chars: u32,
    content_chars: u32,
    byte_start: usize,
    byte_end: usize,
}

fn trim_line(line: &str) -> Trimmed {
    // Chars are counted without decoding them; only the blank ends are read char by char
    // (`str::trim` and `char::is_whitespace` agree on what is blank).
    let total = line.chars().count() as u32;
    let byte_start = line.len() - line.trim_start().len();
    let byte_end = line.trim_end().len();
    if byte_start >= byte_end {
        return Trimmed { total_chars: total, leading_chars: 0, content_chars: 0, byte_start: 0, byte_end: 0 };
    }
    let leading = line[..byte_start].chars().count() as u32;
    let trailing = line[byte_end..].chars().count() as u32;
    Trimmed {
        total_chars: total,
        leading_chars: leading,
        content_chars: total - leading - trailing,
        byte_start,
        byte_end,
    }
}

impl Trimmed {
    /// The content of the line and its char span, or `None` for a blank line.
    fn content<'a>(&self, line: &'a str, line_start: u32) -> Option<(&'a str, Span)> {
        if self.content_chars == 0 {
            return None;
        }
        let start = line_start + self.leading_chars;
        Some((line.get(self.byte_start..self.byte_end)?, Span { start, end: start + self.content_chars }))
    }
}

/// Lines longer than this (in bytes) are running text: never counters, menus or headings.
const SHORT_LINE_BYTES: usize = 600;

/// The key of a line with no word.
const EMPTY_KEY: u64 = 0xcbf2_9ce4_8422_2325;

fn is_counter(words: &Line<'_>) -> bool {
    let items = words.items();
    items.len() == 2 && items[0].script == Script::Digit && COUNTER_WORDS.contains(&words.folded(1))
}

fn is_share_or_menu(words: &Line<'_>) -> bool {
    if RELATED_PREFIXES.iter().any(|p| joined_starts_with(words, p)) {
        return true;
    }
    let n = words.len();
    n > 0 && n <= 8 && (0..n).all(|i| SHARE_WORDS.contains(&words.folded(i)))
}

/// True when the line's folded words joined by single spaces begin with `prefix`, read
/// without joining them into a new string.
fn joined_starts_with(words: &Line<'_>, prefix: &str) -> bool {
    let mut rest = prefix;
    for i in 0..words.len() {
        if i > 0 {
            if rest.is_empty() {
                return true;
            }
            let Some(after_space) = rest.strip_prefix(' ') else { return false };
            rest = after_space;
        }
        let word = words.folded(i);
        if rest.len() <= word.len() {
            return word.starts_with(rest);
        }
        let Some(after_word) = rest.strip_prefix(word) else { return false };
        rest = after_word;
    }
    rest.is_empty()
}

fn is_emphasised(line: &str) -> bool {
    let inner = line.trim_matches(|c: char| c.is_whitespace());
    (inner.starts_with('*') && inner.ends_with('*') && inner.len() > 2)
        || (inner.starts_with('#') && !inner.starts_with("#\u{20}#"))
}

fn looks_like_heading(line: &str, line_words: &Line<'_>, max_words: usize) -> bool {
    let words = line_words.items().iter().filter(|t| t.script != Script::Digit).count();
    let last = line.trim_end().chars().last().unwrap_or(' ');
    words > 0 && words <= max_words && !matches!(last, '.' | '!' | ':' | '،' | ',' | ';' | '؛' | '…')
}

/// Sentence spans of one line starting at char offset `line_start`.
fn sentences(line: &str, line_start: u32) -> Vec<Span> {
    let mut scan = SentenceScan::new(line_start);
    let mut rest = line;
    // Runs of chars that cannot end a sentence are taken in one go; each char that may is read
    // on its own, with the char after it.
    while let Some(at) = find_sentence_end(rest) {
        scan.run(&rest[..at]);
        let mut chars = rest[at..].chars();
        let Some(c) = chars.next() else { break };
        let ends = c != '.' || scan.full_stop_ends(chars.as_str().chars().next());
        scan.step(c);
        if ends {
            // Closing marks stay with the sentence.
            while let Some(n) = chars.as_str().chars().next().filter(|n| SENTENCE_CLOSERS.contains(n)) {
                chars.next();
                scan.closer(n);
            }
            scan.close();
        }
        rest = chars.as_str();
    }
    scan.run(rest);
    bounded(line, line_start, scan.finish())
}

/// Chars that may end a sentence, as the tests' reference reads them ([`find_sentence_end`]).
#[cfg(test)]
const SENTENCE_ENDS: [char; 5] = ['!', '?', '؟', '…', '.'];

/// Where the first char that may end a sentence (`! ? ؟ … .`, the '.' only where
/// [`SentenceScan::full_stop_ends`] says so) begins in `text`, read byte by byte: `! ? .` are
/// ASCII bytes, ؟ is D8 9F and … is E2 80 A6 in UTF-8, and no byte of another char can start
/// one of these. Words of eight bytes holding none of `! ? .`, 9F and E2 are passed over first
/// (D8 leads most Arabic letters; 9F seldom follows another lead byte).
fn find_sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while word_at(bytes, from).is_some_and(|w| !holds_any(w, [b'!', b'?', b'.', 0x9F, 0xE2])) {
        from += 8;
    }
    // The D8 of a ؟ whose 9F begins the word found ends the word passed over before it.
    (from.saturating_sub(1)..bytes.len()).find(|&at| match bytes[at] {
        b'!' | b'?' | b'.' => true,
        0xD8 => bytes.get(at + 1) == Some(&0x9F),
        0xE2 => bytes.get(at + 1..at + 3) == Some(&[0x80, 0xA6]),
        _ => false,
    })
}

/// Closing marks kept with the sentence they follow.
const SENTENCE_CLOSERS: [char; 7] = ['.', '!', '?', '"', '»', '”', ')'];

/// Where the sentence scan of one line stands, in chars of the line.
struct SentenceScan {
    line_start: u32,
    out: Vec<Span>,
    /// Chars read so far.
    index: u32,
    /// Where the current sentence started.
    start: u32,
    previous: Option<char>,
    before_previous: Option<char>,
    /// Only whitespace read since the sentence started; `skip` counts it.
    leading_blank: bool,
    skip: u32,
    /// One past the last char read that is not whitespace.
    last_content_end: u32,
}

impl SentenceScan {
    fn new(line_start: u32) -> SentenceScan {
        SentenceScan {
            line_start,
            out: Vec::new(),
            index: 0,
            start: 0,
            previous: None,
            before_previous: None,
            leading_blank: true,
            skip: 0,
            last_content_end: 0,
        }
    }

    /// A full stop ends the sentence unless it is a decimal point or an initial's ("J. Smith"),
    /// or something other than blank, a quote or another stop follows it (but for a stop glued
    /// between two words, see [`glued_sentence`]).
    fn full_stop_ends(&self, next: Option<char>) -> bool {
        let (previous, before_previous) = (self.previous, self.before_previous);
        let decimal = previous.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        let initial = previous.is_some_and(|p| p.is_uppercase()) && !before_previous.is_some_and(char::is_alphabetic);
        // "en juillet.Le camp", "الحالي.وقال": scraped text loses the space after a full stop.
        let glued = next.is_some_and(|n| glued_sentence(before_previous, previous, n));
        !decimal && !initial && (glued || next.is_none_or(|n| n.is_whitespace() || n == '"' || n == '»' || n == '.'))
    }

    /// Read one char.
    fn step(&mut self, c: char) {
        if self.leading_blank && c.is_whitespace() {
            self.skip += 1;
        } else {
            self.leading_blank = false;
        }
        if !c.is_whitespace() {
            self.last_content_end = self.index + 1;
        }
        self.before_previous = self.previous;
        self.previous = Some(c);
        self.index += 1;
    }

    /// Read a run of chars that end no sentence: the same as [`SentenceScan::step`] on each.
    fn run(&mut self, run: &str) {
        if run.is_empty() {
            return;
        }
        let chars = run.chars().count() as u32;
        if self.leading_blank {
            let blank = run[..run.len() - run.trim_start().len()].chars().count() as u32;
            self.skip += blank;
            self.leading_blank = blank == chars;
        }
        let content = run.trim_end();
        if !content.is_empty() {
            self.last_content_end = self.index + content.chars().count() as u32;
        }
        let mut from_end = run.chars().rev();
        let last = from_end.next();
        self.before_previous = from_end.next().or(self.previous);
        self.previous = last;
        self.index += chars;
    }

    /// Read a closing mark after the end of a sentence.
    fn closer(&mut self, c: char) {
        self.index += 1;
        self.last_content_end = self.index;
        self.before_previous = self.previous;
        self.previous = Some(c);
    }

    /// End the current sentence here.
    fn close(&mut self) {
        if self.start + self.skip < self.last_content_end {
            self.out.push(self.span());
        }
        self.start = self.index;
        self.skip = 0;
        self.leading_blank = true;
    }

    fn span(&self) -> Span {
        Span { start: self.line_start + self.start + self.skip, end: self.line_start + self.last_content_end }
    }

    /// The sentences, the last one unended.
    fn finish(mut self) -> Vec<Span> {
        if !self.leading_blank && self.start + self.skip < self.last_content_end {
            self.out.push(self.span());
        }
        self.out
    }
}

/// A full stop between two words with no space after it ends a sentence when it joins a
/// lowercase word and a capitalised one (not "M.Traoré", "U.S.") or two Arabic words (Arabic has
/// no abbreviations with a stop); a domain name ("sputniknews.africa") keeps its stop.
fn glued_sentence(before_previous: Option<char>, previous: Option<char>, next: char) -> bool {
    let arabic_letter = |c: char| c.is_alphabetic() && ('\u{0600}'..='\u{06FF}').contains(&c);
    let latin_end = previous.is_some_and(char::is_lowercase) && before_previous.is_some_and(char::is_lowercase);
    (latin_end && next.is_uppercase()) || (previous.is_some_and(arabic_letter) && arabic_letter(next))
}

/// Longest sentence handed to later stages, in chars. A run without sentence-ending
/// punctuation (scraped pages, lists, transcripts) is cut into windows no longer than this, so
/// no stage ever sees an unbounded sentence and the work per sentence stays bounded.
pub const MAX_SENTENCE_CHARS: u32 = 1000;

/// Cuts every sentence longer than [`MAX_SENTENCE_CHARS`] into windows: at a clause boundary
/// (a space after `,` `،` `;` `؛` `:`) in the window's second half when there is one, else at its
/// last space there, else at the limit. Windows start and end on content, as sentences do.
fn bounded(line: &str, line_start: u32, spans: Vec<Span>) -> Vec<Span> {
    if spans.iter().all(|s| s.end - s.start <= MAX_SENTENCE_CHARS) {
        return spans;
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let (mut start, end) = ((span.start - line_start) as usize, (span.end - line_start) as usize);
        while end - start > MAX_SENTENCE_CHARS as usize {
            let cut = window_cut(&chars, start);
            let piece_end = (start + 1..=cut).rev().find(|&i| !chars[i - 1].is_whitespace()).unwrap_or(cut);
            out.push(Span { start: line_start + start as u32, end: line_start + piece_end as u32 });
            start = (cut..end).find(|&i| !chars[i].is_whitespace()).unwrap_or(end);
        }
        if start < end {
            out.push(Span { start: line_start + start as u32, end: line_start + end as u32 });
        }
    }
    out
}

/// Where the window starting at `start` ends (exclusive); `start + MAX_SENTENCE_CHARS` lies
/// inside the sentence.
fn window_cut(chars: &[char], start: usize) -> usize {
    let limit = start + MAX_SENTENCE_CHARS as usize;
    let half = start + MAX_SENTENCE_CHARS as usize / 2;
    let mut space = None;
    for i in (half + 1..=limit).rev() {
        if chars[i].is_whitespace() {
            if matches!(chars[i - 1], ',' | '،' | ';' | '؛' | ':') {
                return i;
            }
            space.get_or_insert(i);
        }
    }
    space.unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<BlockKind> {
        analyse(text, None).blocks.iter().map(|b| b.kind).collect()
    }

    /// The sentence rule read char by char, as it was written before runs were taken in one go.
    fn sentences_char_by_char(line: &str) -> Vec<Span> {
        let mut scan = SentenceScan::new(0);
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let ends = SENTENCE_ENDS.contains(&c) && (c != '.' || scan.full_stop_ends(chars.get(i + 1).copied()));
            scan.step(c);
            i += 1;
            if ends {
                while i < chars.len() && SENTENCE_CLOSERS.contains(&chars[i]) {
                    scan.closer(chars[i]);
                    i += 1;
                }
                scan.close();
            }
        }
        scan.finish()
    }

    #[test]
    fn sentence_ends_are_found_where_str_find_finds_them() {
        for text in ["قتل 3؟ نعم… لا. Oui! Non? “fin”", "sans fin", "؛ ؟", "…", "a\u{2026}b", "\u{2025}\u{061E}.", ""]
        {
            assert_eq!(find_sentence_end(text), text.find(SENTENCE_ENDS), "{text:?}");
        }
        // Each end at every place of the eight-byte words passed over, ؟ across two of them.
        let long = "قتل ثلاثة جنود في هجوم؟ وقال مصدر… Des hommes armés ont attaqué! ٩ Fin?".repeat(2);
        for start in (0..long.len()).filter(|&at| long.is_char_boundary(at)) {
            let text = &long[start..];
            assert_eq!(find_sentence_end(text), text.find(SENTENCE_ENDS), "{text:?}");
        }
    }

    #[test]
    fn sentences_read_in_runs_as_char_by_char() {
        let lines = [
            "",
            "   ",
            "One. Two! Three? Four",
            "  J. Smith met U.S. envoys at 3.5 km.  ",
            "«Il a dit.» Puis il est parti... Enfin.",
            "هل قتل؟ نعم… قتل 3 جنود. \u{a0}",
            "a.b. c.\"d\" (e.) ",
            "!!! ? . ..",
            "x",
            " .y",
        ];
        for line in lines {
            assert_eq!(sentences(line, 0), bounded(line, 0, sentences_char_by_char(line)), "{line:?}");
        }
    }

    #[test]
    fn trimmed_lines_count_as_a_walk_over_every_char_does() {
        for line in ["", " ", "\u{a0}\t ", "abc", "  قتل 3  \u{2003}", "\u{200f}x\u{3000}", " é\r"] {
            let chars: Vec<char> = line.chars().collect();
            let content: Vec<usize> = (0..chars.len()).filter(|&i| !chars[i].is_whitespace()).collect();
            let t = trim_line(line);
            assert_eq!(t.total_chars as usize, chars.len(), "{line:?}");
            match (content.first(), content.last()) {
                (Some(&first), Some(&last)) => {
                    assert_eq!(
                        (t.leading_chars as usize, t.content_chars as usize),
                        (first, last + 1 - first),
                        "{line:?}"
                    );
                    let expected: String = chars[first..=last].iter().collect();
                    assert_eq!(&line[t.byte_start..t.byte_end], expected, "{line:?}");
                }
                _ => assert_eq!(t.content_chars, 0, "{line:?}"),
            }
        }
    }

    #[test]
    fn joined_words_begin_with_a_prefix_as_the_joined_string_does() {
        for text in ["Lire aussi : la suite", "lire", "lire aussitot", "A lire aussi", "", "read  more", "اقرأ أيضا"]
        {
            let tokens = Tokens::new(text);
            let line = Line { tokens: &tokens, range: 0..tokens.len() };
            let joined = (0..line.len()).map(|i| line.folded(i)).collect::<Vec<_>>().join(" ");
            for prefix in RELATED_PREFIXES.iter().chain(&["", "lire", "lire a", "read more please"]) {
                assert_eq!(joined_starts_with(&line, prefix), joined.starts_with(prefix), "{text:?} {prefix:?}");
            }
        }
    }

    #[test]
    fn repeated_title_and_comment_counter_are_noise() {
        let text = "هجوم على قافلة قرب كايس\n\nهجوم على قافلة قرب كايس\n\nهاجم مسلحون قافلة. وقتل سائق.\n\n0 تعليق";
        assert_eq!(
            kinds(text),
            [BlockKind::Title, BlockKind::Noise(Noise::Repeated), BlockKind::Body, BlockKind::Noise(Noise::Counter)]
        );
    }

    #[test]
    fn markdown_emphasis_and_emoji_lines_are_headings() {
        let text = "Titre court\nPremière phrase du texte qui est assez longue pour être un paragraphe, avec une fin.\n*Un intertitre*\n🔥 détails du blocus\nSuite du texte.";
        let k = kinds(text);
        assert_eq!(k[2], BlockKind::Heading);
        assert_eq!(k[3], BlockKind::Heading);
    }

    #[test]
    fn share_lines_are_noise() {
        assert_eq!(kinds("Share on Facebook\nPartager sur Twitter")[..], [BlockKind::Noise(Noise::ShareOrMenu); 2]);
        assert_eq!(kinds("اقرأ أيضا: مقتل جنود في هجوم")[0], BlockKind::Noise(Noise::ShareOrMenu));
    }

    #[test]
    fn sentences_split_on_final_punctuation_not_decimals() {
        let text = "Le bilan est de 3.5 morts. Les secours arrivent! Fin";
        let layout = analyse(text, Some("x"));
        let spans: Vec<String> = layout.blocks[0]
            .sentences
            .iter()
            .map(|s| text.chars().skip(s.start as usize).take((s.end - s.start) as usize).collect())
            .collect();
        assert_eq!(spans, ["Le bilan est de 3.5 morts.", "Les secours arrivent!", "Fin"]);
    }

    #[test]
    fn a_full_stop_with_no_space_after_it_still_ends_a_sentence_between_words() {
        assert_eq!(
            sentence_texts(
                "Le CNSP est au pouvoir depuis juillet.Le camp a été transféré à M.Traoré, voir rfi.fr. Fin"
            ),
            ["Le CNSP est au pouvoir depuis juillet.", "Le camp a été transféré à M.Traoré, voir rfi.fr.", "Fin"]
        );
        assert_eq!(
            sentence_texts("قتل خمسة جنود.وقال مصدر إن ٣.٥ طن سرقت."),
            ["قتل خمسة جنود.", "وقال مصدر إن ٣.٥ طن سرقت."]
        );
    }

    /// The text of each sentence of the first block.
    fn sentence_texts(text: &str) -> Vec<String> {
        analyse(text, Some("x")).blocks[0]
            .sentences
            .iter()
            .map(|s| text.chars().skip(s.start as usize).take((s.end - s.start) as usize).collect())
            .collect()
    }

    #[test]
    fn long_runs_without_sentence_ends_are_cut_into_bounded_windows() {
        let clause = "des hommes armés ont attaqué un convoi près de Gao, ";
        let text = clause.repeat(200) + "fin";
        let pieces = sentence_texts(&text);
        assert!(pieces.len() > 10, "{} pieces", pieces.len());
        for piece in &pieces {
            assert!(piece.chars().count() <= MAX_SENTENCE_CHARS as usize, "{}", piece.chars().count());
            assert!(piece.ends_with(',') || piece.ends_with("fin"), "cut at a clause boundary: {piece:?}");
            assert_eq!(piece.trim(), piece);
        }
        // Nothing is lost: the windows are the text's words in order.
        let words: Vec<&str> = pieces.iter().flat_map(|p| p.split_whitespace()).collect();
        assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn offsets_find_their_block_and_sentence() {
        let text = "Titre\n\nUne phrase. Une autre.\n  \nFin du texte";
        let layout = analyse(text, None);
        for (offset, c) in text.chars().enumerate() {
            let offset = offset as u32;
            let block = layout.blocks.iter().find(|b| b.span.start <= offset && offset < b.span.end);
            assert_eq!(layout.block_at(offset), block, "block at {offset} ({c:?})");
            let sentence = block
                .map(|b| b.sentences.iter().copied().find(|s| s.start <= offset && offset < s.end).unwrap_or(b.span));
            assert_eq!(layout.sentence_at(offset), sentence, "sentence at {offset} ({c:?})");
        }
    }

    #[test]
    fn a_window_without_spaces_is_cut_at_the_limit() {
        let text = "ب".repeat(2500);
        let lengths: Vec<usize> = sentence_texts(&text).iter().map(|p| p.chars().count()).collect();
        assert_eq!(lengths, [1000, 1000, 500]);
    }

    #[test]
    fn main_language_is_the_majority_of_letters() {
        let text = "هاجم مسلحون قافلة وقود قرب مدينة كايس غرب البلاد\nSource: AFP";
        assert_eq!(analyse(text, None).lang, Some(Lang::Ar));
    }
}
