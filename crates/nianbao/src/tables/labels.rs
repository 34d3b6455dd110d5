//! Row labels matched by meaning: each row is known by words no other row
//! has, so split, shortened, misspelt (`预期` for `逾期`) or traditional
//! labels still find their row. Labels arrive reduced by [`crate::text::canon`].

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

/// The row of table 三 a label names, if any. `other` is the single
/// (六)其他处理 row of the 2019 template.
///
/// ```
/// use nianbao::tables::labels::requests_row;
/// assert_eq!(requests_row("五不予处理1信访举报投诉类申请"), Some("not_processed.petition_complaint"));
/// assert_eq!(requests_row("1申请人无正当理由预期不补正行政机关不再处理其政府信息公开申请"), Some("other.overdue_correction"));
/// assert_eq!(requests_row("七总计"), Some("total"));
/// assert_eq!(requests_row("计其他情形"), None);
/// assert_eq!(requests_row("二上年结转政府信息公开申请数量三本年度办理结果一予以公开二部分公开"), Some("partially_granted"));
/// ```
pub fn requests_row(label: &str) -> Option<&'static str> {
    const RULES: &[(&[&str], &str)] = &[
        (&["结转下年", "下年度继续"], "carried_forward"),
        (&["上年结转"], "carried_over"),
        (&["本年新收"], "new_received"),
        (&["部分公开"], "partially_granted"),
        (&["予以公开"], "granted"),
        (&["国家秘密"], "denied.state_secret"),
        (&["其他法律", "法规禁止"], "denied.prohibited_by_law"),
        (&["三安全", "一稳定"], "denied.three_security_one_stability"),
        (&["第三方"], "denied.third_party_rights"),
        (&["内部事务"], "denied.internal_affairs"),
        (&["过程性"], "denied.process_info"),
        (&["执法案卷"], "denied.enforcement_files"),
        (&["行政查询"], "denied.administrative_query"),
        (&["不掌握"], "unable.not_held"),
        (&["另行制作", "没有现成"], "unable.needs_creation"),
        (&["仍不明确", "补正后"], "unable.unclear_after_correction"),
        (&["信访", "举报投诉"], "not_processed.petition_complaint"),
        (&["重复申请"], "not_processed.duplicate"),
        (&["出版物"], "not_processed.publication"),
        (&["大量反复"], "not_processed.mass_repeated"),
        (&["重新出具", "确认或"], "not_processed.confirm_existing"),
        (&["不补正"], "other.overdue_correction"),
        (&["收费通知", "缴纳费用"], "other.unpaid_fee"),
    ];
    // Where labels ran together (blank rows whose cells vanished), the row
    // named last is the one the numbers follow.
    let named = |words: &[&str]| words.iter().filter_map(|w| label.rfind(w)).max();
    // The words of the rows without words of their own: 3.其他 at the end,
    // and the group heading (六)其他处理, which names the 2019 row and is
    // followed by its items' words in 2021.
    let item_3 = label
        .ends_with("3其他")
        .then(|| (label.len() - "3其他".len(), "other.other"));
    RULES
        .iter()
        .filter_map(|(words, key)| Some((named(words)?, *key)))
        .chain(item_3)
        .chain(label.rfind("其他处理").map(|at| (at, "other")))
        .chain(label.rfind("总计").map(|at| (at, "total")))
        .max_by_key(|&(at, _)| at)
        .map(|(_, key)| key)
}

/// The row of table 二 a label names, if any.
///
/// ```
/// use nianbao::tables::labels::active_row;
/// assert_eq!(active_row("第二十条第八项行政事业性收费"), Some("fees"));
/// assert_eq!(active_row("规范性文件"), Some("normative_documents"));
/// assert_eq!(active_row("信息内容"), None);
/// assert_eq!(active_row("行政强制第二十条第八项信息内容行政事业性收费"), Some("fees"));
/// ```
pub fn active_row(label: &str) -> Option<&'static str> {
    const RULES: &[(&[&str], &str)] = &[
        (&["规范性文件"], "normative_documents"),
        (&["行政许可"], "licensing"),
        (&["其他对外管理服务"], "other_services"),
        (&["行政处罚"], "penalty"),
        (&["行政强制"], "coercion"),
        (&["事业性收费"], "fees"),
        (&["集中采购"], "procurement"),
    ];
    // Where labels ran together (a row without numbers, then the next
    // table's header), the row named last is the one the numbers follow.
    let named = |words: &[&str]| words.iter().filter_map(|w| label.rfind(w)).max();
    let found = RULES
        .iter()
        .filter_map(|(words, key)| Some((named(words)?, *key)))
        .max_by_key(|&(at, _)| at)
        .map(|(_, key)| key);
    found.or_else(|| label.ends_with("规章").then_some("regulations"))
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
