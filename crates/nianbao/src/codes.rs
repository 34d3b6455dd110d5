//! The registry of diagnostic codes, the one declaration of each rule: its
//! code, name, severity, where it is found (`run` after reading by the
//! `check` of its file under `rules/`; `joint`, with the other relations of
//! its table by the first of them, T001, whose check locates the cells to
//! blame for all; or `read`, emitted by the reader),
//! summary and help. The list of rules that run and the rules' pages are
//! derived from it; a rule's fixtures are in
//! `tests/fixtures/rules/CODE/`. A code, once published, is never reused.
//!
//! Areas: `R` how the text was read, `T` table arithmetic, `V` values,
//! `S` structure, `N` narrative against the tables, `C` content,
//! `X` across two reports of one agency.

use crate::diagnostic::Severity;
use crate::rules::Check;

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
    /// Whether the rule is in use.
    pub status: Status,
}

/// Whether a code is in use. A retired code stays listed and is never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Checked and reported.
    Active,
    /// No longer reported; its meaning moved to the code named.
    Retired(&'static str),
}

macro_rules! codes {
    ($($(#[$doc:meta])* $id:ident = $code:literal, $name:literal, $sev:ident, $how:ident $area:ident::$file:ident, $summary:literal, $help:literal $(, retired for $to:literal)?;)*) => {
        $($(#[$doc])* pub const $id: Code = Code {
            code: $code,
            name: $name,
            severity: Severity::$sev,
            summary: $summary,
            help: $help,
            status: codes!(@status $($to)?),
        };)*
        /// Every code, in registry order.
        pub const ALL: &[Code] = &[$($id),*];
        /// The check of each code that a rule finds after reading (`run`),
        /// in registry order; the reader emits the others (`read`).
        pub(crate) const CHECKS: &[Option<Check>] = &[$(codes!(@check $how $area::$file)),*];
        /// The page of each code: the leading `//!` lines of its rule file,
        /// cut at compile time so that a build with the pages (the CLI's,
        /// the page's wasm) carries them and not the rules' code.
        #[cfg(feature = "docs")]
        pub(crate) const PAGES: &[&str] = &[$({
            const SOURCE: &str = include_str!(concat!("rules/", stringify!($area), "/", stringify!($file), ".rs"));
            const PAGE: [u8; crate::rules::docs::page_len(SOURCE)] = crate::rules::docs::head(SOURCE);
            match core::str::from_utf8(&PAGE) {
                Ok(page) => page,
                Err(_) => panic!("a rule's page ends inside a character"),
            }
        }),*];
    };
    (@status) => { Status::Active };
    (@status $to:literal) => { Status::Retired($to) };
    (@check run $area:ident::$file:ident) => { Some(crate::rules::$area::$file::check) };
    (@check read $area:ident::$file:ident) => { None };
    (@check joint $area:ident::$file:ident) => { None };
}

codes! {
    /// The same report was pasted more than once; only the first copy is read.
    DUPLICATE_PASTE = "R001", "duplicate-paste", Info, read reading::duplicate_paste,
        "报告正文重复出现，只读取第一份",
        "";
    /// A table row has fewer or more numbers than cells, so its reading is doubtful.
    ROW_SHAPE = "R002", "row-shape", Warning, read reading::row_shape,
        "表格行的数字个数与单元格数不符，读取结果存疑",
        "请核对该行在原表中的数字，补齐空缺或删去多余的数字";
    /// A number inside a table region could not be placed in any cell.
    UNPLACED_NUMBER = "R003", "unplaced-number", Warning, read reading::unplaced_number,
        "表格区域内有未能归入单元格的数字",
        "请确认该数字属于哪一个单元格，或将其移出表格";
    /// Digits of neighbouring cells ran together and were split using the table's arithmetic.
    DIGITS_SPLIT = "R004", "digits-split", Info, read reading::digits_split,
        "相邻单元格的数字连在一起，已按表内勾稽关系唯一拆分",
        "";
    /// A cell held a number with a unit (`12件`); the number was read.
    UNIT_IN_CELL = "R005", "unit-in-cell", Info, read reading::unit_in_cell,
        "单元格内的数字带有单位，已按数字读取",
        "";
    /// An amount was given in 元 and converted to 万元.
    AMOUNT_IN_YUAN = "R006", "amount-in-yuan", Info, read reading::yuan_retired,
        "金额以元为单位，已换算为万元",
        "", retired for "V004";
    /// A row of a table was not found, so its cells are empty and doubtful.
    ROW_NOT_FOUND = "R007", "row-not-found", Warning, read reading::row_not_found,
        "未能在表格中找到该行",
        "请检查该行是否缺失，或其标签与数字是否被拆散";
    /// The text contains none of the report's tables or sections: it may not be an annual report.
    NOT_A_REPORT = "R008", "not-a-report", Warning, read reading::not_a_report,
        "未识别出年度报告的章节或表格",
        "请粘贴完整的政府信息公开工作年度报告正文";
    /// Sections 二–四 have their headings but nothing the reader can read as a table (tables pasted as images).
    TABLES_UNREADABLE = "R009", "tables-unreadable", Warning, run reading::tables_unreadable,
        "章节标题下没有可读取的统计表",
        "原文中的统计表可能是图片或附件，文字中没有表格的数字；请对照原文核对这些表，或粘贴含表格文字的版本";
    /// A number too large to be a count.
    NUMBER_TOO_LARGE = "V001", "number-too-large", Warning, read value::number_too_large,
        "数字过大，无法作为数量读取",
        "请检查该单元格是否多打了数字，或几个单元格的数字连在了一起";
    /// One of the six sections of the template was not found.
    SECTION_MISSING = "S001", "section-missing", Warning, run structure::section_missing,
        "缺少报告格式要求的章节",
        "年度报告应包含六个部分：总体情况、主动公开、依申请公开、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项";
    /// One of the three statistical tables was not found.
    TABLE_MISSING = "S002", "table-missing", Error, run structure::table_missing,
        "缺少报告格式要求的统计表",
        "年度报告应包含主动公开、收到和处理政府信息公开申请、行政复议和行政诉讼三张统计表";
    /// In a column of table 三, 一 + 二 differs from (七)总计 + 四 (the 勾稽关系 of the table's note).
    REQUESTS_BALANCE = "T001", "requests-balance", Error, run table::requests_balance,
        "第一项加第二项之和应等于第三项加第四项之和",
        "本年新收加上年结转，应等于本年办理结果总计加结转下年度继续办理，请核对这一列";
    /// In a row of table 三, 总计 differs from the sum of the six applicant columns.
    REQUESTS_ROW_TOTAL = "T002", "requests-row-total", Error, joint table::requests_row_total,
        "总计列应等于各类申请人之和",
        "请核对该行各类申请人的数字与总计";
    /// In a column of table 三, (七)总计 differs from the sum of the outcome rows.
    REQUESTS_OUTCOME_SUM = "T003", "requests-outcome-sum", Error, joint table::requests_outcome_sum,
        "(七)总计应等于各项办理结果之和",
        "请核对(一)至(六)各项办理结果与(七)总计";
    /// In a group of table 四, 总计 differs from 维持 + 纠正 + 其他 + 尚未审结.
    APPEALS_GROUP_TOTAL = "T004", "appeals-group-total", Error, joint table::appeals_group_total,
        "总计应等于结果维持、结果纠正、其他结果、尚未审结之和",
        "请核对该组的各项结果与总计";
    /// A row or group whose numbers add up once moved by one cell.
    SHIFTED_CELLS = "T005", "shifted-cells", Warning, run table::shifted_cells,
        "数字看起来错位了一格",
        "请对照原表，把错位的数字移回各自的单元格";
    /// Digits run together break table 三's or 四's relations however split, and the readings that break the fewest differ.
    DIGITS_BREAK_RELATIONS = "T006", "digits-break-relations", Error, read table::digits_break_relations,
        "数字连在一起，怎样拆分都不合勾稽关系",
        "表中至少有一处数字有误；请对照原表核对标为应核对的单元格";
    /// A count below zero.
    NEGATIVE_COUNT = "V002", "negative-count", Error, run value::negative_count,
        "数量不能为负数",
        "件数只能是零或正整数；2019 年版的「本年增/减」一栏除外";
    /// A decimal where a whole count is due.
    FRACTIONAL_COUNT = "V003", "fractional-count", Error, run value::fractional_count,
        "数量应为整数",
        "件数应填整数；只有以万元为单位的金额可以有小数";
    /// An amount in a unit other than 万元.
    AMOUNT_UNIT = "V004", "amount-unit", Warning, read value::amount_unit,
        "金额应以万元为单位",
        "请按格式要求以万元填写金额";
    /// Blank or `/` cells in a table the template requires filled.
    EMPTY_CELLS = "V005", "empty-cells", Warning, run value::empty_cells,
        "统计表中有空白或以「/」填写的单元格",
        "没有发生的事项请填 0，不要留空或填「/」";
    /// Sections out of the template's order.
    SECTION_ORDER = "S003", "section-order", Warning, run structure::section_order,
        "章节顺序与格式不符",
        "请按格式要求的顺序排列六个部分";
    /// A table following the other year's template.
    WRONG_TEMPLATE = "S004", "wrong-template", Warning, run structure::wrong_template,
        "统计表所用格式与报告年度不符",
        "2021 年及以后的年度报告应使用国办公开办函〔2021〕30号的格式，2019、2020 年度使用〔2019〕60号的格式";
    /// Table 三 without its note on the 勾稽关系.
    BALANCE_NOTE_MISSING = "S005", "balance-note-missing", Warning, run structure::balance_note_missing,
        "收到和处理政府信息公开申请情况表缺少勾稽关系说明",
        "请保留表头的「(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)」";
    /// A section heading worded differently from the template.
    HEADING_WORDING = "S006", "heading-wording", Info, run structure::heading_wording,
        "章节标题与格式的措辞不同",
        "";
    /// A table's section is there, but says in words what the table should show.
    TABLE_AS_TEXT = "S007", "table-as-text", Warning, run structure::table_as_text,
        "以文字说明代替了统计表",
        "即使各项数字均为 0，格式也要求填报统计表；请按格式补上该表";
    /// The number of applications received in the text differs from table 三.
    NARRATIVE_RECEIVED = "N001", "narrative-received", Warning, run narrative::received,
        "正文所述收到申请数与统计表不符",
        "请核对正文中的申请数与表三「本年新收政府信息公开申请数量」";
    /// The applications carried over or forward in the text differ from table 三.
    NARRATIVE_CARRIED_OVER = "N002", "narrative-carried-over", Warning, run narrative::carried_over,
        "正文所述结转申请数与统计表不符",
        "请核对正文中的结转数与表三「上年结转政府信息公开申请数量」「结转下年度继续办理」";
    /// An outcome count in the text differs from table 三.
    NARRATIVE_OUTCOME = "N003", "narrative-outcome", Warning, run narrative::outcome,
        "正文所述办理结果件数与统计表不符",
        "请核对正文中的办理结果件数与表三相应各行";
    /// The 行政复议 count in the text differs from table 四.
    NARRATIVE_REVIEW = "N004", "narrative-review", Warning, run narrative::review,
        "正文所述行政复议件数与统计表不符",
        "请核对正文中的行政复议件数与表四「行政复议·总计」";
    /// The 行政诉讼 count in the text differs from table 四.
    NARRATIVE_LITIGATION = "N005", "narrative-litigation", Warning, run narrative::litigation,
        "正文所述行政诉讼件数与统计表不符",
        "请核对正文中的行政诉讼件数与表四两项行政诉讼总计之和";
    /// A 规章, 规范性文件, 行政许可, 处罚, 强制 or 收费 figure in the text differs from table 二.
    NARRATIVE_ACTIVE = "N006", "narrative-active", Warning, run narrative::active,
        "正文所述规章、规范性文件、行政许可、处罚、强制或收费数字与统计表不符",
        "请核对正文中的数字与表二相应各行";
    /// A stated total whose listed parts do not add up.
    NARRATIVE_SUM = "N007", "narrative-sum", Warning, run narrative::sum,
        "正文中的总数与其分项之和不符",
        "请核对总数与「其中」所列各项";
    /// Section 五 empty or saying nothing.
    PROBLEMS_EMPTY = "C001", "problems-empty", Warning, run content::problems_empty,
        "「存在的主要问题及改进情况」内容空缺或过于简略",
        "请写明本年度政府信息公开工作存在的主要问题和改进情况";
    /// Section 六 silent on the 信息处理费.
    FEE_STATEMENT_MISSING = "C002", "fee-statement-missing", Warning, run content::fee_statement_missing,
        "「其他需要报告的事项」未说明信息处理费收取情况",
        "2021 年版格式要求在第六部分报告信息处理费的收取情况，未收取的也应说明";
    /// Section 六 says 无 while a fee is reported elsewhere.
    FEE_CONTRADICTION = "C003", "fee-contradiction", Warning, run content::fee_contradiction,
        "第六部分称无其他事项，但报告中另有收费数字",
        "请在第六部分如实报告信息处理费的收取情况";
    /// The year of the title and of the 统计期限 differ.
    YEAR_MISMATCH = "C004", "year-mismatch", Warning, run content::year_mismatch,
        "报告标题的年度与统计期限的年度不一致",
        "请核对标题与统计期限的年份";
    /// Published after the legal deadline.
    LATE_PUBLICATION = "C005", "late-publication", Warning, run content::late_publication,
        "报告发布日期晚于法定期限",
        "部门应于每年 1 月 31 日前、政府应于 3 月 31 日前公布上一年度的年度报告";
    /// This year's 上年结转 differs from last year's 结转下年度.
    CARRY_OVER_MISMATCH = "X001", "carry-over-mismatch", Warning, run cross::carry_over,
        "本年「上年结转」与上一年度报告的「结转下年度继续办理」不符",
        "请核对两年报告中结转的申请数";
    /// This year's 现行有效件数 differs from last year's plus issued less repealed.
    IN_FORCE_MISMATCH = "X002", "in-force-mismatch", Warning, run cross::in_force,
        "本年现行有效件数与上一年度推算的不符",
        "现行有效件数一般等于上年现行有效件数加本年制发、减本年废止，请核对";
    /// A report identical to last year's but for the year.
    UNCHANGED_REPORT = "X003", "unchanged-report", Warning, run cross::unchanged_report,
        "本年报告除年份外与上一年度报告相同",
        "请按本年度的实际情况编写报告";
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

    #[cfg(feature = "docs")]
    #[test]
    fn each_code_names_the_file_that_documents_it() {
        assert_eq!(PAGES.len(), ALL.len());
        for (c, source) in ALL.iter().zip(PAGES) {
            let opening = format!("//! {} {}", c.code, c.name);
            assert!(
                source.starts_with(&opening),
                "{}'s file opens otherwise",
                c.code
            );
            // The page is the file's doc comment and nothing of its code.
            assert!(source.lines().all(|l| l.starts_with("//!")), "{}", c.code);
        }
    }

    #[test]
    fn only_active_codes_run_after_reading() {
        for (c, check) in ALL.iter().zip(CHECKS) {
            if c.status != Status::Active {
                assert!(check.is_none(), "{} is retired but runs", c.code);
            }
        }
        // Every active code but those the reader emits and T002–T004, which
        // T001's check reports with it.
        assert!(CHECKS.iter().flatten().count() >= 28);
    }
}
