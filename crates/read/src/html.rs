//! HTML → article: main-text extraction (boilerplate removal by scoring) and metadata.
//!
//! The page is parsed with html5ever (via `scraper`); the article container is chosen
//! Readability-style: paragraphs give points to their ancestors, weighted by commas and
//! length, damped by link density, nudged by class/id hints. Navigation, header/footer,
//! sidebars, share buttons, comments, related links, forms and cookie banners are dropped by
//! tag, ARIA role and class/id hints. All tree walks are iterative (no recursion), so deep
//! nesting cannot overflow the stack.

use std::collections::{HashMap, HashSet};

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};

use crate::date::normalize_date;
use crate::{Document, Input, ReadError};

/// What extraction found in a page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Extracted {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Reads a whole HTML page into a document (id = file stem).
pub(crate) fn read_html_document(input: &Input, html: &str) -> Result<Document, ReadError> {
    let extracted = extract_article(html).ok_or_else(|| ReadError::TooDeep { at: input.at.clone() })?;
    if extracted.text.is_empty() {
        return Err(ReadError::NoText { at: input.at.clone() });
    }
    let mut document = input.document(input.stem.clone(), input.at.clone(), extracted.text);
    document.title = extracted.title;
    document.published = extracted.published;
    document.source = extracted.source;
    document.url = extracted.url;
    Ok(document)
}

/// Extracts the main article text and metadata of a full page; `None` when the markup is
/// nested too deeply to parse in reasonable time (see [`nesting_cost`]).
pub(crate) fn extract_article(html: &str) -> Option<Extracted> {
    if nesting_cost(html) > MAX_NESTING_COST {
        return None;
    }
    let page = Html::parse_document(html);
    let root = page.tree.root();
    let stats = Stats::collect(root);
    let boilerplate = boilerplate_nodes(root, &stats);
    let scores = score_candidates(root, &stats, &boilerplate);
    let roots = article_roots(root, &stats, &scores, &boilerplate);
    let mut renderer = Renderer { boilerplate: Some(&boilerplate), stats: Some(&stats), ..Renderer::default() };
    for node in &roots {
        renderer.render(*node);
    }
    let meta = Metadata::collect(root);
    let article = first_element(root, "article").or_else(|| roots.first().copied());
    let source = meta.get("og:site_name").or_else(|| meta.json_ld_publisher());
    let title = meta
        .get("og:title")
        .or_else(|| article.and_then(|a| first_element(a, "h1")).map(element_text).filter(|t| !t.is_empty()))
        .or_else(|| meta.title.clone())
        .map(|title| strip_site_suffix(title, source.as_deref()));
    let published = meta.published(article);
    let url = meta.canonical.clone().or_else(|| meta.get("og:url"));
    Some(Extracted { text: renderer.finish(), title, published, source, url })
}

/// HTML from a feed item (or any fragment) → paragraphs, without boilerplate detection.
/// Returns "" for markup nested too deeply to parse in reasonable time.
pub(crate) fn fragment_to_text(html: &str) -> String {
    if nesting_cost(html) > MAX_NESTING_COST {
        return String::new();
    }
    let fragment = Html::parse_fragment(html);
    let mut renderer = Renderer::default();
    renderer.render(fragment.tree.root());
    renderer.finish()
}

/// Budget for [`nesting_cost`]. Real pages cost well under 10^6 (20 000 elements at depth
/// 20); 5·10^7 parses in about a quarter of a second.
const MAX_NESTING_COST: u64 = 50_000_000;

/// Estimates the parser's work on deep nesting: html5ever scans its stack of open elements
/// for each new element, so its time is the sum of the depths at which elements open, and a
/// hostile file of 100 000 nested `<div>`s would take minutes. This is a cheap byte scan
/// counting start and end tags (void and self-closing-by-sibling elements ignored).
fn nesting_cost(html: &str) -> u64 {
    let bytes = html.as_bytes();
    let mut depth = 0u64;
    let mut cost = 0u64;
    let mut at = 0usize;
    while let Some(offset) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
        at += offset + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = if closing { at + 1 } else { at };
        let name: Vec<u8> = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .take(16)
            .map(u8::to_ascii_lowercase)
            .collect();
        if !name.first().is_some_and(u8::is_ascii_alphabetic) || is_unnested(&name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            cost = cost.saturating_add(depth);
        }
    }
    cost
}

