//! The name index: every name of every entry under transliteration-tolerant keys.
//!
//! A name is indexed under one key per [`Tier`] (exact spelling, sound classes, consonants),
//! its words joined without spaces so that split, hyphenated and joined spellings meet. Keys
//! are 64-bit FNV-1a hashes fed word by word, so the extractor can extend a candidate to the
//! next word without building strings, and a set of every key prefix tells it when to stop.
//! With ~10^5 keys and ~10^7 lookups a run, the chance of one hash collision is ~10^-7.

use marsad_text::skeleton::{consonants, push_key, Tier, MIN_CONSONANTS_FOR_LOOSE, TIERS};
use marsad_text::{Script, Tokens};
use rustc_hash::{FxHashMap, FxHashSet};

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A place (index into `KnowledgeBase::places`).
    Place(u32),
    /// An actor.
    Actor(u32),
    /// A person, by a full name.
    Person(u32),
    /// A person, by a short name (surname).
    PersonShort(u32),
    /// An outlet.
    Outlet(u32),
    /// The nationality adjective of a country (index of the country in places).
    Demonym(u32),
}

/// Whether the Arabic article must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Article {
    /// The name is definite (النيجر): only with ال or لل.
    Required,
    /// The name is indefinite (مالي): never with the article (المالي is an adjective).
    Forbidden,
    /// Either (adjectives, Latin names).
    Any,
}

/// Case the text must show for a Latin name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// An acronym (UN, AES): all capitals in the text too.
    Acronym,
    /// A proper name: capital initial in the text.
    Capitalised,
    /// Any case (French adjectives, names that begin lower-case).
    Any,
}

/// One indexed name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NameRef {
    /// What it names.
    pub target: Target,
    /// How loose the key it was found under is.
    pub tier: Tier,
    /// Article rule.
    pub article: Article,
    /// Case rule.
    pub case: Case,
    /// Number of words of the name as listed.
    pub words: u8,
}

/// Incremental hash of a key, fed word by word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyHash(u64);

impl KeyHash {
    /// Start a key of `tier`.
    #[inline]
    pub fn new(tier: Tier) -> KeyHash {
        KeyHash(0xcbf2_9ce4_8422_2325 ^ (tier as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// Feed one character (its UTF-8 bytes; most key chars are ASCII, fed without encoding).
    #[inline]
    pub fn feed_char(&mut self, c: char) {
        if c.is_ascii() {
            self.feed_byte(c as u8);
            return;
        }
        let mut buffer = [0u8; 4];
        for byte in c.encode_utf8(&mut buffer).bytes() {
            self.feed_byte(byte);
        }
    }

    #[inline]
    fn feed_byte(&mut self, byte: u8) {
        self.0 ^= byte as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    /// Feed a string.
    #[inline]
    pub fn feed(&mut self, text: &str) {
        for byte in text.bytes() {
            self.feed_byte(byte);
        }
    }

    /// The hash value.
    #[inline]
    pub fn value(self) -> u64 {
        self.0
    }
}

/// What the index knows of one key hash: the names filed under it, and whether some longer
/// key begins with it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    first: u32,
    count: u32,
    /// Some longer key begins with this one: a candidate may grow to the next word.
    pub prefix: bool,
}

/// Keys → names and prefixes, answered by one lookup.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    /// While indexing: names by key.
    building: FxHashMap<u64, Vec<NameRef>>,
    /// While indexing: the prefixes of every key.
    building_prefixes: FxHashSet<u64>,
    /// Once built: one slot per key or prefix, into `names`.
    slots: FxHashMap<u64, Slot>,
    names: Vec<NameRef>,
    /// The prefixes of at most [`SHORT_PREFIX_CHARS`] chars: a small set that stays in cache,
    /// for rejecting most words after their first few key chars.
    short_prefixes: FxHashSet<u64>,
}

/// Longest prefix kept in the short prefix set.
pub const SHORT_PREFIX_CHARS: usize = 4;

/// Options for indexing one name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Indexing {
    pub target: Target,
    /// Transliteration tiers allowed (proper names); off for common words (civilians).
    pub loose: bool,
    /// Adjective forms: the article is optional.
    pub article_optional: bool,
}

impl Gazetteer {
    /// The names filed under a key hash, and whether a longer key begins with it.
    #[inline]
    pub fn lookup(&self, hash: KeyHash) -> (&[NameRef], bool) {
        match self.slots.get(&hash.value()) {
            Some(slot) => {
                (self.names.get(slot.first as usize..(slot.first + slot.count) as usize).unwrap_or(&[]), slot.prefix)
            }
            None => (&[], false),
        }
    }

    /// The names indexed under a key hash.
    pub fn get(&self, hash: KeyHash) -> &[NameRef] {
        self.lookup(hash).0
    }

    /// True when some key begins with these characters (the candidate may grow).
    pub fn is_prefix(&self, hash: KeyHash) -> bool {
        self.lookup(hash).1
    }

