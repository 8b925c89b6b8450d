//! A [`Report`] written out as one self-contained HTML page (right to left for Arabic, inline
//! SVG, no script, no network) or as Markdown (figures as SVG data URIs). Both are pure
//! functions of the report: the same report gives the same bytes.

use std::fmt::Write as _;

use std::collections::HashMap;

use marsad_indicators::EventId;

use crate::doc::{numbers_in, ranges, Block, Kind, Link, Report, Sentence};

/// A report's note numbers by event, built once per rendering.
struct Ctx {
    notes: HashMap<EventId, usize>,
}

/// The page's style: print-friendly, readable on a phone.
const STYLE: &str = "body{font-family:system-ui,'Noto Sans','Noto Sans Arabic',sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#fff}\
main{max-width:52rem;margin:0 auto;padding:1rem}\
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin-top:1.8rem;border-bottom:1px solid #ccc}\
.meta{color:#444}.arrow{font-size:1.1rem;font-weight:600;padding:.5rem;border-inline-start:4px solid #888}\
.arrow.up{border-color:#b2182b}.arrow.down{border-color:#2166ac}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;text-align:start;vertical-align:top}\
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#333}\
sup.cite{font-size:.7rem}sup.cite a{text-decoration:none}.absence{color:#555}\
ol.notes{font-size:.85rem;padding-inline-start:2.5rem}ol.notes li{margin:.2rem 0}\
@media print{a{color:inherit}}";

/// Escape text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link target only when it is an http(s) URL (never `javascript:` or a relative path).
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    (web && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(url)
}

