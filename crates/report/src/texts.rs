//! The report's sentences in each language (`data/report/{ar,fr,en}.json`): templates with
//! `{name}` placeholders, month names and number conventions, checked when loaded so that
//! rendering cannot fail: every language has exactly the keys of [`KEYS`], each template uses
//! exactly the placeholders listed there, and nothing else in braces.

use std::collections::BTreeMap;
use std::fmt;

use crate::ReportError;

/// The report languages, in the order the data files are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// Arabic, written right to left.
    Ar,
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language of an ISO 639-1 code, if the report is written in it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Written right to left.
    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Every template key the report uses, with the placeholders its template must contain.
pub const KEYS: &[(&str, &[&str])] = &[
    ("title", &["focus"]),
    ("period", &["from", "to", "days"]),
    ("next_issue", &["next"]),
    ("h.changed", &[]),
    ("h.figures", &[]),
    ("h.map", &[]),
    ("h.trends", &[]),
    ("h.roads", &[]),
    ("h.sites", &[]),
    ("h.kidnappings", &[]),
    ("h.new", &[]),
    ("h.gaps", &[]),
    ("h.method", &[]),
    ("h.notes", &[]),
    ("arrow.deteriorated", &[]),
    ("arrow.improved", &[]),
    ("arrow.unchanged", &[]),
    ("rationale", &["arrow", "reasons"]),
    ("reason.count_up", &["before", "now", "percent"]),
    ("reason.count_down", &["before", "now", "percent"]),
    ("reason.count_new", &["now"]),
    ("reason.closer", &["focus", "km"]),
    ("reason.farther", &["focus", "km"]),
    ("reason.sectors_up", &["before", "now", "radius"]),
    ("reason.sectors_down", &["before", "now", "radius"]),
    ("reason.none", &["now"]),
    ("trend.fit", &["weeks", "focus", "slope", "low", "high", "reading"]),
    ("trend.closer", &[]),
    ("trend.farther", &[]),
    ("trend.no_change", &[]),
    ("trend.too_few", &["weeks", "with"]),
    ("trend.none", &["weeks", "focus"]),
    ("encircle.arc", &["days", "to", "radius", "focus", "closed", "from_deg", "to_deg", "open"]),
    ("encircle.full", &["days", "to", "radius", "focus"]),
    ("encircle.none", &["days", "to", "radius", "focus"]),
    ("surge", &["unit", "now", "week", "mean", "weeks"]),
    ("threat", &["unit", "now", "month", "mean", "months"]),
    ("fig.col.figure", &[]),
    ("fig.col.now", &[]),
    ("fig.col.before", &[]),
    ("fig.col.change", &[]),
    ("fig.armed", &[]),
    ("fig.deaths", &[]),
    ("fig.near", &["km", "focus"]),
    ("fig.sectors", &["radius", "days"]),
    ("fig.roads", &["km"]),
    ("fig.kidnappings", &[]),
    ("fig.baseline", &["from", "to"]),
    ("change.new", &[]),
    ("change.same", &[]),
    ("map.caption", &["count", "focus"]),
    ("map.none", &["focus"]),
    ("chart.distance", &["focus", "count"]),
    ("chart.rings", &["focus", "count"]),
    ("chart.roads", &["count"]),
    ("chart.none", &[]),
    ("road", &["road", "count", "supply", "score", "last", "days"]),
    ("road.none", &["km"]),
    ("site.count", &["site", "count", "km"]),
    ("site.item", &["date", "kind", "place", "km"]),
    ("site.none", &["site", "km"]),
    ("kidnap.item", &["date", "place", "actor"]),
    ("kidnap.item_unknown", &["date", "place"]),
    ("kidnap.none", &[]),
    ("actor.new", &["actor", "count"]),
    ("actor.returning", &["actor", "count", "days", "last"]),
    ("actor.rise", &["actor", "count", "expected"]),
    ("actor.none", &["days"]),
    ("unit.new", &["unit", "region", "days", "date"]),
    ("unit.return", &["unit", "region", "days", "date", "last"]),
    ("unit.none", &["days"]),
    ("gap.undated", &["count"]),
    ("gap.vague", &["count"]),
    ("gap.imprecise", &["count"]),
    ("gap.unit", &["count"]),
    ("gap.unreadable", &["count"]),
    ("gap.none", &[]),
    ("method", &["count_pct", "min_events", "sectors", "radius", "days", "near"]),
    ("note", &["id", "date", "kind", "place"]),
    ("note.undated", &[]),
    ("note.no_place", &[]),
    ("note.no_outlet", &[]),
    ("legend.precise", &[]),
    ("legend.imprecise", &[]),
    ("legend.road", &[]),
    ("legend.median", &[]),
    ("legend.p10", &[]),
    ("axis.km", &[]),
    ("axis.events", &[]),
    ("unknown", &[]),
    ("fmt.date", &["day", "month", "year"]),
    ("fmt.percent", &["n"]),
    ("fmt.month", &["month", "year"]),
    ("fmt.week", &["date"]),
    ("type.battles", &[]),
    ("type.explosions", &[]),
    ("type.vac", &[]),
    ("type.protests", &[]),
    ("type.riots", &[]),
    ("type.strategic", &[]),
];