/// Void elements and elements closed implicitly by their next sibling.
fn is_unnested(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"tr"
            | b"td"
            | b"th"
    )
}

// ---------------------------------------------------------------------------------------
// Element classes

/// Elements whose content is never article text.
fn is_hidden_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "head"
            | "title"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "input"
            | "select"
            | "textarea"
            | "button"
            | "option"
            | "datalist"
    )
}

/// Elements that start and end a paragraph in the output.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "details"
            | "summary"
            | "hr"
            | "br"
            | "body"
            | "center"
            | "hgroup"
    )
}

/// Elements whose own text is a paragraph of the article, for scoring.
fn is_paragraph(name: &str) -> bool {
    matches!(name, "p" | "pre" | "td")
}

/// Tokens of class/id that mark boilerplate whatever else the element says.
const STRONG_NEGATIVE: &[&str] = &[
    "comment",
    "comments",
    "share",
    "shares",
    "sharing",
    "social",
    "related",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "promo",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "disqus",
    "outbrain",
    "taboola",
];

/// Tokens of class/id that mark boilerplate unless the element also looks like content.
const WEAK_NEGATIVE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "header",
    "masthead",
    "sidebar",
    "aside",
    "widget",
    "banner",
    "tags",
    "pagination",
    "pager",
    "skip",
    "trending",
    "popular",
    "most",
    "toolbar",
    "author",
    "byline",
    "dateline",
    "timestamp",
];

/// Tokens of class/id that mark article content.
const POSITIVE: &[&str] =
    &["article", "content", "post", "entry", "story", "body", "text", "main", "blog", "news", "detail"];

/// ARIA roles of page furniture.
fn is_boilerplate_role(role: &str) -> bool {
    matches!(
        role.trim(),
        "navigation"
            | "banner"
            | "contentinfo"
            | "complementary"
            | "dialog"
            | "alertdialog"
            | "search"
            | "menu"
            | "menubar"
            | "toolbar"
    )
}

/// The lowercase alphanumeric tokens of an element's class and id.
fn hint_tokens(element: &Element) -> Vec<String> {
    let mut tokens = Vec::new();
    for value in [element.attr("class"), element.attr("id")].into_iter().flatten() {
        for token in value.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()) {
            tokens.push(token.to_ascii_lowercase());
        }
    }
    tokens
}

fn has_any(tokens: &[String], words: &[&str]) -> bool {
    tokens.iter().any(|token| words.contains(&token.as_str()))
}

/// +25 for content hints, -25 for weak boilerplate hints.
fn hint_weight(tokens: &[String]) -> f64 {
    let mut weight = 0.0;
    if has_any(tokens, POSITIVE) {
        weight += 25.0;
    }
    if has_any(tokens, WEAK_NEGATIVE) || has_any(tokens, STRONG_NEGATIVE) {
        weight -= 25.0;
    }
    weight
}

fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

// ---------------------------------------------------------------------------------------
// Statistics

/// Per-element counts over visible text (hidden tags excluded).
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    /// Non-whitespace chars.
    text: usize,
    /// Non-whitespace chars inside links.
    link: usize,
    /// Commas (Latin and Arabic).
    commas: usize,
    /// Non-whitespace chars inside paragraph elements.
    paragraph: usize,
    /// Whether a block-level element is among the children.
    has_block_child: bool,
}

impl Counts {
    fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f64 / self.text as f64
        }
    }
}

struct Stats {
    counts: HashMap<NodeId, Counts>,
    /// Paragraph chars of the whole page.
    page_paragraph: usize,
}

