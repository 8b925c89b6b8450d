//! Entries of the typed word lists that start or end at a token of one document.
//!
//! The stages ask "is there an entry of list L in this window" and "does one end right before
//! token t" token by token, many times over the same sentence, for some fifty lists. Most
//! tokens begin and end no entry of most lists, so each token first learns, with one lookup
//! per form ([`marsad_kb::Lexicon::typed_lists_at`]), which lists may begin or end at it at
//! all, and keeps that as one bit per list; only those lists are searched. Those bits come with
//! the extraction, learnt once for the whole document (nearly every token is asked about), so
//! a window is scanned for a list's bit without a search.
//!
//! Invariant: an answer is exactly what [`WordList::starting_at`] or [`WordList::ending_at`]
//! gives for that list and token. (Remembering the matches themselves too was measured slower:
//! a row per list and document costs more than the few searches it saves.)

use marsad_kb::lexicon::{ListMatch, ListSet, WordList, PREFILTERED};
use marsad_kb::{Lexicon, List};
use marsad_text::Tokens;
use std::ops::Range;

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
    /// By token: the lists that may have an entry starting there (bit [`List::index`]).
    may_start: &'a [ListSet],
    /// By token: the lists that may have an entry ending there.
    may_end: &'a [ListSet],
}

impl<'a> ListMatches<'a> {
    /// The entries of `tokens`, given the lists that may start and end at each
    /// ([`Lexicon::typed_lists`]).
    pub fn new(
        lexicon: &'a Lexicon,
        tokens: &'a Tokens,
        may_start: &'a [ListSet],
        may_end: &'a [ListSet],
    ) -> ListMatches<'a> {
        ListMatches { lexicon, tokens, may_start, may_end }
    }

    /// The longest entry of `list` that starts at token `at` ([`WordList::starting_at`]).
    pub fn starting_at(&self, list: List, at: usize) -> Option<ListMatch<'a>> {
        self.found(list, at, Anchor::Start)
    }

    /// The tokens of `range` where an entry of `list` may start: those with its bit, or every
    /// token for a list past the prefilter. Any other token has no entry starting there.
    pub fn may_start_in(&self, list: List, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let starts = self.may_start;
        let (index, filtered) = (list.index(), list.index() < PREFILTERED);
        range.filter(move |&at| !filtered || starts.get(at).is_some_and(|lists| lists.has(index)))
    }

    /// The longest entry of `list` that starts at token `at`, for a token [`Self::may_start_in`]
    /// gave: its bit is not tested again.
    pub fn starting_at_listed(&self, list: List, at: usize) -> Option<ListMatch<'a>> {
        self.lexicon.list(list).starting_at(self.tokens, at)
    }

    /// The longest entry of `list` that ends at token `at` ([`WordList::ending_at`]).
    pub fn ending_at(&self, list: List, at: usize) -> Option<ListMatch<'a>> {
        self.found(list, at, Anchor::End)
    }

    fn found(&self, list: List, at: usize, anchor: Anchor) -> Option<ListMatch<'a>> {
        if list.index() < PREFILTERED && !self.lists_at(at, anchor).has(list.index()) {
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
        let lists = match anchor {
            Anchor::Start => self.may_start,
            Anchor::End => self.may_end,
        };
        lists.get(at).copied().unwrap_or(ListSet::EMPTY)
    }
}
