//! Stage 1: where each sentence stands on the page. Incidents are drafted only from the
//! headline, the lede and the body; page furniture (tag lists, bylines, captions, embedded
//! posts, date lines, teasers, counters) never yields an event, and a dateline ("DAKAR (AFP) -",
//! "الرباط، 16 مارس") is set apart so that its city is never taken for the incident's place.

use crate::doc::Doc;
use marsad_extract::Entity;
use marsad_kb::{List, PlaceKind};
use marsad_text::layout::{BlockKind, Noise, Span};
use marsad_text::Script;
use std::ops::Range;

/// Why a line is page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// Scraping noise the layout found (counters, share bars, repeated titles, decoration).
    Noise(Noise),
    /// A tag list, a related-articles head or a source line.
    Tags,
    /// A byline ("بواسطة …", "Par …").
    Byline,
    /// A line that is only a date or a time.
    DateLine,
    /// A photo caption.
    Caption,
    /// An embedded social-media post.
    EmbeddedPost,
    /// A web address.
    Link,
    /// Headlines of other articles after the story's end.
    Teaser,
    /// The outlet's or section's name a page title carries beside a bar ("… | أخبار أفريقيا").
    SiteName,
    /// A section the page heads as background ("الأحداث السابقة:", "Contexte", "Background"):
    /// earlier incidents recalled, not the news.
    Background,
}

/// The zone of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The headline, or a sub-heading before the body: it repeats what the body tells.
    Headline,
    /// A section heading inside the body.
    Heading,
    /// The first sentence of the body.
    Lede,
    /// Running text.
    Body,
    /// A dateline line on its own ("باماكو (وكالات)").
    Dateline,
    /// Page furniture: never an event.
    Boilerplate(Furniture),
}

impl Zone {
    /// Incidents may be drafted from this zone.
    pub fn carries_news(self) -> bool {
        !matches!(self, Zone::Boilerplate(_) | Zone::Dateline)
    }

    /// A headline or heading: its mentions join the body's, they stand alone only when nothing else does.
    pub fn is_heading(self) -> bool {
        matches!(self, Zone::Headline | Zone::Heading)
    }
}

/// One sentence with its zone.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The sentence's chars.
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Where it stands.
    pub zone: Zone,
    /// Index of its block among the layout's blocks.
    pub block: usize,
    /// A dateline at its start, whose places are not the incident's.
    pub dateline: Option<Span>,
}

/// Most words of a heading that opens a background section ("الأحداث السابقة:").
const BACKGROUND_HEADING_WORDS: usize = 4;

/// Lines shorter than this many words can be furniture.
const SHORT_LINE: usize = 12;
/// A dateline ends within this many words of the line's start.
const DATELINE_WORDS: usize = 7;

