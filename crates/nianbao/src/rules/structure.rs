//! Structure: the six sections and three tables the template requires.

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::{Report, SectionKey, TableKind};

/// Reports missing sections and tables; text with neither is not a report.
pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let tables = [
        (TableKind::Active, report.tables.active.is_some()),
        (TableKind::Requests, report.tables.requests.is_some()),
        (TableKind::Appeals, report.tables.appeals.is_some()),
    ];
    let sections = report.sections.iter().flatten().count();
    if sections < 2 && tables.iter().all(|(_, found)| !found) {
        out.push(Diagnostic::new(
            codes::NOT_A_REPORT,
            "未识别出政府信息公开工作年度报告的章节或统计表，这段文字可能不是年度报告",
        ));
        return;
    }
    for key in SectionKey::ALL {
        if report.sections[key.index()].is_none() {
            out.push(Diagnostic::new(
                codes::SECTION_MISSING,
                format!("未找到「{}」部分", key.heading()),
            ));
        }
    }
    for (kind, found) in tables {
        if !found {
            out.push(Diagnostic::new(
                codes::TABLE_MISSING,
                format!("未找到{}", kind.name()),
            ));
        }
    }
}
