//! The user's search as a tantivy query, built by hand so that no input can make it fail.
//!
//! Text: words outside quotes are each required (AND); each word is a disjunction of its
//! [`WordTerms`] (folded form boosted above proclitic stems, stems above sound keys), so
//! لباماكو finds باماكو and فاغنر finds فاجنر. Words inside `"..."` (or «...», “...”) form
//! a phrase on the folded forms; an unclosed quote is ignored. Filters are constant-score
//! clauses on raw string fields and the day fast field, ANDed with the text.

use std::collections::HashSet;
use std::ops::Bound;

use marsad_text::Tokens;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term};

use crate::analysis::{Form, WordTerms, QUERY_MIN_STEM_CHARS};
use crate::schema::{filter_key, parse_day, Fields};
use crate::{SearchError, SearchQuery};

/// Hits returned when the query asks for 0.
pub const DEFAULT_LIMIT: usize = 20;

/// Most hits one search returns.
pub const MAX_LIMIT: usize = 10_000;

/// Most words and phrases of one query that are used (the rest are ignored).
pub const MAX_CLAUSES: usize = 16;

/// Most words of one phrase that are used.
pub const MAX_PHRASE_WORDS: usize = 16;

/// Boost of a query word's folded form.
pub const FOLDED_BOOST: f32 = 3.0;
/// Boost of a query word's proclitic stems.
pub const STEM_BOOST: f32 = 2.0;
/// Boost of a query word's sound keys.
pub const SOUND_BOOST: f32 = 1.0;

/// One required part of the text query.
#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    /// One word: any of its terms.
    Word(Vec<(String, Form)>),
    /// Quoted words, in order, by their folded forms.
    Phrase(Vec<String>),
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”' | '„' | '″')
}

/// The clauses of the user's text (at most [`MAX_CLAUSES`]).
pub fn parse(text: &str) -> Vec<Clause> {
    let parts: Vec<&str> = text.split(is_quote).collect();
    let closed = parts.len() % 2 == 1;
    let mut clauses = Vec::new();
    let mut terms = WordTerms::default();
    for (k, part) in parts.iter().enumerate() {
        let quoted = k % 2 == 1 && (closed || k + 1 < parts.len());
        let tokens = Tokens::new(part);
        if quoted {
            let words: Vec<String> =
                (0..tokens.len().min(MAX_PHRASE_WORDS)).map(|i| tokens.folded(i).to_string()).collect();
            if !words.is_empty() {
                clauses.push(Clause::Phrase(words));
            }
        } else {
            for i in 0..tokens.len() {
                terms.fill(&tokens, i, QUERY_MIN_STEM_CHARS);
                clauses.push(Clause::Word(terms.iter().map(|(t, f)| (t.to_string(), f)).collect()));
            }
        }
    }
    clauses.truncate(MAX_CLAUSES);
    clauses
}

/// Every term the clauses search for (to find the words to highlight).
pub fn terms(clauses: &[Clause]) -> HashSet<String> {
    let mut out = HashSet::new();
    for clause in clauses {
        match clause {
            Clause::Word(forms) => out.extend(forms.iter().map(|(t, _)| t.clone())),
            Clause::Phrase(words) => out.extend(words.iter().cloned()),
        }
    }
    out
}

fn term_query(field: Field, term: &str, boost: f32) -> Box<dyn Query> {
    let query = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::WithFreqs);
    Box::new(BoostQuery::new(Box::new(query), boost))
}