/// The sentences of the document with their zones, in text order.
pub(crate) fn sentences(doc: &Doc<'_>) -> Vec<Sentence> {
    let blocks = &doc.extraction.layout.blocks;
    let last_body = blocks.iter().rposition(|b| b.kind == BlockKind::Body);
    let first_body = blocks.iter().position(|b| b.kind == BlockKind::Body);
    let mut out = Vec::new();
    let mut lede_done = false;
    // Inside a section headed as background, up to the next heading.
    let mut background = false;
    for (index, block) in blocks.iter().enumerate() {
        let tokens = doc.token_range(block.span);
        if matches!(block.kind, BlockKind::Heading | BlockKind::Body) && index > 0 {
            let heads_background = tokens.len() <= BACKGROUND_HEADING_WORDS
                && doc
                    .starting_at(List::BackgroundHeadings, tokens.start)
                    .is_some_and(|m| m.far_token + 1 >= tokens.end);
            if heads_background {
                cov_mark::hit!(a_section_headed_as_background_tells_no_news);
                background = true;
            } else if block.kind == BlockKind::Heading
                || (tokens.len() <= BACKGROUND_HEADING_WORDS && label(doc, block.span))
            {
                background = false;
            }
        }
        let furniture_line = || furniture(doc, block.span, tokens.clone());
        let zone = match block.kind {
            BlockKind::Noise(noise) => Zone::Boilerplate(Furniture::Noise(noise)),
            BlockKind::Title => Zone::Headline,
            BlockKind::Heading if furniture_line().is_some() => {
                Zone::Boilerplate(furniture_line().unwrap_or(Furniture::Teaser))
            }
            BlockKind::Heading if index + 1 == blocks.len() && cut_off(doc, block.span, tokens.clone()) => Zone::Body,
            BlockKind::Heading if last_body.is_some_and(|l| index > l) => Zone::Boilerplate(Furniture::Teaser),
            BlockKind::Heading if first_body.is_none_or(|f| index < f) => Zone::Headline,
            BlockKind::Heading => Zone::Heading,
            BlockKind::Body => furniture_line().map_or(Zone::Body, Zone::Boilerplate),
        };
        let dateline_line = match zone {
            Zone::Body => is_dateline_line(doc, tokens.clone()),
            Zone::Headline if block.kind == BlockKind::Title => city_alone(doc, tokens.clone()),
            // "نواكشوط/ محمد البكاي/ الأناضول" on a short line of its own above the lede.
            Zone::Headline | Zone::Heading => {
                city_alone(doc, tokens.clone())
                    || marked!(is_dateline_line(doc, tokens.clone()), a_dateline_read_as_a_heading_is_a_dateline)
            }
            _ => false,
        };
        let zone = if dateline_line { Zone::Dateline } else { zone };
        let zone = if background && zone.carries_news() { Zone::Boilerplate(Furniture::Background) } else { zone };
        let spans: Vec<Span> = if block.sentences.is_empty() { vec![block.span] } else { block.sentences.clone() };
        let last = spans.len().saturating_sub(1);
        for (i, span) in spans.into_iter().enumerate() {
            let tokens = doc.token_range(span);
            let mut zone = zone;
            // "... للتشاور". الوسوم إغلاق الحدود الجزائر مالي": a tag list glued after the last
            // sentence of the text.
            let glued_tags = i > 0
                && i == last
                && zone == Zone::Body
                && tokens.len() <= SHORT_LINE * 2
                && doc.starting_at(List::TagHeads, tokens.start).is_some();
            if marked!(glued_tags, a_tag_list_glued_after_the_last_sentence_is_furniture) {
                zone = Zone::Boilerplate(Furniture::Tags);
            }
            if zone == Zone::Body && !lede_done {
                zone = Zone::Lede;
                lede_done = true;
            }
            let dateline = (i == 0 && matches!(zone, Zone::Lede | Zone::Body) && index <= first_body.unwrap_or(0) + 2)
                .then(|| dateline_prefix(doc, span, tokens.clone()))
                .flatten();
            if let Some((title, site)) = (zone == Zone::Headline).then(|| site_name(doc, tokens.clone())).flatten() {
                cov_mark::hit!(a_site_name_beside_a_bar_in_a_title_is_furniture);
                let mut parts = [(title, Zone::Headline), (site, Zone::Boilerplate(Furniture::SiteName))];
                parts.sort_by_key(|(range, _)| range.start);
                for (range, zone) in parts {
                    let span = doc.span_of(range.start, range.end - 1);
                    out.push(Sentence { span, tokens: range, zone, block: index, dateline: None });
                }
                continue;
            }
            out.push(Sentence { span, tokens, zone, block: index, dateline });
        }
    }
    out
}

/// "مقاتلو داعش يقتلون 20 جنديا | أخبار أفريقيا", "Mali Actu | Attaque à Ségou": a title split by a
/// bar carries the site's or section's name on its shorter side. The token ranges of the title
/// and of that name.
fn site_name(doc: &Doc<'_>, tokens: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let bar = (tokens.start..tokens.end.saturating_sub(1)).find(|&t| doc.gap_after(t).contains('|'))?;
    let (before, after) = (tokens.start..bar + 1, bar + 1..tokens.end);
    Some(if after.len() <= before.len() { (before, after) } else { (after, before) })
}

/// Fewest words of a paragraph the scrape cut off, below which a short last line stays a heading.
const CUT_WORDS: usize = 4;

/// The text (whose last line this is) ends inside the line's last word or right after a particle ("…بقصف جوي، حُشِ",
/// "…attacked the"): a paragraph the scrape cut off, not a heading.
fn cut_off(doc: &Doc<'_>, line: Span, tokens: Range<usize>) -> bool {
    let Some(last) = tokens.clone().last().map(|t| &doc.tokens.items()[t]) else { return false };
    let ends_text = doc.text_of(Span { start: last.end, end: line.end }).trim().is_empty();
    let word = doc.text_of(Span { start: last.start, end: last.end });
    let letters = word.chars().filter(|&c| c.is_alphabetic() && !diacritic(c)).count();
    let stub =
        word.chars().all(char::is_alphabetic) && (1..=2).contains(&letters) && !word.chars().any(char::is_uppercase);
    marked!(ends_text && tokens.len() >= CUT_WORDS && stub, a_last_line_cut_off_by_the_scrape_is_body)
}

