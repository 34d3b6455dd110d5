//! The rows and columns of the three tables in both templates, with the
//! Chinese labels used in messages. Keys are those of TEMPLATE.md, typed:
//! a row or column is named by a constant of [`row`] or [`column`].

use crate::report::TableKind;

/// One row of a table's template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSpec {
    /// The row key, e.g. `denied.state_secret`.
    pub key: RowKey,
    /// A short Chinese label for messages, e.g. `(三)不予公开·1.属于国家秘密`.
    pub label: &'static str,
    /// The column keys of this row.
    pub columns: &'static [ColumnKey],
}

/// A row key of TEMPLATE.md, e.g. `denied.state_secret`. Only this module
/// makes them (the constants of [`row`]), so a misspelt key does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowKey(&'static str);

/// A column key of TEMPLATE.md, e.g. `natural_person`, with its Chinese
/// label; the constants of [`column`] are all there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ColumnKey(&'static str, &'static str);

impl RowKey {
    /// The key spelt `key` (from a cell path of the JSON output), if any.
    pub fn parse(key: &str) -> Option<RowKey> {
        row::ALL.iter().copied().find(|k| k.0 == key)
    }

    /// The key as the JSON output and cell paths spell it.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The outcome of table 三 this row counts, if it is an outcome row.
    pub fn outcome(self) -> Option<Outcome> {
        // The key's first part, found byte by byte: keys are short.
        let dot = self.0.bytes().position(|b| b == b'.');
        let group = &self.0[..dot.unwrap_or(self.0.len())];
        Some(match group {
            "granted" => Outcome::Granted,
            "partially_granted" => Outcome::PartiallyGranted,
            "denied" => Outcome::Denied,
            "unable" => Outcome::Unable,
            "not_processed" => Outcome::NotProcessed,
            "other" => Outcome::Other,
            _ => return None,
        })
    }
}

impl std::fmt::Display for RowKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.0)
    }
}

impl std::fmt::Display for ColumnKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.0)
    }
}

/// The six outcomes of table 三, (一) to (六), each a row or a group of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// (一)予以公开.
    Granted,
    /// (二)部分公开.
    PartiallyGranted,
    /// (三)不予公开.
    Denied,
    /// (四)无法提供.
    Unable,
    /// (五)不予处理.
    NotProcessed,
    /// (六)其他处理.
    Other,
}

impl ColumnKey {
    /// The key spelt `key` (from a cell path of the JSON output), if any.
    pub fn parse(key: &str) -> Option<ColumnKey> {
        column::ALL.iter().copied().find(|k| k.0 == key)
    }

    /// The key as the JSON output and cell paths spell it.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The column's Chinese label, for messages, e.g. `自然人`.
    pub fn label(self) -> &'static str {
        self.1
    }
}

/// The path of a cell, e.g. `requests.total.natural_person`: the one place
/// a path is spelt.
pub fn path(table: TableKind, row: RowKey, column: ColumnKey) -> String {
    format!("{}.{}.{}", table.key(), row.0, column.0)
}