/// One language's texts, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Texts {
    lang: Lang,
    months: Vec<String>,
    decimal: String,
    separator: String,
    templates: BTreeMap<String, String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTexts {
    lang: String,
    months: Vec<String>,
    decimal: String,
    list_separator: String,
    texts: BTreeMap<String, String>,
}

impl Texts {
    /// Read and check one language file; `file` names it in errors.
    pub fn parse(lang: Lang, file: &str, json: &str) -> Result<Texts, ReportError> {
        let raw: RawTexts = serde_json::from_str(json).map_err(|e| ReportError::data(file, &e))?;
        let mut problems = Vec::new();
        if raw.lang != lang.code() {
            problems.push(format!("`lang` is `{}`, expected `{}`", raw.lang, lang.code()));
        }
        if raw.months.len() != 12 || raw.months.iter().any(|m| m.trim().is_empty()) {
            problems.push("`months` must list 12 month names".to_string());
        }
        if raw.decimal.is_empty() || raw.list_separator.is_empty() {
            problems.push("`decimal` and `list_separator` must not be empty".to_string());
        }
        for (key, placeholders) in KEYS {
            match raw.texts.get(*key) {
                None => problems.push(format!("`texts` lacks `{key}`")),
                Some(template) => problems.extend(template_problems(key, template, placeholders)),
            }
        }
        for key in raw.texts.keys().filter(|k| !KEYS.iter().any(|(known, _)| known == k)) {
            problems.push(format!("`texts` has `{key}`, which the report does not use"));
        }
        if !problems.is_empty() {
            return Err(ReportError::Data { file: file.to_string(), message: problems.join("; ") });
        }
        Ok(Texts {
            lang,
            months: raw.months,
            decimal: raw.decimal,
            separator: raw.list_separator,
            templates: raw.texts,
        })
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A template with its placeholders filled. Values are isolated for the bidirectional
    /// algorithm in right-to-left languages (U+2068 or, for numbers, U+2066 … U+2069), so a
    /// Latin name or a signed number keeps its order inside Arabic text.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let template = self.templates.get(key).map(String::as_str).unwrap_or(key);
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            let name = &after[..close];
            let value = values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).unwrap_or("");
            if self.lang.rtl() && !value.is_empty() {
                // A number (no letter) is isolated left to right, so its sign stays in front;
                // anything else takes the direction of its first letter.
                let numeric = !value.chars().any(char::is_alphabetic);
                out.push(if numeric { '\u{2066}' } else { '\u{2068}' });
                out.push_str(value);
                out.push('\u{2069}');
            } else {
                out.push_str(value);
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// A template without placeholders.
    pub fn get<'s>(&'s self, key: &'s str) -> &'s str {
        self.templates.get(key).map(String::as_str).unwrap_or(key)
    }

    /// A number with `decimals` digits after this language's decimal mark.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        let text = if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
            text[1..].to_string()
        } else {
            text
        };
        text.replace('.', &self.decimal)
    }

    /// A signed percentage (`+25%`), whole.
    pub fn percent(&self, value: f64) -> String {
        let sign = if value > 0.0 { "+" } else { "" };
        let n = format!("{sign}{}", self.number(value, 0));
        self.fill("fmt.percent", &[("n", &n)])
    }

    /// A day written out (`14 September 2025`).
    pub fn date(&self, day: marsad_indicators::Day) -> String {
        let (year, month, day) = day.ymd();
        let month = self.months.get(month as usize - 1).map(String::as_str).unwrap_or("");
        let template = self.templates.get("fmt.date").map(String::as_str).unwrap_or("{day} {month} {year}");
        template.replace("{day}", &day.to_string()).replace("{month}", month).replace("{year}", &year.to_string())
    }

    /// A month written out (`September 2025`).
    pub fn month(&self, month: marsad_indicators::Month) -> String {
        let name = self.months.get(month.month() as usize - 1).map(String::as_str).unwrap_or("");
        self.fill("fmt.month", &[("month", name), ("year", &month.year().to_string())])
    }

    /// Items joined as this language lists them.
    pub fn join(&self, items: &[String]) -> String {
        items.join(&self.separator)
    }
}

