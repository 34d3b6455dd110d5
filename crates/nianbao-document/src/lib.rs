//! Reads the text of a report published as a .pdf or .docx: bytes in, the
//! text the nianbao core reads out (one line a text line or table row, the
//! cells of a row separated by tabs), with where each line came from, so a
//! finding can say on which page and line, or in which paragraph or table
//! cell, it is. No IO: the caller hands over the bytes.

mod docx;
mod error;
mod layout;
mod pdf;

pub use error::Error;

/// What kind of file some bytes are, by their first bytes (magic numbers),
/// whatever the file is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `%PDF`.
    Pdf,
    /// A zip archive holding `word/document.xml`.
    Docx,
    /// A zip archive that is not a Word document (a spreadsheet, a
    /// presentation, an .odt, or any other archive).
    OtherZip,
    /// An OLE compound file (`D0 CF 11 E0`): a .doc, .wps, .et or .xls from
    /// the older binary formats.
    Legacy,
}

/// The kind of document `bytes` hold, or `None` for anything else (text).
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    // A PDF may have a little junk before its header; readers accept it
    // within the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(Kind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(if docx::is_docx(bytes) {
            Kind::Docx
        } else {
            Kind::OtherZip
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Kind::Legacy);
    }
    None
}

/// Where a line of the extracted text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A line of a PDF page, both counted from 1; the line is the page's
    /// line as read, top to bottom, page headers and footers left out.
    Pdf {
        /// The page.
        page: u32,
        /// The line on the page.
        line: u32,
    },
    /// A paragraph of a Word document's body outside tables, counted from 1.
    Paragraph {
        /// The paragraph.
        paragraph: u32,
    },
    /// A row of a table of a Word document, all counted from 1: the table
    /// among the body's tables (nested ones included, in document order) and
    /// the row in it.
    TableRow {
        /// The table.
        table: u32,
        /// The row.
        row: u32,
    },
}

impl Place {
    /// The numbers that say where the place is, named as the JSON output
    /// names them: `page` and `page_line`, `paragraph`, or `table` and
    /// `table_row`. The CLI and the page add these to a finding.
    pub fn fields(&self) -> Vec<(&'static str, u32)> {
        match *self {
            Place::Pdf { page, line } => vec![("page", page), ("page_line", line)],
            Place::Paragraph { paragraph } => vec![("paragraph", paragraph)],
            Place::TableRow { table, row } => vec![("table", table), ("table_row", row)],
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Place::Pdf { page, line } => write!(f, "第{page}页第{line}行"),
            Place::Paragraph { paragraph } => write!(f, "第{paragraph}段"),
            Place::TableRow { table, row } => write!(f, "第{table}个表格第{row}行"),
        }
    }
}

/// The text of a document and where each of its lines came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The text: lines ended by `\n`, the cells of a table row by `\t`.
    pub text: String,
    /// The place of each line of `text`, in order: `places[i]` is where
    /// line `i + 1` came from.
    pub places: Vec<Place>,
    /// How many pages (PDF) or paragraphs and table rows (DOCX) were read.
    pub units: u32,
}

impl Extracted {
    /// Where the 1-based line `line` of the text came from.
    pub fn place(&self, line: usize) -> Option<Place> {
        self.places.get(line.checked_sub(1)?).copied()
    }

    /// Adds one line of text from `place`.
    fn push_line(&mut self, line: &str, place: Place) {
        self.text.push_str(line);
        self.text.push('\n');
        self.places.push(place);
    }
}

/// Extensions of documents, whose files are never read as text.
pub const EXTENSIONS: &[&str] = &["pdf", "docx", "doc", "wps", "et"];

/// Reads a file that is a document by its bytes, or is named as one by its
/// `extension` (without the dot, any case): its text, or why it cannot be
/// read (a file named `.pdf` that holds something else is said to be
/// damaged or renamed); `None` for anything else, which is text. The CLI
/// and the page both open files through this.
pub fn open(bytes: &[u8], extension: Option<&str>) -> Option<Result<Extracted, Error>> {
    if sniff(bytes).is_none() {
        let extension = extension?.to_ascii_lowercase();
        if !EXTENSIONS.contains(&extension.as_str()) {
            return None;
        }
        return Some(Err(if bytes.is_empty() {
            Error::Empty(extension)
        } else {
            Error::Renamed(extension)
        }));
    }
    Some(read(bytes))
}

/// Reads a document: the text of a PDF or a .docx, or why it cannot be read.
pub fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    match sniff(bytes) {
        Some(Kind::Pdf) => pdf::read(bytes),
        Some(Kind::Docx) => docx::read(bytes),
        Some(Kind::OtherZip) => Err(Error::NotWord),
        Some(Kind::Legacy) => Err(Error::Legacy),
        None => Err(Error::NotDocument),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_magic_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(Kind::Pdf));
        assert_eq!(sniff(b"\xEF\xBB\xBF junk %PDF-1.4"), Some(Kind::Pdf));
        assert_eq!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Some(Kind::Legacy)
        );
        assert_eq!(sniff(b"PK\x03\x04 not really"), Some(Kind::OtherZip));
        assert_eq!(sniff("总计 98".as_bytes()), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn files_named_as_documents_are_documents() {
        assert!(open("总计 98".as_bytes(), None).is_none());
        assert!(open(b"<html>", Some("htm")).is_none());
        let legacy = open(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], None);
        assert!(matches!(legacy, Some(Err(Error::Legacy))));
        let renamed = open(b"<html>", Some("PDF"));
        assert!(matches!(&renamed, Some(Err(Error::Renamed(e))) if e == "pdf"));
        let why = renamed.unwrap().unwrap_err().to_string();
        assert!(why.contains("扩展名为 .pdf"), "{why}");
        assert!(matches!(
            open(b"", Some("docx")),
            Some(Err(Error::Empty(_)))
        ));
    }

    #[test]
    fn places_name_their_numbers() {
        let fields = Place::Pdf { page: 3, line: 12 }.fields();
        assert_eq!(fields, [("page", 3), ("page_line", 12)]);
        let fields = Place::TableRow { table: 2, row: 5 }.fields();
        assert_eq!(fields, [("table", 2), ("table_row", 5)]);
        assert_eq!(
            Place::Paragraph { paragraph: 7 }.fields(),
            [("paragraph", 7)]
        );
    }

    #[test]
    fn places_are_found_by_line() {
        let mut e = Extracted::default();
        e.push_line("a", Place::Pdf { page: 2, line: 7 });
        assert_eq!(e.place(1), Some(Place::Pdf { page: 2, line: 7 }));
        assert_eq!(e.place(0), None);
        assert_eq!(e.place(2), None);
        assert_eq!(
            e.place(1).map(|p| p.to_string()).as_deref(),
            Some("第2页第7行")
        );
    }
}
