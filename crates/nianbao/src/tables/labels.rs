//! Row labels matched by meaning: each row is known by words no other row
//! has, so split, shortened, misspelt (`预期` for `逾期`) or traditional
//! labels still find their row. Labels arrive reduced by [`crate::text::canon`].

use super::schema::{row, RowKey};

/// What a table line's words may open, as bits: the words the tables are
/// found by, beside the words their rows are named by.
pub mod opens {
    /// Table 三's first row, 本年新收.
    pub const REQUESTS: u8 = 1;
    /// Table 三's header: its heading's words, 申请人情况, the 勾稽关系 note.
    pub const REQUESTS_HEADER: u8 = 2;
    /// Table 四: 行政复议.
    pub const APPEALS: u8 = 4;
    /// Table 二: 第二十条, or a header opening with 信息内容.
    pub const ACTIVE: u8 = 8;
    /// Table 四's header: 行政复议 with no number beside it.
    pub const APPEALS_HEADER: u8 = 16;
}

/// What a line (reduced by [`crate::text::canon`]) may open, as
/// [`opens`] bits; 0 for nothing.
///
/// ```
/// use nianbao::tables::labels::{opens, opens_of};
/// assert_eq!(opens_of("一本年新收政府信息公开申请数量"), opens::REQUESTS);
/// assert_eq!(opens_of("行政复议行政诉讼"), opens::APPEALS | opens::APPEALS_HEADER);
/// assert_eq!(opens_of("第二十条第一项"), opens::ACTIVE);
/// ```
pub fn opens_of(line: &str) -> u8 {
    let header = line.contains("收到和处理")
        || line.contains("申请人情况")
        || line.contains("勾稽关系")
        || line.contains("处理政府信息公开申请");
    let appeals = line.contains("行政复议");
    [
        (line.contains("本年新收"), opens::REQUESTS),
        (header, opens::REQUESTS_HEADER),
        (appeals, opens::APPEALS),
        (
            line.contains("第二十条") || line.starts_with("信息内容"),
            opens::ACTIVE,
        ),
        (
            appeals && !line.bytes().any(|b| b.is_ascii_digit()),
            opens::APPEALS_HEADER,
        ),
    ]
    .iter()
    .filter(|(yes, _)| *yes)
    .fold(0, |m, (_, bit)| m | bit)
}

/// Whether a label of table 三 names its applicant columns (`自然人`,
/// `法人或其他组织`): a header line, even where it ends in `总计`.
///
/// ```
/// use nianbao::tables::labels::names_applicants;
/// assert!(names_applicants("自然人法人或其他组织总计"));
/// assert!(!names_applicants("七总计"));
/// ```
pub fn names_applicants(label: &str) -> bool {
    label.contains("自然人") || label.contains("法人或其他组织")
}

/// The words that name each row of table 三, no other row having them.
const REQUEST_WORDS: &[(&[&str], RowKey)] = &[
    (&["结转下年", "下年度继续"], row::CARRIED_FORWARD),
    (&["上年结转"], row::CARRIED_OVER),
    (&["本年新收"], row::NEW_RECEIVED),
    (&["部分公开"], row::PARTIALLY_GRANTED),
    (&["予以公开"], row::GRANTED),
    (&["国家秘密"], row::DENIED_STATE_SECRET),
    (&["其他法律", "法规禁止"], row::DENIED_PROHIBITED_BY_LAW),
    (
        &["三安全", "一稳定"],
        row::DENIED_THREE_SECURITY_ONE_STABILITY,
    ),
    (&["第三方"], row::DENIED_THIRD_PARTY_RIGHTS),
    (&["内部事务"], row::DENIED_INTERNAL_AFFAIRS),
    (&["过程性"], row::DENIED_PROCESS_INFO),
    (&["执法案卷"], row::DENIED_ENFORCEMENT_FILES),
    (&["行政查询"], row::DENIED_ADMINISTRATIVE_QUERY),
    (&["不掌握"], row::UNABLE_NOT_HELD),
    (&["另行制作", "没有现成"], row::UNABLE_NEEDS_CREATION),
    (
        &["仍不明确", "补正后"],
        row::UNABLE_UNCLEAR_AFTER_CORRECTION,
    ),
    (&["信访", "举报投诉"], row::NOT_PROCESSED_PETITION_COMPLAINT),
    (&["重复申请"], row::NOT_PROCESSED_DUPLICATE),
    (&["出版物"], row::NOT_PROCESSED_PUBLICATION),
    (&["大量反复"], row::NOT_PROCESSED_MASS_REPEATED),
    (&["重新出具", "确认或"], row::NOT_PROCESSED_CONFIRM_EXISTING),
    (&["不补正"], row::OTHER_OVERDUE_CORRECTION),
    (&["收费通知", "缴纳费用"], row::OTHER_UNPAID_FEE),
];

