//! Word lists the extractor reads (head nouns of state forces, prepositions, civilian nouns,
//! context words for ambiguous names) and the context rules that use them.
//!
//! Words are stored folded and without the Arabic article, so a list entry `الجيش` matches
//! الجيش, جيش, والجيش and للجيش alike; multi-word entries match as sequences of tokens.

use crate::coding::List;
use marsad_text::fold::fold_str;
use marsad_text::forms::form_hash;
use marsad_text::{Script, Tokens};
use rustc_hash::FxHashMap;

/// One entry of a word list: a sequence of folded words, with an optional role.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Language code of the entry.
    pub lang: String,
    /// Folded words; the first Arabic word is stored without its article.
    pub words: Vec<String>,
    /// Hashes of `words` ([`marsad_text::forms::form_hash`]).
    pub hashes: Vec<u64>,
    /// What the entry means in its list (`military`, `government`, ...).
    pub role: Option<String>,
}

/// A named word list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordList {
    entries: Vec<Entry>,
    /// Entry indices by their last word (for looking backwards), longest first and in list
    /// order among equals: the first that fits is the longest.
    by_last: FxHashMap<u64, Vec<usize>>,
    /// Entries by their first word (for looking forwards).
    by_first: FxHashMap<u64, Starts>,
}

/// The entries that begin with one word.
#[derive(Debug, Clone, Default, PartialEq)]
struct Starts {
    /// Entries of two words or more, by their second word's hash, then longest first and in
    /// list order among equals: a common first word ("a", "ont") begins dozens of entries, and
    /// the next token's word finds its few by binary search; the first that fits is the longest.
    longer: Vec<Starting>,
    /// Entries of that one word, in list order.
    single: Vec<Starting>,
}

/// An entry filed under its first word, with what rejects most candidates without reading it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Starting {
    /// Index in `entries`.
    index: u32,
    /// How many words the entry has.
    words: u32,
    /// The hash of its second word (0 for one-word entries).
    second: u64,
}

impl Starts {
    /// File an entry after those it must follow.
    fn insert(&mut self, starting: Starting) {
        if starting.words == 1 {
            self.single.push(starting);
            return;
        }
        let before = |other: &Starting| {
            other.second < starting.second || (other.second == starting.second && other.words >= starting.words)
        };
        let at = self.longer.partition_point(before);
        self.longer.insert(at, starting);
    }

    /// The entries of two words or more whose second word is `second`, longest first.
    fn with_second(&self, second: u64) -> &[Starting] {
        let from = self.longer.partition_point(|other| other.second < second);
        let count = self.longer[from..].partition_point(|other| other.second == second);
        &self.longer[from..from + count]
    }
}

/// A match of a list entry next to a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListMatch<'a> {
    /// The entry that matched.
    pub entry: &'a Entry,
    /// Index of the token farthest from the anchor that the entry covers.
    pub far_token: usize,
}

/// True when token `index` may be entry word `hash` (bare, or without clitics or pronoun).
fn is_form(tokens: &Tokens, index: usize, hash: u64) -> bool {
    tokens.forms(index).contains(&hash)
}

/// True when token `index`, as written (folded), is word `k` of `entry`: its bare form's hash
/// (the first of [`Tokens::forms`]) is compared first, the words only when the hashes agree.
fn is_word(tokens: &Tokens, index: usize, entry: &Entry, k: usize) -> bool {
    tokens.forms(index).first() == Some(&entry.hashes[k]) && tokens.folded(index) == entry.words[k]
}

/// Fold a lexicon word: folded, and an initial Arabic article removed (not from أل...).
pub fn fold_word(word: &str, first: bool) -> String {
    let folded = fold_str(word.trim());
    if first && word.trim_start().starts_with("ال") && folded.chars().count() > 3 {
        return folded.chars().skip(2).collect();
    }
    folded
}

