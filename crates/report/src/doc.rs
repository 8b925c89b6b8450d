//! A report as data, before it is written out: headings, sentences that cite events, tables,
//! figures, and the numbered notes. Renderers ([`crate::render`]) only lay this out, so that
//! the rule "every sentence and figure cites its events" is checked once, here, on data.

use marsad_indicators::EventId;

use crate::texts::Lang;

/// What a sentence is, for the citation rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// States something about events: it cites at least one.
    Claim,
    /// States that no event was recorded (a zero): nothing to cite.
    Absence,
    /// About the report itself (period, next issue, method, labels): no events.
    Meta,
}

/// One sentence (or table cell) and the events it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The words, in the report's language.
    pub text: String,
    /// The events it cites, ascending, each once.
    pub events: Vec<EventId>,
    /// What it is.
    pub kind: Kind,
}

impl Sentence {
    /// A claim resting on `events` (an absence when there are none).
    pub fn claim(text: String, mut events: Vec<EventId>) -> Sentence {
        events.sort_unstable();
        events.dedup();
        let kind = if events.is_empty() { Kind::Absence } else { Kind::Claim };
        Sentence { text, events, kind }
    }

    /// A statement that nothing was recorded.
    pub fn absence(text: String) -> Sentence {
        Sentence { text, events: Vec::new(), kind: Kind::Absence }
    }

    /// A sentence about the report itself.
    pub fn meta(text: String) -> Sentence {
        Sentence { text, events: Vec::new(), kind: Kind::Meta }
    }
}

/// A part of the report, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A paragraph of sentences.
    Paragraph(Vec<Sentence>),
    /// The trend arrow and its one-line rationale.
    Arrow {
        /// `up`, `down` or `same` (a class for the page).
        direction: &'static str,
        /// The rationale, which cites the events behind each reason.
        rationale: Sentence,
    },
    /// A bulleted list.
    Items(Vec<Sentence>),
    /// A table: header cells (labels) and rows of cells.
    Table {
        /// Column labels.
        head: Vec<String>,
        /// Rows: the first cell labels the row.
        rows: Vec<Vec<Sentence>>,
    },
    /// An SVG figure and its caption.
    Figure {
        /// A short id (`map`, `distance`), for file names and anchors.
        id: &'static str,
        /// The SVG document.
        svg: String,
        /// What it shows, citing the events drawn.
        caption: Sentence,
    },
}

/// One source of a cited event: the outlet and, when known, a link to the article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Link {
    /// The outlet's name (or the link's domain, or "outlet unknown").
    pub outlet: String,
    /// An http(s) URL of the evidence, when known.
    pub url: Option<String>,
}

/// A numbered note: one event and its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The note's number (1, 2, ...), in order of first citation.
    pub number: usize,
    /// The event.
    pub event: EventId,
    /// "Event 12: 14 September 2025, battle, Kati."
    pub text: String,
    /// Its sources, each once.
    pub links: Vec<Link>,
}

/// A complete report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Its language.
    pub lang: Lang,
    /// Its title.
    pub title: String,
    /// Period covered and next issue.
    pub header: Vec<Sentence>,
    /// Sections in order.
    pub blocks: Vec<Block>,
    /// Heading of the notes.
    pub notes_heading: String,
    /// The notes, by number.
    pub notes: Vec<Note>,
}

impl Report {
    /// Every sentence of the report (header, paragraphs, items, cells, captions), in order.
    pub fn sentences(&self) -> Vec<&Sentence> {
        let mut out: Vec<&Sentence> = self.header.iter().collect();
        for block in &self.blocks {
            match block {
                Block::Heading(_) => {}
                Block::Paragraph(s) | Block::Items(s) => out.extend(s),
                Block::Arrow { rationale, .. } => out.push(rationale),
                Block::Table { rows, .. } => out.extend(rows.iter().flatten()),
                Block::Figure { caption, .. } => out.push(caption),
            }
        }
        out
    }

    /// Each cited event's note number.
    pub fn note_index(&self) -> std::collections::HashMap<EventId, usize> {
        self.notes.iter().map(|n| (n.event, n.number)).collect()
    }

    /// The note numbers of a sentence's events (events without a note are left out).
    pub fn note_numbers(&self, sentence: &Sentence) -> Vec<usize> {
        numbers_in(&self.note_index(), sentence)
    }
}

/// The note numbers of a sentence's events in `index` ([`Report::note_index`]), ascending.
pub fn numbers_in(index: &std::collections::HashMap<EventId, usize>, sentence: &Sentence) -> Vec<usize> {
    let mut numbers: Vec<usize> = sentence.events.iter().filter_map(|id| index.get(id).copied()).collect();
    numbers.sort_unstable();
    numbers
}

/// Every cited event, in order of first citation (the notes' order).
pub fn cited_in_order(header: &[Sentence], blocks: &[Block]) -> Vec<EventId> {
    let mut seen = std::collections::HashSet::new();
    let mut order = Vec::new();
    let probe = Report {
        lang: Lang::En,
        title: String::new(),
        header: header.to_vec(),
        blocks: blocks.to_vec(),
        notes_heading: String::new(),
        notes: Vec::new(),
    };
    for sentence in probe.sentences() {
        for id in &sentence.events {
            if seen.insert(*id) {
                order.push(*id);
            }
        }
    }
    order
}

/// Note numbers as ranges: `1–3, 7`.
pub fn ranges(numbers: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &n in numbers {
        match out.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            Some((_, last)) if *last == n => {}
            _ => out.push((n, n)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_numbers_collapse_into_ranges() {
        assert_eq!(ranges(&[1, 2, 3, 7, 9, 10]), vec![(1, 3), (7, 7), (9, 10)]);
        assert_eq!(ranges(&[]), vec![]);
    }

    #[test]
    fn a_claim_without_events_is_an_absence() {
        assert_eq!(Sentence::claim("none".into(), vec![]).kind, Kind::Absence);
        let s = Sentence::claim("two".into(), vec![5, 3, 5]);
        assert_eq!((s.kind, s.events), (Kind::Claim, vec![3, 5]));
    }
}
