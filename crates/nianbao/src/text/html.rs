//! HTML to text, for saved portal pages and fragments copied from them.
//!
//! A streaming pass, linear in the input and indifferent to nesting depth:
//! tags go, each table row becomes a line with its cells separated by tabs,
//! block elements become line breaks, entities are decoded, and the content
//! of `script`, `style` and similar elements is skipped. Every character
//! produced is reported with the input range it stands for.

/// Whether `text` looks like HTML rather than plain text.
pub(crate) fn looks_like_html(text: &str) -> bool {
    // The text after any byte order marks and blanks (a byte at a time: a
    // hostile input may be fifty megabytes of blank).
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b' ' | b'\t' | b'\r' | b'\n' => at += 1,
            0xEF if bytes[at..].starts_with("\u{FEFF}".as_bytes()) => at += 3,
            _ => break,
        }
    }
    let head = &text[at..];
    // Plain text never opens with a tag; a fragment copied from a page does.
    let mut chars = head.chars();
    if chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!')
    {
        return true;
    }
    let mut tags = 0;
    for (i, _) in text.match_indices('<') {
        let rest = &bytes[i + 1..];
        let opens =
            |tag: &[u8]| rest.len() >= tag.len() && rest[..tag.len()].eq_ignore_ascii_case(tag);
        if opens(b"table") || opens(b"tr") || opens(b"td") {
            tags += 1;
            if tags >= 3 {
                return true;
            }
        }
    }
    false
}

/// Elements whose content is not text of the page.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "object", "iframe",
];

/// Elements that break a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "header",
    "footer",
    "title",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "caption",
    "body",
    "html",
    "head",
    "form",
    "nav",
    "main",
    "aside",
];

/// Decodes `html`, calling `emit(char, start, end)` for each text character.
pub(crate) fn decode(html: &str, mut emit: impl FnMut(char, usize, usize)) {
    let bytes = html.as_bytes();
    let mut i = 0;
    // Whether we are inside a cell, and whether the row has had a cell yet.
    let mut in_cell = false;
    let mut row_has_cell = false;
    // Inside <pre> and <textarea> line breaks are kept.
    let mut preformatted = false;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let Some(tag) = parse_tag(html, i) else {
                    emit('<', i, i + 1);
                    i += 1;
                    continue;
                };
                let end = tag.end;
                match tag.name.as_str() {
                    "td" | "th" if !tag.closing => {
                        if row_has_cell {
                            emit('\t', i, end);
                        }
                        row_has_cell = true;
                        in_cell = true;
                    }
                    "td" | "th" => in_cell = false,
                    "pre" | "textarea" => {
                        preformatted = !tag.closing;
                        emit('\n', i, end);
                    }
                    "tr" | "table" => {
                        emit('\n', i, end);
                        in_cell = false;
                        row_has_cell = false;
                    }
                    name if BLOCKS.contains(&name) => {
                        emit(if in_cell { ' ' } else { '\n' }, i, end)
                    }
                    name if SKIPPED.contains(&name) && !tag.closing && !tag.self_closing => {
                        i = skip_element(html, end, name);
                        continue;
                    }
                    _ => {}
                }
                i = end;
            }
            b'&' => {
                let (c, end) = entity(html, i);
                emit(c, i, end);
                i = end;
            }
            _ => {
                let c = html[i..].chars().next().unwrap_or(' ');
                let len = c.len_utf8();
                let c = if !preformatted && matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                };
                emit(c, i, i + len);
                i += len;
            }
        }
    }
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    end: usize,
}

/// Parses the tag, comment or declaration starting at `start` (a `<`).
fn parse_tag(html: &str, start: usize) -> Option<Tag> {
    let bytes = html.as_bytes();
    let rest = &bytes[start..];
    if rest.starts_with(b"<!--") {
        let end = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
        return Some(Tag {
            name: String::new(),
            closing: false,
            self_closing: true,
            end,
        });
    }
    let mut j = start + 1;
    let closing = bytes.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    let first = *bytes.get(j)?;
    if !(first.is_ascii_alphabetic() || first == b'!' || first == b'?') {
        return None;
    }
    let name_start = j;
    while j < bytes.len()
        && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'!' || bytes[j] == b'?')
    {
        j += 1;
    }
    let name = html[name_start..j].to_ascii_lowercase();
    // Find the closing `>`, skipping quoted attribute values.
    let mut quote = None;
    while j < bytes.len() {
        match (quote, bytes[j]) {
            (None, b'"' | b'\'') => quote = Some(bytes[j]),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => break,
            _ => {}
        }
        j += 1;
    }
    let end = (j + 1).min(bytes.len());
    let self_closing = j > 0 && bytes.get(j - 1) == Some(&b'/');
    Some(Tag {
        name,
        closing,
        self_closing,
        end,
    })
}

/// The offset after the end tag of element `name`, searched from `from`.
fn skip_element(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let needle = format!("</{name}");
    let mut i = from;
    while let Some(at) = find(bytes, i, b"</") {
        if bytes.len() >= at + needle.len()
            && bytes[at..at + needle.len()].eq_ignore_ascii_case(needle.as_bytes())
        {
            return find(bytes, at, b">").map_or(bytes.len(), |e| e + 1);
        }
        i = at + 2;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= bytes.len() {
        return None;
    }
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Decodes the entity at `start` (a `&`): the character and the offset after it.
/// Anything that is not a known entity stands for itself.
fn entity(html: &str, start: usize) -> (char, usize) {
    let bytes = html.as_bytes();
    let limit = bytes.len().min(start + 12);
    let Some(semi) = (start + 1..limit).find(|&k| bytes[k] == b';') else {
        return ('&', start + 1);
    };
    let body = &html[start + 1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        // Unpaired surrogates and out-of-range codes become U+FFFD.
        code.map(|n| char::from_u32(n).unwrap_or('\u{FFFD}'))
    } else {
        named_entity(body)
    };
    match c {
        Some(c) => (c, semi + 1),
        None => ('&', start + 1),
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "times" => '×',
        "yen" => '¥',
        "shy" => '\u{AD}',
        "zwsp" => '\u{200B}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        let mut s = String::new();
        decode(html, |c, _, _| s.push(c));
        s
    }

    #[test]
    fn rows_become_lines_and_cells_tabs() {
        let html = "<table><tr><td rowspan=2>规章</td><td colspan='2'>1&nbsp;</td><td><p>2</p></td></tr></table>";
        assert_eq!(text(html), "\n\n规章\t1 \t 2 \n\n");
    }

    #[test]
    fn skips_scripts_and_decodes_entities() {
        assert_eq!(
            text("a<script>x<y</script>b&#x603B;&#35745;&bogus;&#xD800;"),
            "ab总计&bogus;\u{FFFD}"
        );
        assert_eq!(text("<!-- <td> -->x < y"), "x < y");
    }

    #[test]
    fn keeps_line_breaks_in_pre() {
        assert_eq!(text("<p>a\nb</p><pre>c\nd</pre>"), "\na b\n\nc\nd\n");
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><p>x"));
        assert!(looks_like_html("\n <p>总计</p>"));
        assert!(looks_like_html("text <table><tr><td>1</td></tr></table>"));
        assert!(!looks_like_html("规章 | 0 | 0 | <img src=x>"));
    }
}
