//! What every stage reads of one document, indexed once so that each sentence finds its
//! mentions, counts and dates by binary search: the coder stays linear in the text's length.

use crate::matches::ListMatches;
use crate::mention::Trigger;
use crate::roles::NamedActors;
use crate::trace::NotHere;
use marsad_extract::support::UnlistedPlace;
use marsad_extract::{Entity, Extraction, How, Mention};
use marsad_kb::lexicon::ListMatch;
use marsad_kb::{ActorKind, KnowledgeBase, List, PlaceKind};
use marsad_text::dates::{dates_in, Date, DateMention};
use marsad_text::layout::Span;
use marsad_text::numbers::{counts_in, Count};
use marsad_text::Tokens;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// The triggers of sentences by their token range (start, end).
pub(crate) type TriggersBySentence = rustc_hash::FxHashMap<(usize, usize), Rc<[Trigger]>>;

/// What the place checks of one sentence made of each of its place mentions, by the sentence's
/// token range (start, end) and the mention (its address in [`Doc::mentions`]).
pub(crate) type PlaceVerdicts = rustc_hash::FxHashMap<(usize, usize, *const Mention), Option<NotHere>>;

/// One document and its analysis.
pub(crate) struct Doc<'a> {
    pub kb: &'a KnowledgeBase,
    pub text: &'a str,
    pub tokens: &'a Tokens,
    pub extraction: &'a Extraction,
    /// Mentions sorted by start.
    pub mentions: &'a [Mention],
    pub counts: Vec<Count>,
    pub dates: Vec<DateMention>,
    /// The date the text speaks from: its publication, else the latest full date it gives.
    pub reference: Option<Date>,
    /// The country most places of the text lie in.
    pub focus: Option<&'a str>,
    /// The actors the whole text names, for the roles of each mention.
    pub actors: NamedActors<'a>,
    /// Indices of the extraction's places the knowledge base lacks, sorted by start.
    unlisted: Vec<usize>,
    /// The typed lists' entries at each token, each token told once which lists may match there.
    matches: ListMatches<'a>,
    /// The triggers of each sentence asked about (by its token range): the mentions and the
    /// roles of every mention in it ask for the same ones.
    pub(crate) sentence_triggers: RefCell<TriggersBySentence>,
    /// Why each place mention of a sentence asked about cannot be an incident's place, if it
    /// cannot: the index of earlier places and each incident mention ask about the same ones.
    pub(crate) place_verdicts: RefCell<PlaceVerdicts>,
}

/// How many units up a place's region chain is followed (town, cercle, region, area).
const UNIT_DEPTH: usize = 4;

/// The indices of `items` in the order of their start.
fn by_start<T>(items: &[T], start: impl Fn(&T) -> u32) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| start(&items[i]));
    order
}

/// The items of a slice sorted by span start that start inside `span`.
fn starting_in<T>(items: &[T], span: Span, start: impl Fn(&T) -> u32) -> &[T] {
    let first = items.partition_point(|x| start(x) < span.start);
    let last = items.partition_point(|x| start(x) < span.end);
    &items[first..last.max(first)]
}

/// Drops the counts a date takes: "les 10 et 11 mars", "March 10 and 11" give days, not tolls.
/// Both lists are sorted by start.
fn drop_counts_in_dates(counts: &mut Vec<Count>, dates: &[DateMention]) {
    let mut next = 0;
    counts.retain(|c| {
        while dates.get(next).is_some_and(|d| d.span.end <= c.span.start) {
            next += 1;
        }
        let inside = dates.get(next).is_some_and(|d| d.span.start <= c.span.start && c.span.end <= d.span.end);
        if inside {
            cov_mark::hit!(a_number_a_date_takes_is_no_count);
        }
        !inside
    });
}

/// Lines from the top of a page where its date stamp may stand.
const STAMP_LINES: usize = 4;

/// Most words on a line that is a date stamp ("مالي – 19 سبتمبر 2025").
const STAMP_WORDS: usize = 8;