impl Stats {
    /// One post-order pass over the tree.
    fn collect(root: NodeRef<'_, Node>) -> Stats {
        let mut counts = HashMap::new();
        let mut frames: Vec<(NodeId, Counts)> = vec![(root.id(), Counts::default())];
        let mut skipping: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Element(element) if is_hidden_tag(element.name()) => skipping = Some(node.id()),
                        Node::Element(element) => {
                            if is_block(element.name()) {
                                if let Some((_, parent)) = frames.last_mut() {
                                    parent.has_block_child = true;
                                }
                            }
                            frames.push((node.id(), Counts::default()));
                        }
                        Node::Text(text) => {
                            if let Some((_, frame)) = frames.last_mut() {
                                for c in text.chars() {
                                    if !c.is_whitespace() {
                                        frame.text += 1;
                                        if c == ',' || c == '\u{060C}' {
                                            frame.commas += 1;
                                        }
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(skipped) = skipping {
                        if skipped == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    let Node::Element(element) = node.value() else {
                        continue;
                    };
                    let Some((id, mut own)) = frames.pop() else {
                        continue;
                    };
                    let name = element.name();
                    if name == "a" {
                        own.link = own.text;
                    }
                    if is_paragraph(name) || (matches!(name, "div" | "section") && !own.has_block_child) {
                        own.paragraph = own.text;
                    }
                    counts.insert(id, own);
                    if let Some((_, parent)) = frames.last_mut() {
                        parent.text += own.text;
                        parent.link += own.link;
                        parent.commas += own.commas;
                        parent.paragraph += own.paragraph;
                    }
                }
            }
        }
        let page_paragraph = frames.first().map_or(0, |(_, c)| c.paragraph);
        Stats { counts, page_paragraph }
    }

    fn get(&self, id: NodeId) -> Counts {
        self.counts.get(&id).copied().unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------------------
// Boilerplate, scoring, choice of the article

/// Elements (with their subtrees) that are page furniture rather than article.
fn boilerplate_nodes(root: NodeRef<'_, Node>, stats: &Stats) -> HashSet<NodeId> {
    let mut found = HashSet::new();
    let mut inside_article = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                let Node::Element(element) = node.value() else {
                    continue;
                };
                let name = element.name();
                if name == "article" {
                    inside_article += 1;
                }
                if is_furniture(element, inside_article > 0, stats.get(node.id()), stats.page_paragraph) {
                    found.insert(node.id());
                }
            }
            Edge::Close(node) => {
                if matches!(node.value(), Node::Element(e) if e.name() == "article") {
                    inside_article = inside_article.saturating_sub(1);
                }
            }
        }
    }
    found
}

fn is_furniture(element: &Element, inside_article: bool, counts: Counts, page_paragraph: usize) -> bool {
    let name = element.name();
    if matches!(name, "html" | "body" | "main" | "article")
        || element.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return false;
    }
    if matches!(name, "nav" | "aside" | "footer" | "form" | "dialog" | "menu" | "figure")
        || (name == "header" && !inside_article)
        || is_hidden(element)
        || element.attr("role").is_some_and(is_boilerplate_role)
    {
        return true;
    }
    let tokens = hint_tokens(element);
    if has_any(&tokens, STRONG_NEGATIVE) {
        return true;
    }
    // A weak hint ("sidebar", "menu") on a wrapper holding most of the page's paragraphs is a
    // layout class, not furniture.
    has_any(&tokens, WEAK_NEGATIVE)
        && !has_any(&tokens, POSITIVE)
        && counts.paragraph.saturating_mul(2) < page_paragraph.max(1)
}

