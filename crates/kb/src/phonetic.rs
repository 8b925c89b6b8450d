//! A phonetic key shared by Arabic and Latin spellings of West African place names, so that an
//! Arabic word with no Arabic entry can find a Latin-script entry (فارابوغو / Farabougou).
//!
//! The key is the consonant skeleton with the letters that transliterate one sound folded
//! together: g for غ ج ق and Latin g, j, dj, gu, q; s for س ص ز ظ and Latin s, z, ç, soft c;
//! c for ش and ch, sh, tch; x for خ and kh; t for ت ط ث and t, th; d for د ض ذ; b for ب and
//! b, p; f for ف ڤ and f, v, ph; n before b is m (تمبكتو / Tombouctou). Vowels, h, w, y and the
//! Arabic letters that write them (ا و ي ع ء ه ح) are dropped; doubled consonants collapse.
//! Many words share a skeleton, so a match is only a candidate: the extractor accepts it only
//! with support from the text.

use rustc_hash::FxHashMap;

/// Skeletons shorter than this are too common to mean anything (after a word for a region or
/// province the extractor tries two-consonant keys among admin units).
pub const MIN_PHONETIC_CONSONANTS: usize = 3;

/// Keys shorter than this are not indexed at all.
const MIN_INDEXED_CONSONANTS: usize = 2;

fn push(out: &mut String, c: char) {
    if c == 'b' && out.ends_with('n') {
        out.pop();
        out.push('m');
    }
    if !out.ends_with(c) {
        out.push(c);
    }
}

/// The phonetic key of a folded Arabic word (or words joined).
pub fn arabic_key(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len() / 2);
    for c in folded.chars() {
        let key = match c {
            'ب' | 'پ' => 'b',
            'ت' | 'ط' | 'ث' => 't',
            'د' | 'ض' | 'ذ' => 'd',
            'ر' => 'r',
            'ز' | 'ظ' | 'س' | 'ص' | 'ژ' => 's',
            'ش' | 'چ' => 'c',
            'ج' | 'غ' | 'ق' | 'گ' | 'ڨ' | 'ڭ' => 'g',
            'ك' | 'ک' => 'k',
            'ف' | 'ڤ' | 'ڥ' => 'f',
            'ل' => 'l',
            'م' => 'm',
            'ن' => 'n',
            'خ' => 'x',
            _ => continue,
        };
        push(&mut out, key);
    }
    out
}

/// The phonetic key of a folded Latin word (lower case, accents dropped).
pub fn latin_key(folded: &str) -> String {
    latin_key_reading(folded, false)
}

/// The key with a French name's opening "dia", "dio" or "diou" read as "dj", the way Arabic
/// spellings often render it (Diapaga / جاباغا, Diabaly / جابالي); [`latin_key`] when the name
/// opens otherwise.
fn latin_key_di_as_dj(folded: &str) -> String {
    latin_key_reading(folded, true)
}

fn latin_key_reading(folded: &str, di_as_dj: bool) -> String {
    let chars: Vec<char> = folded.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let mut out = String::with_capacity(chars.len());
    let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
    let mut i = 0;
    while i < chars.len() {
        let (c, next) = (chars[i], at(i + 1));
        let (key, used) = match (c, next) {
            ('t', 'c') if at(i + 2) == 'h' => (Some('c'), 3),
            ('c' | 's', 'h') => (Some('c'), 2),
            ('k', 'h') => (Some('x'), 2),
            ('g', 'h') | ('d', 'j') => (Some('g'), 2),
            ('d', 'i') if di_as_dj && i == 0 && matches!(at(i + 2), 'a' | 'o' | 'u') => (Some('g'), 2),
            ('g', 'u') if matches!(at(i + 2), 'e' | 'i' | 'y') => (Some('g'), 2),
            ('q', 'u') | ('c', 'k') => (Some('k'), 2),
            ('p', 'h') => (Some('f'), 2),
            ('t', 'h') => (Some('t'), 2),
            ('c', 'e' | 'i' | 'y') => (Some('s'), 1),
            ('c', _) | ('k', _) => (Some('k'), 1),
            ('x', _) => {
                push(&mut out, 'k');
                (Some('s'), 1)
            }
            ('g' | 'j' | 'q', _) => (Some('g'), 1),
            ('b' | 'p', _) => (Some('b'), 1),
            ('f' | 'v', _) => (Some('f'), 1),
            ('s' | 'z', _) => (Some('s'), 1),
            ('t' | 'd' | 'r' | 'l' | 'm' | 'n', _) => (Some(c), 1),
            _ => (None, 1),
        };
        if let Some(key) = key {
            push(&mut out, key);
        }
        i += used;
    }
    out
}

/// The key with the vowels an Arabic spelling writes (ا, ى, ة as A; ي and إ as I; و as U)
/// between its consonants: what ranks Latin-only places that share a consonant key
/// (ساكويرا is Sakoira, not Sakara or Zoukouri).
pub fn arabic_vowel_key(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len() / 2);
    for c in folded.chars() {
        let vowel = match c {
            'ا' | 'أ' | 'آ' | 'ى' | 'ة' => 'A',
            'ي' | 'إ' => 'I',
            'و' => 'U',
            _ => {
                out.push_str(&arabic_key(c.encode_utf8(&mut [0; 4])));
                continue;
            }
        };
        if !out.ends_with(vowel) {
            out.push(vowel);
        }
    }
    collapse(out)
}

