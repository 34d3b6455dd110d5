//! A Word document's body as text: `word/document.xml` read from the zip
//! in one streaming pass. Each paragraph is a line; each table row is a
//! line with its cells separated by tabs, a cell merged across columns
//! (`w:gridSpan`) given once and a cell merged down from the row above
//! (`w:vMerge` without `restart`) left out, as an HTML table's colspan and
//! rowspan are read. A nested table's text stays in its cell; text boxes
//! are read where they are anchored (their `mc:Fallback` copy is skipped).
//! Headers, footers, footnotes and comments live in other parts and are
//! not read.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::{Error, Extracted, Place};

/// The body part every Word document has.
const BODY: &str = "word/document.xml";
/// Most bytes the body may inflate to: a zip bomb stops here.
const MAX_BODY: u64 = 64 << 20;
/// Deepest nesting of tables kept apart; deeper ones join their cell's text.
const MAX_TABLES: usize = 32;

/// Whether a zip archive holds a Word document's body.
pub fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .is_ok_and(|zip| zip.index_for_name(BODY).is_some())
}

/// Reads the body of a .docx.
pub fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    let corrupt = |e: &dyn std::fmt::Display| Error::Corrupt(format!("DOCX: {e}"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| corrupt(&e))?;
    let file = zip.by_name(BODY).map_err(|e| corrupt(&e))?;
    if file.encrypted() {
        return Err(Error::Password);
    }
    let mut xml = Vec::new();
    file.take(MAX_BODY + 1)
        .read_to_end(&mut xml)
        .map_err(|e| corrupt(&e))?;
    if xml.len() as u64 > MAX_BODY {
        return Err(corrupt(&format!("{BODY} 解压后超过 {} MB", MAX_BODY >> 20)));
    }
    let xml = String::from_utf8(xml).map_err(|e| corrupt(&e))?;
    let mut body = Body::default();
    body.parse(&xml).map_err(|e| corrupt(&e))?;
    if body.out.text.trim().is_empty() {
        return Err(corrupt(&"正文没有文字"));
    }
    Ok(body.out)
}

/// A table being read: its number, the row being read and its cells.
#[derive(Default)]
struct Table {
    number: u32,
    rows: u32,
    cells: Vec<String>,
    /// The cell being read, and whether it continues a vertical merge.
    cell: String,
    merged: bool,
}

#[derive(Default)]
struct Body {
    out: Extracted,
    tables: Vec<Table>,
    /// Tables nested deeper than `MAX_TABLES`, read as text.
    too_deep: usize,
    /// Open paragraphs: a text box's paragraphs open inside another.
    paragraphs: Vec<String>,
    paragraph_count: u32,
    table_count: u32,
    /// Inside a `w:t`, and how deep inside skipped elements.
    in_text: bool,
    skipping: usize,
}

impl Body {
    fn parse(&mut self, xml: &str) -> Result<(), quick_xml::Error> {
        let mut reader = Reader::from_str(xml);
        // Lenient as Word is: an end tag that does not match is taken as it is.
        reader.config_mut().check_end_names = false;
        loop {
            match reader.read_event()? {
                Event::Start(e) => {
                    if self.skipping > 0 || skipped(&e) {
                        self.skipping += 1;
                    } else {
                        self.start(&e);
                    }
                }
                Event::Empty(e) if self.skipping == 0 && !skipped(&e) => {
                    self.start(&e);
                    self.end(e.name().as_ref());
                }
                Event::End(e) => {
                    if self.skipping > 0 {
                        self.skipping -= 1;
                    } else {
                        self.end(e.name().as_ref());
                    }
                }
                Event::Text(t) if self.in_text && self.skipping == 0 => {
                    self.push(&t.xml10_content());
                }
                Event::CData(t) if self.in_text && self.skipping == 0 => {
                    self.push(&t);
                }
                Event::GeneralRef(r) if self.in_text && self.skipping == 0 => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match r.as_ref() {
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "amp" => Some('&'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    if let Some(c) = c {
                        self.push(c.encode_utf8(&mut [0; 4]));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // An unclosed paragraph or row at the end of a truncated body.
        while !self.paragraphs.is_empty() {
            self.end("w:p");
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart) {
        match e.name().as_ref() {
            "w:p" => self.paragraphs.push(String::new()),
            "w:t" => self.in_text = true,
            "w:tab" => self.push("\t"),
            "w:br" | "w:cr" => self.push(" "),
            "w:tbl" => {
                self.table_count += 1;
                if self.tables.len() < MAX_TABLES {
                    self.tables.push(Table {
                        number: self.table_count,
                        ..Table::default()
                    });
                } else {
                    self.too_deep += 1;
                }
            }
            "w:tr" if self.too_deep == 0 => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows += 1;
                    t.cells.clear();
                }
            }
            "w:tc" if self.too_deep == 0 => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell.clear();
                    t.merged = false;
                }
            }
            "w:vMerge" if self.too_deep == 0 => {
                let restart = e
                    .try_get_attribute("w:val")
                    .ok()
                    .flatten()
                    .is_some_and(|a| a.value == "restart");
                if let Some(t) = self.tables.last_mut() {
                    t.merged = !restart;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "w:t" => self.in_text = false,
            "w:p" => {
                let Some(text) = self.paragraphs.pop() else {
                    return;
                };
                let text = text.trim();
                if let Some(outer) = self.paragraphs.last_mut() {
                    // A text box's paragraph inside a table cell or a
                    // paragraph: a line of its own before the one it is in,
                    // unless in a table.
                    if !self.tables.is_empty() {
                        outer.push(' ');
                        outer.push_str(text);
                        return;
                    }
                }
                if let Some(t) = self.tables.last_mut() {
                    if !t.cell.is_empty() && !text.is_empty() {
                        t.cell.push(' ');
                    }
                    t.cell.push_str(text);
                } else if !text.is_empty() {
                    self.paragraph_count += 1;
                    let place = Place::Paragraph {
                        paragraph: self.paragraph_count,
                    };
                    self.out.push_line(text, place);
                    self.out.units += 1;
                }
            }
            "w:tc" if self.too_deep == 0 => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut t.cell);
                    if !t.merged {
                        t.cells.push(cell.replace('\t', " "));
                    }
                }
            }
            "w:tr" if self.too_deep == 0 => {
                let n = self.tables.len();
                let Some(t) = self.tables.last_mut() else {
                    return;
                };
                let row = t.cells.join("\t");
                t.cells.clear();
                let place = Place::TableRow {
                    table: t.number,
                    row: t.rows,
                };
                if row.trim().is_empty() {
                    return;
                }
                if n > 1 {
                    // A nested table's rows stay in the outer table's cell.
                    let outer = &mut self.tables[n - 2];
                    if !outer.cell.is_empty() {
                        outer.cell.push(' ');
                    }
                    outer.cell.push_str(&row.replace('\t', " "));
                } else {
                    self.out.push_line(&row, place);
                    self.out.units += 1;
                }
            }
            "w:tbl" => {
                if self.too_deep > 0 {
                    self.too_deep -= 1;
                } else {
                    self.tables.pop();
                }
            }
            _ => {}
        }
    }

    /// Adds text to the open paragraph.
    fn push(&mut self, text: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.extend(text.chars().map(|c| match c {
                '\t' => '\t',
                c if c.is_control() => ' ',
                c => c,
            }));
        }
    }
}