/// The full date on a short line among the first lines of the text: the page's stamp.
fn page_stamp(text: &str, dates: &[DateMention]) -> Option<Date> {
    let mut lines = 0usize;
    let mut chars = 0u32;
    for line in text.split('\n') {
        let len = line.chars().count() as u32;
        let span = Span { start: chars, end: chars + len };
        chars += len + 1;
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if lines > STAMP_LINES {
            break;
        }
        if line.split_whitespace().count() > STAMP_WORDS {
            continue;
        }
        let full = dates
            .iter()
            .filter(|d| span.start <= d.span.start && d.span.end <= span.end)
            .find(|d| !d.relative && d.date.is_some_and(|x| x.day.is_some()));
        if let Some(d) = full {
            return d.date;
        }
    }
    None
}

impl<'a> Doc<'a> {
    pub fn new(kb: &'a KnowledgeBase, text: &'a str, extraction: &'a Extraction, published: Option<&str>) -> Doc<'a> {
        let tokens = &extraction.tokens;
        let mut dates = dates_in(text, tokens, published);
        let latest = dates.iter().filter(|d| !d.relative).filter_map(|d| d.date).filter(|d| d.day.is_some()).max();
        let published = published.and_then(Date::parse_iso);
        // "مالي – 19 سبتمبر 2025", "6 Mars 2026" on a short line at the top of an undated page:
        // the day it was written, which days are counted from.
        let stamped = published.is_none().then(|| page_stamp(text, &dates)).flatten();
        if let Some(stamp) = stamped {
            cov_mark::hit!(an_undated_page_takes_its_day_from_its_stamp);
            dates = dates_in(text, tokens, Some(&stamp.to_iso()));
        }
        let published = published.or(stamped);
        if let (None, Some(latest)) = (published, latest) {
            // Undated page: the latest full date it gives tells the year and month it was written
            // in, enough to give "13 يونيو" its year, not enough to count days back from.
            cov_mark::hit!(undated_page_takes_its_year_from_its_latest_date);
            let month = Date { day: None, ..latest }.to_iso();
            dates = dates_in(text, tokens, Some(&month));
        }
        dates.sort_by_key(|d| d.span.start);
        let mut counts = counts_in(text, tokens);
        counts.sort_by_key(|c| c.span.start);
        drop_counts_in_dates(&mut counts, &dates);
        let ends = marsad_extract::support::Ends(&extraction.ending_lists);
        Doc {
            kb,
            text,
            tokens,
            extraction,
            mentions: &extraction.mentions,
            counts,
            dates,
            reference: published.or(latest),
            focus: marsad_extract::context::focus_country(kb, tokens, ends, &extraction.mentions),
            actors: NamedActors::new(kb, &extraction.mentions),
            unlisted: by_start(&extraction.unlisted, |u| u.span.start),
            matches: ListMatches::new(&kb.lexicon, tokens, &extraction.starting_lists, &extraction.ending_lists),
            sentence_triggers: Default::default(),
            place_verdicts: Default::default(),
        }
    }

    /// Place mention `m`, at token `first`, is a country or a capital right after a word of
    /// patronage ("التابع لموسكو"): the state a force is tied to
    /// ([`marsad_extract::context::patron`]).
    pub fn is_patron(&self, m: &Mention, first: usize) -> bool {
        let ends = marsad_extract::support::Ends(&self.extraction.ending_lists);
        marsad_extract::context::patron(self.kb, self.tokens, ends, m, first)
    }

    /// Token `first` follows words saying where a group operates, in the same clause back to
    /// token `floor` ([`marsad_extract::context::where_a_group_is_active`]).
    pub fn where_a_group_is_active(&self, first: usize, floor: usize) -> bool {
        let ends = marsad_extract::support::Ends(&self.extraction.ending_lists);
        marsad_extract::context::where_a_group_is_active(self.kb, self.tokens, ends, first, floor)
    }

    /// Tokens whose start lies in `span`.
    pub fn token_range(&self, span: Span) -> Range<usize> {
        self.tokens.first_at_or_after(span.start)..self.tokens.first_at_or_after(span.end)
    }

    /// The chars of tokens `first..=last`.
    pub fn span_of(&self, first: usize, last: usize) -> Span {
        let items = self.tokens.items();
        match (items.get(first), items.get(last)) {
            (Some(a), Some(b)) => Span { start: a.start, end: b.end },
            _ => Span::default(),
        }
    }

    /// The token a char offset falls in (or the next one).
    pub fn token_at(&self, offset: u32) -> usize {
        self.tokens.items().partition_point(|t| t.end <= offset)
    }

    /// The last token that starts before char offset `end`.
    pub fn last_token_before(&self, end: u32) -> usize {
        self.tokens.items().partition_point(|t| t.start < end).saturating_sub(1)
    }

    /// The byte offset of char offset `offset`, found from the nearest token boundary.
    fn byte_at(&self, offset: u32) -> usize {
        let items = self.tokens.items();
        let after = items.partition_point(|t| t.start < offset);
        let (mut byte, mut chars) = match after.checked_sub(1).map(|i| &items[i]) {
            Some(t) if t.end <= offset => (t.byte_end as usize, t.end),
            Some(t) => (t.byte_start as usize, t.start),
            None => (0, 0),
        };
        let rest = self.text.get(byte..).unwrap_or("");
        for c in rest.chars() {
            if chars >= offset {
                break;
            }
            byte += c.len_utf8();
            chars += 1;
        }
        byte
    }

    /// The text between token `t` and the next one, read from their byte offsets (the same as
    /// [`Doc::text_of`] their char gap, without finding the bytes again); empty after the last token.
    pub fn gap_after(&self, t: usize) -> &'a str {
        let items = self.tokens.items();
        match (items.get(t), items.get(t + 1)) {
            (Some(a), Some(b)) => self.text.get(a.byte_end as usize..b.byte_start as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// The text of tokens `first..=last`, read from their byte offsets.
    pub fn tokens_text(&self, first: usize, last: usize) -> &'a str {
        let items = self.tokens.items();
        match (items.get(first), items.get(last)) {
            (Some(a), Some(b)) => self.text.get(a.byte_start as usize..b.byte_end as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// The text of a char span.
    pub fn text_of(&self, span: Span) -> &'a str {
        let (start, end) = (self.byte_at(span.start), self.byte_at(span.end));
        self.text.get(start..end.max(start)).unwrap_or("")
    }

    /// Mentions that lie inside `span`.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = &'a Mention> {
        starting_in(self.mentions, span, |m| m.span.start).iter().filter(move |m| m.span.end <= span.end)
    }

    /// True when tokens `first..=last` are a name's mention or lie inside one ("كاي", Kayes,
    /// read as "like any" by its clitic).
    pub fn names_there(&self, first: usize, last: usize) -> bool {
        self.names_covering(first, last).next().is_some()
    }

    /// True when tokens `first..=last` lie inside the mention of a name the base knows, such as
    /// the "sans" of "Médecins sans frontières" or the "بلا" of "أطباء بلا حدود".
    pub fn in_a_name(&self, first: usize, last: usize) -> bool {
        let cue = self.span_of(first, last);
        self.names_covering(first, last).any(|m| m.span != cue)
    }

    /// Token `at` is the plural of a nationality ("موريتانيين", "والماليين", "Mauritaniens",
    /// "Mauritanians").
    pub fn national_plural_at(&self, at: usize) -> bool {
        let word = self.tokens.folded(at);
        let word = word.strip_prefix('و').filter(|w| w.starts_with("ال")).unwrap_or(word);
        self.kb.is_national_plural(word.strip_prefix("ال").unwrap_or(word))
    }

    /// Some soldier, army or force word stands in tokens `range` ("جنود", "l'armée", "troops").
    pub fn soldiers_told(&self, range: Range<usize>) -> bool {
        [List::MilitaryTargets, List::StateHeads, List::BareStateHeads]
            .into_iter()
            .any(|list| self.any(list, range.clone()))
    }

    /// True when `word` ends with a word of an entry of `list` in language `lang` (a suffix list:
    /// Arabic pronouns written on the word).
    pub fn ends_with_an_entry(&self, list: List, lang: &str, word: &str) -> bool {
        let entries = self.kb.lexicon.list(list).entries();
        entries.iter().filter(|e| e.lang == lang).flat_map(|e| &e.words).any(|s| word.ends_with(s.as_str()))
    }

    /// The mentions that cover tokens `first..=last`.
    fn names_covering(&self, first: usize, last: usize) -> impl Iterator<Item = &'a Mention> {
        let cue = self.span_of(first, last);
        // A name opens at most a few words before the cue.
        let from = self.span_of(first.saturating_sub(6), first).start;
        let around = Span { start: from, end: self.span_of(last, (last + 6).min(self.tokens.len() - 1)).end };
        self.mentions_in(around).filter(move |m| m.span.start <= cue.start && cue.end <= m.span.end)
    }

    /// Date expressions inside `span`.
    pub fn dates_in(&self, span: Span) -> &[DateMention] {
        starting_in(&self.dates, span, |d| d.span.start)
    }

    /// The first place the knowledge base lacks (in the extraction's order) that lies inside
    /// `span`, found among those that start in it.
    pub fn unlisted_in(&self, span: Span) -> Option<&'a UnlistedPlace> {
        let all = &self.extraction.unlisted;
        let first = self.unlisted.partition_point(|&i| all[i].span.start < span.start);
        let starting = self.unlisted[first..].iter().take_while(|&&i| all[i].span.start <= span.end);
        starting.copied().filter(|&i| span.contains(all[i].span)).min().map(|i| &all[i])
    }

    /// Counts inside `span`.
    pub fn counts_in(&self, span: Span) -> &[Count] {
        starting_in(&self.counts, span, |c| c.span.start)
    }

    /// The longest entry of `list` that starts at token `at`.
    pub fn starting_at(&self, list: List, at: usize) -> Option<ListMatch<'a>> {
        self.matches.starting_at(list, at)
    }