    /// Freeze the index: names packed in one array, one slot per key or prefix.
    pub(crate) fn finish(&mut self) {
        let building = std::mem::take(&mut self.building);
        let prefixes = std::mem::take(&mut self.building_prefixes);
        let mut keys: Vec<u64> = building.keys().copied().collect();
        keys.sort_unstable();
        self.slots = FxHashMap::with_capacity_and_hasher(keys.len() + prefixes.len(), Default::default());
        for key in keys {
            let refs = &building[&key];
            let first = self.names.len() as u32;
            self.names.extend_from_slice(refs);
            self.slots.insert(key, Slot { first, count: refs.len() as u32, prefix: prefixes.contains(&key) });
        }
        for prefix in prefixes {
            self.slots.entry(prefix).or_default().prefix = true;
        }
    }

    /// True when some key begins with these (at most [`SHORT_PREFIX_CHARS`]) characters.
    #[inline]
    pub fn is_short_prefix(&self, hash: KeyHash) -> bool {
        self.short_prefixes.contains(&hash.value())
    }

    /// Number of distinct keys with names.
    pub fn len(&self) -> usize {
        self.slots.values().filter(|s| s.count > 0).count() + self.building.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn index(&mut self, name: &str, options: Indexing) {
        let tokens = Tokens::new(name);
        if tokens.is_empty() {
            return;
        }
        let first = &tokens.items()[0];
        let script = first.script;
        let mut words: Vec<(Script, String)> =
            (0..tokens.len()).map(|i| (tokens.items()[i].script, tokens.folded(i).to_string())).collect();
        let mut article = Article::Any;
        if script == Script::Arabic {
            article = if options.article_optional { Article::Any } else { Article::Forbidden };
            let written = name.trim_start();
            if written.starts_with("ال") && words[0].1.chars().count() > 3 {
                words[0].1 = words[0].1.chars().skip(2).collect();
                article = if options.article_optional { Article::Any } else { Article::Required };
            }
        }
        let case = if script == Script::Arabic {
            Case::Any
        } else {
            let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
            if !letters.is_empty() && letters.len() <= 8 && letters.iter().all(|c| c.is_uppercase()) {
                Case::Acronym
            } else if name.trim_start().chars().next().is_some_and(|c| c.is_lowercase()) || options.article_optional {
                Case::Any
            } else {
                Case::Capitalised
            }
        };
        for tier in TIERS {
            if tier != Tier::Exact && (!options.loose || case == Case::Acronym) {
                continue;
            }
            if tier == Tier::Consonants && script != Script::Arabic {
                continue;
            }
            let mut joined = String::new();
            for (word_script, word) in &words {
                push_key(tier, *word_script, word, &mut joined);
            }
            if tier == Tier::Consonants && consonants(&joined) < MIN_CONSONANTS_FOR_LOOSE {
                continue;
            }
            let mut hash = KeyHash::new(tier);
            for (length, c) in joined.chars().enumerate() {
                self.building_prefixes.insert(hash.value());
                if length <= SHORT_PREFIX_CHARS {
                    self.short_prefixes.insert(hash.value());
                }
                hash.feed_char(c);
            }
            let entry = NameRef { target: options.target, tier, article, case, words: words.len().min(255) as u8 };
            let refs = self.building.entry(hash.value()).or_default();
            if !refs.contains(&entry) {
                refs.push(entry);
            }
        }
    }
}

/// Arabic demonym forms derived from the masculine singular (مالي → مالية, ماليين, ماليون, ماليات).
pub(crate) fn arabic_demonym_forms(base: &str) -> Vec<String> {
    let mut forms = vec![base.to_string()];
    // ماليا, ماليان: the accusative and the dual ("20 جنديا ماليا", "جنديان ماليان"); a form
    // that is also a country's name (نيجيريا) names that same country.
    if base.ends_with('ي') {
        for suffix in ["ة", "ين", "ون", "ات", "ا", "ان"] {
            forms.push(format!("{base}{suffix}"));
        }
    }
    forms
}

/// French demonym forms from the masculine singular (malien → malienne, maliens, maliennes).
pub(crate) fn french_demonym_forms(base: &str) -> Vec<String> {
    let mut forms = vec![base.to_string()];
    if base.ends_with("ien") || base.ends_with("éen") || base.ends_with("en") {
        forms.extend([format!("{base}ne"), format!("{base}s"), format!("{base}nes")]);
    } else if base.ends_with('s') || base.ends_with('x') {
        forms.extend([format!("{base}e"), format!("{base}es")]);
    } else if base.ends_with('e') || base.ends_with('è') {
        forms.push(format!("{base}s"));
    } else {
        forms.extend([format!("{base}e"), format!("{base}s"), format!("{base}es")]);
    }
    forms
}

/// English demonym forms (Malian → Malians).
pub(crate) fn english_demonym_forms(base: &str) -> Vec<String> {
    if base.ends_with("ese") || base.ends_with("ch") || base.ends_with("sh") || base.ends_with('s') {
        vec![base.to_string()]
    } else {
        vec![base.to_string(), format!("{base}s")]
    }
}
