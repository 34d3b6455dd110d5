//! Small reading cases, each through one helper: a report text in, the
//! cells and codes that must come out. The base report is seed 000, edited
//! line by line the way real pastes differ from it.

use std::path::PathBuf;

use nianbao::tables::schema::{ColumnKey, RowKey};
use nianbao::{Report, Severity, Template, Value};

fn seed_000() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/seeds/000_2d759736cf79b107.txt");
    std::fs::read_to_string(path).unwrap()
}

/// Seed 000 with line `from` replaced by `to` (the line must exist).
fn edited(from: &str, to: &str) -> String {
    let text = seed_000();
    assert!(text.contains(from), "no line {from}");
    text.replacen(from, to, 1)
}

fn value(report: &Report, table: &str, row: &str, column: &str) -> Option<Value> {
    let t = match table {
        "active" => &report.tables.active,
        "requests" => &report.tables.requests,
        _ => &report.tables.appeals,
    };
    let (row, column) = (
        RowKey::parse(row).unwrap(),
        ColumnKey::parse(column).unwrap(),
    );
    t.as_ref().unwrap().cell(row, column).unwrap().value
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

/// Checks `text` reads `cells` (path, value) and yields exactly `expected` codes.
fn check(text: &str, cells: &[(&str, Option<Value>)], expected: &[&str]) -> Report {
    let report = nianbao::check(text);
    for (path, want) in cells {
        let mut parts = path.splitn(2, '.');
        let table = parts.next().unwrap();
        let (row, column) = parts.next().unwrap().rsplit_once('.').unwrap();
        assert_eq!(value(&report, table, row, column), *want, "{path}");
    }
    let mut got = codes(&report);
    got.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(got, want, "{:#?}", report.diagnostics);
    report
}

const C: fn(i64) -> Option<Value> = |n| Some(Value::Count(n));

/// Seed 000 with each line replaced by the lines `relay` makes of it and
/// of its cells that are numbers.
fn relaid(relay: impl Fn(&str, &[&str]) -> Vec<String>) -> String {
    let mut out = Vec::new();
    for line in seed_000().lines() {
        let numbers: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|c| c.parse::<i64>().is_ok())
            .collect();
        out.extend(relay(line, &numbers));
    }
    out.join("\n")
}

/// A row of table 三 as Markdown without its label; any other line as it is.
fn markdown_row(line: &str, numbers: &[&str]) -> String {
    match numbers.len() {
        7 => format!("| {} |", numbers.join(" | ")),
        _ => line.to_string(),
    }
}

/// A Markdown row of seven blank cells.
const BLANK_ROW: &str = "|  |  |  |  |  |  |  |";

#[test]
fn digits_run_together_are_split_by_the_arithmetic() {
    let text = edited(
        "一、本年新收政府信息公开申请数量 | 98 | 0 | 0 | 0 | 0 | 0 | 98 | ||",
        "一、本年新收政府信息公开申请数量 | 98 | 0000098 | ||",
    );
    check(
        &text,
        &[
            ("requests.new_received.natural_person", C(98)),
            ("requests.new_received.total", C(98)),
        ],
        &["R004"],
    );
}

#[test]
fn a_header_naming_its_columns_by_number_holds_no_value() {
    // A converter's header for a table it found none for (real-reports
    // 012): before, each of its numbers was a value placed nowhere (R003).
    let text = edited(
        "商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 | |||||",
        "商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 | |||||\n\
         | 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |",
    );
    check(
        &text,
        &[
            ("requests.new_received.natural_person", C(98)),
            ("requests.new_received.total", C(98)),
        ],
        &[],
    );
}

#[test]
fn an_extra_number_makes_the_row_doubtful_not_wrong() {
    let text = edited(
        "(七)总计 | 98 | 0 | 0 | 0 | 0 | 0 | 98 | ||",
        "(七)总计 | 98 | 0 | 0 | 0 | 0 | 0 | 98 | 5 |",
    );
    let report = check(
        &text,
        &[("requests.total.natural_person", C(98))],
        &["R002", "R003"],
    );
    assert!(report.tables.requests.as_ref().unwrap().doubtful());
}