/// Readability-style scores of container elements.
fn score_candidates(root: NodeRef<'_, Node>, stats: &Stats, boilerplate: &HashSet<NodeId>) -> HashMap<NodeId, f64> {
    let mut raw: HashMap<NodeId, f64> = HashMap::new();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        let node = match edge {
            Edge::Open(node) => node,
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                }
                continue;
            }
        };
        if skipping.is_some() {
            continue;
        }
        let Node::Element(element) = node.value() else {
            continue;
        };
        if is_hidden_tag(element.name()) || boilerplate.contains(&node.id()) {
            skipping = Some(node.id());
            continue;
        }
        let counts = stats.get(node.id());
        if counts.paragraph == 0 || counts.paragraph != counts.text || counts.text < 25 {
            continue;
        }
        let name = element.name();
        let own_paragraph = is_paragraph(name) || (matches!(name, "div" | "section") && !counts.has_block_child);
        if !own_paragraph {
            continue;
        }
        let score = 1.0 + counts.commas as f64 + (counts.text as f64 / 100.0).min(3.0);
        for (level, ancestor) in node.ancestors().take(3).enumerate() {
            if !ancestor.value().is_element() {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => 3.0 * level as f64,
            };
            *raw.entry(ancestor.id()).or_insert(0.0) += score / divider;
        }
        // A text-only div is its own best container too.
        if name != "p" && name != "td" {
            *raw.entry(node.id()).or_insert(0.0) += score;
        }
    }
    raw.into_iter()
        .filter_map(|(id, score)| {
            let node = root.tree().get(id)?;
            let element = node.value().as_element()?;
            let base = tag_weight(element.name()) + hint_weight(&hint_tokens(element));
            Some((id, (score + base) * (1.0 - stats.get(id).link_density())))
        })
        .collect()
}

fn tag_weight(name: &str) -> f64 {
    match name {
        "article" => 10.0,
        "div" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// The nodes to render: the best-scored container plus siblings that score nearly as well
/// (articles split into several blocks); the body (or document) when nothing scored.
fn article_roots<'a>(
    root: NodeRef<'a, Node>,
    stats: &Stats,
    scores: &HashMap<NodeId, f64>,
    boilerplate: &HashSet<NodeId>,
) -> Vec<NodeRef<'a, Node>> {
    let best = scores
        .iter()
        .filter(|(_, score)| score.is_finite())
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .and_then(|(id, score)| Some((root.tree().get(*id)?, *score)));
    let Some((top, top_score)) = best else {
        return vec![first_element(root, "body").unwrap_or(root)];
    };
    let Some(parent) = top.parent() else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    parent
        .children()
        .filter(|sibling| {
            if sibling.id() == top.id() {
                return true;
            }
            let Some(element) = sibling.value().as_element() else {
                return false;
            };
            if boilerplate.contains(&sibling.id()) || is_hidden_tag(element.name()) {
                return false;
            }
            if scores.get(&sibling.id()).is_some_and(|score| *score >= threshold) {
                return true;
            }
            let counts = stats.get(sibling.id());
            element.name() == "p" && counts.text > 80 && counts.link_density() < 0.25
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Rendering

/// Collects paragraphs of text from subtrees, collapsing inline whitespace.
#[derive(Default)]
struct Renderer<'s> {
    /// When set, these subtrees are dropped (page mode).
    boilerplate: Option<&'s HashSet<NodeId>>,
    /// When set, link-heavy blocks are dropped (page mode).
    stats: Option<&'s Stats>,
    paragraphs: Vec<String>,
    current: String,
}

impl Renderer<'_> {
    fn render(&mut self, root: NodeRef<'_, Node>) {
        let mut skipping: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => self.current.push_str(text),
                        Node::Element(element) => {
                            if self.drops(node.id(), element) {
                                skipping = Some(node.id());
                                // A dropped inline element still separates words.
                                self.current.push(' ');
                            } else if is_block(element.name()) {
                                self.flush();
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(skipped) = skipping {
                        if skipped == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    if matches!(node.value(), Node::Element(e) if is_block(e.name())) {
                        self.flush();
                    }
                }
            }
        }
        self.flush();
    }

    fn drops(&self, id: NodeId, element: &Element) -> bool {
        let name = element.name();
        if is_hidden_tag(name) {
            return true;
        }
        if self.boilerplate.is_some_and(|set| set.contains(&id)) {
            return true;
        }
        let Some(stats) = self.stats else {
            return false;
        };
        let counts = stats.get(id);
        let limit = match name {
            "ul" | "ol" | "div" | "section" | "table" | "dl" => 0.5,
            "p" | "li" => 0.8,
            _ => return false,
        };
        counts.text > 0 && counts.link_density() > limit
    }

    fn flush(&mut self) {
        let paragraph = collapse_whitespace(&self.current);
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph);
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.flush();
        self.paragraphs.join("\n\n")
    }
}