/// Whether `label` names row `key` of table 三 by its words, wherever in
/// it: a label that ran together with the labels of rows before it (rows
/// left blank whose blank cells vanished) names them too.
pub fn names_request_row(label: &str, key: RowKey) -> bool {
    // The rows without words of their own are named by their item number
    // or their group's heading, as `requests_row` knows them.
    let own = match key {
        k if k == row::OTHER_OTHER => Some("3其他"),
        k if k == row::OTHER => Some("其他处理"),
        k if k == row::TOTAL => Some("总计"),
        _ => None,
    };
    own.is_some_and(|w| last_at(label, w).is_some())
        || REQUEST_WORDS
            .iter()
            .filter(|(_, k)| *k == key)
            .any(|(words, _)| words.iter().any(|w| last_at(label, w).is_some()))
}

/// The row of table 三 a label names, if any. `other` is the single
/// (六)其他处理 row of the 2019 template.
///
/// ```
/// use nianbao::tables::labels::requests_row;
/// use nianbao::tables::schema::row;
/// assert_eq!(requests_row("五不予处理1信访举报投诉类申请"), Some(row::NOT_PROCESSED_PETITION_COMPLAINT));
/// assert_eq!(requests_row("1申请人无正当理由预期不补正行政机关不再处理其政府信息公开申请"), Some(row::OTHER_OVERDUE_CORRECTION));
/// assert_eq!(requests_row("七总计"), Some(row::TOTAL));
/// assert_eq!(requests_row("计其他情形"), None);
/// assert_eq!(requests_row("二上年结转政府信息公开申请数量三本年度办理结果一予以公开二部分公开"), Some(row::PARTIALLY_GRANTED));
/// ```
pub fn requests_row(label: &str) -> Option<RowKey> {
    // Where labels ran together (blank rows whose cells vanished), the row
    // named last is the one the numbers follow.
    let named = |words: &[&str]| words.iter().filter_map(|w| last_at(label, w)).max();
    // The words of the rows without words of their own: 3.其他 at the end,
    // and the group heading (六)其他处理, which names the 2019 row and is
    // followed by its items' words in 2021.
    let item_3 = label
        .ends_with("3其他")
        .then(|| (label.len() - "3其他".len(), row::OTHER_OTHER));
    REQUEST_WORDS
        .iter()
        .filter_map(|(words, key)| Some((named(words)?, *key)))
        .chain(item_3)
        .chain(last_at(label, "其他处理").map(|at| (at, row::OTHER)))
        .chain(last_at(label, "总计").map(|at| (at, row::TOTAL)))
        .max_by_key(|&(at, _)| at)
        .map(|(_, key)| key)
}