/// What is wrong with one template: placeholders missing or unknown, stray braces.
fn template_problems(key: &str, template: &str, expected: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    if template.trim().is_empty() {
        problems.push(format!("`{key}` is empty"));
    }
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            problems.push(format!("`{key}` has a `}}` without `{{`"));
            break;
        }
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if !after[..close].contains('{') => {
                found.push(after[..close].to_string());
                rest = &after[close + 1..];
            }
            _ => {
                problems.push(format!("`{key}` has a `{{` without `}}`"));
                break;
            }
        }
    }
    for name in &found {
        if !expected.contains(&name.as_str()) {
            problems.push(format!("`{key}` uses `{{{name}}}`, which the report does not give it"));
        }
    }
    for name in expected {
        if !found.iter().any(|f| f == name) {
            problems.push(format!("`{key}` does not use `{{{name}}}`"));
        }
    }
    problems
}

/// The texts of every language, checked: the embedded files, or those of a data directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    texts: Vec<Texts>,
}

impl Library {
    /// The texts built into the binary.
    pub fn embedded() -> Result<Library, ReportError> {
        Library::from_files(&[
            (Lang::Ar, "report/ar.json", include_str!("../../../data/report/ar.json")),
            (Lang::Fr, "report/fr.json", include_str!("../../../data/report/fr.json")),
            (Lang::En, "report/en.json", include_str!("../../../data/report/en.json")),
        ])
    }

    /// The texts of (language, file name, contents).
    pub fn from_files(files: &[(Lang, &str, &str)]) -> Result<Library, ReportError> {
        let mut texts = Vec::new();
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            match files.iter().find(|(l, _, _)| *l == lang) {
                Some((_, file, json)) => match Texts::parse(lang, file, json) {
                    Ok(t) => texts.push(t),
                    Err(e) => problems.push(e.to_string()),
                },
                None => problems.push(format!("data/report/{}.json is missing", lang.code())),
            }
        }
        if problems.is_empty() {
            Ok(Library { texts })
        } else {
            Err(ReportError::Data { file: "report/*.json".into(), message: problems.join("\n") })
        }
    }

    /// One language's texts.
    pub fn get(&self, lang: Lang) -> &Texts {
        // `from_files` keeps one entry per language of `Lang::ALL`, in that order.
        &self.texts[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_texts_have_every_key_in_every_language() {
        let library = Library::embedded().unwrap_or_else(|e| panic!("{e}"));
        for lang in Lang::ALL {
            assert_eq!(library.get(lang).lang(), lang);
        }
    }

    #[test]
    fn a_template_with_a_wrong_placeholder_is_refused_naming_it() {
        let en = include_str!("../../../data/report/en.json");
        let broken = en.replacen("{focus}", "{place}", 1);
        let error = Texts::parse(Lang::En, "report/en.json", &broken).expect_err("refused");
        let message = error.to_string();
        assert!(message.contains("report/en.json") && message.contains("{place}"), "{message}");
        let missing = en.replacen("\"h.map\"", "\"h.mapp\"", 1);
        let message = Texts::parse(Lang::En, "report/en.json", &missing).expect_err("refused").to_string();
        assert!(message.contains("lacks `h.map`") && message.contains("`h.mapp`"), "{message}");
    }

    #[test]
    fn values_are_isolated_in_arabic_only() {
        let library = Library::embedded().unwrap_or_else(|e| panic!("{e}"));
        let ar = library.get(Lang::Ar).fill("title", &[("focus", "Bamako")]);
        assert!(ar.contains("\u{2068}Bamako\u{2069}"), "{ar}");
        let en = library.get(Lang::En).fill("title", &[("focus", "Bamako")]);
        assert!(en.contains("Bamako") && !en.contains('\u{2068}'), "{en}");
        assert_eq!(library.get(Lang::Fr).number(-0.04, 1), "0,0");
        assert_eq!(library.get(Lang::En).percent(66.7), "+67%");
    }
}
