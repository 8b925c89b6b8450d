//! Mention finding: which places, actors, people and outlets a text names, and where.
//!
//! Architecture invariant: no IO, no failure. The input is a text (and its title); the
//! output is a list of [`Mention`]s whose spans count chars of that text, plus the layout and
//! tokens it was computed from, so the event stage reads the same analysis.
//!
//! The stages, in order: [`scan`] proposes every name the knowledge base could see at each
//! word (with each proclitic reading and each transliteration tier); [`resolve`] applies the
//! context rules (مالي "financial", كيتا the surname, القاعدة "the base"), keeps the longest
//! and strictest non-overlapping names, and reads what the names mean in context
//! (nationality adjectives with a head noun, a country acting, a spokesman speaking).

pub mod context;
pub mod resolve;
pub mod roads;
pub mod scan;
pub mod support;

use marsad_kb::lexicon::ListSet;
use marsad_kb::KnowledgeBase;
use marsad_text::layout::{analyse_with_tokens, Layout, Span};
use marsad_text::skeleton::Tier;
use marsad_text::{Lang, Tokens};

/// What a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    /// A place (index into the knowledge base's places).
    Place(u32),
    /// An actor.
    Actor(u32),
    /// A person.
    Person(u32),
    /// An outlet.
    Outlet(u32),
}

/// How the text names the entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum How {
    /// By one of its names.
    Name,
    /// By a head noun and a nationality adjective (الجيش المالي, Russian forces).
    Nationality,
    /// A country named as the one acting (أعلنت كوت ديفوار): its government.
    CountryActing,
    /// A person who speaks or acts for the actor.
    Spokesperson,
    /// A bare head noun (الجيش, l'armée, the authorities): the state of the story's country.
    Context,
    /// A country's capital named by the word for a capital (عاصمة النيجر, the Malian capital).
    Capital,
    /// A country named by its adjective beside a word for a border (الحدود الجزائرية, the
    /// Algerian border): named, but never where something happened.
    Border,
}

/// Why a place mention was accepted: what in the text supports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Support {
    /// A curated name: no support needed (and every mention that is not a place).
    Listed,
    /// A place word before it (قرية X, la localité de X, the village of X), or before its list.
    PlaceWord,
    /// Its cercle, department or province, or a town of it, named nearby: the closest unit.
    Cercle,
    /// A region named nearby that holds it.
    Region,
    /// Its country named nearby.
    Country,
    /// Its country is the one the story is about.
    StoryCountry,
    /// The same name was accepted as this place earlier or later in the text.
    Repeated,
}

impl Support {
    /// A short label for traces (`--explain`) and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Support::Listed => "listed",
            Support::PlaceWord => "place word",
            Support::Cercle => "cercle nearby",
            Support::Region => "region nearby",
            Support::Country => "country nearby",
            Support::StoryCountry => "story's country",
            Support::Repeated => "named elsewhere in the text",
        }
    }
}

/// One entity named at one span of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mention {
    /// The chars that name it (without proclitics such as و or ب).
    pub span: Span,
    /// What is named.
    pub entity: Entity,
    /// How loosely the spelling matched (exact, transliteration, consonants).
    pub tier: Tier,
    /// How the text names it.
    pub how: How,
    /// What supports it (generated places need support; curated names are `Listed`).
    pub support: Support,
    /// Found through the phonetic key: an Arabic word matched to a Latin-only entry.
    pub phonetic: bool,
}

/// The analysis of one text.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Main language.
    pub lang: Option<Lang>,
    /// Blocks, headings, sentences and noise.
    pub layout: Layout,
    /// Words.
    pub tokens: Tokens,
    /// For each token, the typed word lists that may have an entry starting there
    /// ([`marsad_kb::Lexicon::typed_lists`]), learnt once for every stage.
    pub starting_lists: Vec<ListSet>,
    /// For each token, the typed word lists that may have an entry ending there, learnt with
    /// `starting_lists` ([`marsad_kb::Lexicon::typed_lists`]).
    pub ending_lists: Vec<ListSet>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Names introduced by a place word that the knowledge base does not know, in text order.
    pub unlisted: Vec<support::UnlistedPlace>,
    /// National roads named by their number, in text order.
    pub roads: Vec<roads::Road>,
}

/// Finds mentions with one knowledge base.
#[derive(Debug, Clone, Copy)]
pub struct Extractor<'kb> {
    kb: &'kb KnowledgeBase,
}

impl<'kb> Extractor<'kb> {
    /// An extractor over `kb`.
    pub fn new(kb: &'kb KnowledgeBase) -> Self {
        Extractor { kb }
    }

    /// The knowledge base in use.
    pub fn kb(&self) -> &'kb KnowledgeBase {
        self.kb
    }

    /// Analyse `text` (with its `title` when the reader found one).
    pub fn extract(&self, text: &str, title: Option<&str>) -> Extraction {
        let tokens = Tokens::new(text);
        let (starting_lists, ending_lists) = self.kb.lexicon.typed_lists(&tokens);
        let layout = analyse_with_tokens(text, &tokens, title);
        let mut mentions = Vec::new();
        let mut pending = Vec::new();
        for block in layout.content() {
            let first = tokens.first_at_or_after(block.span.start);
            let last = tokens.first_at_or_after(block.span.end);
            if first >= last {
                continue;
            }
            let candidates = scan::candidates(self.kb, text, &tokens, first..last);
            let lang = block.lang.or(layout.lang);
            let ends = support::Ends(&ending_lists);
            resolve::resolve(self.kb, text, &tokens, ends, first..last, lang, candidates, &mut mentions, &mut pending);
        }
        let ends = support::Ends(&ending_lists);
        support::settle(self.kb, &tokens, ends, pending, &mut mentions);
        context::localize_areas(self.kb, &tokens, ends, &mut mentions);
        context::state_heads(self.kb, text, &tokens, &starting_lists, ends, &layout, &mut mentions);
        mentions.sort_by_key(|m| (m.span.start, m.span.end, m.entity));
        mentions.dedup_by_key(|m| (m.span, m.entity));
        let (mut unlisted, mut roads) = (Vec::new(), Vec::new());
        let around = support::Surroundings::new(text, &mentions);
        for block in layout.content() {
            let range = tokens.first_at_or_after(block.span.start)..tokens.first_at_or_after(block.span.end);
            let ends = support::Ends(&ending_lists);
            support::unlisted_places(self.kb, text, &tokens, ends, &range, &around, &mut unlisted);
            roads::roads(self.kb, text, &tokens, &range, &mut roads);
        }
        if !roads.is_empty() {
            let country = context::focus_country(self.kb, &tokens, support::Ends(&ending_lists), &mentions);
            let country = country.and_then(|iso| self.kb.country_place(iso));
            for road in &mut roads {
                road.country = country;
            }
        }
        // "جزيرة تشوكو تيليا": a known name inside a longer name the base lacks is no place of its own.
        if unlisted.iter().any(|u| mentions.iter().any(|m| u.span.contains(m.span))) {
            mentions.retain(|m| !unlisted.iter().any(|u| u.span.contains(m.span)));
        }
        Extraction { lang: layout.lang, layout, tokens, starting_lists, ending_lists, mentions, unlisted, roads }
    }
}

#[cfg(test)]
mod tests;