#[test]
fn a_short_row_suppresses_the_arithmetic_resting_on_it() {
    let text = edited(
        "(七)总计 | 98 | 0 | 0 | 0 | 0 | 0 | 98 | ||",
        "(七)总计 | 97 | 0 | 0 | 0 | 0 |",
    );
    check(&text, &[("requests.total.total", None)], &["R002"]);
}

#[test]
fn units_and_yuan_are_read_and_said() {
    let text = edited(
        "5.属于三类内部事务信息 | 7 | 0 | 0 | 0 | 0 | 0 | 7 | ||",
        "5.属于三类内部事务信息 | 7件 | 0 | 0 | 0 | 0 | 0 | 7 | ||",
    );
    check(
        &text,
        &[("requests.denied.internal_affairs.natural_person", C(7))],
        &["R005"],
    );
    // Every cell of a row so written: one note for the table, naming each.
    let text = edited(
        "5.属于三类内部事务信息 | 7 | 0 | 0 | 0 | 0 | 0 | 7 | ||",
        "5.属于三类内部事务信息 | 7件 | 0件 | 0件 | 0件 | 0件 | 0件 | 7件 | ||",
    );
    let report = check(
        &text,
        &[("requests.denied.internal_affairs.total", C(7))],
        &["R005"],
    );
    let note = &report.diagnostics[0];
    assert!(note.message.contains("7 个单元格"), "{}", note.message);
    assert_eq!(note.cells.len(), 7);
    let text = edited("本年收费金额(单位:万元)", "本年收费金额(单位:元)").replacen(
        "行政事业性收费 | 0 |",
        "行政事业性收费 | 52750 |",
        1,
    );
    check(
        &text,
        &[("active.fees.amount_wan_yuan", Some(Value::Amount(5.275)))],
        &["V004"],
    );
}

#[test]
fn a_number_too_large_is_said_not_overflowed() {
    let text = edited("行政许可 | 0 |", "行政许可 | 99999999999999999999 |");
    check(&text, &[("active.licensing.decisions", None)], &["V001"]);
}

#[test]
fn rows_without_labels_are_placed_by_order() {
    // PDF text where every label of table 三 was lost: only the numbers remain.
    let text = relaid(|line, numbers| match numbers.len() {
        7 => vec![numbers.join(" ")],
        _ => vec![line.to_string()],
    });
    let report = check(
        &text,
        &[
            ("requests.denied.internal_affairs.total", C(7)),
            ("requests.unable.not_held.total", C(5)),
        ],
        &[],
    );
    assert_eq!(
        report.tables.requests.as_ref().unwrap().template,
        Some(Template::Y2021)
    );
}

#[test]
fn a_row_left_blank_apart_from_its_label_keeps_its_place() {
    // A PDF made Markdown: table 三's labels lost from its rows, and the
    // zeros of (二)部分公开 left blank, a row of empty cells and no label.
    let text = relaid(|line, numbers| {
        if line.starts_with("(二)部分公开") {
            vec![BLANK_ROW.to_string()]
        } else {
            vec![markdown_row(line, numbers)]
        }
    });
    check(
        &text,
        &[
            ("requests.granted.total", C(85)),
            ("requests.partially_granted.natural_person", None),
            ("requests.partially_granted.total", None),
            ("requests.denied.internal_affairs.total", C(7)),
            ("requests.unable.not_held.total", C(5)),
            ("requests.not_processed.petition_complaint.total", C(1)),
        ],
        &["V005"],
    );
}

