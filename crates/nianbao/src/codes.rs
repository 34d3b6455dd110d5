//! The registry of diagnostic codes: every code, its rule name, severity and
//! help, grouped by area. A code, once published, is never reused.
//!
//! Areas: `R` how the text was read, `T` table arithmetic, `V` values,
//! `S` structure.

use crate::diagnostic::Severity;

/// A diagnostic code and the fixed properties of its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// The stable code, e.g. `T003`.
    pub code: &'static str,
    /// The rule's name in kebab case, e.g. `requests-outcome-sum`.
    pub name: &'static str,
    /// The rule's severity.
    pub severity: Severity,
    /// One line saying what the rule checks, in Chinese.
    pub summary: &'static str,
    /// How to fix what it finds, in Chinese; empty for notes.
    pub help: &'static str,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $id:ident = $code:literal, $name:literal, $sev:ident, $summary:literal, $help:literal;)*) => {
        $($(#[$doc])* pub const $id: Code = Code {
            code: $code,
            name: $name,
            severity: Severity::$sev,
            summary: $summary,
            help: $help,
        };)*
        /// Every code, in registry order.
        pub const ALL: &[Code] = &[$($id),*];
    };
}

codes! {
    /// The same report was pasted more than once; only the first copy is read.
    DUPLICATE_PASTE = "R001", "duplicate-paste", Info,
        "报告正文重复出现，只读取第一份",
        "";
    /// A table row has fewer or more numbers than cells, so its reading is doubtful.
    ROW_SHAPE = "R002", "row-shape", Warning,
        "表格行的数字个数与单元格数不符，读取结果存疑",
        "请核对该行在原表中的数字，补齐空缺或删去多余的数字";
    /// A number inside a table region could not be placed in any cell.
    UNPLACED_NUMBER = "R003", "unplaced-number", Warning,
        "表格区域内有未能归入单元格的数字",
        "请确认该数字属于哪一个单元格，或将其移出表格";
    /// Digits of neighbouring cells ran together and were split using the table's arithmetic.
    DIGITS_SPLIT = "R004", "digits-split", Info,
        "相邻单元格的数字连在一起，已按表内勾稽关系唯一拆分",
        "";
    /// A cell held a number with a unit (`12件`); the number was read.
    UNIT_IN_CELL = "R005", "unit-in-cell", Info,
        "单元格内的数字带有单位，已按数字读取",
        "";
    /// An amount was given in 元 and converted to 万元.
    AMOUNT_IN_YUAN = "R006", "amount-in-yuan", Info,
        "金额以元为单位，已换算为万元",
        "";
    /// A row of a table was not found, so its cells are empty and doubtful.
    ROW_NOT_FOUND = "R007", "row-not-found", Warning,
        "未能在表格中找到该行",
        "请检查该行是否缺失，或其标签与数字是否被拆散";
    /// The text contains none of the report's tables or sections: it may not be an annual report.
    NOT_A_REPORT = "R008", "not-a-report", Warning,
        "未识别出年度报告的章节或表格",
        "请粘贴完整的政府信息公开工作年度报告正文";
    /// A number too large to be a count.
    NUMBER_TOO_LARGE = "V001", "number-too-large", Warning,
        "数字过大，无法作为数量读取",
        "请检查该单元格是否多打了数字，或几个单元格的数字连在了一起";
    /// One of the six sections of the template was not found.
    SECTION_MISSING = "S001", "section-missing", Warning,
        "缺少报告格式要求的章节",
        "年度报告应包含六个部分：总体情况、主动公开、依申请公开、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项";
    /// One of the three statistical tables was not found.
    TABLE_MISSING = "S002", "table-missing", Error,
        "缺少报告格式要求的统计表",
        "年度报告应包含主动公开、收到和处理政府信息公开申请、行政复议和行政诉讼三张统计表";
    /// In a column of table 三, 一 + 二 differs from (七)总计 + 四 (the 勾稽关系 of the table's note).
    REQUESTS_BALANCE = "T001", "requests-balance", Error,
        "第一项加第二项之和应等于第三项加第四项之和",
        "本年新收加上年结转，应等于本年办理结果总计加结转下年度继续办理，请核对这一列";
    /// In a row of table 三, 总计 differs from the sum of the six applicant columns.
    REQUESTS_ROW_TOTAL = "T002", "requests-row-total", Error,
        "总计列应等于各类申请人之和",
        "请核对该行各类申请人的数字与总计";
    /// In a column of table 三, (七)总计 differs from the sum of the outcome rows.
    REQUESTS_OUTCOME_SUM = "T003", "requests-outcome-sum", Error,
        "(七)总计应等于各项办理结果之和",
        "请核对(一)至(六)各项办理结果与(七)总计";
    /// In a group of table 四, 总计 differs from 维持 + 纠正 + 其他 + 尚未审结.
    APPEALS_GROUP_TOTAL = "T004", "appeals-group-total", Error,
        "总计应等于结果维持、结果纠正、其他结果、尚未审结之和",
        "请核对该组的各项结果与总计";
}

/// The code with this name, such as `T003`.
pub fn find(code: &str) -> Option<Code> {
    ALL.iter().copied().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for c in ALL {
            assert!(seen.insert(c.code), "{} used twice", c.code);
            assert_eq!(c.code.len(), 4);
            assert!(c
                .name
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '-'));
            assert!(!c.summary.is_empty());
            assert!(
                c.severity == Severity::Info || !c.help.is_empty(),
                "{} has no help",
                c.code
            );
        }
    }
}
