//! HTML to text, for saved portal pages and fragments copied from them.
//!
//! A streaming pass, linear in the input and indifferent to nesting depth,
//! that reads markup by the rules of the HTML5 tokenizer (WHATWG HTML,
//! §13.2.5) and keeps the little of tree construction that decides what
//! text a browser shows: tags go, each table row becomes a line with its
//! cells separated by tabs, block elements become line breaks, runs of
//! white space collapse as a browser renders them, entities are decoded,
//! and the content of `script`, `style` and similar elements is skipped.
//! Every character produced is reported with the input range it stands for.
//!
//! As in a browser, a quoted attribute value runs to the next matching
//! quote wherever it is, and the tag goes on after it; a tag, comment or
//! attribute value that the input ends inside takes the rest of the input
//! with it; a `<td>`, `<tr>` or `</table>` outside any table is ignored.
//! Left out: the script-data escape states (`<!--` inside `<script>`), the
//! foster-parenting of text misplaced in a table (it stays where it is),
//! and the named character references beyond Latin-1's (all of which, as
//! in a browser, are also read without their `;`) and a few common ones.
//! How the tests below tokenize (attribute values, comments, end tags,
//! raw text, references, cells outside a table) was checked against
//! Chromium's `--dump-dom`.

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
    for i in memchr::memchr_iter(b'<', bytes) {
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

/// Elements whose content is raw text a browser does not show.
const RAW_HIDDEN: &[&[u8]] = &[
    b"script",
    b"style",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// Elements whose content is read as markup but is not text of the page.
const HIDDEN: &[&[u8]] = &[b"template", b"svg", b"object"];

/// Elements that break a line (in a table cell, they leave a space);
/// tables, `pre` and the elements of text (`title`, `textarea`…) are read
/// apart.
const BLOCKS: &[&[u8]] = &[
    b"p",
    b"div",
    b"br",
    b"li",
    b"ul",
    b"ol",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"tbody",
    b"thead",
    b"tfoot",
    b"section",
    b"article",
    b"header",
    b"footer",
    b"blockquote",
    b"hr",
    b"dd",
    b"dt",
    b"dl",
    b"caption",
    b"body",
    b"html",
    b"head",
    b"form",
    b"nav",
    b"main",
    b"aside",
];

/// A tag's name, lowercased; a name longer than any named here is kept empty.
#[derive(Clone, Copy)]
struct Name {
    bytes: [u8; 12],
    len: usize,
}

impl Name {
    fn new(raw: &[u8]) -> Name {
        let mut bytes = [0; 12];
        if raw.len() > bytes.len() {
            return Name { bytes, len: 0 };
        }
        for (b, r) in bytes.iter_mut().zip(raw) {
            *b = r.to_ascii_lowercase();
        }
        Name {
            bytes,
            len: raw.len(),
        }
    }

    fn get(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    fn is_in(&self, list: &[&[u8]]) -> bool {
        self.len > 0 && list.contains(&self.get())
    }
}

/// A start or end tag, and the offset after its `>`.
struct Tag {
    name: Name,
    closing: bool,
    end: usize,
}

/// The state of one open table: whether a cell of data is open (in which
/// block elements leave a space, keeping the row on one line), and whether
/// the current row has had a cell yet.
#[derive(Default)]
struct Table {
    in_cell: bool,
    row_has_cell: bool,
}

/// How far a cell is looked into to tell data from a page laid out in it.
const CELL_LOOKAHEAD: usize = 4096;

/// Whether the cell whose content starts at `from` holds data (a label, a
/// number, a few paragraphs of them) rather than a page laid out in a
/// table (a report's text, its own tables): whether it ends, at the start
/// or end of a cell, row or table, within [`CELL_LOOKAHEAD`] bytes, with
/// no table or heading opened in it. A page's cell is then read as a
/// browser shows it, its paragraphs on lines of their own.
fn is_data_cell(bytes: &[u8], from: usize) -> bool {
    let window = &bytes[from.min(bytes.len())..bytes.len().min(from + CELL_LOOKAHEAD)];
    let mut at = 0;
    while let Some(lt) = window[at..].iter().position(|&b| b == b'<') {
        let tag = &window[at + lt + 1..];
        let is = |name: &[u8]| {
            tag.len() > name.len()
                && tag[..name.len()].eq_ignore_ascii_case(name)
                && (is_space(tag[name.len()]) || matches!(tag[name.len()], b'>' | b'/'))
        };
        // The names looked for start with `t`, `h` or `/`; a cell's own
        // end, the commonest, is looked for first (a tag is one name).
        let first = tag.first().map(u8::to_ascii_lowercase);
        if matches!(first, Some(b't' | b'h' | b'/')) {
            if [&b"/td"[..], b"/th", b"/tr", b"/table", b"td", b"th", b"tr"]
                .iter()
                .any(|n| is(n))
            {
                return true;
            }
            if is(b"table")
                || [b"h1", b"h2", b"h3", b"h4", b"h5", b"h6"]
                    .iter()
                    .any(|h| is(*h))
            {
                return false;
            }
        }
        at += lt + 1;
    }
    // The input ends in the cell, or the cell is longer than data is.
    window.len() < CELL_LOOKAHEAD
}

/// The text as a browser lays it out: white space collapsed to one space
/// within a line and dropped at the start and end of lines and cells.
struct Out<S> {
    emit: S,
    /// Nothing, or a line break, was emitted last.
    line_start: bool,
    /// Nothing, a line break or a tab was emitted last.
    boundary: bool,
    /// White space seen since the last character, kept until a character follows.
    space: Option<(usize, usize)>,
}

/// Where the text of a page goes: each character with the input range it
/// stands for, or a run of the input's characters, each standing for
/// itself, at once.
pub(crate) trait Sink {
    fn char(&mut self, c: char, start: usize, end: usize);

    /// `text`, found at `start` of the input, as its characters one by one.
    fn str(&mut self, text: &str, start: usize);
}

impl<S: Sink> Out<S> {
    fn char(&mut self, c: char, start: usize, end: usize) {
        if let Some((s, e)) = self.space.take() {
            self.emit.char(' ', s, e);
        }
        self.emit.char(c, start, end);
        self.line_start = c == '\n';
        self.boundary = matches!(c, '\n' | '\t');
    }

    /// The characters of `text`, found at `start`, as [`Self::char`] would
    /// take them one by one.
    fn str(&mut self, text: &str, start: usize) {
        let Some(last) = text.chars().next_back() else {
            return;
        };
        if let Some((s, e)) = self.space.take() {
            self.emit.char(' ', s, e);
        }
        self.emit.str(text, start);
        self.line_start = last == '\n';
        self.boundary = matches!(last, '\n' | '\t');
    }

    fn space(&mut self, start: usize, end: usize) {
        if !self.boundary && self.space.is_none() {
            self.space = Some((start, end));
        }
    }

    fn line_break(&mut self, start: usize, end: usize) {
        self.space = None;
        if !self.line_start {
            self.char('\n', start, end);
        }
    }

    /// A block element's line break: none right after a tab, where a
    /// page's cell opens with a paragraph.
    fn block_break(&mut self, start: usize, end: usize) {
        if !self.boundary {
            self.line_break(start, end);
        }
    }

    fn tab(&mut self, start: usize, end: usize) {
        self.space = None;
        self.char('\t', start, end);
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

/// Decodes `html`, handing its text to `emit`.
pub(crate) fn decode(html: &str, emit: impl Sink) {
    let bytes = html.as_bytes();
    let mut out = Out {
        emit,
        line_start: true,
        boundary: true,
        space: None,
    };
    let mut tables: Vec<Table> = Vec::new();
    // Inside <pre> and <listing> line breaks and spaces are kept.
    let mut preformatted = false;
    // Inside a HIDDEN element: its name and how many of it are open.
    let mut hidden: Option<(Name, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let Some(markup) = markup_at(bytes, i) else {
                    if hidden.is_none() {
                        out.char('<', i, i + 1);
                    }
                    i += 1;
                    continue;
                };
                let tag = match markup {
                    Markup::Skip(end) => {
                        i = end;
                        continue;
                    }
                    Markup::Text(end) => {
                        if hidden.is_none() {
                            text(html, i, end, preformatted, &mut out);
                        }
                        i = end;
                        continue;
                    }
                    Markup::Tag(tag) => tag,
                };
                let (start, end, name) = (i, tag.end, tag.name);
                i = end;
                if !tag.closing && name.is_in(RAW_HIDDEN) {
                    i = raw_text_end(bytes, end, name.get()).1;
                    continue;
                }
                if let Some((open, depth)) = &mut hidden {
                    if open.get() == name.get() {
                        if tag.closing {
                            *depth -= 1;
                        } else {
                            *depth += 1;
                        }
                        if *depth == 0 {
                            hidden = None;
                        }
                    }
                    continue;
                }
                match (name.get(), tag.closing) {
                    (b"table", false) => {
                        out.line_break(start, end);
                        tables.push(Table::default());
                    }
                    (b"table", true) => {
                        // A </table> with no table open is ignored.
                        let closed = tables.pop().is_some();
                        if closed {
                            out.line_break(start, end);
                        }
                    }
                    (b"tr", false) => {
                        if let Some(t) = tables.last_mut() {
                            *t = Table::default();
                            out.line_break(start, end);
                        }
                    }
                    (b"td" | b"th", false) => {
                        if let Some(t) = tables.last_mut() {
                            if t.row_has_cell {
                                out.tab(start, end);
                            }
                            t.row_has_cell = true;
                            t.in_cell = is_data_cell(bytes, end);
                        }
                    }
                    (b"tr" | b"td" | b"th", true) => {
                        if let Some(t) = tables.last_mut() {
                            t.in_cell = false;
                        }
                    }
                    (b"pre" | b"listing", closing) => {
                        preformatted = !closing;
                        out.line_break(start, end);
                        if !closing {
                            i = after_first_newline(bytes, end);
                        }
                    }
                    (b"title" | b"textarea" | b"xmp" | b"plaintext", false) => {
                        // Their content is text up to their end tag (to the
                        // end of the input for <plaintext>), with entities
                        // decoded in <title> and <textarea> only.
                        out.line_break(start, end);
                        let (content_end, after) = if name.get() == b"plaintext" {
                            (bytes.len(), bytes.len())
                        } else {
                            raw_text_end(bytes, end, name.get())
                        };
                        let keeps = name.get() == b"textarea";
                        let entities = !matches!(name.get(), b"xmp" | b"plaintext");
                        let from = if keeps {
                            after_first_newline(bytes, end).min(content_end)
                        } else {
                            end
                        };
                        raw(html, from, content_end, keeps, entities, &mut out);
                        if after > content_end {
                            out.line_break(content_end, after);
                        }
                        i = after;
                    }
                    _ if !tag.closing && name.is_in(HIDDEN) => hidden = Some((name, 1)),
                    _ if name.is_in(BLOCKS) => {
                        if tables.last().is_some_and(|t| t.in_cell) {
                            out.space(start, end);
                        } else {
                            out.block_break(start, end);
                        }
                    }
                    _ => {}
                }
            }
            _ if hidden.is_some() => {
                i = find(bytes, i, b"<").unwrap_or(bytes.len());
            }
            _ => {
                let end = find(bytes, i, b"<").unwrap_or(bytes.len());
                text(html, i, end, preformatted, &mut out);
                i = end;
            }
        }
    }
}

/// `at`, or the offset after a line break there: a browser drops the one
/// that follows `<pre>`, `<listing>` or `<textarea>`.
fn after_first_newline(bytes: &[u8], at: usize) -> usize {
    match &bytes[at.min(bytes.len())..] {
        [b'\r', b'\n', ..] => at + 2,
        [b'\n' | b'\r', ..] => at + 1,
        _ => at,
    }
}

/// Emits the text `html[from..to]`, entities decoded.
fn text<S: Sink>(html: &str, from: usize, to: usize, preformatted: bool, out: &mut Out<S>) {
    raw(html, from, to, preformatted, true, out);
}

/// Emits `html[from..to]` as text, white space kept when `keep_spaces`,
/// entities decoded when `entities`.
fn raw<S: Sink>(
    html: &str,
    from: usize,
    to: usize,
    keep_spaces: bool,
    entities: bool,
    out: &mut Out<S>,
) {
    let bytes = html.as_bytes();
    let mut i = from;
    while i < to {
        // A run of characters that stand for themselves, handed on at once.
        let plain = |b: u8| !(entities && b == b'&') && (keep_spaces || !is_space(b));
        let run = bytes[i..to]
            .iter()
            .position(|&b| !plain(b))
            .map_or(to, |n| i + n);
        if run > i {
            out.str(&html[i..run], i);
            i = run;
            continue;
        }
        let (c, end) = if entities && bytes[i] == b'&' {
            let (c, end) = entity(html, i, to);
            (c, end)
        } else {
            let c = html[i..].chars().next().unwrap_or(' ');
            (c, i + c.len_utf8())
        };
        if !keep_spaces && c.is_ascii() && is_space(c as u8) {
            out.space(i, end);
        } else {
            out.char(c, i, end);
        }
        i = end;
    }
}

/// What a `<` opens.
enum Markup {
    /// A start or end tag.
    Tag(Tag),
    /// A comment, doctype, processing instruction or empty end tag: nothing
    /// to show, up to this offset.
    Skip(usize),
    /// Text that a tag could not be read from, up to this offset (`</` at
    /// the end of the input).
    Text(usize),
}

/// Reads the markup at `start` (a `<`), or `None` when the `<` is text.
fn markup_at(bytes: &[u8], start: usize) -> Option<Markup> {
    let next = |k: usize| bytes.get(start + k).copied();
    let to_gt = |from: usize| find(bytes, from, b">").map_or(bytes.len(), |e| e + 1);
    let all = bytes.len();
    Some(match next(1)? {
        b'!' if bytes[start..].starts_with(b"<!--") => Markup::Skip(comment_end(bytes, start + 4)),
        // A doctype, CDATA section or bogus comment: to the next `>`.
        b'!' | b'?' => Markup::Skip(to_gt(start + 2)),
        b'/' => match next(2) {
            Some(b) if b.is_ascii_alphabetic() => {
                Markup::Tag(read_tag(bytes, start + 2, true).unwrap_or(Tag {
                    name: Name::new(b""),
                    closing: true,
                    end: all,
                }))
            }
            Some(b'>') => Markup::Skip(start + 3),
            None => Markup::Text(all),
            Some(_) => Markup::Skip(to_gt(start + 2)),
        },
        b if b.is_ascii_alphabetic() => Markup::Tag(read_tag(bytes, start + 1, false).unwrap_or(
            // The input ends inside the tag: the tag and the rest are lost.
            Tag {
                name: Name::new(b""),
                closing: false,
                end: all,
            },
        )),
        _ => return None,
    })
}

/// Reads a tag whose name starts at `at`, by the tokenizer's tag states,
/// or `None` when the input ends inside it.
fn read_tag(bytes: &[u8], at: usize, closing: bool) -> Option<Tag> {
    #[derive(Clone, Copy)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        Unquoted,
        AfterQuoted,
        SelfClosing,
    }
    let mut j = at;
    while j < bytes.len() && !is_space(bytes[j]) && !matches!(bytes[j], b'/' | b'>') {
        j += 1;
    }
    let name = Name::new(&bytes[at..j]);
    let tag = |end| Some(Tag { name, closing, end });
    let mut state = State::BeforeName;
    loop {
        let b = *bytes.get(j)?;
        j += 1;
        state = match (state, b) {
            // A quoted value runs to the next matching quote, wherever it is.
            (State::Quoted(q), b) if b == q => State::AfterQuoted,
            (State::Quoted(q), _) => State::Quoted(q),
            (_, b'>') => return tag(j),
            (State::SelfClosing, _) => {
                // Not `/>`: the `/` was nothing, read the byte again.
                j -= 1;
                State::BeforeName
            }
            (State::BeforeName | State::AfterQuoted, b) if is_space(b) => State::BeforeName,
            (State::Unquoted, b) if is_space(b) => State::BeforeName,
            (State::Name | State::AfterName, b) if is_space(b) => State::AfterName,
            (State::BeforeValue, b) if is_space(b) => State::BeforeValue,
            (State::BeforeName | State::Name | State::AfterName | State::AfterQuoted, b'/') => {
                State::SelfClosing
            }
            (State::Name | State::AfterName, b'=') => State::BeforeValue,
            (State::BeforeValue, b'"' | b'\'') => State::Quoted(b),
            (State::BeforeValue | State::Unquoted, _) => State::Unquoted,
            (State::BeforeName | State::Name | State::AfterName | State::AfterQuoted, _) => {
                State::Name
            }
        };
    }
}

/// The offset after a comment whose text starts at `from` (after `<!--`):
/// after `-->` or `--!>`, at once for `<!-->` and `<!--->`, or the end.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = &bytes[from.min(bytes.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut i = from;
    while let Some(at) = find(bytes, i, b"--") {
        match &bytes[at + 2..] {
            [b'>', ..] => return at + 3,
            [b'!', b'>', ..] => return at + 4,
            _ => i = at + 1,
        }
    }
    bytes.len()
}

/// Where the raw text of element `name` starting at `from` ends: at its
/// end tag (`</name` then a space, `/` or `>`), and the offset after that
/// tag; the end of the input for both when there is none.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let mut i = from;
    while let Some(at) = find(bytes, i, b"</") {
        let tail = &bytes[at + 2..];
        let ends = tail.len() >= name.len()
            && tail[..name.len()].eq_ignore_ascii_case(name)
            && tail
                .get(name.len())
                .is_some_and(|&b| is_space(b) || matches!(b, b'/' | b'>'));
        if ends {
            let after = read_tag(bytes, at + 2, true).map_or(bytes.len(), |t| t.end);
            return (at, after);
        }
        i = at + 2;
    }
    (bytes.len(), bytes.len())
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= bytes.len() {
        return None;
    }
    if let [b] = needle {
        return bytes[from..].iter().position(|c| c == b).map(|p| p + from);
    }
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Decodes the character reference at `start` (a `&`) in `html[..to]`: the
/// character and the offset after it. A `&` that starts no reference
/// stands for itself.
fn entity(html: &str, start: usize, to: usize) -> (char, usize) {
    let bytes = &html.as_bytes()[..to];
    let literal = ('&', start + 1);
    if bytes.get(start + 1) == Some(&b'#') {
        let hex = matches!(bytes.get(start + 2), Some(b'x' | b'X'));
        let digits = start + 2 + usize::from(hex);
        let radix = if hex { 16 } else { 10 };
        let mut end = digits;
        let mut code: u32 = 0;
        while let Some(d) = bytes.get(end).and_then(|&b| (b as char).to_digit(radix)) {
            code = code.saturating_mul(radix).saturating_add(d);
            end += 1;
        }
        if end == digits {
            return literal;
        }
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        return (numeric_char(code), end);
    }
    // The longest name is shorter than this.
    let run = bytes[start + 1..]
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &html[start + 1..start + 1 + run];
    if bytes.get(start + 1 + run) == Some(&b';') {
        if let Some(c) = named_entity(name) {
            return (c, start + run + 2);
        }
    }
    // The references a browser also knows without their `;`: the longest
    // that begins the name.
    (1..=name.len().min(6))
        .rev()
        .find_map(|n| Some((legacy(&name[..n])?, start + 1 + n)))
        .unwrap_or(literal)
}

/// The names of U+00A0 to U+00FF, in order: with `&amp;`, `&lt;`, `&gt;`
/// and `&quot;` (and four of them in capitals), the references a browser
/// reads without their `;`.
const LATIN_1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// A reference a browser reads without its `;`.
fn legacy(name: &str) -> Option<char> {
    match name {
        "AMP" => Some('&'),
        "LT" => Some('<'),
        "GT" => Some('>'),
        "QUOT" => Some('"'),
        "COPY" => Some('©'),
        "REG" => Some('®'),
        "amp" | "lt" | "gt" | "quot" => named_entity(name),
        _ => LATIN_1
            .iter()
            .position(|&n| n == name)
            .and_then(|i| char::from_u32(0xA0 + i as u32)),
    }
}

/// The character of a numeric reference, as the tokenizer maps it: zero,
/// surrogates and codes beyond Unicode become U+FFFD, and 0x80 to 0x9F are
/// read as windows-1252.
fn numeric_char(code: u32) -> char {
    const C1: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = match code {
        0 => 0xFFFD,
        0x80..=0x9F => u32::from(C1[(code - 0x80) as usize]),
        c => c,
    };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

/// The character of a named reference written with its `;`: the Latin-1
/// names and the common others.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
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
        "bull" => '•',
        "permil" => '‰',
        "ZeroWidthSpace" => '\u{200B}',
        _ => return legacy(name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        let mut s = String::new();
        decode(html, &mut s);
        s
    }

    /// Each character with its input range, runs taken apart.
    impl Sink for &mut Vec<(char, usize, usize)> {
        fn char(&mut self, c: char, start: usize, end: usize) {
            self.push((c, start, end));
        }

        fn str(&mut self, text: &str, start: usize) {
            for (k, c) in text.char_indices() {
                self.push((c, start + k, start + k + c.len_utf8()));
            }
        }
    }

    #[test]
    fn rows_become_lines_and_cells_tabs() {
        let html = "<table>\n<tr><td rowspan=2>规章</td><td colspan='2'>1&nbsp;</td><td><p>2</p></td></tr>\n<tr>\n<td>\n</td> <td>3</td></tr></table>";
        assert_eq!(text(html), "规章\t1\u{A0}\t2\n\t3\n");
    }

    #[test]
    fn skips_scripts_and_decodes_entities() {
        assert_eq!(
            text("a<script>x<y</script>b&#x603B;&#35745;&bogus;&#xD800;&#0;&#150;"),
            "ab总计&bogus;\u{FFFD}\u{FFFD}\u{2013}"
        );
        // Without their `;`: numbers, and the names browsers know so.
        // (Chromium reads this line to the same text.)
        assert_eq!(
            text("&#24635&#x8BA1 1&nbsp2 &amp &notanentity &bogus &"),
            "总计 1\u{A0}2 & ¬anentity &bogus &"
        );
        assert_eq!(text("&AMP;&eacute;&frac12x&Eacute&yuml;"), "&é½xÉÿ");
        assert_eq!(text("<!-- <td> -->x < y<!---->z<!-->w"), "x < yzw");
        // A script's text ends only at its own end tag.
        assert_eq!(text("<script>\"</td>\"</scriptx></SCRIPT >a"), "a");
        assert_eq!(text("<style>p{}</style\n>b<svg><svg></svg>c</svg>d"), "bd");
    }

    #[test]
    fn collapses_white_space_and_keeps_it_in_pre() {
        assert_eq!(
            text("<p>a\n  b</p>\n\n<p> c </p><pre>c\nd  e</pre>"),
            "a b\nc\nc\nd  e\n"
        );
        // The line break right after <pre> or <textarea> is not text.
        assert_eq!(
            text("<pre>\r\n\nx\n</pre><textarea>\ny</textarea>"),
            "\nx\ny\n"
        );
    }

    #[test]
    fn a_quote_left_open_runs_to_the_next_quote_as_in_a_browser() {
        // The value of class runs from `"x` to the quote in the next tag;
        // `y` is then an attribute and the <td> ends at that tag's `>`.
        let html = "<td class=\"x>lost</td><p class=\"y\">kept</p><table><tr><td>规章</td><td>1</td></tr></table>";
        assert_eq!(text(html), "kept\n规章\t1\n");
        // An unquoted value may hold quotes; a quote in a name is a name.
        assert_eq!(text("<p title=a\"b>one</p><p x\"=1>two"), "one\ntwo");
        // A tag the input ends inside is lost with the rest, as in a browser.
        assert_eq!(text("kept<td class=\"x>lost"), "kept");
        assert_eq!(text("a</"), "a</");
        assert_eq!(text("a</>b</ x>c<?php x ?>d<!doctype html>e"), "abcde");
    }

    #[test]
    fn table_tags_outside_a_table_are_ignored() {
        let html = "<td>x<h2>一、总体情况</h2><p>正文</p><table><tr><td>a</td><td>b</td></tr></table></td></table><p>二</p>";
        assert_eq!(text(html), "x\n一、总体情况\n正文\na\tb\n二\n");
        // A nested table's cells do not end the outer cell, which, holding
        // a table, is a page's: its paragraphs are lines.
        let nested = "<table><tr><td>a</td><td><table><tr><td>b</td></tr></table>c<p>d</td><td>e</td></tr></table>";
        assert_eq!(text(nested), "a\t\nb\nc\nd\te\n");
    }

    #[test]
    fn a_page_laid_out_in_a_table_keeps_its_lines() {
        // A portal's layout table: the report in one cell, its tables in it.
        let report = "<p>某局2023年报告</p><p>一、总体情况</p><table><tr><td><p>规章</p></td><td>1</td></tr></table><p>三、收到申请</p><p>正文</p>";
        let page = format!("<table><tr><td>导航</td><td class=c>{report}</td></tr></table>");
        assert_eq!(
            text(&page),
            "导航\t某局2023年报告\n一、总体情况\n规章\t1\n三、收到申请\n正文\n"
        );
        // A cell of data keeps its paragraphs on the row, however styled.
        let style = " style='font-size:10.5pt;font-family:宋体'".repeat(40);
        let row = format!(
            "<table><tr><td><p{style}>第二十条</p><p>第(一)项</p></td><td>2</td></tr></table>"
        );
        assert_eq!(text(&row), "第二十条 第(一)项\t2\n");
        // A long cell is a page's, whatever it holds.
        let long = format!(
            "<table><tr><td><p>a</p>{}<p>b</p></td></tr></table>",
            " ".repeat(5000)
        );
        assert_eq!(text(&long), "a\nb\n");
    }

    #[test]
    fn title_and_textarea_are_text() {
        assert_eq!(
            text("<title>报告&amp;<b></title><textarea>a\n b</textarea><xmp>&amp;</xmp>"),
            "报告&<b>\na\n b\n&amp;\n"
        );
        assert_eq!(text("<plaintext></plaintext>&amp;"), "</plaintext>&amp;");
    }

    #[test]
    fn spans_cover_the_input_in_order() {
        let html = "<td a=\"x>q\"><p>总&nbsp;计 </p>\n<table><tr><td>1</td> <td>2";
        let mut spans = Vec::new();
        decode(html, &mut spans);
        let mut at = 0;
        for &(c, s, e) in &spans {
            assert!(at <= s && s < e && e <= html.len(), "{c:?} {s}..{e}");
            at = e;
        }
        let shown: Vec<_> = spans.iter().map(|&(c, s, e)| (c, &html[s..e])).collect();
        assert_eq!(
            shown,
            [
                ('总', "总"),
                ('\u{A0}', "&nbsp;"),
                ('计', "计"),
                ('\n', "</p>"),
                ('1', "1"),
                ('\t', "<td>"),
                ('2', "2"),
            ]
        );
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><p>x"));
        assert!(looks_like_html("\n <p>总计</p>"));
        assert!(looks_like_html("text <table><tr><td>1</td></tr></table>"));
        assert!(!looks_like_html("规章 | 0 | 0 | <img src=x>"));
    }
}