#[test]
fn a_line_of_blank_cells_no_row_is_missing_is_left_out() {
    // The same, every row written: a line of blank cells among them (a
    // converter's padding) has no row to take, and moves none.
    let text = relaid(|line, numbers| {
        let mut lines = vec![markdown_row(line, numbers)];
        if line.starts_with("8.属于行政查询事项") {
            lines.push(BLANK_ROW.to_string());
        }
        lines
    });
    check(
        &text,
        &[
            ("requests.new_received.total", C(98)),
            ("requests.granted.total", C(85)),
            ("requests.denied.internal_affairs.total", C(7)),
            ("requests.unable.not_held.total", C(5)),
            ("requests.not_processed.petition_complaint.total", C(1)),
        ],
        &[],
    );
}

#[test]
fn a_markdown_rule_in_a_page_is_a_rule_not_a_blank_row() {
    // Markdown made a page line by line: its rule is a row of dashes.
    let rows = |rule: &str| {
        let row = |label: &str, v: [u32; 7]| {
            let cells: String = v.iter().map(|n| format!("<td>{n}</td>")).collect();
            format!("<tr><td>{label}</td>{cells}</tr>")
        };
        format!(
            "<table>{}{rule}{}{rule}{}</table>",
            row("一、本年新收政府信息公开申请数量", [3, 0, 0, 0, 0, 0, 3]),
            row("二、上年结转政府信息公开申请数量", [0, 0, 0, 0, 0, 0, 0]),
            row("(一)予以公开", [3, 0, 0, 0, 0, 0, 3]),
        )
    };
    let rule = format!("<tr>{}</tr>", "<td>---</td>".repeat(8));
    let text = seed_000();
    let start = text.find("一、本年新收").unwrap();
    let end = text.find("(二)部分公开").unwrap();
    let page = format!(
        "<html><body><pre>{}</pre>{}<pre>{}</pre></body></html>",
        &text[..start],
        rows(&rule),
        &text[end..]
    );
    let report = nianbao::check(&page);
    assert_eq!(value(&report, "requests", "carried_over", "total"), C(0));
    assert_eq!(value(&report, "requests", "granted", "total"), C(3));
}

#[test]
fn a_page_break_inside_a_table_is_skipped() {
    let text = edited(
        "4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||",
        "4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n— 3 —\n自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |",
    );
    check(
        &text,
        &[("requests.denied.internal_affairs.natural_person", C(7))],
        &[],
    );
}

#[test]
fn the_2019_table_two_is_read_with_its_own_columns() {
    let start = seed_000().find("二、主动公开政府信息情况").unwrap();
    let end = seed_000()
        .find("三、收到和处理政府信息公开申请情况")
        .unwrap();
    let table_2019 = "二、主动公开政府信息情况
第二十条第(一)项
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
规章 | 0 | 0 | 0
规范性文件 | 2 | 2 | 15
第二十条第(五)项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政许可 | 12 | -2 | 340
其他对外管理服务事项 | 3 | 0 | 25
第二十条第(六)项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政处罚 | 40 | 1 | 120
行政强制 | 5 | 0 | 3
第二十条第(八)项
信息内容 | 上一年项目数量 | 本年增/减
行政事业性收费 | 2 | 0
第二十条第(九)项
信息内容 | 采购项目数量 | 采购总金额
政府集中采购 | 8 | 156.3
";
    let text = format!(
        "{}{}{}",
        &seed_000()[..start],
        table_2019,
        &seed_000()[end..]
    );
    let report = check(
        &text,
        &[
            ("active.normative_documents.total_public", C(15)),
            ("active.licensing.change", C(-2)),
            ("active.other_services.decisions", C(25)),
            ("active.fees.previous_items", C(2)),
            (
                "active.procurement.amount_wan_yuan",
                Some(Value::Amount(156.3)),
            ),
        ],
        // Seed 000 reports on 2022: a 2019 table there is the wrong template.
        &["S004"],
    );
    assert_eq!(
        report.tables.active.as_ref().unwrap().template,
        Some(Template::Y2019)
    );
    assert_eq!(report.template, Some(Template::Mixed));
}

