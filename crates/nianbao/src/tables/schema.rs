//! The rows and columns of the three tables in both templates, with the
//! Chinese labels used in messages. Keys are those of TEMPLATE.md.

/// One row of a table's template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSpec {
    /// The row key, e.g. `denied.state_secret`.
    pub key: &'static str,
    /// A short Chinese label for messages, e.g. `(三)不予公开·1.属于国家秘密`.
    pub label: &'static str,
    /// The column keys of this row.
    pub columns: &'static [&'static str],
}

/// The seven columns of table 三.
pub const REQUEST_COLUMNS: &[&str] = &[
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other",
    "total",
];

/// The columns of each group of table 四.
pub const APPEAL_COLUMNS: &[&str] = &["upheld", "corrected", "other", "pending", "total"];

/// The Chinese label of a column key, for messages.
pub fn column_label(column: &str) -> &'static str {
    match column {
        "natural_person" => "自然人",
        "commercial" => "商业企业",
        "research" => "科研机构",
        "social_welfare" => "社会公益组织",
        "legal_service" => "法律服务机构",
        "other" => "其他",
        "total" => "总计",
        "upheld" => "结果维持",
        "corrected" => "结果纠正",
        "pending" => "尚未审结",
        "issued" => "本年制发件数",
        "repealed" => "本年废止件数",
        "in_force" => "现行有效件数",
        "decisions" => "处理决定数量",
        "amount_wan_yuan" => "金额(万元)",
        "made" => "本年新制作数量",
        "published" => "本年新公开数量",
        "total_public" => "对外公开总数量",
        "previous_items" => "上一年项目数量",
        "change" => "本年增/减",
        "items" => "采购项目数量",
        _ => "",
    }
}

macro_rules! rows {
    ($cols:expr; $($key:literal => $label:literal),* $(,)?) => {
        &[$(RowSpec { key: $key, label: $label, columns: $cols }),*]
    };
}

/// Table 三 rows before the 其他处理 block, shared by both templates.
const REQUESTS_HEAD: &[RowSpec] = rows![REQUEST_COLUMNS;
    "new_received" => "一、本年新收政府信息公开申请数量",
    "carried_over" => "二、上年结转政府信息公开申请数量",
    "granted" => "(一)予以公开",
    "partially_granted" => "(二)部分公开",
    "denied.state_secret" => "(三)不予公开·1.属于国家秘密",
    "denied.prohibited_by_law" => "(三)不予公开·2.其他法律行政法规禁止公开",
    "denied.three_security_one_stability" => "(三)不予公开·3.危及\u{201c}三安全一稳定\u{201d}",
    "denied.third_party_rights" => "(三)不予公开·4.保护第三方合法权益",
    "denied.internal_affairs" => "(三)不予公开·5.属于三类内部事务信息",
    "denied.process_info" => "(三)不予公开·6.属于四类过程性信息",
    "denied.enforcement_files" => "(三)不予公开·7.属于行政执法案卷",
    "denied.administrative_query" => "(三)不予公开·8.属于行政查询事项",
    "unable.not_held" => "(四)无法提供·1.本机关不掌握相关政府信息",
    "unable.needs_creation" => "(四)无法提供·2.没有现成信息需要另行制作",
    "unable.unclear_after_correction" => "(四)无法提供·3.补正后申请内容仍不明确",
    "not_processed.petition_complaint" => "(五)不予处理·1.信访举报投诉类申请",
    "not_processed.duplicate" => "(五)不予处理·2.重复申请",
    "not_processed.publication" => "(五)不予处理·3.要求提供公开出版物",
    "not_processed.mass_repeated" => "(五)不予处理·4.无正当理由大量反复申请",
    "not_processed.confirm_existing" => "(五)不予处理·5.要求行政机关确认或重新出具已获取信息",
];

const REQUESTS_OTHER_2021: &[RowSpec] = rows![REQUEST_COLUMNS;
    "other.overdue_correction" => "(六)其他处理·1.申请人无正当理由逾期不补正",
    "other.unpaid_fee" => "(六)其他处理·2.申请人逾期未按收费通知要求缴纳费用",
    "other.other" => "(六)其他处理·3.其他",
];