/// Runs of whitespace (including no-break spaces) become one space; ends are trimmed.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The collapsed text of an element (for titles).
fn element_text(node: NodeRef<'_, Node>) -> String {
    let mut text = String::new();
    for descendant in node.descendants() {
        if let Node::Text(t) = descendant.value() {
            text.push_str(t);
        }
    }
    collapse_whitespace(&text)
}

/// First element named `name` in the subtree (including the root itself).
fn first_element<'a>(root: NodeRef<'a, Node>, name: &str) -> Option<NodeRef<'a, Node>> {
    root.descendants().find(|node| node.value().as_element().is_some_and(|e| e.name() == name))
}

// ---------------------------------------------------------------------------------------
// Metadata

/// What the page says about itself: meta tags, canonical link, <title>, JSON-LD, microdata.
#[derive(Default)]
struct Metadata {
    /// meta property/name/itemprop (lowercase) → first content.
    meta: HashMap<String, String>,
    canonical: Option<String>,
    title: Option<String>,
    json_ld: Vec<serde_json::Value>,
    /// First element (not meta) with itemprop=datePublished: its datetime/content or text.
    microdata_published: Option<String>,
}

/// Meta names that carry the publication date, in order of authority.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "date",
    "pubdate",
    "publish-date",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "datepublished",
];