impl WordList {
    /// Add an entry (the words as written; they are folded here).
    pub fn push(&mut self, lang: &str, phrase: &str, role: Option<String>) {
        let tokens = Tokens::new(phrase);
        let words: Vec<String> = (0..tokens.len())
            .map(|i| {
                let folded = tokens.folded(i).to_string();
                if i == 0 && tokens.items()[0].script == Script::Arabic {
                    fold_word(phrase.split_whitespace().next().unwrap_or(""), true)
                } else {
                    folded
                }
            })
            .collect();
        if words.is_empty() {
            return;
        }
        let index = self.entries.len();
        let hashes: Vec<u64> = words.iter().map(|w| form_hash(w)).collect();
        if let Some(&last) = hashes.last() {
            let ending = self.by_last.entry(last).or_default();
            let at = ending.partition_point(|&i| self.entries[i].words.len() >= words.len());
            ending.insert(at, index);
        }
        let starting =
            Starting { index: index as u32, words: words.len() as u32, second: hashes.get(1).copied().unwrap_or(0) };
        self.by_first.entry(hashes[0]).or_default().insert(starting);
        self.entries.push(Entry { lang: lang.to_string(), words, hashes, role });
    }

    /// True when `folded` (a folded word) is an entry of one word: one hashed lookup.
    pub fn has_word(&self, folded: &str) -> bool {
        self.by_first
            .get(&form_hash(folded))
            .is_some_and(|starts| starts.single.iter().any(|s| self.entries[s.index as usize].words[0] == folded))
    }

    /// Every entry.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// True when the list has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The longest entry that ends exactly at token `end` (inclusive), reading backwards.
    pub fn ending_at<'a>(&'a self, tokens: &Tokens, end: usize) -> Option<ListMatch<'a>> {
        self.ending_at_where(tokens, end, |_| true)
    }

    /// The longest entry accepted by `keep` that ends exactly at token `end`.
    pub fn ending_at_where<'a>(
        &'a self,
        tokens: &Tokens,
        end: usize,
        keep: impl Fn(&Entry) -> bool,
    ) -> Option<ListMatch<'a>> {
        let mut best: Option<ListMatch<'a>> = None;
        for form in tokens.forms(end) {
            let Some(candidates) = self.by_last.get(form) else { continue };
            for &i in candidates {
                let entry = &self.entries[i];
                let n = entry.words.len();
                if best.is_some_and(|b| b.entry.words.len() >= n) {
                    // Longest first: no entry left is longer than the one found.
                    break;
                }
                if n > end + 1 || !keep(entry) {
                    continue;
                }
                let first = end + 1 - n;
                let fits = (0..n - 1).all(|k| {
                    let token = first + k;
                    let joined = tokens.items()[token].joined_to_next;
                    joined
                        && (if k == 0 {
                            is_form(tokens, token, entry.hashes[0])
                        } else {
                            is_word(tokens, token, entry, k)
                        })
                });
                if fits {
                    best = Some(ListMatch { entry, far_token: first });
                    break;
                }
            }
        }
        best
    }

    /// The longest entry that starts exactly at token `start`, reading forwards.
    pub fn starting_at<'a>(&'a self, tokens: &Tokens, start: usize) -> Option<ListMatch<'a>> {
        self.starting_at_where(tokens, start, |_| true)
    }

    /// The longest entry accepted by `keep` that starts exactly at token `start`.
    pub fn starting_at_where<'a>(
        &'a self,
        tokens: &Tokens,
        start: usize,
        keep: impl Fn(&Entry) -> bool,
    ) -> Option<ListMatch<'a>> {
        let mut best: Option<ListMatch<'a>> = None;
        // Every entry of two words or more needs the next token joined, as its second word.
        let joined = tokens.items().get(start).is_some_and(|t| t.joined_to_next);
        let second = tokens.forms(start + 1).first().copied().filter(|_| joined);
        for form in tokens.forms(start) {
            let Some(starts) = self.by_first.get(form) else { continue };
            let longer = second.map_or(&[][..], |second| starts.with_second(second));
            for candidate in longer.iter().chain(&starts.single) {
                let n = candidate.words as usize;
                if best.is_some_and(|b| b.entry.words.len() >= n) {
                    break;
                }
                if start + n > tokens.len() {
                    continue;
                }
                let entry = &self.entries[candidate.index as usize];
                if !keep(entry) {
                    continue;
                }
                let fits = (1..n)
                    .all(|k| tokens.items()[start + k - 1].joined_to_next && is_word(tokens, start + k, entry, k));
                if fits {
                    best = Some(ListMatch { entry, far_token: start + n - 1 });
                    break;
                }
            }
        }
        best
    }
}

