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
    // One pass: each word is looked for where its first character is.
    let mut mark = 0;
    for (i, c) in line.char_indices() {
        let word = |w: &str| line[i..].starts_with(w);
        mark |= match c {
            '本' if word("本年新收") => opens::REQUESTS,
            '收' if word("收到和处理") => opens::REQUESTS_HEADER,
            '申' if word("申请人情况") => opens::REQUESTS_HEADER,
            '勾' if word("勾稽关系") => opens::REQUESTS_HEADER,
            '处' if word("处理政府信息公开申请") => opens::REQUESTS_HEADER,
            '行' if word("行政复议") => opens::APPEALS,
            '第' if word("第二十条") => opens::ACTIVE,
            _ => 0,
        };
    }
    if line.starts_with("信息内容") {
        mark |= opens::ACTIVE;
    }
    if mark & opens::APPEALS != 0 && !line.bytes().any(|b| b.is_ascii_digit()) {
        mark |= opens::APPEALS_HEADER;
    }
    mark
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

/// Words matched anywhere in a label, the last one written winning: one
/// scan of the label from its end, whatever the number of words. Each
/// place is first looked up by its character's last two bytes in a bit
/// table built with the words, so only the places where some word may
/// start are compared.
struct Lexicon<K: 'static> {
    /// The words, in order of precedence where two start at one place: the
    /// later wins.
    words: &'static [(&'static str, K)],
    /// One bit for each first character's key ([`Lexicon::key`]).
    firsts: [u64; 64],
    /// Each word's first character's key, so that a place is compared
    /// only with the words that may start there.
    keys: [u16; MAX_WORDS],
}

/// The most words a [`Lexicon`] holds.
const MAX_WORDS: usize = 48;

impl<K: Copy> Lexicon<K> {
    const fn new(words: &'static [(&'static str, K)]) -> Self {
        assert!(
            words.len() <= MAX_WORDS,
            "a Lexicon holds at most MAX_WORDS words"
        );
        let mut firsts = [0u64; 64];
        let mut keys = [0u16; MAX_WORDS];
        let mut i = 0;
        while i < words.len() {
            let key = Self::key(words[i].0.as_bytes(), 0);
            firsts[key / 64] |= 1 << (key % 64);
            keys[i] = key as u16;
            i += 1;
        }
        Lexicon {
            words,
            firsts,
            keys,
        }
    }

    /// The key of the character at `at`: the low six bits of its second
    /// and third bytes (a Han character's own bits), or an ASCII byte's.
    const fn key(b: &[u8], at: usize) -> usize {
        if b[at] < 0x80 || at + 2 >= b.len() {
            b[at] as usize & 0x3F
        } else {
            ((b[at + 1] as usize & 0x3F) << 6) | (b[at + 2] as usize & 0x3F)
        }
    }

    /// The last place in `label` where one of the words starts, and what
    /// that word stands for; where several start there, the later of them
    /// in the list.
    fn last(&self, label: &str) -> Option<(usize, K)> {
        let b = label.as_bytes();
        (0..b.len()).rev().find_map(|at| self.word_at(b, at))
    }

    /// Calls `f` with what each word found in `label` stands for, in the
    /// order written, as [`Lexicon::last`] chooses at a place.
    fn each(&self, label: &str, mut f: impl FnMut(K)) {
        let b = label.as_bytes();
        for at in 0..b.len() {
            if let Some((_, k)) = self.word_at(b, at) {
                f(k);
            }
        }
    }

    /// The word starting at byte `at` of `b`, if any; where several do,
    /// the later of them in the list.
    #[inline(always)]
    fn word_at(&self, b: &[u8], at: usize) -> Option<(usize, K)> {
        // A continuation byte starts no character: passed at once.
        if (0x80..0xC0).contains(&b[at]) {
            return None;
        }
        let key = Self::key(b, at);
        if self.firsts[key / 64] & (1 << (key % 64)) == 0 {
            return None;
        }
        self.words
            .iter()
            .zip(&self.keys)
            .rev()
            .find(|((w, _), &first)| usize::from(first) == key && b[at..].starts_with(w.as_bytes()))
            .map(|(&(_, k), _)| (at, k))
    }
}