/// Where `word` last starts in `label`. Labels are short and the words
/// many: a plain scan from the end, without the set-up of a string searcher
/// for each word (which took a tenth of the reading time).
/// The bytes of a Han character (three in UTF-8) are compared one by one
/// before the rest, since the first byte alone is the same for most of them.
fn last_at(label: &str, word: &str) -> Option<usize> {
    let (hay, needle) = (label.as_bytes(), word.as_bytes());
    let head = |i: usize| needle.get(i).copied();
    let (a, b, c) = (head(0)?, head(1), head(2));
    (0..=hay.len().checked_sub(needle.len())?).rev().find(|&i| {
        hay[i] == a
            && b.is_none_or(|b| hay[i + 1] == b)
            && c.is_none_or(|c| hay[i + 2] == c)
            && hay[i..].starts_with(needle)
    })
}

/// The row of table 二 a label names, if any.
///
/// ```
/// use nianbao::tables::labels::active_row;
/// use nianbao::tables::schema::row;
/// assert_eq!(active_row("第二十条第八项行政事业性收费"), Some(row::FEES));
/// assert_eq!(active_row("规范性文件"), Some(row::NORMATIVE_DOCUMENTS));
/// assert_eq!(active_row("信息内容"), None);
/// assert_eq!(active_row("行政强制第二十条第八项信息内容行政事业性收费"), Some(row::FEES));
/// ```
pub fn active_row(label: &str) -> Option<RowKey> {
    const RULES: &[(&[&str], RowKey)] = &[
        (&["规范性文件"], row::NORMATIVE_DOCUMENTS),
        (&["行政许可"], row::LICENSING),
        (&["其他对外管理服务"], row::OTHER_SERVICES),
        (&["行政处罚"], row::PENALTY),
        (&["行政强制"], row::COERCION),
        (&["事业性收费"], row::FEES),
        (&["集中采购"], row::PROCUREMENT),
    ];
    // Where labels ran together (a row without numbers, then the next
    // table's header), the row named last is the one the numbers follow.
    let named = |words: &[&str]| words.iter().filter_map(|w| last_at(label, w)).max();
    let found = RULES
        .iter()
        .filter_map(|(words, key)| Some((named(words)?, *key)))
        .max_by_key(|&(at, _)| at)
        .map(|(_, key)| key);
    found.or_else(|| label.ends_with("规章").then_some(row::REGULATIONS))
}

/// Which template a header label of table 二 belongs to: `Some(true)` for
/// 2021 (本年制发件数), `Some(false)` for 2019 (本年新制作数量), else `None`.
pub fn active_header_is_2021(label: &str) -> Option<bool> {
    if ["制发", "废止", "现行有效"]
        .iter()
        .any(|w| label.contains(w))
    {
        Some(true)
    } else if [
        "新制作",
        "新公开",
        "对外公开总数",
        "上一年项目",
        "增减",
        "采购项目",
        "采购总金额",
    ]
    .iter()
    .any(|w| label.contains(w))
    {
        Some(false)
    } else {
        None
    }
}

/// What the labels of table 三 say of its template: the 2021 template
/// divides (六)其他处理 into three items, the 2019 one does not. Labels are
/// the evidence; blank rows, whose values vanish, are none.
#[derive(Debug, Clone, Copy, Default)]
pub struct TemplateEvidence {
    other_group: bool,
    other_items: bool,
}

impl TemplateEvidence {
    /// Takes in one label of the table.
    pub fn see(&mut self, label: &str) {
        self.other_group |= label.contains("其他处理");
        self.other_items |=
            label.contains("不补正") || label.contains("收费通知") || label.contains("缴纳费用");
    }

    /// `Some(true)` for 2021, `Some(false)` for 2019, `None` when the labels
    /// do not say.
    ///
    /// ```
    /// use nianbao::tables::labels::TemplateEvidence;
    /// let mut e = TemplateEvidence::default();
    /// e.see("六其他处理七总计");
    /// assert_eq!(e.is_2021(), Some(false));
    /// e.see("1申请人无正当理由逾期不补正");
    /// assert_eq!(e.is_2021(), Some(true));
    /// ```
    pub fn is_2021(&self) -> Option<bool> {
        if self.other_items {
            Some(true)
        } else if self.other_group {
            Some(false)
        } else {
            None
        }
    }
}