#[test]
fn text_that_is_not_a_report_says_so() {
    for text in ["", "   \n\n", "今天天气很好。", "| 1 | 2 |\n3\t4"] {
        let report = nianbao::check(text);
        assert_eq!(codes(&report), ["R008"], "{text:?}");
        assert!(report
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Error));
    }
}

#[test]
fn a_blank_total_is_the_sum_of_its_row_for_the_narrative() {
    // Some reports fill only the applicants' columns: 收到申请98件 agrees
    // with 98 + 0 + … of the row, and 97 does not.
    let blank = edited(
        "一、本年新收政府信息公开申请数量 | 98 | 0 | 0 | 0 | 0 | 0 | 98 | ||",
        "一、本年新收政府信息公开申请数量 | 98 | 0 | 0 | 0 | 0 | 0 |  | ||",
    );
    check(&blank, &[("requests.new_received.total", None)], &["V005"]);
    let says_97 = blank.replacen("收到政府信息公开申请98件", "收到政府信息公开申请97件", 1);
    assert_ne!(says_97, blank);
    check(
        &says_97,
        &[("requests.new_received.natural_person", C(98))],
        &["V005", "N001", "N007"],
    );
}

#[test]
fn a_row_of_table_two_left_blank_is_blank_not_missing() {
    // A crawler's record: the table run together on one line, 行政强制 and
    // 行政事业性收费 left blank, so that each label runs into what follows
    // it (the next row's header, the next section's heading).
    let start = seed_000().find("二、主动公开政府信息情况").unwrap();
    let end = seed_000()
        .find("三、收到和处理政府信息公开申请情况")
        .unwrap();
    let table =
        "二、主动公开政府信息情况第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数\
规章000行政规范性文件2115第二十条第(五)项信息内容本年处理决定数量行政许可340\
第二十条第(六)项信息内容本年处理决定数量行政处罚120行政强制\
第二十条第(八)项信息内容本年收费金额(单位:万元)行政事业性收费\n";
    let text = format!("{}{table}{}", &seed_000()[..start], &seed_000()[end..]);
    check(
        &text,
        &[
            // 2115: 2/1/15 only keeps 现行有效 at least 制发 and 废止.
            ("active.normative_documents.issued", C(2)),
            ("active.normative_documents.repealed", C(1)),
            ("active.normative_documents.in_force", C(15)),
            ("active.penalty.decisions", C(120)),
            ("active.coercion.decisions", None),
            ("active.fees.amount_wan_yuan", None),
        ],
        &["R004"],
    );
}