/// What a context rule does when its context is present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleAction {
    /// The name does not mean the target here (مالي after أزمة is "financial").
    Reject,
    /// The name only means the target when the context is present (a place named like a common word).
    Require,
}

/// A context condition: a list name (`@financial-heads`) or a literal word.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// Any entry of the named list.
    List(String),
    /// This folded word sequence.
    Words(Vec<String>),
}

/// A rule that accepts or rejects a name match from its neighbouring words.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextRule {
    /// What to do.
    pub action: RuleAction,
    /// `place:ID`, `actor:ID`, `person:ID` or `demonym:COUNTRY-PLACE-ID`.
    pub target: String,
    /// The target as an index, resolved when the knowledge base is built.
    pub resolved: Option<crate::Target>,
    /// Only for names in this language (None: all).
    pub lang: Option<String>,
    /// Only for this folded form of the name (None: every form).
    pub form: Option<String>,
    /// Conditions on the words just before the name.
    pub if_prev: Vec<Condition>,
    /// Conditions on the words just after the name.
    pub if_next: Vec<Condition>,
}

/// All lists and rules.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    /// Word lists by name, as the files give them (rules name them with `@list`).
    pub lists: FxHashMap<String, WordList>,
    /// Context rules in file order.
    pub rules: Vec<ContextRule>,
    /// The lists code reads, by [`List::index`], moved out of `lists` once loading is done.
    typed: Vec<WordList>,
    /// For a word's form hash, the typed lists (bit [`List::index`]) with an entry that begins
    /// with it, and those with an entry that ends with it: one lookup tells a token that no
    /// other list can start or end there.
    typed_by_word: FxHashMap<u64, (ListSet, ListSet)>,
    /// For the hash of every list's one-word entries, the typed lists with it (bit
    /// [`List::index`]) and whether a list named by the data only has it: most tokens are
    /// none, and need no list read, and the others need only those lists read.
    one_words: FxHashMap<u64, (ListSet, bool)>,
}

/// A set of typed lists, one bit each ([`List::index`]), for the first [`PREFILTERED`] lists:
/// 256 bits, so that every list is prefiltered (the events stage asks the last ones too; past
/// the prefilter a list is read at every token asked).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListSet([u128; 2]);

impl ListSet {
    /// No list.
    pub const EMPTY: ListSet = ListSet([0, 0]);

    /// The set of the one list at `index` (empty past the prefilter).
    #[inline]
    pub fn of(index: usize) -> ListSet {
        let mut set = ListSet::EMPTY;
        if index < PREFILTERED {
            set.0[index / 128] = 1 << (index % 128);
        }
        set
    }

    /// True when the list at `index` is in the set.
    #[inline]
    pub fn has(self, index: usize) -> bool {
        index < PREFILTERED && self.0[index / 128] & (1 << (index % 128)) != 0
    }
}

impl std::ops::BitOr for ListSet {
    type Output = ListSet;
    #[inline]
    fn bitor(self, other: ListSet) -> ListSet {
        ListSet([self.0[0] | other.0[0], self.0[1] | other.0[1]])
    }
}

impl std::ops::BitOrAssign for ListSet {
    #[inline]
    fn bitor_assign(&mut self, other: ListSet) {
        *self = *self | other;
    }
}

/// Lists with an index below this are prefiltered per token; the others are searched directly.
pub const PREFILTERED: usize = 256;

/// True when a token's lists (starting or ending there) leave `list` possible: its bit is
/// set, or it is past the prefilter.
#[inline]
pub fn may_have(lists: ListSet, list: List) -> bool {
    list.index() >= PREFILTERED || lists.has(list.index())
}

impl Lexicon {
    /// A list code reads. The loader has checked that it exists and is not empty.
    #[inline]
    pub fn list(&self, list: List) -> &WordList {
        static EMPTY: std::sync::OnceLock<WordList> = std::sync::OnceLock::new();
        self.typed.get(list.index()).unwrap_or_else(|| EMPTY.get_or_init(WordList::default))
    }

