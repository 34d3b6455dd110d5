//! Across two reports of one agency (`X` codes): this year's report against
//! last year's, when both are given (`nianbao check --previous LAST THIS`).

pub mod carry_over;
pub mod in_force;
pub mod unchanged_report;