#[test]
fn a_sentence_naming_section_three_opens_no_table() {
    // The introduction broken into short lines, as PDF text breaks it, one
    // of them naming 收到和处理…; section 三 a sentence, without table 三.
    let text = seed_000();
    let intro = text.lines().nth(1).unwrap();
    let broken = intro
        .replacen("和《国务院", "和《国务院\n", 1)
        .replacen("工作年度报告格式", "工作年度报告\n格式", 1)
        .replacen("收到和处理政府信", "收到和处理政府信\n", 1);
    let text = text.replacen(intro, &broken, 1);
    let start = text.find("三、收到和处理政府信息公开申请情况").unwrap();
    let end = text.find("四、政府信息公开行政复议").unwrap();
    let text = format!(
        "{}三、收到和处理政府信息公开申请情况\n2022年,本机关未收到政府信息公开申请。\n{}",
        &text[..start],
        &text[end..]
    );
    let line = text
        .lines()
        .find(|l| l.contains("收到和处理") && l.contains(','))
        .unwrap();
    assert!(line.chars().count() < 60, "{line}");
    let report = nianbao::check(&text);
    assert!(report.tables.requests.is_none());
    assert_eq!(value(&report, "active", "licensing", "decisions"), C(0));
    assert!(
        !codes(&report).contains(&"R009"),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn a_sentence_broken_into_short_lines_opens_no_table() {
    // Prose of section 一 as PDF text breaks it, each line short and
    // naming the words that open a table: the tables are read as before,
    // and no number of the prose is taken for a cell.
    for prose in [
        "本年新收政府信息公开申请98件，\n均已办结。",
        "按照《条例》第二十条规定，全年主动公开\n信息1234条，其中规章3件。",
    ] {
        let text = edited("一、总体情况\n", &format!("一、总体情况\n{prose}\n"));
        check(
            &text,
            &[
                ("active.regulations.issued", C(0)),
                ("requests.new_received.total", C(98)),
            ],
            &[],
        );
    }
}

#[test]
fn a_sentence_between_a_heading_and_its_table_holds_no_cell() {
    // Whole, or broken into short lines as PDF text breaks it.
    for (heading, prose) in [
        (
            "四、政府信息公开行政复议、行政诉讼情况\n",
            "2022年,本机关共发生行政复议12件,行政诉讼4件,详见下表。",
        ),
        (
            "四、政府信息公开行政复议、行政诉讼情况\n",
            "2022年,本机关共发生行政复议12件,\n行政诉讼4件,详见下表。",
        ),
        (
            "三、收到和处理政府信息公开申请情况\n",
            "2022年,本机关共收到政府信息公开申请98件,上年结转0件。",
        ),
    ] {
        let text = edited(heading, &format!("{heading}{prose}\n"));
        check(
            &text,
            &[
                ("appeals.review.upheld", C(4)),
                ("appeals.review.total", C(12)),
                ("requests.new_received.total", C(98)),
            ],
            &[],
        );
    }
}

#[test]
fn a_tables_caption_and_number_hold_no_cell() {
    let mut text = seed_000();
    for (heading, caption) in [
        (
            "二、主动公开政府信息情况\n",
            "表1 主动公开政府信息情况统计表",
        ),
        (
            "三、收到和处理政府信息公开申请情况\n",
            "表2-1:收到和处理政府信息公开申请情况",
        ),
        (
            "四、政府信息公开行政复议、行政诉讼情况\n",
            "表3 政府信息公开行政复议、行政诉讼情况",
        ),
    ] {
        text = text.replacen(heading, &format!("{heading}{caption}\n"), 1);
    }
    check(
        &text,
        &[
            ("active.regulations.issued", C(0)),
            ("requests.new_received.total", C(98)),
            ("appeals.review.upheld", C(4)),
        ],
        &[],
    );
}

#[test]
fn a_pages_running_title_and_a_note_hold_no_cell() {
    // A PDF's page break inside each table: the page number, then the
    // report's title as the next page's header, its year apart from 年.
    let mut text = seed_000();
    for row in [
        "行政规范性文件 | 0 | 0 | 0 |\n",
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n",
        "结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计 | |||||\n",
    ] {
        assert!(text.contains(row), "{row}");
        text = text.replacen(
            row,
            &format!("{row}- 3 -\n株洲市天元区行政审批服务局2022 年政府信息公开工作年度报告\n"),
            1,
        );
    }
    // A note after table 四, its sentence cut where the table ends.
    let last = "| 4 | 8 | 0 | 0 | 12 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 |\n";
    let text = text.replacen(last, &format!("{last}备注:以上数据均为0。\n"), 1);
    check(
        &text,
        &[
            ("active.normative_documents.in_force", C(0)),
            ("requests.partially_granted.total", C(0)),
            ("requests.total.total", C(98)),
            ("appeals.review.upheld", C(4)),
            ("appeals.litigation_after_review.total", C(0)),
        ],
        &[],
    );
}

#[test]
fn a_row_of_hyphens_is_a_row_left_blank_not_a_markdown_rule() {
    let row = "(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||";
    let blank =
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形) | - | - | - | - | - | - | - | ||";
    let report = check(
        &edited(row, blank),
        &[
            ("requests.partially_granted.natural_person", None),
            ("requests.partially_granted.total", None),
            ("requests.granted.total", C(85)),
        ],
        &["V005"],
    );
    assert!(report.tables.requests.is_some());
    // Table 四's values, each 0 a hyphen, one cell a line.
    let appeals = "| 4 | 8 | 0 | 0 | 12 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 |";
    let lines = "4 |\n8 |\n- |\n- |\n12 |\n4 |\n- |\n- |\n- |\n4 |\n- |\n- |\n- |\n- |\n- |";
    check(
        &edited(appeals, lines),
        &[
            ("appeals.review.total", C(12)),
            ("appeals.review.other", None),
            ("appeals.litigation_direct.total", C(4)),
        ],
        &["V005"],
    );
}

#[test]
fn a_row_short_of_cells_with_its_values_apart_is_doubtful_not_split() {
    // PDF text: the blank 本年废止件数 left no trace, and `11` is whole.
    let text = edited("规章 | 0 | 0 | 0 |", "规章 1 11");
    let report = nianbao::check(&text);
    let active = report.tables.active.as_ref().unwrap();
    let row = RowKey::parse("regulations").unwrap();
    for column in ["issued", "repealed", "in_force"] {
        let cell = active.cell(row, ColumnKey::parse(column).unwrap()).unwrap();
        assert!(cell.doubtful, "{column}: {cell:?}");
        assert_ne!(cell.value, C(1).filter(|_| column != "issued"), "{column}");
    }
    assert!(
        codes(&report).contains(&"R002"),
        "{:#?}",
        report.diagnostics
    );
    assert!(
        !codes(&report).contains(&"R004"),
        "{:#?}",
        report.diagnostics
    );
    // Digits that cannot be one number (`00`) are still split.
    let text = edited("规章 | 0 | 0 | 0 |", "规章 0 00");
    check(&text, &[("active.regulations.in_force", C(0))], &["R004"]);
}

#[test]
fn a_long_row_wrong_however_split_is_split_as_the_other_rows_say() {
    // Seed 000 with (1149, 56, 78, 9, 12, 34 | 1338) added to 本年新收,
    // 予以公开 and (七)总计, which keeps every relation; then (七)总计
    // written with its cells run together and its 自然人 1248 for 1247.
    // Its 17 digits split too many ways to list, none keeping its own sum:
    // the splits nearest what the other rows give each cell are weighed.
    let text = seed_000()
        .replacen(
            "一、本年新收政府信息公开申请数量 | 98 | 0 | 0 | 0 | 0 | 0 | 98 |",
            "一、本年新收政府信息公开申请数量 | 1247 | 56 | 78 | 9 | 12 | 34 | 1436 |",
            1,
        )
        .replacen(
            "(一)予以公开 | 85 | 0 | 0 | 0 | 0 | 0 | 85 |",
            "(一)予以公开 | 1234 | 56 | 78 | 9 | 12 | 34 | 1423 |",
            1,
        )
        .replacen(
            "(七)总计 | 98 | 0 | 0 | 0 | 0 | 0 | 98 |",
            "(七)总计 | 12485678912341436 |",
            1,
        );
    assert!(text.contains("12485678912341436") && text.contains("| 1423 |"));
    let report = check(
        &text,
        &[
            ("requests.total.natural_person", C(1248)),
            ("requests.total.commercial", C(56)),
            ("requests.total.other", C(34)),
            ("requests.total.total", C(1436)),
        ],
        // The narrative's 98 and 85 are the seed's.
        &["N001", "N003", "T001", "R004"],
    );
    let t001 = report.diagnostics.iter().find(|d| d.code == "T001");
    assert_eq!(
        t001.map(|d| d.suspects.clone()),
        Some(vec!["requests.total.natural_person".to_string()]),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn a_run_together_table_four_wrong_in_one_group_names_that_group() {
    // 0 0 34 45 79 | 2 20 56 0 78 | 44 11 15 50 110, with 复议后起诉's
    // 结果维持 44 where 34 would keep its total, its cells run together:
    // 262 splits keep the first two groups, each reading the third
    // otherwise, too many to locate one by one.
    let text = edited(
        "| 4 | 8 | 0 | 0 | 12 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 |",
        "003445792205607844111550110",
    );
    let report = nianbao::check(&text);
    let t006 = report.diagnostics.iter().find(|d| d.code == "T006");
    let suspects = t006.map(|d| d.suspects.clone()).unwrap_or_default();
    assert!(
        suspects.contains(&"appeals.litigation_after_review.upheld".to_string())
            && suspects
                .iter()
                .all(|s| s.starts_with("appeals.litigation_after_review.")),
        "{:#?}",
        report.diagnostics
    );
    // The groups that hold are read: 行政复议 with no doubt; 直接起诉's
    // 2 20 may as well be 22 0 (22 + 0 + 56 + 0 = 78), and is doubtful.
    let appeals = report.tables.appeals.as_ref().unwrap();
    let cell = |row: &str, column: &str| {
        let (r, c) = (
            RowKey::parse(row).unwrap(),
            ColumnKey::parse(column).unwrap(),
        );
        let cell = appeals.cell(r, c).unwrap();
        (cell.value, cell.doubtful)
    };
    let columns = ["upheld", "corrected", "other", "pending", "total"];
    for (column, n) in columns.iter().zip([0, 0, 34, 45, 79]) {
        assert_eq!(cell("review", column), (C(n), false), "review.{column}");
    }
    for (column, n, doubtful) in [
        ("upheld", 2, true),
        ("corrected", 20, true),
        ("other", 56, false),
        ("pending", 0, false),
        ("total", 78, false),
    ] {
        assert_eq!(
            cell("litigation_direct", column),
            (C(n), doubtful),
            "litigation_direct.{column}"
        );
    }
}

#[test]
fn a_split_that_alone_keeps_its_row_is_weighed_against_the_table() {
    // Seed 000 with 395 added to 自然人 and 总计 of 本年新收, 予以公开 and
    // (七)总计, which keeps every relation; then 本年新收 written run
    // together with its 其他 1 for 0: `49300001493`. One split alone keeps
    // the row's sum, 49 30 0 0 0 14 93, and breaks four balances; 493 0 0 0
    // 0 1 493 breaks the row's sum and one balance, and is the reading.
    let text = seed_000()
        .replacen(
            "一、本年新收政府信息公开申请数量 | 98 | 0 | 0 | 0 | 0 | 0 | 98 |",
            "一、本年新收政府信息公开申请数量 | 49300001493 |",
            1,
        )
        .replacen(
            "(一)予以公开 | 85 | 0 | 0 | 0 | 0 | 0 | 85 |",
            "(一)予以公开 | 480 | 0 | 0 | 0 | 0 | 0 | 480 |",
            1,
        )
        .replacen(
            "(七)总计 | 98 | 0 | 0 | 0 | 0 | 0 | 98 |",
            "(七)总计 | 493 | 0 | 0 | 0 | 0 | 0 | 493 |",
            1,
        );
    assert!(text.contains("| 49300001493 |") && text.contains("| 480 |"));
    let report = nianbao::check(&text);
    for (column, n) in [
        ("natural_person", 493),
        ("commercial", 0),
        ("other", 1),
        ("total", 493),
    ] {
        let cell = report
            .tables
            .requests
            .as_ref()
            .unwrap()
            .cell(
                RowKey::parse("new_received").unwrap(),
                ColumnKey::parse(column).unwrap(),
            )
            .unwrap();
        assert_eq!((cell.value, cell.doubtful), (C(n), false), "{column}");
    }
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(!errors.is_empty(), "{:#?}", report.diagnostics);
    for e in errors {
        assert_eq!(e.suspects, ["requests.new_received.other"], "{e:#?}");
    }
}