    /// A list by the name the data files give it (a rule's `@list`), or an empty one.
    pub fn list_named(&self, name: &str) -> &WordList {
        if let (Some(list), false) = (List::from_name(name), self.typed.is_empty()) {
            return self.list(list);
        }
        static EMPTY: std::sync::OnceLock<WordList> = std::sync::OnceLock::new();
        self.lists.get(name).unwrap_or_else(|| EMPTY.get_or_init(WordList::default))
    }

    /// True when some list's longest entry at token `at` is that one word (an ordinary word, for
    /// the phonetic matcher).
    pub fn one_word_entry_at(&self, tokens: &Tokens, at: usize) -> bool {
        let one_word_at = |list: &WordList| list.starting_at(tokens, at).is_some_and(|m| m.far_token == at);
        if self.one_words.is_empty() {
            return self.every_list().any(one_word_at);
        }
        let (mut typed, mut named) = (ListSet::EMPTY, false);
        for (lists, in_named) in tokens.forms(at).iter().filter_map(|form| self.one_words.get(form)) {
            typed |= *lists;
            named |= in_named;
        }
        // A list without a one-word entry among the token's forms has no one-word match there.
        let typed_hit = self
            .typed
            .iter()
            .enumerate()
            .any(|(index, list)| (index >= PREFILTERED || typed.has(index)) && one_word_at(list));
        typed_hit || (named && self.lists.values().any(one_word_at))
    }

    /// Every list, typed or named by the data only.
    pub fn every_list(&self) -> impl Iterator<Item = &WordList> {
        self.typed.iter().chain(self.lists.values())
    }

    /// True when a list of this name was loaded.
    pub fn has_list(&self, name: &str) -> bool {
        self.lists.contains_key(name) || List::from_name(name).is_some_and(|l| !self.list(l).is_empty())
    }

    /// Move every list code reads into its typed slot; the lists the data lack, with their file.
    pub(crate) fn resolve_typed(&mut self) -> Vec<List> {
        let mut missing = Vec::new();
        self.typed = List::ALL
            .iter()
            .map(|list| {
                let words = self.lists.remove(list.as_str()).unwrap_or_default();
                if words.is_empty() {
                    missing.push(*list);
                }
                words
            })
            .collect();
        self.index_typed_words();
        missing
    }

    /// Fill `typed_by_word` from the typed lists, and `one_words` from all.
    fn index_typed_words(&mut self) {
        self.one_words.clear();
        let one_words = |list: &WordList| -> Vec<u64> {
            list.entries.iter().filter(|entry| entry.hashes.len() == 1).map(|entry| entry.hashes[0]).collect()
        };
        for (index, list) in self.typed.iter().enumerate() {
            for hash in one_words(list) {
                self.one_words.entry(hash).or_default().0 |= ListSet::of(index);
            }
        }
        for list in self.lists.values() {
            for hash in one_words(list) {
                self.one_words.entry(hash).or_default().1 = true;
            }
        }
        self.typed_by_word.clear();
        for (index, list) in self.typed.iter().enumerate().take(PREFILTERED) {
            for entry in &list.entries {
                let (Some(&first), Some(&last)) = (entry.hashes.first(), entry.hashes.last()) else { continue };
                self.typed_by_word.entry(first).or_default().0 |= ListSet::of(index);
                self.typed_by_word.entry(last).or_default().1 |= ListSet::of(index);
            }
        }
    }

    /// The typed lists (bit [`List::index`]) that may have an entry starting at token `index`,
    /// and those that may have one ending there: the lists with an entry whose first (last)
    /// word is one of the token's forms.
    pub fn typed_lists_at(&self, tokens: &Tokens, index: usize) -> (ListSet, ListSet) {
        tokens
            .forms(index)
            .iter()
            .filter_map(|form| self.typed_by_word.get(form))
            .fold((ListSet::EMPTY, ListSet::EMPTY), |(starting, ending), lists| (starting | lists.0, ending | lists.1))
    }

    /// The typed lists that may have an entry starting at token `index` ([`Lexicon::typed_lists_at`]).
    pub fn typed_lists_starting_at(&self, tokens: &Tokens, index: usize) -> ListSet {
        self.typed_lists_at(tokens, index).0
    }