/// The words that name each row of table 三, no other row having them;
/// then the words of the rows without words of their own: the group
/// heading (六)其他处理, which names the 2019 row and is followed by its
/// items' words in 2021, and 总计. (3.其他 is named only at a label's end.)
const REQUEST_WORDS: Lexicon<RowKey> = Lexicon::new(&[
    ("结转下年", row::CARRIED_FORWARD),
    ("下年度继续", row::CARRIED_FORWARD),
    ("上年结转", row::CARRIED_OVER),
    ("本年新收", row::NEW_RECEIVED),
    ("部分公开", row::PARTIALLY_GRANTED),
    ("予以公开", row::GRANTED),
    ("国家秘密", row::DENIED_STATE_SECRET),
    ("其他法律", row::DENIED_PROHIBITED_BY_LAW),
    ("法规禁止", row::DENIED_PROHIBITED_BY_LAW),
    ("三安全", row::DENIED_THREE_SECURITY_ONE_STABILITY),
    ("一稳定", row::DENIED_THREE_SECURITY_ONE_STABILITY),
    ("第三方", row::DENIED_THIRD_PARTY_RIGHTS),
    ("内部事务", row::DENIED_INTERNAL_AFFAIRS),
    ("过程性", row::DENIED_PROCESS_INFO),
    ("执法案卷", row::DENIED_ENFORCEMENT_FILES),
    ("行政查询", row::DENIED_ADMINISTRATIVE_QUERY),
    ("不掌握", row::UNABLE_NOT_HELD),
    ("另行制作", row::UNABLE_NEEDS_CREATION),
    ("没有现成", row::UNABLE_NEEDS_CREATION),
    ("仍不明确", row::UNABLE_UNCLEAR_AFTER_CORRECTION),
    ("补正后", row::UNABLE_UNCLEAR_AFTER_CORRECTION),
    ("信访", row::NOT_PROCESSED_PETITION_COMPLAINT),
    ("举报投诉", row::NOT_PROCESSED_PETITION_COMPLAINT),
    ("重复申请", row::NOT_PROCESSED_DUPLICATE),
    ("出版物", row::NOT_PROCESSED_PUBLICATION),
    ("大量反复", row::NOT_PROCESSED_MASS_REPEATED),
    ("重新出具", row::NOT_PROCESSED_CONFIRM_EXISTING),
    ("确认或", row::NOT_PROCESSED_CONFIRM_EXISTING),
    ("不补正", row::OTHER_OVERDUE_CORRECTION),
    ("收费通知", row::OTHER_UNPAID_FEE),
    ("缴纳费用", row::OTHER_UNPAID_FEE),
    ("其他处理", row::OTHER),
    ("总计", row::TOTAL),
]);

/// The 2021 template's item 3 of (六), named by its number at a label's end.
const ITEM_3: &str = "3其他";