/// The text query of `clauses` on the analysed `body` field (None when there is no clause).
pub fn text_query(clauses: &[Clause], body: Field) -> Option<Box<dyn Query>> {
    let mut required: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(clauses.len());
    for clause in clauses {
        let query: Box<dyn Query> = match clause {
            Clause::Word(forms) => {
                let alternatives: Vec<(Occur, Box<dyn Query>)> = forms
                    .iter()
                    .map(|(term, form)| {
                        let boost = match form {
                            Form::Folded => FOLDED_BOOST,
                            Form::Stem => STEM_BOOST,
                            Form::Sound => SOUND_BOOST,
                        };
                        (Occur::Should, term_query(body, term, boost))
                    })
                    .collect();
                Box::new(BooleanQuery::new(alternatives))
            }
            Clause::Phrase(words) if words.len() == 1 => term_query(body, &words[0], FOLDED_BOOST),
            Clause::Phrase(words) => {
                let terms = words.iter().map(|w| Term::from_field_text(body, w)).collect();
                Box::new(BoostQuery::new(Box::new(PhraseQuery::new(terms)), FOLDED_BOOST))
            }
        };
        required.push((Occur::Must, query));
    }
    match required.len() {
        0 => None,
        1 => required.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(required))),
    }
}

fn any_of(field: Field, values: impl Iterator<Item = String>) -> Option<Box<dyn Query>> {
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = values
        .filter(|v| !v.is_empty())
        .map(|v| {
            (
                Occur::Should,
                Box::new(TermQuery::new(Term::from_field_text(field, &v), IndexRecordOption::Basic)) as Box<dyn Query>,
            )
        })
        .collect();
    match alternatives.len() {
        0 => None,
        1 => alternatives.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(alternatives))),
    }
}

/// The filters of `query` as constant-score (zero) queries; `location` names the index in errors.
pub fn filters(query: &SearchQuery, fields: &Fields, location: &str) -> Result<Vec<Box<dyn Query>>, SearchError> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    let day = |value: &Option<String>, end: bool, bound: &'static str| -> Result<Bound<Term>, SearchError> {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(Bound::Unbounded),
            Some(v) => {
                parse_day(v, end).map(|d| Bound::Included(Term::from_field_i64(fields.day, d))).ok_or_else(|| {
                    SearchError::InvalidDate { location: location.to_string(), bound, value: v.to_string() }
                })
            }
        }
    };
    let lower = day(&query.from, false, "from")?;
    let upper = day(&query.to, true, "to")?;
    if !matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded)) {
        out.push(Box::new(RangeQuery::new(lower, upper)));
    }
    let single = |value: &Option<String>| value.as_deref().map(filter_key).into_iter();
    out.extend(any_of(fields.event_type, single(&query.event_type)));
    out.extend(any_of(fields.lang, single(&query.lang)));
    out.extend(any_of(fields.outlet, single(&query.outlet)));
    out.extend(any_of(fields.actor, query.actors.iter().map(|a| a.trim().to_string())));
    out.extend(any_of(fields.place, query.places.iter().map(|p| p.trim().to_string())));
    Ok(out.into_iter().map(|q| Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_outside_quotes_and_phrases_inside() {
        let clauses = parse(r#"Ségou "forces armées" «الوفد بباماكو»"#);
        assert_eq!(clauses.len(), 3);
        assert!(matches!(&clauses[0], Clause::Word(f) if f[0].0 == "segou"));
        assert_eq!(clauses[1], Clause::Phrase(vec!["forces".into(), "armees".into()]));
        assert_eq!(clauses[2], Clause::Phrase(vec!["الوفد".into(), "بباماكو".into()]));
    }

    #[test]
    fn an_unclosed_quote_is_ignored() {
        let clauses = parse(r#"mali "gao"#);
        assert_eq!(clauses.len(), 2);
        assert!(clauses.iter().all(|c| matches!(c, Clause::Word(_))));
    }

    #[test]
    fn query_words_carry_their_stems_and_sound_key() {
        let clauses = parse("لباماكو");
        let Clause::Word(forms) = &clauses[0] else { panic!() };
        assert!(forms.contains(&("باماكو".to_string(), Form::Stem)));
        assert!(forms.iter().any(|(_, f)| *f == Form::Sound));
    }

    #[test]
    fn punctuation_only_has_no_clause() {
        assert!(parse(r#"!!! "" ((( ) :*"#).is_empty());
    }
}