/// The key of a folded Latin name with its vowels as classes (a as A; e, i, y as I; o, u, w
/// as U), to compare with [`arabic_vowel_key`].
pub fn latin_vowel_key(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()) {
        let chars: Vec<char> = word.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            // A run of consonants keys as the consonant key reads it; a vowel as its class.
            let run = chars[i..].iter().take_while(|c| vowel_class(**c).is_none()).count();
            if run > 0 {
                let consonants: String = chars[i..i + run].iter().collect();
                out.push_str(&latin_key(&consonants));
                i += run;
                continue;
            }
            let vowel = vowel_class(chars[i]).unwrap_or('A');
            if !out.ends_with(vowel) {
                out.push(vowel);
            }
            i += 1;
        }
    }
    collapse(out)
}

fn vowel_class(c: char) -> Option<char> {
    match c {
        'a' => Some('A'),
        'e' | 'i' | 'y' => Some('I'),
        'o' | 'u' | 'w' => Some('U'),
        _ => None,
    }
}

/// Doubled consonants collapse, and n before b is m, across the pieces a key was built from.
fn collapse(key: String) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push(c);
        } else {
            push(&mut out, c);
        }
    }
    out
}

/// How many vowels of the Latin key `latin` the Arabic key `arabic` leaves unwritten, when it
/// writes the same consonants in the same order and no vowel the Latin name lacks; `None`
/// otherwise. Arabic leaves short vowels unwritten, so fewer is a closer spelling.
pub fn vowels_unwritten(arabic: &str, latin: &str) -> Option<usize> {
    let mut latin = latin.chars().peekable();
    let mut dropped = 0;
    for a in arabic.chars() {
        loop {
            let l = latin.next()?;
            if l == a {
                break;
            }
            if !l.is_ascii_uppercase() {
                return None;
            }
            dropped += 1;
        }
    }
    let rest = latin.collect::<Vec<_>>();
    rest.iter().all(char::is_ascii_uppercase).then_some(dropped + rest.len())
}

/// Number of consonants in a phonetic key (every char is one).
pub fn length(key: &str) -> usize {
    key.chars().count()
}

/// Towns and units by the phonetic key of each Latin name, for Arabic spellings no entry lists.
#[derive(Debug, Default, Clone)]
pub struct PhoneticIndex {
    places: FxHashMap<String, Vec<u32>>,
}

impl PhoneticIndex {
    /// File a place under the key of one of its Latin names (words joined).
    pub(crate) fn add(&mut self, name: &str, place: u32) {
        let folded = marsad_text::fold::fold_str(name);
        for key in [latin_key(&folded), latin_key_di_as_dj(&folded)] {
            if length(&key) < MIN_INDEXED_CONSONANTS {
                continue;
            }
            let places = self.places.entry(key).or_default();
            if !places.contains(&place) {
                places.push(place);
            }
        }
    }

    /// The places whose Latin name has this phonetic key.
    pub fn get(&self, key: &str) -> &[u32] {
        self.places.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when nothing is filed.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::fold::fold_str;

    fn ar(word: &str) -> String {
        arabic_key(&fold_str(word))
    }
    fn la(word: &str) -> String {
        latin_key(&fold_str(word))
    }

    #[test]
    fn arabic_and_french_spellings_share_a_key() {
        assert_eq!(ar("فارابوغو"), la("Farabougou"));
        assert_eq!(ar("تمبكتو"), la("Tombouctou"));
        assert_eq!(ar("جيبو"), la("Djibo"));
        assert_eq!(ar("شيرفولومبو"), la("Chirfoulombo"));
        assert_eq!(ar("خاسو"), la("Khasso"));
        assert_eq!(ar("كايس"), la("Kayes"));
    }

    #[test]
    fn a_french_di_before_a_vowel_is_also_filed_as_dj() {
        let mut index = PhoneticIndex::default();
        index.add("Diapaga", 7);
        assert_eq!(index.get(&ar("جاباغا")), [7]);
        assert_eq!(index.get(&ar("دياباغا")), [7]);
        // "Di" before a consonant or an e, or inside the name, stays a d.
        assert_ne!(latin_key_di_as_dj("dimbal"), ar("جمبال"));
        assert_ne!(latin_key_di_as_dj("diebougou"), ar("جاباغا"));
        assert_ne!(latin_key_di_as_dj("kadiolo"), ar("كاجولو"));
    }

    #[test]
    fn the_vowels_an_arabic_spelling_writes_rank_names_of_one_consonant_key() {
        let unwritten = |arabic: &str, latin: &str| {
            vowels_unwritten(&arabic_vowel_key(&fold_str(arabic)), &latin_vowel_key(&fold_str(latin)))
        };
        // Every vowel written: the same spelling.
        assert_eq!(unwritten("ساكويرا", "Sakoira"), Some(0));
        assert_eq!(unwritten("فارابوغو", "Farabougou"), Some(0));
        assert_eq!(unwritten("تيلابيري", "Tillabéri"), Some(0));
        // Vowels the Latin name writes and the Arabic leaves out.
        assert_eq!(unwritten("ساكويرا", "Say Koira"), Some(1));
        assert_eq!(unwritten("تمبكتو", "Tombouctou"), Some(2));
        // A vowel the Latin name lacks, or another vowel: not that spelling.
        assert_eq!(unwritten("ساكويرا", "Sakara"), None);
        assert_eq!(unwritten("ساكويرا", "Zoukouri"), None);
        assert_eq!(unwritten("ساكويرا", "Sakoara"), None);
    }

    #[test]
    fn different_consonants_keep_names_apart() {
        assert_ne!(ar("كاتي"), la("Koutiala"));
        assert_ne!(la("Niono"), la("Nioro"));
    }
}