/// Whether `label` names row `key` of table 三 by its words, wherever in
/// it: a label that ran together with the labels of rows before it (rows
/// left blank whose blank cells vanished) names them too.
pub fn names_request_row(label: &str, key: RowKey) -> bool {
    if key == row::OTHER_OTHER {
        return label.contains(ITEM_3);
    }
    REQUEST_WORDS
        .words
        .iter()
        .any(|(w, k)| *k == key && label.contains(w))
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
/// assert_eq!(requests_row("六其他处理3其他"), Some(row::OTHER_OTHER));
/// ```
pub fn requests_row(label: &str) -> Option<RowKey> {
    // Where labels ran together (blank rows whose cells vanished), the row
    // named last is the one the numbers follow.
    let item_3 = label
        .ends_with(ITEM_3)
        .then(|| (label.len() - ITEM_3.len(), row::OTHER_OTHER));
    // No word starts with a digit, so none starts where item 3 does.
    match (REQUEST_WORDS.last(label), item_3) {
        (Some((at, key)), Some((at3, k3))) => Some(if at > at3 { key } else { k3 }),
        (found, item) => found.or(item).map(|(_, k)| k),
    }
}

/// The words naming the rows of table 二 but 规章, which ends a label.
const ACTIVE_WORDS: Lexicon<RowKey> = Lexicon::new(&[
    ("规范性文件", row::NORMATIVE_DOCUMENTS),
    ("行政许可", row::LICENSING),
    ("其他对外管理服务", row::OTHER_SERVICES),
    ("行政处罚", row::PENALTY),
    ("行政强制", row::COERCION),
    ("事业性收费", row::FEES),
    ("集中采购", row::PROCUREMENT),
]);

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
    // Where labels ran together (a row without numbers, then the next
    // table's header), the row named last is the one the numbers follow.
    ACTIVE_WORDS
        .last(label)
        .map(|(_, key)| key)
        .or_else(|| label.ends_with("规章").then_some(row::REGULATIONS))
}

/// Calls `f` with each row of table 二 `label` names, wherever in it, in
/// the order written (规章 last): a label that ran together with the labels
/// of rows before it (rows left blank, their blank cells vanished) names
/// them too.
///
/// ```
/// use nianbao::tables::labels::each_active_row;
/// use nianbao::tables::schema::row;
/// let named = |label| {
///     let mut rows = Vec::new();
///     each_active_row(label, |key| rows.push(key));
///     rows
/// };
/// assert_eq!(
///     named("行政强制第二十条第八项信息内容行政事业性收费"),
///     [row::COERCION, row::FEES]
/// );
/// assert_eq!(
///     named("规章规范性文件"),
///     [row::NORMATIVE_DOCUMENTS, row::REGULATIONS]
/// );
/// assert_eq!(named("信息内容本年处理决定数量"), []);
/// ```
pub fn each_active_row(label: &str, mut f: impl FnMut(RowKey)) {
    ACTIVE_WORDS.each(label, &mut f);
    if label.contains("规章") {
        f(row::REGULATIONS);
    }
}

/// Which template a header label of table 二 belongs to: `Some(true)` for
/// 2021 (本年制发件数), `Some(false)` for 2019 (本年新制作数量), else `None`.
pub fn active_header_is_2021(label: &str) -> Option<bool> {
    const WORDS_2021: Lexicon<()> = Lexicon::new(&[("制发", ()), ("废止", ()), ("现行有效", ())]);
    const WORDS_2019: Lexicon<()> = Lexicon::new(&[
        ("新制作", ()),
        ("新公开", ()),
        ("对外公开总数", ()),
        ("上一年项目", ()),
        ("增减", ()),
        ("采购项目", ()),
        ("采购总金额", ()),
    ]);
    if WORDS_2021.last(label).is_some() {
        Some(true)
    } else if WORDS_2019.last(label).is_some() {
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
        // The group heading's words, and the words of its 2021 items (true).
        const WORDS: Lexicon<bool> = Lexicon::new(&[
            ("其他处理", false),
            ("不补正", true),
            ("收费通知", true),
            ("缴纳费用", true),
        ]);
        // Once an item is seen the template is known: no label can change
        // it. A label with an item's words says 2021 whatever else it
        // names, so its words are read from the last back to an item's.
        let mut rest = label;
        while !self.other_items {
            let Some((at, item)) = WORDS.last(rest) else {
                return;
            };
            self.other_items = item;
            self.other_group |= !item;
            rest = &rest[..at];
        }
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
    /// // An item's words before the group heading's, in one label.
    /// let mut e = TemplateEvidence::default();
    /// e.see("逾期不补正六其他处理");
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
