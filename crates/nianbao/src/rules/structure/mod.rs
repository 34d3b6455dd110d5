//! Structure (`S` codes): the six sections and three tables of the
//! template, their order, wording and format.

pub mod balance_note_missing;
pub mod heading_wording;
pub mod section_missing;
pub mod section_order;
pub mod table_as_text;
pub mod table_missing;
pub mod wrong_template;