/// An Arabic short vowel or other mark written over a letter.
fn diacritic(c: char) -> bool {
    ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}'
}

/// A short line that ends in a colon: a section's label ("الوضع العسكري:").
fn label(doc: &Doc<'_>, line: Span) -> bool {
    doc.text_of(line).trim_end().ends_with(':')
}

/// Why a body line is furniture, if it is.
fn furniture(doc: &Doc<'_>, span: Span, tokens: Range<usize>) -> Option<Furniture> {
    let line = doc.text_of(span);
    let words = tokens.len();
    let link = line.contains("http://") || line.contains("https://") || line.starts_with("www.");
    if link && words <= SHORT_LINE * 2 {
        return Some(Furniture::Link);
    }
    if line.contains("(@") || line.contains("pic.twitter.com") || (line.contains('@') && line.starts_with('—')) {
        return Some(Furniture::EmbeddedPost);
    }
    if words == 0 {
        return Some(Furniture::Noise(Noise::Decoration));
    }
    let starts_with = |list: List| doc.starting_at(list, tokens.start).is_some();
    if starts_with(List::TagHeads) && (words <= SHORT_LINE * 2 || !has_trigger(doc, tokens.clone())) {
        return Some(Furniture::Tags);
    }
    if words <= SHORT_LINE / 2 && starts_with(List::BylineHeads) {
        return Some(Furniture::Byline);
    }
    if words <= SHORT_LINE && is_only_dates(doc, span, tokens.clone()) {
        return Some(Furniture::DateLine);
    }
    if words <= SHORT_LINE * 2 && is_caption(doc, line, tokens.clone()) {
        return Some(Furniture::Caption);
    }
    None
}

fn has_trigger(doc: &Doc<'_>, tokens: Range<usize>) -> bool {
    doc.any(List::EventTriggers, tokens)
}

/// A line made of dates, times and weekday names only ("13:00 - 04 أغسطس 2023", "Publié le 18 octobre").
fn is_only_dates(doc: &Doc<'_>, span: Span, tokens: Range<usize>) -> bool {
    let covered: usize =
        doc.dates_in(span).iter().map(|d| doc.token_range(d.span).len()).sum::<usize>().min(tokens.len());
    let digits = tokens.clone().filter(|&t| doc.tokens.items()[t].script == Script::Digit).count();
    !has_trigger(doc, tokens.clone()) && covered > 0 && (covered + digits) * 2 > tokens.len()
}

/// A caption: a short line without a trigger that ends in a photo mark ("(أرشيفية)", "Photo / Reuters").
fn is_caption(doc: &Doc<'_>, line: &str, tokens: Range<usize>) -> bool {
    let trimmed = line.trim_end();
    let tail = tokens.end.saturating_sub(3).max(tokens.start)..tokens.end;
    let marked = doc.any(List::CaptionMarks, tail);
    let closing = trimmed.ends_with(')') || !trimmed.ends_with(['.', '!', '?', '؟', '…', '»', '"', '”']);
    marked && closing && !has_trigger(doc, tokens)
}

/// A short line with a place, a parenthesis or a date, and no trigger: "باماكو (وكالات)", "MADAR/Nouakchott le 04-05-2025".
fn is_dateline_line(doc: &Doc<'_>, tokens: Range<usize>) -> bool {
    if tokens.is_empty() || tokens.len() > DATELINE_WORDS || has_trigger(doc, tokens.clone()) {
        return false;
    }
    let span = doc.span_of(tokens.start, tokens.end - 1);
    let line = doc.text_of(span);
    let place = doc.mentions_in(span).any(|m| matches!(m.entity, Entity::Place(_)));
    place && (line.contains('(') || line.contains('/') || !doc.dates_in(span).is_empty()) || city_alone(doc, tokens)
}

/// "Abidjan" alone on the line above "– Eight soldiers…": a city's name and nothing else, which
/// a short line read as a heading may be too.
fn city_alone(doc: &Doc<'_>, tokens: Range<usize>) -> bool {
    if tokens.is_empty() || tokens.len() > DATELINE_WORDS {
        return false;
    }
    let span = doc.span_of(tokens.start, tokens.end - 1);
    let town =
        |m: &marsad_extract::Mention| matches!(m.entity, Entity::Place(p) if doc.place_kind(p) == PlaceKind::Town);
    marked!(place_alone(doc, span) && doc.mentions_in(span).any(town), a_city_alone_on_its_line_is_a_dateline)
}

