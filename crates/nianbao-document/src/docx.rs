//! A Word document's body as text.

use crate::{Error, Extracted};

pub fn is_docx(_bytes: &[u8]) -> bool {
    false
}

pub fn read(_bytes: &[u8]) -> Result<Extracted, Error> {
    Err(Error::NotWord)
}