    /// The longest entry of `list` that ends at token `at` (inclusive).
    pub fn ending_at(&self, list: List, at: usize) -> Option<ListMatch<'a>> {
        self.matches.ending_at(list, at)
    }

    /// True when an entry of `list` lies in tokens `range`.
    pub fn any(&self, list: List, range: Range<usize>) -> bool {
        let end = range.end.min(self.tokens.len());
        self.matches
            .may_start_in(list, range.start..end)
            .any(|at| self.matches.starting_at_listed(list, at).is_some_and(|f| f.far_token < end))
    }

    /// Every non-overlapping entry of `list` in tokens `range`: (first, last, role).
    pub fn find(&self, list: List, range: Range<usize>) -> Vec<(usize, usize, Option<&'a str>)> {
        let end = range.end.min(self.tokens.len());
        let mut out = Vec::new();
        // The first token no entry found so far covers.
        let mut free = range.start;
        for at in self.matches.may_start_in(list, range.start..end) {
            if at < free {
                continue;
            }
            if let Some(found) = self.matches.starting_at_listed(list, at).filter(|found| found.far_token < end) {
                out.push((at, found.far_token, found.entry.role.as_deref()));
                free = found.far_token + 1;
            }
        }
        out
    }

    /// An entry of `list` that ends right before token `at` (within `gap` tokens), not before token `floor`.
    pub fn ends_before(&self, list: List, at: usize, gap: usize, floor: usize) -> bool {
        self.entry_before(list, at, gap, floor).is_some()
    }

    /// The first token of the nearest entry of `list` that ends right before token `at`
    /// (within `gap` tokens), not before token `floor`.
    pub fn entry_before(&self, list: List, at: usize, gap: usize, floor: usize) -> Option<usize> {
        (1..=gap + 1)
            .take_while(|back| at >= back + floor)
            .find_map(|back| self.ending_at(list, at - back).filter(|m| m.far_token >= floor))
            .map(|m| m.far_token)
    }

    /// Token `at`, or the first token of the run of `list` entries (at most three) that ends
    /// right before it, not before token `floor`: where "des éléments du JNIM" begins.
    pub fn start_behind(&self, list: List, at: usize, floor: usize) -> usize {
        let mut start = at;
        for _ in 0..3 {
            if start == 0 || start <= floor {
                break;
            }
            // "membres de l'EIGS": an article may stand between the entry and the name.
            let article = start - 1 > floor && self.token_is(List::DefiniteArticles, start - 1);
            let entry =
                self.ending_at(list, start - 1).or_else(|| article.then(|| self.ending_at(list, start - 2)).flatten());
            match entry {
                Some(m) if m.far_token >= floor => start = m.far_token,
                _ => break,
            }
        }
        start
    }

    /// True when `word` (as written) is a one-word entry of `list`.
    pub fn is_word(&self, list: List, word: &str) -> bool {
        self.kb.lexicon.list(list).has_word(&marsad_text::fold::fold_str(word))
    }

    /// True when token `t` is a one-word entry of `list`.
    pub fn token_is(&self, list: List, t: usize) -> bool {
        self.starting_at(list, t).is_some_and(|m| m.far_token == t)
    }

    pub fn actor_kind(&self, actor: u32) -> ActorKind {
        self.kb.actors[actor as usize].kind
    }

    pub fn place_kind(&self, place: u32) -> PlaceKind {
        self.kb.places[place as usize].kind
    }

    /// The ISO country of a place.
    pub fn country_of(&self, place: u32) -> Option<&'a str> {
        self.kb.places[place as usize].country.as_deref()
    }

    /// True when place `inner` lies inside place `outer` (its region chain, or its country), or
    /// inside the region before the latest reform that `outer` is named after (Bandiagara, now
    /// its own region, in "the Mopti region" as the news still says).
    pub fn inside(&self, inner: u32, outer: u32) -> bool {
        let places = &self.kb.places;
        let outer_place = &places[outer as usize];
        if outer_place.kind == PlaceKind::Country {
            return inner != outer && places[inner as usize].country == outer_place.country;
        }
        let former = |p: u32| places[p as usize].former_admin1.as_deref();
        let reformed = outer_place.kind == PlaceKind::Region && inner != outer && former(outer).is_some();
        if reformed && former(inner) == former(outer) && places[inner as usize].kind != PlaceKind::Region {
            cov_mark::hit!(inside_the_region_before_the_reform);
            return true;
        }
        // Azawad covers Mali's northern regions: a place in one of them lies in it.
        if !outer_place.covers.is_empty() && inner != outer {
            let covered = |p: u32| outer_place.covers.iter().any(|c| *c == places[p as usize].id);
            if std::iter::once(inner).chain(self.units_above(inner)).take(4).any(covered) {
                cov_mark::hit!(a_place_lies_inside_the_area_that_covers_its_region);
                return true;
            }
        }
        // A town lies in its cercle or department ("Tillia" in "le département de Tillia").
        if places[inner as usize].admin2.as_deref() == Some(outer_place.id.as_str()) {
            cov_mark::hit!(a_town_lies_inside_its_cercle);
            return true;
        }
        self.units_above(inner).any(|unit| unit == outer)
    }

    /// The units that hold place `place`, nearest first: its region, that region's own, and so
    /// on, at most [`UNIT_DEPTH`] of them.
    fn units_above(&self, place: u32) -> impl Iterator<Item = u32> + '_ {
        let up = |&p: &u32| self.kb.places[p as usize].region.as_deref().and_then(|r| self.kb.place_index(r));
        std::iter::successors(Some(place), up).skip(1).take(UNIT_DEPTH)
    }

    /// The place mention of the story's country, if the text names it.
    pub fn focus_country_place(&self) -> Option<u32> {
        let country = self.focus?;
        self.kb.country_place(country)
    }

    /// True when the mention is a place that stands for its government: a capital ("Bamako
    /// admitted") or a country ("the US handed over its base in Niger").
    pub fn is_acting(&self, m: &Mention) -> bool {
        matches!(m.entity, Entity::Place(_))
            && starting_in(self.mentions, m.span, |x| x.span.start)
                .iter()
                .any(|a| a.span == m.span && a.how == How::CountryActing)
    }
}
