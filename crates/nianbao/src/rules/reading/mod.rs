//! Notes on how the text was read (`R` codes). The reader emits them while
//! reading; these files document them, and `not_a_report` decides whether
//! the text is a report at all.

pub mod digits_split;
pub mod duplicate_paste;
pub mod not_a_report;
pub mod row_not_found;
pub mod row_shape;
pub mod tables_unreadable;
pub mod unit_in_cell;
pub mod unplaced_number;
pub mod yuan_retired;