    /// For every token of `tokens`, the typed lists that may have an entry starting there and
    /// those that may have one ending there ([`Lexicon::typed_lists_at`]): learnt once per
    /// document with one lookup per form, read by every stage.
    pub fn typed_lists(&self, tokens: &Tokens) -> (Vec<ListSet>, Vec<ListSet>) {
        (0..tokens.len()).map(|at| self.typed_lists_at(tokens, at)).unzip()
    }

    /// The typed lists (bit [`List::index`]) that may have an entry ending at token `index`.
    pub fn typed_lists_ending_at(&self, tokens: &Tokens, index: usize) -> ListSet {
        self.typed_lists_at(tokens, index).1
    }

    /// True when a condition holds for the words ending at token `end` (looking back).
    pub fn holds_before(&self, condition: &Condition, tokens: &Tokens, end: usize) -> bool {
        match condition {
            Condition::List(name) => self.list_named(name).ending_at(tokens, end).is_some(),
            Condition::Words(words) => {
                let n = words.len();
                if n == 0 || n > end + 1 {
                    return false;
                }
                let first = end + 1 - n;
                (0..n).all(|k| {
                    let token = first + k;
                    (k + 1 == n || tokens.items()[token].joined_to_next)
                        && (if k == 0 {
                            is_form(tokens, token, form_hash(&words[0]))
                        } else {
                            tokens.folded(token) == words[k]
                        })
                })
            }
        }
    }

    /// True when a condition holds for the words starting at token `start` (looking ahead).
    pub fn holds_after(&self, condition: &Condition, tokens: &Tokens, start: usize) -> bool {
        match condition {
            Condition::List(name) => self.list_named(name).starting_at(tokens, start).is_some(),
            Condition::Words(words) => {
                let n = words.len();
                if n == 0 || start + n > tokens.len() {
                    return false;
                }
                (0..n).all(|k| {
                    let token = start + k;
                    (k == 0 || tokens.items()[token - 1].joined_to_next)
                        && (if k == 0 {
                            is_form(tokens, token, form_hash(&words[0]))
                        } else {
                            tokens.folded(token) == words[k]
                        })
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_list_code_reads_is_prefiltered() {
        // Past the prefilter a list is read at every token it is asked about.
        assert!(List::ALL.len() <= PREFILTERED, "{} lists, {PREFILTERED} bits", List::ALL.len());
        let set = ListSet::of(200) | ListSet::of(3);
        assert!(set.has(200) && set.has(3) && !set.has(130) && !set.has(4));
    }

    use super::*;

    #[test]
    fn arabic_entries_match_with_or_without_article_and_clitics() {
        let mut list = WordList::default();
        list.push("ar", "الجيش", Some("military".into()));
        list.push("ar", "قوات الأمن", Some("military".into()));
        let tokens = Tokens::new("وللجيش قوات الأمن المالي");
        assert_eq!(list.ending_at(&tokens, 0).map(|m| m.entry.role.clone()), Some(Some("military".into())));
        let two = list.ending_at(&tokens, 2).expect("two-word entry");
        assert_eq!(two.far_token, 1);
        assert!(list.ending_at(&tokens, 3).is_none());
    }

    #[test]
    fn arabic_entries_match_with_an_enclitic_pronoun() {
        let mut list = WordList::default();
        list.push("ar", "حصار", None);
        list.push("ar", "مسؤولية", None);
        let tokens = Tokens::new("حصارها مسؤوليتها");
        assert!(list.starting_at(&tokens, 0).is_some());
        assert!(list.starting_at(&tokens, 1).is_some());
        let mut prepositions = WordList::default();
        prepositions.push("ar", "بين", None);
        assert!(prepositions.starting_at(&Tokens::new("بينها"), 0).is_none(), "among them is not between");
    }

    #[test]
    fn forward_matches_need_joined_words() {
        let mut list = WordList::default();
        list.push("fr", "forces armées", None);
        assert!(list.starting_at(&Tokens::new("forces armées maliennes"), 0).is_some());
        assert!(list.starting_at(&Tokens::new("forces.\narmées"), 0).is_none());
    }
}
