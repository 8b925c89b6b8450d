//! The longest entry of each typed word list that starts, or ends, at each token of one
//! document, looked up once and kept: the stages ask "is there an entry of list L in this
//! window" and "does one end right before token t" token by token, many times over the same
//! sentence, and each lookup hashes the token's forms and compares words.
//!
//! Most tokens begin and end no entry of most lists, so each token first learns, with one
//! lookup per form, which lists may begin or end at it at all; only those are searched.
//!
//! Invariant: an answer is exactly what [`WordList::starting_at`] or [`WordList::ending_at`]
//! gives for that list and token; the table only remembers it. A list's row is allocated the
//! first time the list is asked about.

use marsad_kb::lexicon::{Entry, WordList};
use marsad_kb::List;
use marsad_text::Tokens;
use std::cell::{Cell, OnceCell};

/// Not looked up yet.
const UNKNOWN: u32 = 0;
/// Looked up: no entry.
const NONE: u32 = 1;

/// A remembered match: the entry and the token farthest from the one asked about.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'a> {
    /// The entry that matched (the longest one).
    pub entry: &'a Entry,
    /// The last token it covers (starting matches) or its first (ending matches).
    pub far_token: usize,
}

/// One list's answers by token: [`UNKNOWN`], [`NONE`], or the entry's index plus two.
type Row = Box<[Cell<u32>]>;

/// A token's lists not computed yet (no list has bit 63: there are fewer than 64).
const UNKNOWN_LISTS: u64 = u64::MAX;

/// Which end of an entry sits on the token asked about.
#[derive(Debug, Clone, Copy)]
enum Anchor {
    Start,
    End,
}

/// The remembered matches of every typed list in one document's tokens.
pub(crate) struct MatchTable<'a> {
    lexicon: &'a marsad_kb::Lexicon,
    tokens: &'a Tokens,
    starting: Vec<OnceCell<Row>>,
    ending: Vec<OnceCell<Row>>,
    /// By token: the lists that may have an entry starting there (bit [`List::index`]).
    may_start: OnceCell<Box<[Cell<u64>]>>,
    /// By token: the lists that may have an entry ending there.
    may_end: OnceCell<Box<[Cell<u64>]>>,
}

impl<'a> MatchTable<'a> {
    /// An empty table over `tokens`; nothing is looked up until asked.
    pub fn new(lexicon: &'a marsad_kb::Lexicon, tokens: &'a Tokens) -> MatchTable<'a> {
        let rows = || (0..List::ALL.len()).map(|_| OnceCell::new()).collect();
        MatchTable {
            lexicon,
            tokens,
            starting: rows(),
            ending: rows(),
            may_start: OnceCell::new(),
            may_end: OnceCell::new(),
        }
    }

    /// The longest entry of `list` that starts at token `at` ([`WordList::starting_at`]).
    pub fn starting_at(&self, list: List, at: usize) -> Option<Found<'a>> {
        self.found(list, at, Anchor::Start)
    }

    /// The longest entry of `list` that ends at token `at` ([`WordList::ending_at`]).
    pub fn ending_at(&self, list: List, at: usize) -> Option<Found<'a>> {
        self.found(list, at, Anchor::End)
    }

    fn found(&self, list: List, at: usize, anchor: Anchor) -> Option<Found<'a>> {
        let words = self.lexicon.list(list);
        let rows = match anchor {
            Anchor::Start => &self.starting,
            Anchor::End => &self.ending,
        };
        let row = rows[list.index()].get_or_init(|| (0..self.tokens.len()).map(|_| Cell::new(UNKNOWN)).collect());
        let cell = row.get(at)?;
        if cell.get() == UNKNOWN {
            cell.set(self.look_up(list, words, at, anchor).map_or(NONE, |index| index as u32 + 2));
        }
        let index = cell.get().checked_sub(2)? as usize;
        let entry = &words.entries()[index];
        let far_token = match anchor {
            Anchor::Start => at + entry.words.len() - 1,
            Anchor::End => at + 1 - entry.words.len(),
        };
        Some(Found { entry, far_token })
    }

    /// The index of the longest entry of `words` anchored at token `at`.
    fn look_up(&self, list: List, words: &'a WordList, at: usize, anchor: Anchor) -> Option<usize> {
        if self.lists_at(at, anchor) & (1 << list.index()) == 0 {
            return None;
        }
        let found = match anchor {
            Anchor::Start => words.starting_at(self.tokens, at),
            Anchor::End => words.ending_at(self.tokens, at),
        };
        found.map(|m| m.index)
    }

    /// The lists that may have an entry anchored at token `at` (bit [`List::index`]).
    fn lists_at(&self, at: usize, anchor: Anchor) -> u64 {
        let cells = match anchor {
            Anchor::Start => &self.may_start,
            Anchor::End => &self.may_end,
        };
        let cells = cells.get_or_init(|| (0..self.tokens.len()).map(|_| Cell::new(UNKNOWN_LISTS)).collect());
        let cell = &cells[at];
        if cell.get() == UNKNOWN_LISTS {
            cell.set(match anchor {
                Anchor::Start => self.lexicon.typed_lists_starting_at(self.tokens, at),
                Anchor::End => self.lexicon.typed_lists_ending_at(self.tokens, at),
            });
        }
        cell.get()
    }
}