/// A clock time ("13:00") then a dash and a date opening a line: a page's time stamp, up to the
/// end of its date.
fn time_stamp(doc: &Doc<'_>, prefix: Span, tokens: Range<usize>, after_dash: u32) -> Option<Span> {
    let items = doc.tokens.items();
    let clock = tokens.len() == 2
        && tokens.clone().all(|i| items[i].script == Script::Digit)
        && doc.text_of(prefix).contains(':');
    if !clock {
        return None;
    }
    let date = doc.dates_in(Span { start: after_dash, end: after_dash + STAMP_DATE_CHARS }).first()?;
    marked!(date.span.start == after_dash, a_time_stamp_opening_a_line_is_a_dateline)
        .then_some(Span { start: prefix.start, end: date.span.end })
}

/// Most words of an agency's name in a dateline's parentheses ("أ ف ب", "Reuters").
const AGENCY_WORDS: usize = 4;

/// The longest date a time stamp gives ("04 أغسطس 2023", "4 septembre 2025").
const STAMP_DATE_CHARS: u32 = 24;

/// The text `prefix` is one place's name, and nothing else.
fn place_alone(doc: &Doc<'_>, prefix: Span) -> bool {
    let mut mentions = doc.mentions_in(prefix);
    let first = mentions.next();
    mentions.next().is_none()
        && first.is_some_and(|m| {
            matches!(m.entity, Entity::Place(_)) && m.span.start == prefix.start && m.span.end == prefix.end
        })
}

/// The dateline that opens a lede: up to a few words (a place, an agency, a date) then a dash.
fn dateline_prefix(doc: &Doc<'_>, span: Span, tokens: Range<usize>) -> Option<Span> {
    let window = tokens.start..(tokens.start + DATELINE_WORDS + 1).min(tokens.end);
    let items = doc.tokens.items();
    for t in window {
        let gap_end = items.get(t + 1).map_or(span.end, |n| n.start);
        let gap = if t + 1 < items.len() {
            doc.gap_after(t)
        } else {
            doc.text_of(Span { start: items[t].end, end: gap_end })
        };
        // A dash with space around it (a hyphen inside "2024-08-26" is not a dateline's).
        let dash = gap.contains(" - ") || gap.contains(" -\n") || gap.contains('–') || gap.contains('—');
        // A slash inside a date ("أيلول/سبتمبر", two names of one month) is not a dateline's.
        let in_date =
            || doc.dates_in(span).iter().any(|d| d.span.start <= items[t].start && items[t].end <= d.span.end);
        let slash = (gap.trim() == "/." || gap.trim() == "/" && t > tokens.start) && !in_date();
        // "Ouagadougou: Gunmen killed…": a colon after a place alone.
        let colon =
            gap.trim_start().starts_with(':') && place_alone(doc, Span { start: span.start, end: items[t].end });
        if marked!(colon, a_place_alone_before_a_colon_is_a_dateline) {
            return Some(Span { start: span.start, end: gap_end });
        }
        // "نيامى (أ ف ب ) أعلنت…", "BAMAKO (Reuters) Gunmen…": a place alone, then an agency in
        // parentheses, with no dash after it.
        if gap.trim_start().starts_with('(') && place_alone(doc, Span { start: span.start, end: items[t].end }) {
            let rest = doc.text_of(Span { start: items[t].end, end: span.end });
            let closed = rest.find(')').filter(|&at| rest[..at].split_whitespace().count() <= AGENCY_WORDS);
            if let Some(at) = closed {
                cov_mark::hit!(a_place_alone_before_an_agency_in_parentheses_is_a_dateline);
                let end = items[t].end + rest[..=at].chars().count() as u32;
                return Some(Span { start: span.start, end });
            }
        }
        if dash || slash {
            let prefix = Span { start: span.start, end: items[t].end };
            // "13:00 - 04 أغسطس 2023هاجم …": the page's time stamp, its date the day of publishing.
            if let Some(stamp) = time_stamp(doc, prefix, tokens.start..t + 1, gap_end) {
                return Some(stamp);
            }
            let place = doc.mentions_in(prefix).any(|m| matches!(m.entity, Entity::Place(_) | Entity::Outlet(_)));
            let shouting = (tokens.start..=t).all(|i| items[i].all_upper || items[i].script != Script::Latin);
            if place || (shouting && items[tokens.start].script == Script::Latin) {
                return Some(Span { start: span.start, end: gap_end });
            }
            return None;
        }
    }
    None
}
