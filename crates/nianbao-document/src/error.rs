//! Why a document cannot be read, in words a clerk can act on.

/// Why a document gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A PDF whose pages have no text layer: a scan, or pages printed as
    /// images.
    Scanned,
    /// A PDF whose text cannot be turned into characters: its fonts have
    /// no map to Unicode that this reader knows.
    NoUnicode,
    /// A PDF that needs a password to be opened.
    Password,
    /// A .doc, .wps, .et (or other OLE) file of the older binary formats.
    Legacy,
    /// A zip archive that is not a Word document.
    NotWord,
    /// Bytes that are not a PDF, a .docx or an OLE file.
    NotDocument,
    /// An empty file named as a document (the extension, lowercased).
    Empty(String),
    /// A file named as a document (the extension, lowercased) that is none:
    /// damaged, or renamed.
    Renamed(String),
    /// A damaged or hostile file, and what was wrong.
    Corrupt(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Scanned => f.write_str(
                "这是扫描件：PDF 没有文字层，只有图像，需要先做文字识别（OCR），或改用原始的 Word/WPS 文件导出的 PDF",
            ),
            Error::NoUnicode => f.write_str(
                "PDF 的字体没有到 Unicode 的映射，文字无法还原；请用 Word/WPS 重新导出 PDF，或提供 .docx 文件",
            ),
            Error::Password => {
                f.write_str("PDF 设有打开密码，无法读取；请提供未加密的文件")
            }
            Error::Legacy => f.write_str(
                "这是旧版 Office/WPS 二进制文件（.doc、.wps、.et），无法直接读取；请另存为 .docx 或 PDF 后再检查",
            ),
            Error::NotWord => f.write_str(
                "这是压缩包或其他 Office 文件，不是 Word 文档（.docx）；请提供 .docx 或 PDF",
            ),
            Error::NotDocument => f.write_str("不是 PDF 或 Word（.docx）文件"),
            Error::Empty(extension) => write!(f, "文件为空（扩展名为 .{extension}）"),
            Error::Renamed(extension) => write!(
                f,
                "扩展名为 .{extension}，但内容不是 PDF 或 Word 文档，可能已损坏或被改了扩展名"
            ),
            Error::Corrupt(why) => write!(f, "文件已损坏，无法读取（{why}）"),
        }
    }
}

impl std::error::Error for Error {}