/// The report as one HTML page.
pub fn html(report: &Report) -> String {
    let ctx = Ctx { notes: report.note_index() };
    let lang = report.lang;
    let mut out = String::with_capacity(64 * 1024);
    let dir = if lang.rtl() { "rtl" } else { "ltr" };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        lang.code(),
        escape_html(&report.title),
        escape_html(&report.title)
    );
    out.push_str("<p class=\"meta\">");
    out.push_str(&html_sentences(&ctx, &report.header));
    out.push_str("</p>\n");
    for block in &report.blocks {
        html_block(&ctx, block, &mut out);
    }
    let _ = writeln!(out, "<h2 id=\"notes\">{}</h2>\n<ol class=\"notes\">", escape_html(&report.notes_heading));
    for note in &report.notes {
        let _ = write!(out, "<li id=\"n{0}\" value=\"{0}\">{1}", note.number, escape_html(&note.text));
        for link in &note.links {
            out.push(' ');
            out.push_str(&html_link(link));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</main>\n</body>\n</html>\n");
    out
}

fn html_link(link: &Link) -> String {
    match link.url.as_deref().and_then(safe_url) {
        Some(url) => format!("<a href=\"{}\">{}</a>", escape_html(url), escape_html(&link.outlet)),
        None => format!("<span>{}</span>", escape_html(&link.outlet)),
    }
}

fn html_block(ctx: &Ctx, block: &Block, out: &mut String) {
    match block {
        Block::Heading(text) => {
            let _ = writeln!(out, "<h2>{}</h2>", escape_html(text));
        }
        Block::Paragraph(sentences) => {
            let _ = writeln!(out, "<p>{}</p>", html_sentences(ctx, sentences));
        }
        Block::Arrow { direction, rationale } => {
            let _ = writeln!(out, "<p class=\"arrow {direction}\">{}</p>", html_sentence(ctx, rationale));
        }
        Block::Items(sentences) => {
            out.push_str("<ul>\n");
            for s in sentences {
                let _ = writeln!(out, "<li>{}</li>", html_sentence(ctx, s));
            }
            out.push_str("</ul>\n");
        }
        Block::Table { head, rows } => {
            out.push_str("<table>\n<thead><tr>");
            for cell in head {
                let _ = write!(out, "<th>{}</th>", escape_html(cell));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let tag = if i == 0 { "th" } else { "td" };
                    let _ = write!(out, "<{tag}>{}</{tag}>", html_sentence(ctx, cell));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Figure { id, svg, caption } => {
            let _ = writeln!(
                out,
                "<figure id=\"fig-{id}\">\n{svg}\n<figcaption>{}</figcaption>\n</figure>",
                html_sentence(ctx, caption)
            );
        }
    }
}

fn html_sentences(ctx: &Ctx, sentences: &[Sentence]) -> String {
    sentences.iter().map(|s| html_sentence(ctx, s)).collect::<Vec<_>>().join(" ")
}

fn html_sentence(ctx: &Ctx, sentence: &Sentence) -> String {
    let text = escape_html(&sentence.text);
    match sentence.kind {
        Kind::Meta => text,
        Kind::Absence => format!("<span class=\"absence\">{text}</span>"),
        Kind::Claim => {
            let numbers = numbers_in(&ctx.notes, sentence);
            let cites: Vec<String> = ranges(&numbers)
                .into_iter()
                .map(|(a, b)| {
                    if a == b {
                        format!("<a href=\"#n{a}\">{a}</a>")
                    } else {
                        format!("<a href=\"#n{a}\">{a}</a>–<a href=\"#n{b}\">{b}</a>")
                    }
                })
                .collect();
            format!("<span class=\"claim\">{text}<sup class=\"cite\">[{}]</sup></span>", cites.join(", "))
        }
    }
}

/// Escape Markdown's inline syntax.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// The report as Markdown: figures as `data:` URIs, notes as a list.
pub fn markdown(report: &Report) -> String {
    let ctx = Ctx { notes: report.note_index() };
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(out, "# {}\n", escape_markdown(&report.title));
    let _ = writeln!(out, "{}\n", md_sentences(&ctx, &report.header));
    for block in &report.blocks {
        md_block(&ctx, block, &mut out);
    }
    let _ = writeln!(out, "## {}\n", escape_markdown(&report.notes_heading));
    for note in &report.notes {
        let _ = write!(out, "- <a id=\"n{0}\"></a>\\[{0}\\] {1}", note.number, escape_markdown(&note.text));
        for link in &note.links {
            match link.url.as_deref().and_then(safe_url) {
                Some(url) => {
                    let _ = write!(out, " [{}]({})", escape_markdown(&link.outlet), md_url(url));
                }
                None => {
                    let _ = write!(out, " {}", escape_markdown(&link.outlet));
                }
            }
        }
        out.push('\n');
    }
    out
}

/// A URL as a Markdown link target: parentheses and spaces percent-encoded.
fn md_url(url: &str) -> String {
    url.replace('(', "%28").replace(')', "%29").replace(' ', "%20")
}

fn md_block(ctx: &Ctx, block: &Block, out: &mut String) {
    match block {
        Block::Heading(text) => {
            let _ = writeln!(out, "## {}\n", escape_markdown(text));
        }
        Block::Paragraph(sentences) => {
            let _ = writeln!(out, "{}\n", md_sentences(ctx, sentences));
        }
        Block::Arrow { rationale, .. } => {
            let _ = writeln!(out, "**{}**\n", md_sentence(ctx, rationale));
        }
        Block::Items(sentences) => {
            for s in sentences {
                let _ = writeln!(out, "- {}", md_sentence(ctx, s));
            }
            out.push('\n');
        }
        Block::Table { head, rows } => {
            let cells: Vec<String> = head.iter().map(|c| escape_markdown(c)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
            let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| md_sentence(ctx, c)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
            out.push('\n');
        }
        Block::Figure { id, svg, caption } => {
            let _ = writeln!(out, "![{id}](data:image/svg+xml,{})\n", percent_encode(svg));
            let _ = writeln!(out, "*{}*\n", md_sentence(ctx, caption));
        }
    }
}

fn md_sentences(ctx: &Ctx, sentences: &[Sentence]) -> String {
    sentences.iter().map(|s| md_sentence(ctx, s)).collect::<Vec<_>>().join(" ")
}

fn md_sentence(ctx: &Ctx, sentence: &Sentence) -> String {
    let text = escape_markdown(&sentence.text);
    if sentence.kind != Kind::Claim {
        return text;
    }
    let numbers = numbers_in(&ctx.notes, sentence);
    let cites: Vec<String> =
        ranges(&numbers).into_iter().map(|(a, b)| if a == b { format!("{a}") } else { format!("{a}–{b}") }).collect();
    format!("{text} \\[{}\\]", cites.join(", "))
}

/// Percent-encode everything but unreserved characters (for an SVG `data:` URI).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b' ' | b'=' | b':' | b'/' | b',')
        {
            if byte == b' ' {
                out.push_str("%20");
            } else {
                out.push(byte as char);
            }
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_linked() {
        assert_eq!(safe_url("https://example.org/a"), Some("https://example.org/a"));
        assert_eq!(safe_url("HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://exa mple.org"), None);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_html("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(escape_markdown("a|b [c]*"), "a\\|b \\[c\\]\\*");
    }
}