const REQUESTS_OTHER_2019: &[RowSpec] = rows![REQUEST_COLUMNS;
    "other" => "(六)其他处理",
];

const REQUESTS_TAIL: &[RowSpec] = rows![REQUEST_COLUMNS;
    "total" => "(七)总计",
    "carried_forward" => "四、结转下年度继续办理",
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
pub fn is_outcome_row(key: &str) -> bool {
    !matches!(
        key,
        "new_received" | "carried_over" | "total" | "carried_forward"
    )
}

const DOCUMENT_COLUMNS_2021: &[&str] = &["issued", "repealed", "in_force"];
const DOCUMENT_COLUMNS_2019: &[&str] = &["made", "published", "total_public"];
const DECISION_COLUMNS_2021: &[&str] = &["decisions"];
const DECISION_COLUMNS_2019: &[&str] = &["previous_items", "change", "decisions"];

/// The rows of table 二 in the 2021 template.
pub const ACTIVE_2021: &[RowSpec] = &[
    RowSpec {
        key: "regulations",
        label: "规章",
        columns: DOCUMENT_COLUMNS_2021,
    },
    RowSpec {
        key: "normative_documents",
        label: "行政规范性文件",
        columns: DOCUMENT_COLUMNS_2021,
    },
    RowSpec {
        key: "licensing",
        label: "行政许可",
        columns: DECISION_COLUMNS_2021,
    },
    RowSpec {
        key: "penalty",
        label: "行政处罚",
        columns: DECISION_COLUMNS_2021,
    },
    RowSpec {
        key: "coercion",
        label: "行政强制",
        columns: DECISION_COLUMNS_2021,
    },
    RowSpec {
        key: "fees",
        label: "行政事业性收费",
        columns: &["amount_wan_yuan"],
    },
];

/// The rows of table 二 in the 2019 template.
pub const ACTIVE_2019: &[RowSpec] = &[
    RowSpec {
        key: "regulations",
        label: "规章",
        columns: DOCUMENT_COLUMNS_2019,
    },
    RowSpec {
        key: "normative_documents",
        label: "规范性文件",
        columns: DOCUMENT_COLUMNS_2019,
    },
    RowSpec {
        key: "licensing",
        label: "行政许可",
        columns: DECISION_COLUMNS_2019,
    },
    RowSpec {
        key: "other_services",
        label: "其他对外管理服务事项",
        columns: DECISION_COLUMNS_2019,
    },
    RowSpec {
        key: "penalty",
        label: "行政处罚",
        columns: DECISION_COLUMNS_2019,
    },
    RowSpec {
        key: "coercion",
        label: "行政强制",
        columns: DECISION_COLUMNS_2019,
    },
    RowSpec {
        key: "fees",
        label: "行政事业性收费",
        columns: &["previous_items", "change"],
    },
    RowSpec {
        key: "procurement",
        label: "政府集中采购",
        columns: &["items", "amount_wan_yuan"],
    },
];

/// The three groups of table 四.
pub const APPEALS: &[RowSpec] = &[
    RowSpec {
        key: "review",
        label: "行政复议",
        columns: APPEAL_COLUMNS,
    },
    RowSpec {
        key: "litigation_direct",
        label: "行政诉讼·未经复议直接起诉",
        columns: APPEAL_COLUMNS,
    },
    RowSpec {
        key: "litigation_after_review",
        label: "行政诉讼·复议后起诉",
        columns: APPEAL_COLUMNS,
    },
];

/// The label of a row key in any table, for messages.
pub fn row_label(table: &str, key: &str) -> &'static str {
    let specs: Vec<RowSpec> = match table {
        "active" => [ACTIVE_2021, ACTIVE_2019].concat(),
        "requests" => [requests_rows(true), REQUESTS_OTHER_2019.to_vec()].concat(),
        _ => APPEALS.to_vec(),
    };
    specs.iter().find(|r| r.key == key).map_or("", |r| r.label)
}