impl Metadata {
    fn collect(root: NodeRef<'_, Node>) -> Metadata {
        let mut meta = Metadata::default();
        for node in root.descendants() {
            let Node::Element(element) = node.value() else {
                continue;
            };
            match element.name() {
                "meta" => {
                    let key =
                        element.attr("property").or_else(|| element.attr("name")).or_else(|| element.attr("itemprop"));
                    if let (Some(key), Some(content)) = (key, element.attr("content")) {
                        let content = collapse_whitespace(content);
                        if !content.is_empty() {
                            meta.meta.entry(key.trim().to_ascii_lowercase()).or_insert(content);
                        }
                    }
                }
                "link" => {
                    let canonical = element
                        .attr("rel")
                        .is_some_and(|rel| rel.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")));
                    if canonical && meta.canonical.is_none() {
                        meta.canonical =
                            element.attr("href").map(str::trim).filter(|h| !h.is_empty()).map(String::from);
                    }
                }
                "title" if meta.title.is_none() => {
                    meta.title = Some(element_text(node)).filter(|t| !t.is_empty());
                }
                "script" => {
                    let is_ld =
                        element.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if is_ld {
                        let mut source = String::new();
                        for child in node.children() {
                            if let Node::Text(t) = child.value() {
                                source.push_str(t);
                            }
                        }
                        if let Ok(value) = serde_json::from_str(source.trim()) {
                            meta.json_ld.push(value);
                        }
                    }
                }
                _ => {}
            }
            if meta.microdata_published.is_none()
                && element.name() != "meta"
                && element.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
            {
                meta.microdata_published = element
                    .attr("datetime")
                    .or_else(|| element.attr("content"))
                    .map(String::from)
                    .or_else(|| Some(element_text(node)));
            }
        }
        meta
    }

    fn get(&self, key: &str) -> Option<String> {
        self.meta.get(key).cloned()
    }

    /// Meta tags, microdata, `<time datetime>` in the article, then JSON-LD.
    fn published(&self, article: Option<NodeRef<'_, Node>>) -> Option<String> {
        DATE_META
            .iter()
            .filter_map(|key| self.meta.get(*key))
            .chain(self.microdata_published.iter())
            .find_map(|raw| normalize_date(raw))
            .or_else(|| {
                article?
                    .descendants()
                    .filter_map(|n| n.value().as_element().filter(|e| e.name() == "time")?.attr("datetime"))
                    .find_map(normalize_date)
            })
            .or_else(|| self.json_ld_objects().find_map(|o| o.get("datePublished")?.as_str().and_then(normalize_date)))
    }

    /// JSON-LD publisher name (string, or object with "name").
    fn json_ld_publisher(&self) -> Option<String> {
        self.json_ld_objects().find_map(|object| {
            let publisher = object.get("publisher")?;
            let publisher = match publisher {
                serde_json::Value::Array(items) => items.first()?,
                other => other,
            };
            let name = match publisher {
                serde_json::Value::String(name) => name.as_str(),
                other => other.get("name")?.as_str()?,
            };
            Some(collapse_whitespace(name)).filter(|n| !n.is_empty())
        })
    }

    /// Top-level JSON-LD objects, arrays flattened and `@graph` members included, article
    /// types (NewsArticle, Article, BlogPosting, ReportageNewsArticle...) first.
    fn json_ld_objects(&self) -> impl Iterator<Item = &serde_json::Map<String, serde_json::Value>> {
        let mut objects = Vec::new();
        let mut pending: Vec<&serde_json::Value> = self.json_ld.iter().rev().collect();
        // Bounded: serde_json limits nesting to 128 levels, and we only descend through
        // arrays and @graph.
        while let Some(value) = pending.pop() {
            match value {
                serde_json::Value::Array(items) => pending.extend(items.iter().rev()),
                serde_json::Value::Object(object) => {
                    objects.push(object);
                    if let Some(graph) = object.get("@graph") {
                        pending.push(graph);
                    }
                }
                _ => {}
            }
        }
        let is_article = |object: &serde_json::Map<String, serde_json::Value>| {
            let types: Vec<&str> = match object.get("@type") {
                Some(serde_json::Value::String(t)) => vec![t.as_str()],
                Some(serde_json::Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str()).collect(),
                _ => Vec::new(),
            };
            types.iter().any(|t| t.contains("Article") || t.contains("Posting") || t.contains("Report"))
        };
        let (articles, others): (Vec<_>, Vec<_>) = objects.into_iter().partition(|o| is_article(o));
        articles.into_iter().chain(others)
    }
}

/// "Headline | Site" → "Headline" when the suffix is the site's name.
fn strip_site_suffix(title: String, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title;
    };
    for separator in [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if tail.trim().eq_ignore_ascii_case(site) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_paragraphs_and_inline_whitespace() {
        let text = fragment_to_text("<p>one  <b>two</b>\n three</p><p>four<br>five</p><script>x()</script>");
        assert_eq!(text, "one two three\n\nfour\n\nfive");
    }

    #[test]
    fn title_suffix_is_stripped_only_when_it_is_the_site() {
        assert_eq!(strip_site_suffix("خبر | الموقع".into(), Some("الموقع")), "خبر");
        assert_eq!(strip_site_suffix("Paris - Lyon".into(), Some("Le Site")), "Paris - Lyon");
        assert_eq!(strip_site_suffix("Paris - Lyon".into(), None), "Paris - Lyon");
    }

    #[test]
    fn page_without_paragraphs_falls_back_to_body() {
        let extracted = extract_article("<html><body>just some words</body></html>").unwrap_or_default();
        assert_eq!(extracted.text, "just some words");
    }

    #[test]
    fn hostile_nesting_is_refused_quickly() {
        let html = "<div>".repeat(100_000) + "text";
        assert_eq!(extract_article(&html), None);
        assert_eq!(fragment_to_text(&html), "");
    }

    #[test]
    fn ordinary_nesting_is_parsed_without_recursion() {
        let html = "<div>".repeat(2_000) + "<p>deep text</p>";
        assert_eq!(extract_article(&html).map(|e| e.text).as_deref(), Some("deep text"));
    }
}
