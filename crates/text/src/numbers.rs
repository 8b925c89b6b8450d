//! Counts written in Arabic, French and English: digits in both systems and number words.
//!
//! Fatality figures are the reason this module exists: "قتل 12 جنديا", "خمسة وعشرين مدنيا",
//! "une vingtaine de civils", "dozens of soldiers". A [`Count`] keeps its char span, its value,
//! whether it was vague (tens, dozens, "une centaine") and whether a marker made it approximate
//! ("نحو", "près de", "at least"). Numbers that are not counts of something are left out:
//! years next to a month or a year word, dates, times, decimals, percentages, ordinals written
//! with digits ("1er", "3rd") and numbers followed by a unit ("40 km", "73 كيلومترا", "35 ans").
//!
//! The scan walks [`Tokens`] once; number words are looked up in a table built on first use,
//! Arabic words with and without their proclitics (و ف ب ل ك ال).

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use crate::forms::{form_hash, form_hash_of_parts};
use crate::layout::Span;
use crate::token::{Script, Tokens};

/// A count found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Count {
    /// Chars of the number itself (with its determiner in "une dizaine", "a dozen"), not the marker.
    pub span: Span,
    /// The value; for vague counts the conventional floor (dozens = 12, tens = 10, several = 3).
    pub value: u64,
    /// The text gives an order of magnitude rather than a figure (tens, dozens, hundreds, "une vingtaine").
    pub vague: bool,
    /// A marker such as "about", "نحو", "près de" or "at least" precedes the number.
    pub approximate: bool,
}

impl Count {
    /// A quantifier with no figure ("plusieurs", "several", "عدة"): how many is not said. The only
    /// orders of magnitude below ten are the quantifiers ("plusieurs" = 3).
    pub fn few(&self) -> bool {
        self.vague && self.value < 10
    }
}

/// How a number word combines with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A value that adds up (5, 20, 300, 2000).
    Atom,
    /// Arabic عشر/عشرة: ten alone, or the second word of a teen (ثلاثة عشر).
    Ten,
    /// Multiplies what precedes it (hundred, thousand, million, dozen), or stands for itself.
    Mult,
    /// An order of magnitude (عشرات, dozens, des centaines, plusieurs).
    Vague,
}