/// The column keys of every table.
pub mod column {
    use super::ColumnKey;
    macro_rules! columns {
        ($($name:ident = $key:literal, $label:literal;)*) => {
            $(#[doc = $label] pub const $name: ColumnKey = ColumnKey($key, $label);)*
            /// Every column key.
            pub const ALL: &[ColumnKey] = &[$($name),*];
        };
    }
    columns! {
    NATURAL_PERSON = "natural_person", "自然人";
    COMMERCIAL = "commercial", "商业企业";
    RESEARCH = "research", "科研机构";
    SOCIAL_WELFARE = "social_welfare", "社会公益组织";
    LEGAL_SERVICE = "legal_service", "法律服务机构";
    OTHER = "other", "其他";
    TOTAL = "total", "总计";
    UPHELD = "upheld", "结果维持";
    CORRECTED = "corrected", "结果纠正";
    PENDING = "pending", "尚未审结";
    ISSUED = "issued", "本年制发件数";
    REPEALED = "repealed", "本年废止件数";
    IN_FORCE = "in_force", "现行有效件数";
    DECISIONS = "decisions", "处理决定数量";
    AMOUNT_WAN_YUAN = "amount_wan_yuan", "金额(万元)";
    MADE = "made", "本年新制作数量";
    PUBLISHED = "published", "本年新公开数量";
    TOTAL_PUBLIC = "total_public", "对外公开总数量";
    PREVIOUS_ITEMS = "previous_items", "上一年项目数量";
    CHANGE = "change", "本年增/减";
    ITEMS = "items", "采购项目数量";
    }
}

/// The row keys of every table.
pub mod row {
    use super::RowKey;
    macro_rules! rows {
        ($($name:ident = $key:literal;)*) => {
            $(#[doc = $key] pub const $name: RowKey = RowKey($key);)*
            /// Every row key.
            pub const ALL: &[RowKey] = &[$($name),*];
        };
    }
    rows! {
        NEW_RECEIVED = "new_received";
        CARRIED_OVER = "carried_over";
        GRANTED = "granted";
        PARTIALLY_GRANTED = "partially_granted";
        DENIED_STATE_SECRET = "denied.state_secret";
        DENIED_PROHIBITED_BY_LAW = "denied.prohibited_by_law";
        DENIED_THREE_SECURITY_ONE_STABILITY = "denied.three_security_one_stability";
        DENIED_THIRD_PARTY_RIGHTS = "denied.third_party_rights";
        DENIED_INTERNAL_AFFAIRS = "denied.internal_affairs";
        DENIED_PROCESS_INFO = "denied.process_info";
        DENIED_ENFORCEMENT_FILES = "denied.enforcement_files";
        DENIED_ADMINISTRATIVE_QUERY = "denied.administrative_query";
        UNABLE_NOT_HELD = "unable.not_held";
        UNABLE_NEEDS_CREATION = "unable.needs_creation";
        UNABLE_UNCLEAR_AFTER_CORRECTION = "unable.unclear_after_correction";
        NOT_PROCESSED_PETITION_COMPLAINT = "not_processed.petition_complaint";
        NOT_PROCESSED_DUPLICATE = "not_processed.duplicate";
        NOT_PROCESSED_PUBLICATION = "not_processed.publication";
        NOT_PROCESSED_MASS_REPEATED = "not_processed.mass_repeated";
        NOT_PROCESSED_CONFIRM_EXISTING = "not_processed.confirm_existing";
        OTHER_OVERDUE_CORRECTION = "other.overdue_correction";
        OTHER_UNPAID_FEE = "other.unpaid_fee";
        OTHER_OTHER = "other.other";
        OTHER = "other";
        TOTAL = "total";
        CARRIED_FORWARD = "carried_forward";
        REGULATIONS = "regulations";
        NORMATIVE_DOCUMENTS = "normative_documents";
        LICENSING = "licensing";
        PENALTY = "penalty";
        COERCION = "coercion";
        FEES = "fees";
        OTHER_SERVICES = "other_services";
        PROCUREMENT = "procurement";
        REVIEW = "review";
        LITIGATION_DIRECT = "litigation_direct";
        LITIGATION_AFTER_REVIEW = "litigation_after_review";
    }
}

/// The seven columns of table 三.
pub const REQUEST_COLUMNS: &[ColumnKey] = &[
    column::NATURAL_PERSON,
    column::COMMERCIAL,
    column::RESEARCH,
    column::SOCIAL_WELFARE,
    column::LEGAL_SERVICE,
    column::OTHER,
    column::TOTAL,
];

/// The columns of each group of table 四.
pub const APPEAL_COLUMNS: &[ColumnKey] = &[
    column::UPHELD,
    column::CORRECTED,
    column::OTHER,
    column::PENDING,
    column::TOTAL,
];

macro_rules! rows {
    ($cols:expr; $($key:ident => $label:literal),* $(,)?) => {
        &[$(RowSpec { key: row::$key, label: $label, columns: $cols }),*]
    };
}

/// Table 三 rows before the 其他处理 block, shared by both templates.
const REQUESTS_HEAD: &[RowSpec] = rows![REQUEST_COLUMNS;
    NEW_RECEIVED => "一、本年新收政府信息公开申请数量",
    CARRIED_OVER => "二、上年结转政府信息公开申请数量",
    GRANTED => "(一)予以公开",
    PARTIALLY_GRANTED => "(二)部分公开",
    DENIED_STATE_SECRET => "(三)不予公开·1.属于国家秘密",
    DENIED_PROHIBITED_BY_LAW => "(三)不予公开·2.其他法律行政法规禁止公开",
    DENIED_THREE_SECURITY_ONE_STABILITY => "(三)不予公开·3.危及\u{201c}三安全一稳定\u{201d}",
    DENIED_THIRD_PARTY_RIGHTS => "(三)不予公开·4.保护第三方合法权益",
    DENIED_INTERNAL_AFFAIRS => "(三)不予公开·5.属于三类内部事务信息",
    DENIED_PROCESS_INFO => "(三)不予公开·6.属于四类过程性信息",
    DENIED_ENFORCEMENT_FILES => "(三)不予公开·7.属于行政执法案卷",
    DENIED_ADMINISTRATIVE_QUERY => "(三)不予公开·8.属于行政查询事项",
    UNABLE_NOT_HELD => "(四)无法提供·1.本机关不掌握相关政府信息",
    UNABLE_NEEDS_CREATION => "(四)无法提供·2.没有现成信息需要另行制作",
    UNABLE_UNCLEAR_AFTER_CORRECTION => "(四)无法提供·3.补正后申请内容仍不明确",
    NOT_PROCESSED_PETITION_COMPLAINT => "(五)不予处理·1.信访举报投诉类申请",
    NOT_PROCESSED_DUPLICATE => "(五)不予处理·2.重复申请",
    NOT_PROCESSED_PUBLICATION => "(五)不予处理·3.要求提供公开出版物",
    NOT_PROCESSED_MASS_REPEATED => "(五)不予处理·4.无正当理由大量反复申请",
    NOT_PROCESSED_CONFIRM_EXISTING => "(五)不予处理·5.要求行政机关确认或重新出具已获取信息",
];

const REQUESTS_OTHER_2021: &[RowSpec] = rows![REQUEST_COLUMNS;
    OTHER_OVERDUE_CORRECTION => "(六)其他处理·1.申请人无正当理由逾期不补正",
    OTHER_UNPAID_FEE => "(六)其他处理·2.申请人逾期未按收费通知要求缴纳费用",
    OTHER_OTHER => "(六)其他处理·3.其他",
];

const REQUESTS_OTHER_2019: &[RowSpec] = rows![REQUEST_COLUMNS;
    OTHER => "(六)其他处理",
];

const REQUESTS_TAIL: &[RowSpec] = rows![REQUEST_COLUMNS;
    TOTAL => "(七)总计",
    CARRIED_FORWARD => "四、结转下年度继续办理",
];

/// The rows of table 三 in one template, in order.
pub fn requests_rows(is_2021: bool) -> Vec<RowSpec> {
    let other = if is_2021 {
        REQUESTS_OTHER_2021
    } else {
        REQUESTS_OTHER_2019
    };
    [REQUESTS_HEAD, other, REQUESTS_TAIL].concat()
}

/// Whether a row of table 三 is an outcome row, counted in (七)总计.
pub fn is_outcome_row(key: RowKey) -> bool {
    key.outcome().is_some()
}

const DOCUMENT_COLUMNS_2021: &[ColumnKey] = &[column::ISSUED, column::REPEALED, column::IN_FORCE];
const DOCUMENT_COLUMNS_2019: &[ColumnKey] =
    &[column::MADE, column::PUBLISHED, column::TOTAL_PUBLIC];
const DECISION_COLUMNS_2021: &[ColumnKey] = &[column::DECISIONS];
const DECISION_COLUMNS_2019: &[ColumnKey] =
    &[column::PREVIOUS_ITEMS, column::CHANGE, column::DECISIONS];

/// The rows of table 二 in the 2021 template.
pub const ACTIVE_2021: &[RowSpec] = &[
    RowSpec {
        key: row::REGULATIONS,
        label: "规章",
        columns: DOCUMENT_COLUMNS_2021,
    },
    RowSpec {
        key: row::NORMATIVE_DOCUMENTS,
        label: "行政规范性文件",
        columns: DOCUMENT_COLUMNS_2021,
    },
    RowSpec {
        key: row::LICENSING,
        label: "行政许可",
        columns: DECISION_COLUMNS_2021,
    },
    RowSpec {
        key: row::PENALTY,
        label: "行政处罚",
        columns: DECISION_COLUMNS_2021,
    },
    RowSpec {
        key: row::COERCION,
        label: "行政强制",
        columns: DECISION_COLUMNS_2021,
    },
    RowSpec {
        key: row::FEES,
        label: "行政事业性收费",
        columns: &[column::AMOUNT_WAN_YUAN],
    },
];

/// The rows of table 二 in the 2019 template.
pub const ACTIVE_2019: &[RowSpec] = &[
    RowSpec {
        key: row::REGULATIONS,
        label: "规章",
        columns: DOCUMENT_COLUMNS_2019,
    },
    RowSpec {
        key: row::NORMATIVE_DOCUMENTS,
        label: "规范性文件",
        columns: DOCUMENT_COLUMNS_2019,
    },
    RowSpec {
        key: row::LICENSING,
        label: "行政许可",
        columns: DECISION_COLUMNS_2019,
    },
    RowSpec {
        key: row::OTHER_SERVICES,
        label: "其他对外管理服务事项",
        columns: DECISION_COLUMNS_2019,
    },
    RowSpec {
        key: row::PENALTY,
        label: "行政处罚",
        columns: DECISION_COLUMNS_2019,
    },
    RowSpec {
        key: row::COERCION,
        label: "行政强制",
        columns: DECISION_COLUMNS_2019,
    },
    RowSpec {
        key: row::FEES,
        label: "行政事业性收费",
        columns: &[column::PREVIOUS_ITEMS, column::CHANGE],
    },
    RowSpec {
        key: row::PROCUREMENT,
        label: "政府集中采购",
        columns: &[column::ITEMS, column::AMOUNT_WAN_YUAN],
    },
];

/// The three groups of table 四.
pub const APPEALS: &[RowSpec] = &[
    RowSpec {
        key: row::REVIEW,
        label: "行政复议",
        columns: APPEAL_COLUMNS,
    },
    RowSpec {
        key: row::LITIGATION_DIRECT,
        label: "行政诉讼·未经复议直接起诉",
        columns: APPEAL_COLUMNS,
    },
    RowSpec {
        key: row::LITIGATION_AFTER_REVIEW,
        label: "行政诉讼·复议后起诉",
        columns: APPEAL_COLUMNS,
    },
];

/// The label of a row key in any table, for messages.
pub fn row_label(table: TableKind, key: RowKey) -> &'static str {
    let specs: Vec<RowSpec> = match table {
        TableKind::Active => [ACTIVE_2021, ACTIVE_2019].concat(),
        TableKind::Requests => [requests_rows(true), REQUESTS_OTHER_2019.to_vec()].concat(),
        TableKind::Appeals => APPEALS.to_vec(),
    };
    specs.iter().find(|r| r.key == key).map_or("", |r| r.label)
}
