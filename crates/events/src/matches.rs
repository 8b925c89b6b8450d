//! Entries of the typed word lists that start or end at a token of one document.
//!
//! The stages ask "is there an entry of list L in this window" and "does one end right before
//! token t" token by token, many times over the same sentence, for some fifty lists. Most
//! tokens begin and end no entry of most lists, so each token first learns, with one lookup
//! per form ([`marsad_kb::Lexicon::typed_lists_starting_at`]), which lists may begin or end at
//! it at all, and keeps that as one bit per list; only those lists are searched.
//!
//! Invariant: an answer is exactly what [`WordList::starting_at`] or [`WordList::ending_at`]
//! gives for that list and token. (Remembering the matches themselves too was measured slower:
//! a row per list and document costs more than the few searches it saves.)

use marsad_kb::lexicon::{ListMatch, ListSet, WordList, PREFILTERED};
use marsad_kb::{Lexicon, List};
use marsad_text::Tokens;
use std::cell::{Cell, OnceCell};

/// A token's lists not looked up yet. No token can have every bit: there are fewer lists.
const UNKNOWN_LISTS: ListSet = ListSet::MAX;

/// Which end of an entry sits on the token asked about.
#[derive(Debug, Clone, Copy)]
enum Anchor {
    Start,
    End,
}

/// The typed lists' entries at the tokens of one document.
pub(crate) struct ListMatches<'a> {
    lexicon: &'a Lexicon,
    tokens: &'a Tokens,
    /// By token: the lists that may have an entry starting there (bit [`List::index`]), or
    /// [`UNKNOWN_LISTS`]; allocated on the first question.
    may_start: OnceCell<Box<[Cell<ListSet>]>>,
    /// By token: the lists that may have an entry ending there.
    may_end: OnceCell<Box<[Cell<ListSet>]>>,
}

impl<'a> ListMatches<'a> {
    /// Nothing is looked up until asked.
    pub fn new(lexicon: &'a Lexicon, tokens: &'a Tokens) -> ListMatches<'a> {
        ListMatches { lexicon, tokens, may_start: OnceCell::new(), may_end: OnceCell::new() }
    }

    /// The longest entry of `list` that starts at token `at` ([`WordList::starting_at`]).
    pub fn starting_at(&self, list: List, at: usize) -> Option<ListMatch<'a>> {
        self.found(list, at, Anchor::Start)
    }

    /// The longest entry of `list` that ends at token `at` ([`WordList::ending_at`]).
    pub fn ending_at(&self, list: List, at: usize) -> Option<ListMatch<'a>> {
        self.found(list, at, Anchor::End)
    }

    fn found(&self, list: List, at: usize, anchor: Anchor) -> Option<ListMatch<'a>> {
        if list.index() < PREFILTERED && self.lists_at(at, anchor) & (1 << list.index()) == 0 {
            return None;
        }
        let words: &'a WordList = self.lexicon.list(list);
        match anchor {
            Anchor::Start => words.starting_at(self.tokens, at),
            Anchor::End => words.ending_at(self.tokens, at),
        }
    }

    /// The lists that may have an entry anchored at token `at` (bit [`List::index`]); none
    /// past the last token.
    fn lists_at(&self, at: usize, anchor: Anchor) -> ListSet {
        let cells = match anchor {
            Anchor::Start => &self.may_start,
            Anchor::End => &self.may_end,
        };
        let cells = cells.get_or_init(|| (0..self.tokens.len()).map(|_| Cell::new(UNKNOWN_LISTS)).collect());
        let Some(cell) = cells.get(at) else { return 0 };
        if cell.get() == UNKNOWN_LISTS {
            cell.set(match anchor {
                Anchor::Start => self.lexicon.typed_lists_starting_at(self.tokens, at),
                Anchor::End => self.lexicon.typed_lists_ending_at(self.tokens, at),
            });
        }
        cell.get()
    }
}