/// Arabic number words (folded), their values.
const AR_ATOMS: &[(&str, u64)] = &[
    ("واحد", 1),
    ("واحده", 1),
    ("احد", 1),
    ("احدي", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("اثنا", 2),
    ("اثني", 2),
    ("اثنتا", 2),
    ("اثنتي", 2),
    ("ثلاثه", 3),
    ("ثلاث", 3),
    ("اربعه", 4),
    ("اربع", 4),
    ("خمسه", 5),
    ("خمس", 5),
    ("سته", 6),
    ("ست", 6),
    ("سبعه", 7),
    ("سبع", 7),
    ("ثمانيه", 8),
    ("ثماني", 8),
    ("ثمان", 8),
    ("تسعه", 9),
    ("تسع", 9),
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("اربعون", 40),
    ("اربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
    ("مئتان", 200),
    ("مئتين", 200),
    ("مائتان", 200),
    ("مائتين", 200),
    ("الفان", 2000),
    ("الفين", 2000),
];
/// Arabic unit stems that fuse with مئة/مائة: ثلاثمئة = 300.
const AR_HUNDRED_STEMS: &[(&str, u64)] =
    &[("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9)];
const AR_TENS_WORDS: &[&str] = &["عشر", "عشره"];
const AR_MULTS: &[(&str, u64)] = &[
    ("مئه", 100),
    ("مائه", 100),
    ("الف", 1000),
    ("الفا", 1000),
    ("مليون", 1_000_000),
    ("مليونا", 1_000_000),
    ("مليار", 1_000_000_000),
];
const AR_VAGUE: &[(&str, u64)] = &[
    ("عشرات", 10),
    ("مئات", 100),
    ("مئات", 100),
    ("الاف", 1000),
    ("ملايين", 1_000_000),
    ("بضعه", 3),
    ("بضع", 3),
    ("عده", 3),
];
/// Counted nouns whose dual ("جنديين" = two soldiers) is a count of 2.
const AR_DUAL_STEMS: &[&str] = &[
    "قتيل",
    "جريح",
    "جندي",
    "شخص",
    "عنصر",
    "رهينت",
    "طفل",
    "رجل",
    "امرات",
    "ضابط",
    "حارس",
    "شرطي",
    "شقيق",
    "صحفي",
    "مدني",
    "سائق",
];
/// Duals spelled like the sound plural without vowels (مدنيين = civilians far more often than two
/// civilians): only their nominative dual (مدنيان, سائقان) counts as 2.
const AR_DUAL_EXCLUDED: &[&str] = &["مدنيين", "سائقين", "صحفيين"];
const LATIN_ATOMS: &[(&str, u64)] = &[
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("vingt", 20),
    ("vingts", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
    ("septante", 70),
    ("huitante", 80),
    ("octante", 80),
    ("nonante", 90),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
const LATIN_MULTS: &[(&str, u64)] = &[
    ("cent", 100),
    ("cents", 100),
    ("mille", 1000),
    ("million", 1_000_000),
    ("millions", 1_000_000),
    ("milliard", 1_000_000_000),
    ("milliards", 1_000_000_000),
    ("hundred", 100),
    ("thousand", 1000),
    ("billion", 1_000_000_000),
    ("dozen", 12),
];
const LATIN_VAGUE: &[(&str, u64)] = &[
    ("dizaine", 10),
    ("dizaines", 10),
    ("douzaine", 12),
    ("douzaines", 12),
    ("quinzaine", 15),
    ("vingtaine", 20),
    ("trentaine", 30),
    ("quarantaine", 40),
    ("cinquantaine", 50),
    ("soixantaine", 60),
    ("centaine", 100),
    ("centaines", 100),
    ("millier", 1000),
    ("milliers", 1000),
    ("plusieurs", 3),
    ("quelques", 3),
    ("tens", 10),
    ("dozens", 12),
    ("scores", 20),
    ("hundreds", 100),
    ("thousands", 1000),
    ("several", 3),
];
/// Words that may open a vague or multiplier count: "une dizaine", "des centaines", "a dozen".
const DETERMINERS: &[&str] = &["une", "un", "des", "a", "an"];
/// Vague quantifiers that, before an order of magnitude, leave it the count ("plusieurs dizaines").
const QUANTIFIERS: &[&str] = &["plusieurs", "quelques", "several"];
/// Words that join the parts of a compound number.
const CONNECTIVES: &[&str] = &["و", "et", "and"];
/// Words between an order of magnitude and the next: "tens of thousands", "des dizaines de milliers".
const OF_WORDS: &[&str] = &["of", "de", "d"];
/// Markers that make the following count approximate (folded words, in order).
const APPROX_MARKERS: &[&[&str]] = &[
    &["نحو"],
    &["حوالي"],
    &["قرابه"],
    &["زهاء"],
    &["اكثر", "من"],
    &["ازيد", "من"],
    &["ما", "لا", "يقل", "عن"],
    &["لا", "يقل", "عن"],
    &["ما", "يزيد", "عن"],
    &["ما", "يزيد", "علي"],
    &["ما", "يقارب"],
    &["يقارب"],
    &["ما", "يناهز"],
    &["يناهز"],
    &["pres", "de"],
    &["environ"],
    &["au", "moins"],
    &["plus", "de"],
    &["pas", "moins", "de"],
    &["quelque"],
    &["about"],
    &["around"],
    &["at", "least"],
    &["more", "than"],
    &["nearly"],
    &["some"],
    &["approximately"],
    &["almost"],
    &["over"],
    &["roughly"],
    &["up", "to"],
    &["no", "fewer", "than"],
];
/// Words right after a number that make it a measure rather than a count.
const UNITS: &[&str] = &[
    "كيلومتر",
    "كيلومترا",
    "كيلومترات",
    "كلم",
    "كم",
    "متر",
    "مترا",
    "امتار",
    "بالمئه",
    "بالمائه",
    "ساعه",
    "ساعات",
    "دقيقه",
    "دقائق",
    "ثانيه",
    "ثوان",
    "عاما",
    "اعوام",
    "سنه",
    "سنوات",
    "سنين",
    "يوما",
    "ايام",
    "شهرا",
    "اشهر",
    "شهور",
    "اسبوعا",
    "اسابيع",
    "دولار",
    "دولارا",
    "دولارات",
    "يورو",
    "فرنك",
    "طن",
    "اطنان",
    "كيلوغرام",
    "كغ",
    "km",
    "kms",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "m",
    "metres",
    "meters",
    "kg",
    "tonnes",
    "tons",
    "h",
    "heures",
    "heure",
    "hours",
    "hour",
    "minutes",
    "min",
    "secondes",
    "seconds",
    "ans",
    "an",
    "years",
    "year",
    "jours",
    "days",
    "mois",
    "months",
    "semaines",
    "weeks",
    "dollars",
    "euros",
    "fcfa",
    "cfa",
    "francs",
    "percent",
    "pourcent",
];
/// Two-word units: "في المئة", "pour cent".
const UNIT_PAIRS: &[(&str, &str)] = &[("في", "المئه"), ("في", "المائه"), ("pour", "cent"), ("per", "cent")];
/// Words after which a number 1900–2100 is a year.
const YEAR_WORDS: &[&str] = &[
    "عام",
    "العام",
    "لعام",
    "والعام",
    "سنه",
    "السنه",
    "لسنه",
    "منذ",
    "في",
    "حتي",
    "in",
    "en",
    "since",
    "depuis",
    "year",
    "annee",
    "of",
    "de",
    "until",
    "jusqu",
    "fin",
    "debut",
    "mid",
    "early",
    "late",
];
/// Words before a number that make it a label rather than a count.
const LABEL_WORDS: &[&str] = &["رقم", "numero", "number", "no", "n", "resolution", "القرار"];

struct Tables {
    words: FxHashMap<Box<str>, (u64, Kind)>,
    /// Every Arabic spelling [`number_word`] can read: each word of `words` and each dual of
    /// [`AR_DUAL_STEMS`], behind every combination of proclitics [`with_clitics`] strips. A word
    /// outside it is no number, told with one lookup instead of one per reading. Latin words
    /// too. Kept as [`form_hash`]es: a token's is computed once per document, so this test
    /// hashes no string (a rare collision only sends a word on to the exact lookups).
    spellings: FxHashSet<u64>,
    /// `spellings` with the determiners and quantifiers that may open a count ("une
    /// dizaine", "plusieurs dizaines"): a word outside it opens none ([`may_open_count`]).
    openers: FxHashSet<u64>,
    /// [`UNITS`] as form hashes: a word outside it is no unit, told without reading the list.
    units: FxHashSet<u64>,
}

/// Every spelling of `stems` behind و/ف, then ب/ل/ك, then the article (ال, or ل after ل), hashed.
fn with_every_proclitic<'s>(stems: impl Iterator<Item = &'s str>) -> FxHashSet<u64> {
    // 3 × 4 × 3 spellings a stem: sized once rather than grown through a dozen rehashes.
    let mut out = FxHashSet::default();
    out.reserve(stems.size_hint().0 * 36);
    for stem in stems {
        for conjunction in ["", "و", "ف"] {
            for preposition in ["", "ب", "ل", "ك"] {
                for article in ["", "ال", "ل"] {
                    out.insert(form_hash_of_parts(&[conjunction, preposition, article, stem]));
                }
            }
        }
    }
    out
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut words: FxHashMap<Box<str>, (u64, Kind)> = FxHashMap::default();
        words.reserve(256);
        for &(w, v) in AR_ATOMS.iter().chain(LATIN_ATOMS) {
            words.insert(w.into(), (v, Kind::Atom));
        }
        for &(stem, v) in AR_HUNDRED_STEMS {
            for hundred in ["مئه", "مائه"] {
                words.insert(format!("{stem}{hundred}").into_boxed_str(), (v * 100, Kind::Atom));
            }
        }
        for &w in AR_TENS_WORDS {
            words.insert(w.into(), (10, Kind::Ten));
        }
        for &(w, v) in AR_MULTS.iter().chain(LATIN_MULTS) {
            words.insert(w.into(), (v, Kind::Mult));
        }
        for &(w, v) in AR_VAGUE.iter().chain(LATIN_VAGUE) {
            words.insert(w.into(), (v, Kind::Vague));
        }
        let duals =
            AR_DUAL_STEMS.iter().flat_map(|stem| [format!("{stem}ين"), format!("{stem}ان")]).collect::<Vec<_>>();
        let spellings = with_every_proclitic(words.keys().map(|w| &**w).chain(duals.iter().map(String::as_str)));
        let mut openers = spellings.clone();
        openers.extend(DETERMINERS.iter().chain(QUANTIFIERS).map(|w| form_hash(w)));
        let units = UNITS.iter().map(|unit| form_hash(unit)).collect();
        Tables { words, spellings, openers, units }
    })
}

/// Try `f` on the folded Arabic `word` bare, then without its proclitics (و ف, ب ل ك, ال / لل).
/// `f` receives the stem, whether a conjunction was stripped and whether an article was.
pub(crate) fn with_clitics<T>(word: &str, mut f: impl FnMut(&str, bool, bool) -> Option<T>) -> Option<T> {
    if let Some(found) = f(word, false, false) {
        return Some(found);
    }
    for conjunction in [None, Some('و'), Some('ف')] {
        let Some(rest) = strip_letter(word, conjunction) else { continue };
        for preposition in [None, Some('ب'), Some('ل'), Some('ك')] {
            let Some(stem) = strip_letter(rest, preposition) else { continue };
            let stripped = conjunction.is_some() || preposition.is_some();
            if stripped && stem.chars().nth(1).is_some() {
                if let Some(found) = f(stem, conjunction.is_some(), false) {
                    return Some(found);
                }
            }
            let article = if preposition == Some('ل') { stem.strip_prefix('ل') } else { stem.strip_prefix("ال") };
            if let Some(bare) = article.filter(|s| s.chars().nth(1).is_some()) {
                if let Some(found) = f(bare, conjunction.is_some(), true) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// `word` without its first letter when that is `letter`; `word` itself when there is no letter
/// to strip. A char compare, not a string one: this runs for every reading of every Arabic word.
fn strip_letter(word: &str, letter: Option<char>) -> Option<&str> {
    match letter {
        None => Some(word),
        Some(letter) => word.strip_prefix(letter),
    }
}

/// A number word at token `index`: (value, kind, carries the conjunction و).
fn number_word(tokens: &Tokens, index: usize) -> Option<(u64, Kind, bool)> {
    let token = tokens.items().get(index)?;
    if token.script == Script::Digit || !tokens.forms(index).first().is_some_and(|h| tables().spellings.contains(h)) {
        return None;
    }
    let word = tokens.folded(index);
    let table = &tables().words;
    match token.script {
        Script::Arabic => with_clitics(word, |stem, conjunction, article| {
            // الأحد and الاثنين with the article are weekdays far more often than numbers.
            if article && matches!(stem, "احد" | "اثنين" | "اثنان") {
                return None;
            }
            if let Some(&(v, k)) = table.get(stem) {
                return Some((v, k, conjunction));
            }
            dual(stem).map(|v| (v, Kind::Atom, conjunction))
        }),
        _ => table.get(word).map(|&(v, k)| (v, k, false)),
    }
}

/// 2 when `stem` is the dual of a counted noun (جنديين, قتيلان, رهينتين).
fn dual(stem: &str) -> Option<u64> {
    // The ending first: most words have neither, and every excluded word has one.
    let base = stem.strip_suffix("ين").or_else(|| stem.strip_suffix("ان"))?;
    if AR_DUAL_EXCLUDED.contains(&stem) {
        return None;
    }
    AR_DUAL_STEMS.contains(&base).then_some(2)
}

fn gap<'t>(text: &'t str, tokens: &Tokens, left: usize) -> &'t str {
    let items = tokens.items();
    match (items.get(left), items.get(left + 1)) {
        (Some(a), Some(b)) => text.get(a.byte_end as usize..b.byte_start as usize).unwrap_or(""),
        _ => "",
    }
}

fn folded_in(tokens: &Tokens, index: usize, list: &[&str]) -> bool {
    index < tokens.len() && list.contains(&tokens.folded(index))
}

/// Every count in `text`, in order.
pub fn counts(text: &str) -> Vec<Count> {
    counts_in(text, &Tokens::new(text))
}

/// Every count in `text`, reusing its tokens (`tokens` must come from `Tokens::new(text)`).
pub fn counts_in(text: &str, tokens: &Tokens) -> Vec<Count> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !may_open_count(tokens, i) {
            i += 1;
            continue;
        }
        let (found, next) = count_at(text, tokens, i);
        out.extend(found);
        i = next.max(i + 1);
    }
    out
}

/// False when no count can start at token `i` ([`count_at`] would find none): a word that is
/// neither digits, nor a determiner or quantifier, nor a number word's spelling. Most tokens
/// are told so by this one set lookup, without the readings [`words_at`] would try.
fn may_open_count(tokens: &Tokens, i: usize) -> bool {
    let Some(token) = tokens.items().get(i) else { return false };
    token.script == Script::Digit || tokens.forms(i).first().is_some_and(|h| tables().openers.contains(h))
}

/// The count at or right after char offset `at` (within `max_words` words), for reading
/// "قتل 12 جنديا" after a trigger word.
pub fn count_near(text: &str, at: u32, max_words: usize) -> Option<Count> {
    let tokens = Tokens::new(text);
    let first = tokens.first_at_or_after(at);
    let mut i = first;
    while i < tokens.len() && i <= first.saturating_add(max_words) {
        let (found, next) = count_at(text, &tokens, i);
        if found.is_some() {
            return found;
        }
        i = next.max(i + 1);
    }
    None
}

/// The count that starts at token `i`, if any, and the token where scanning resumes.
fn count_at(text: &str, tokens: &Tokens, i: usize) -> (Option<Count>, usize) {
    let Some(token) = tokens.items().get(i) else { return (None, i + 1) };
    let parsed = if token.script == Script::Digit { digits_at(text, tokens, i) } else { words_at(tokens, i) };
    let Some(p) = parsed else { return (None, i + 1) };
    let next = p.last + 1;
    if !p.is_count || not_a_count_after(text, tokens, p.first, p.last) {
        return (None, skip_unit(tokens, next));
    }
    let (Some(a), Some(b)) = (tokens.items().get(p.first), tokens.items().get(p.last)) else { return (None, next) };
    let count = Count {
        span: Span { start: a.start, end: b.end },
        value: p.value,
        vague: p.vague,
        approximate: approximate_before(tokens, p.first),
    };
    (Some(count), next)
}

/// The number written at token `i` (digits or words), whatever follows it, as (last token,
/// value, vague): durations and units included ("three days"), which [`counts_in`] leaves out.
pub fn number_at(text: &str, tokens: &Tokens, i: usize) -> Option<(usize, u64, bool)> {
    let token = tokens.items().get(i)?;
    let p = if token.script == Script::Digit { digits_at(text, tokens, i) } else { words_at(tokens, i) }?;
    (p.is_count && p.first == i).then_some((p.last, p.value, p.vague))
}

struct Parsed {
    first: usize,
    last: usize,
    value: u64,
    vague: bool,
    /// False when the number was recognised but is not a count (year, date, time, decimal).
    is_count: bool,
}

/// A number written in digits at token `i`, with thousands groups, decimals and trailing multipliers.
fn digits_at(text: &str, tokens: &Tokens, i: usize) -> Option<Parsed> {
    let items = tokens.items();
    let word = tokens.folded(i);
    let mut value: u64 = parse_u64(word)?;
    let mut last = i;
    let mut is_count = word.len() <= 12;
    // Thousands groups: 1,200 / 1 200 / 1.200.
    if word.len() <= 3 {
        while last + 1 < items.len() && tokens.folded(last + 1).len() == 3 && items[last + 1].script == Script::Digit {
            let g = gap(text, tokens, last);
            if !matches!(g, "," | "." | " " | "\u{a0}" | "\u{202f}" | "٬" | "'") {
                break;
            }
            let group = parse_u64(tokens.folded(last + 1)).unwrap_or(0);
            value = value.saturating_mul(1000).saturating_add(group);
            last += 1;
        }
    }
    let after = gap(text, tokens, last);
    let next_is_digit = items.get(last + 1).is_some_and(|t| t.script == Script::Digit);
    let mut fraction = None;
    if next_is_digit && matches!(after, "." | "," | "٫") && last == i {
        // A decimal: 1.5, 2,5 ("1.5 million" still counts).
        fraction = Some(tokens.folded(last + 1));
        last += 1;
    } else if next_is_digit && matches!(after, ":" | "/" | "-" | "." | "h") {
        // A time, a date or a range of digits: skip the whole chain.
        while last + 1 < items.len()
            && items[last + 1].script == Script::Digit
            && matches!(gap(text, tokens, last), ":" | "/" | "-" | "." | "h")
        {
            last += 1;
        }
        return Some(Parsed { first: i, last, value, vague: false, is_count: false });
    }
    // A trailing multiplier: "3 آلاف", "2 millions", "1.5 million".
    if let Some((m, _, _)) =
        number_word(tokens, last + 1).filter(|&(m, k, _)| m >= 1000 && matches!(k, Kind::Mult | Kind::Vague))
    {
        if tokens.items().get(last).is_some_and(|t| t.joined_to_next) {
            value = match fraction {
                Some(f) => scaled(value, f, m),
                None => value.saturating_mul(m),
            };
            return Some(Parsed { first: i, last: last + 1, value, vague: false, is_count });
        }
    }
    if fraction.is_some() {
        is_count = false;
    }
    // Years: a four-digit number 1900–2100 next to a month or after a year word.
    if word.len() == 4 && (1900..=2100).contains(&value) && last == i {
        let month_before = (1..=3).any(|back| i >= back && crate::dates::month_at(tokens, i - back).is_some());
        let year_word = i > 0 && folded_in(tokens, i - 1, YEAR_WORDS);
        if month_before || year_word || crate::dates::month_at(tokens, i + 1).is_some() {
            is_count = false;
        }
    }
    // A label or a reading glued to letters: "n° 5", "10h30", "M23", "F16".
    if i > 0
        && (folded_in(tokens, i - 1, LABEL_WORDS)
            || (items[i - 1].script == Script::Latin && gap(text, tokens, i - 1).is_empty()))
    {
        is_count = false;
    }
    Some(Parsed { first: i, last, value, vague: false, is_count })
}

fn parse_u64(digits: &str) -> Option<u64> {
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// `whole.fraction × multiplier`, rounded down.
fn scaled(whole: u64, fraction: &str, multiplier: u64) -> u64 {
    let mut value = whole.saturating_mul(multiplier);
    let mut unit = multiplier;
    for b in fraction.bytes().take(9) {
        unit /= 10;
        value = value.saturating_add(u64::from(b.saturating_sub(b'0')).saturating_mul(unit));
    }
    value
}

/// A number written in words at token `i` ("خمسة وعشرين", "quatre-vingt-dix", "une dizaine").
fn words_at(tokens: &Tokens, i: usize) -> Option<Parsed> {
    let items = tokens.items();
    let mut j = i;
    // A determiner opens a vague count or a multiplier: "une dizaine", "a dozen", "des centaines".
    if items.get(i)?.script == Script::Latin && DETERMINERS.contains(&tokens.folded(i)) && items[i].joined_to_next {
        if let Some((_, Kind::Vague | Kind::Mult, _)) = number_word(tokens, i + 1) {
            j = i + 1;
        }
    }
    // "plusieurs dizaines", "several dozen": the order of magnitude counts, at its floor.
    let mut quantified = false;
    if items.get(i)?.script == Script::Latin && QUANTIFIERS.contains(&tokens.folded(i)) && items[i].joined_to_next {
        if let Some((v, Kind::Vague | Kind::Mult, _)) = number_word(tokens, i + 1) {
            if v >= 10 {
                j = i + 1;
                quantified = true;
            }
        }
    }
    let (v0, k0, _) = number_word(tokens, j)?;
    let start = i;
    // "ألف وخمسمئة", "mille cinq cents": a leading thousand is already a total.
    let (mut total, mut seg) = if k0 == Kind::Mult && v0 >= 1000 { (v0, 0) } else { (0, v0) };
    let vague = k0 == Kind::Vague || quantified;
    let mut last = j;
    loop {
        if !items.get(last).is_some_and(|t| t.joined_to_next) {
            break;
        }
        let mut next = last + 1;
        let mut joined = false;
        if folded_in(tokens, next, CONNECTIVES) && items[next].joined_to_next {
            joined = true;
            next += 1;
        } else if vague && folded_in(tokens, next, OF_WORDS) && items[next].joined_to_next {
            next += 1;
        }
        let Some((v, kind, conjunction)) = number_word(tokens, next) else { break };
        let joined = joined || conjunction;
        let latin = items[next].script == Script::Latin;
        let low = seg % 100;
        let accepted = if vague {
            // "عشرات الآلاف", "tens of thousands": an order of magnitude of an order of magnitude.
            if matches!(kind, Kind::Vague | Kind::Mult) && v > seg && v >= 100 && last == j {
                seg = seg.saturating_mul(v);
                true
            } else {
                false
            }
        } else {
            match kind {
                Kind::Atom | Kind::Ten if joined => {
                    let ok = if seg == 0 {
                        total > 0 && v < 1000
                    } else if low == 0 {
                        v < 100
                    } else if low < 10 {
                        v % 10 == 0 && (20..=90).contains(&v)
                    } else if low % 10 == 0 && low >= 20 {
                        v < 10 || (latin && (low == 60 || low == 80) && (10..=19).contains(&v))
                    } else {
                        false
                    };
                    if ok {
                        seg += v;
                    }
                    ok
                }
                Kind::Ten => {
                    let ok = (1..=9).contains(&low);
                    if ok {
                        seg += 10;
                    }
                    ok
                }
                Kind::Atom if latin => {
                    if low == 4 && v == 20 {
                        seg += 76; // quatre-vingt
                        true
                    } else if (seg == 0 && total > 0 && v < 1000)
                        || (low == 0 && seg > 0 && v < 100)
                        || (low >= 20 && low % 10 == 0 && v < 10)
                        || ((low == 60 || low == 80) && (10..=19).contains(&v))
                        || (low == 10 && (7..=9).contains(&v))
                    {
                        seg += v;
                        true
                    } else {
                        false
                    }
                }
                Kind::Atom => false,
                Kind::Mult | Kind::Vague if v == 100 && (1..=9).contains(&seg) => {
                    seg *= 100;
                    true
                }
                Kind::Mult if v == 12 && (1..=99).contains(&seg) => {
                    seg *= 12;
                    true
                }
                Kind::Mult | Kind::Vague if v >= 1000 && seg > 0 && seg < v => {
                    total = total.saturating_add(seg.saturating_mul(v));
                    seg = 0;
                    true
                }
                _ => false,
            }
        };
        if !accepted {
            break;
        }
        last = next;
        if vague {
            break;
        }
    }
    Some(Parsed { first: start, last, value: total.saturating_add(seg), vague, is_count: true })
}

/// True when what follows the number makes it a measure or a date: a unit, a month, "%", an
/// attached Latin suffix ("1er", "3rd", "10h", "40km").
fn not_a_count_after(text: &str, tokens: &Tokens, first: usize, last: usize) -> bool {
    let items = tokens.items();
    let after = gap(text, tokens, last);
    if after.trim_start().starts_with(['%', '٪']) {
        return true;
    }
    if after.is_empty()
        && items.get(last).is_some_and(|t| t.script == Script::Digit)
        && items.get(last + 1).is_some_and(|t| t.script == Script::Latin)
    {
        return true;
    }
    if first > 0
        && crate::dates::month_at(tokens, first - 1).is_some()
        && (items[first - 1].joined_to_next || gap(text, tokens, first - 1).trim() == ".")
    {
        return true;
    }
    if !items.get(last).is_some_and(|t| t.joined_to_next) {
        return false;
    }
    unit_at(tokens, last + 1).is_some()
        || crate::dates::month_at(tokens, last + 1).is_some()
        || month_after_of(tokens, last + 1)
}

/// "6 من سبتمبر", "6 de septembre" (rare, but a date).
fn month_after_of(tokens: &Tokens, index: usize) -> bool {
    matches!(tokens.folded(index), "من" | "de") && crate::dates::month_at(tokens, index + 1).is_some()
}

/// How many tokens the unit at `index` takes.
fn unit_at(tokens: &Tokens, index: usize) -> Option<usize> {
    let word = tokens.folded(index);
    if word.is_empty() {
        return None;
    }
    // The word's form hash passes over most words with one lookup; the list says for sure.
    let may_be_unit = tokens.forms(index).first().is_some_and(|h| tables().units.contains(h));
    if may_be_unit && UNITS.contains(&word) {
        return Some(1);
    }
    let second = tokens.folded(index + 1);
    UNIT_PAIRS.iter().any(|&(a, b)| a == word && b == second).then_some(2)
}

/// Where scanning resumes after a number that is not a count: past its unit or month ("17 sept").
fn skip_unit(tokens: &Tokens, index: usize) -> usize {
    index + unit_at(tokens, index).or_else(|| crate::dates::month_at(tokens, index).map(|(_, n)| n)).unwrap_or(0)
}

/// True when an approximation marker ends right before token `first`.
fn approximate_before(tokens: &Tokens, first: usize) -> bool {
    APPROX_MARKERS.iter().any(|marker| {
        let n = marker.len();
        if first < n {
            return false;
        }
        let base = first - n;
        // From the last word back: most markers differ from the word right before the count.
        (0..n).rev().all(|k| {
            let w = marker[k];
            let word = tokens.folded(base + k);
            let joined = tokens.items().get(base + k).is_some_and(|t| t.joined_to_next);
            joined && (word == w || (k == 0 && ["و", "ب", "ل"].iter().any(|p| word.strip_prefix(p) == Some(w))))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(u64, bool, bool)> {
        counts(text).iter().map(|c| (c.value, c.vague, c.approximate)).collect()
    }

    #[test]
    fn a_quantifier_with_no_figure_is_few_an_order_of_magnitude_is_not() {
        let few = |text: &str| counts(text).iter().map(Count::few).collect::<Vec<_>>();
        assert_eq!(few("plusieurs soldats"), [true]);
        assert_eq!(few("several soldiers"), [true]);
        assert_eq!(few("مقتل عدة جنود"), [true]);
        assert_eq!(few("plusieurs dizaines de soldats"), [false]);
        assert_eq!(few("dozens of soldiers and 12 civilians"), [false, false]);
        assert_eq!(few("une vingtaine de soldats"), [false]);
    }

    fn spans(text: &str) -> Vec<String> {
        counts(text)
            .iter()
            .map(|c| text.chars().skip(c.span.start as usize).take((c.span.end - c.span.start) as usize).collect())
            .collect()
    }

    #[test]
    fn digits_in_both_systems_are_counts() {
        assert_eq!(values("قتل 12 جنديا في الهجوم"), [(12, false, false)]);
        assert_eq!(values("قتل ٣ مدنيين و۱۲ جنديا"), [(3, false, false), (12, false, false)]);
        assert_eq!(values("12 soldats ont été tués"), [(12, false, false)]);
    }

    #[test]
    fn thousands_separators_join_groups() {
        assert_eq!(values("1,200 displaced people"), [(1200, false, false)]);
        assert_eq!(values("1 200 déplacés et 1.500 réfugiés"), [(1200, false, false), (1500, false, false)]);
        assert_eq!(values("نزوح 3 آلاف شخص"), [(3000, false, false)]);
        assert_eq!(values("1.5 million people"), [(1_500_000, false, false)]);
    }

    #[test]
    fn arabic_number_words_in_their_case_forms() {
        assert_eq!(values("قتل خمسة جنود"), [(5, false, false)]);
        assert_eq!(values("مقتل ثلاث نساء"), [(3, false, false)]);
        assert_eq!(values("أصيب اثنان من الحراس"), [(2, false, false)]);
        assert_eq!(values("قتل ثلاثة عشر مدنيا"), [(13, false, false)]);
        assert_eq!(values("قتل أحد عشر جنديا"), [(11, false, false)]);
        assert_eq!(values("قتل خمسة وعشرين مدنيا"), [(25, false, false)]);
        assert_eq!(values("قتل عشرين شخصا"), [(20, false, false)]);
        assert_eq!(values("نزح ثلاثمئة شخص"), [(300, false, false)]);
        assert_eq!(values("نزح مئتان وخمسون شخصا"), [(250, false, false)]);
        assert_eq!(values("نزح ألفين من السكان"), [(2000, false, false)]);
        assert_eq!(values("نزح ثلاثة آلاف شخص"), [(3000, false, false)]);
        assert_eq!(values("نزح ألف وخمسمئة شخص"), [(1500, false, false)]);
        assert_eq!(values("بخمسة قتلى"), [(5, false, false)]);
    }

    #[test]
    fn the_dual_of_a_counted_noun_is_two() {
        assert_eq!(values("قتل جنديين"), [(2, false, false)]);
        assert_eq!(values("سقوط قتيلين"), [(2, false, false)]);
        assert_eq!(values("اختطاف رهينتين"), [(2, false, false)]);
        assert!(counts("قتل مدنيين").is_empty(), "مدنيين is usually a plural");
        assert_eq!(values("قتل مدنيان وسائقان"), [(2, false, false), (2, false, false)]);
    }

    #[test]
    fn weekdays_with_the_article_are_not_numbers() {
        assert!(counts("يوم الأحد").is_empty());
        assert!(counts("يوم الاثنين").is_empty());
        assert_eq!(values("قتل أحد الجنود"), [(1, false, false)]);
    }

    #[test]
    fn french_number_words() {
        assert_eq!(values("cinq soldats"), [(5, false, false)]);
        assert_eq!(values("dix-sept civils"), [(17, false, false)]);
        assert_eq!(values("vingt et un morts"), [(21, false, false)]);
        assert_eq!(values("soixante-dix personnes"), [(70, false, false)]);
        assert_eq!(values("quatre-vingts blessés"), [(80, false, false)]);
        assert_eq!(values("quatre-vingt-dix morts"), [(90, false, false)]);
        assert_eq!(values("deux cents déplacés"), [(200, false, false)]);
        assert_eq!(values("trois mille réfugiés"), [(3000, false, false)]);
        assert_eq!(values("mille cinq cents déplacés"), [(1500, false, false)]);
    }

    #[test]
    fn french_vague_counts_keep_their_determiner() {
        assert_eq!(values("une dizaine de morts"), [(10, true, false)]);
        assert_eq!(spans("une vingtaine de civils"), ["une vingtaine"]);
        assert_eq!(values("une centaine de blessés"), [(100, true, false)]);
        assert_eq!(values("des dizaines de morts"), [(10, true, false)]);
        assert_eq!(values("des centaines de déplacés"), [(100, true, false)]);
        assert_eq!(values("des milliers de réfugiés"), [(1000, true, false)]);
        assert_eq!(values("plusieurs blessés"), [(3, true, false)]);
        assert_eq!(values("plusieurs dizaines de soldats"), [(10, true, false)]);
        assert_eq!(values("several dozen fighters"), [(12, true, false)]);
    }

    #[test]
    fn english_number_words() {
        assert_eq!(values("twenty-five soldiers"), [(25, false, false)]);
        assert_eq!(values("one hundred and twenty people"), [(120, false, false)]);
        assert_eq!(values("a dozen villagers"), [(12, false, false)]);
        assert_eq!(values("dozens of civilians"), [(12, true, false)]);
        assert_eq!(values("tens of people"), [(10, true, false)]);
        assert_eq!(values("scores of fighters"), [(20, true, false)]);
        assert_eq!(values("hundreds of families"), [(100, true, false)]);
        assert_eq!(values("thousands of people"), [(1000, true, false)]);
        assert_eq!(values("tens of thousands of people"), [(10_000, true, false)]);
        assert_eq!(values("several soldiers"), [(3, true, false)]);
    }

    #[test]
    fn arabic_vague_counts() {
        assert_eq!(values("قتل عشرات المدنيين"), [(10, true, false)]);
        assert_eq!(values("سقط العشرات"), [(10, true, false)]);
        assert_eq!(values("نزوح المئات"), [(100, true, false)]);
        assert_eq!(values("نزوح آلاف الأسر"), [(1000, true, false)]);
        assert_eq!(values("نزوح عشرات الآلاف"), [(10_000, true, false)]);
        assert_eq!(values("إصابة بضعة أشخاص"), [(3, true, false)]);
        assert_eq!(values("إصابة عدة أشخاص"), [(3, true, false)]);
    }

    #[test]
    fn approximation_markers() {
        assert_eq!(values("قتل نحو 30 شخصا"), [(30, false, true)]);
        assert_eq!(values("قتل حوالي عشرين شخصا"), [(20, false, true)]);
        assert_eq!(values("قتل ما لا يقل عن 15 جنديا"), [(15, false, true)]);
        assert_eq!(values("قتل أكثر من 40 مدنيا"), [(40, false, true)]);
        assert_eq!(values("تقدر الحصيلة بنحو 50 قتيلا"), [(50, false, true)]);
        assert_eq!(values("près de 200 morts"), [(200, false, true)]);
        assert_eq!(values("au moins 12 soldats"), [(12, false, true)]);
        assert_eq!(values("at least 7 people"), [(7, false, true)]);
        assert_eq!(values("some 30 people"), [(30, false, true)]);
    }

    #[test]
    fn years_dates_and_times_are_not_counts() {
        assert!(counts("منذ عام 2012").is_empty());
        assert!(counts("في 3 أكتوبر 2025").is_empty());
        assert!(counts("le 17 septembre 2025").is_empty());
        assert!(counts("on September 6, 2025").is_empty());
        assert!(counts("à 10:30 et le 06/09/2025").is_empty());
        assert!(counts("in 2019 and en 2020").is_empty());
        assert!(counts("١٧ سبتمبر").is_empty());
    }

    #[test]
    fn measures_ordinals_and_percentages_are_not_counts() {
        assert!(counts("على بعد 73 كيلومترا").is_empty());
        assert!(counts("à 40 km de la ville").is_empty());
        assert!(counts("40km away, 25% of voters, 12,5 %").is_empty());
        assert!(counts("نسبة 30 في المئة").is_empty());
        assert!(counts("le 1er octobre, la 3e fois, the 3rd day").is_empty());
        assert!(counts("un homme de 35 ans").len() == 1, "only « un » is a count");
        assert!(counts("الثالث troisième third").is_empty());
        assert!(counts("dix pour cent").is_empty());
        assert!(counts("à 10h30, le M23 et un F16").iter().all(|c| c.value == 1), "only « un »");
    }

    #[test]
    fn a_count_near_a_trigger() {
        let text = "هاجم مسلحون قرية وقتلوا 12 جنديا بعد 3 ساعات";
        let after_soldiers = text.find("بعد").map(|b| text[..b].chars().count() as u32).unwrap_or(0);
        assert_eq!(count_near(text, 0, 6).map(|c| c.value), Some(12));
        assert_eq!(count_near(text, 0, 2), None);
        assert_eq!(count_near(text, after_soldiers, 10), None, "3 ساعات is a duration");
    }

    #[test]
    fn number_tables_are_folded() {
        for &(w, _) in AR_ATOMS.iter().chain(AR_MULTS).chain(AR_VAGUE) {
            assert_eq!(crate::fold::fold_str(w), w);
        }
        for marker in APPROX_MARKERS {
            for w in marker.iter() {
                assert_eq!(crate::fold::fold_str(w), *w);
            }
        }
    }
}