/// Elements whose content is not read: the fallback copy of a drawing (the
/// same text box again), deleted text, field instructions, and paragraph
/// properties (whose `w:tabs` hold tab stops, not tabs).
fn skipped(e: &BytesStart) -> bool {
    matches!(
        e.name().as_ref(),
        "mc:Fallback" | "w:del" | "w:instrText" | "w:delInstrText" | "w:pPr"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A .docx holding `body` as the content of `w:body`.
    pub(crate) fn docx(body: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(b"<Types/>").unwrap();
        zip.start_file(BODY, options).unwrap();
        write!(
            zip,
            r#"<?xml version="1.0"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        zip.finish().unwrap().into_inner()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"840\"/></w:tabs></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
    }

    #[test]
    fn paragraphs_and_merged_table_cells() {
        let body = format!(
            "{}<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>{}",
            p("一、总体情况 &amp; 说明"),
            tc(r#"<w:vMerge w:val="restart"/>"#, "三、本年度办理结果"),
            tc(r#"<w:gridSpan w:val="2"/>"#, "（一）予以公开"),
            tc("", "85"),
            tc("<w:vMerge/>", ""),
            tc("", "（二）部分公开"),
            tc("", "0"),
            p("五、存在的主要问题"),
        )
        .replace("<w:tc><w:tcPr></w:tcPr><w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"840\"/></w:tabs></w:pPr><w:r><w:t>0</w:t>", "<w:tc><w:tcPr></w:tcPr><w:p><w:r><w:t>0</w:t></w:r></w:p><w:p><w:r><w:t>0</w:t>");
        let doc = read(&docx(&body)).unwrap();
        assert_eq!(
            doc.text,
            "一、总体情况 & 说明\n三、本年度办理结果\t（一）予以公开\t85\n（二）部分公开\t0 0\n五、存在的主要问题\n"
        );
        assert_eq!(
            doc.places,
            [
                Place::Paragraph { paragraph: 1 },
                Place::TableRow { table: 1, row: 1 },
                Place::TableRow { table: 1, row: 2 },
                Place::Paragraph { paragraph: 2 },
            ]
        );
        assert_eq!(crate::sniff(&docx(&body)), Some(crate::Kind::Docx));
    }

    #[test]
    fn text_boxes_once_and_nested_tables_in_their_cell() {
        let text_box = |t: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(t));
        let body = format!(
            "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice>{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent></w:r></w:p>\
             <w:tbl><w:tr>{}<w:tc><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc></w:tr></w:tbl>\
             <w:p><w:r><w:t>旧</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>",
            text_box("文本框"),
            text_box("文本框"),
            tc("", "外"),
            tc("", "内1"),
            tc("", "内2"),
        );
        let doc = read(&docx(&body)).unwrap();
        assert_eq!(doc.text, "文本框\n正文\n外\t内1 内2\n旧\n");
    }

    #[test]
    fn what_is_not_a_word_body_says_so() {
        assert!(matches!(read(b"PK\x03\x04garbage"), Err(Error::Corrupt(_))));
        assert!(matches!(read(&docx("")), Err(Error::Corrupt(_))));
        // Unbalanced and truncated XML still gives what was read.
        let doc = read(&docx("<w:p><w:r><w:t>半截")).unwrap();
        assert_eq!(doc.text, "半截\n");
    }
}
