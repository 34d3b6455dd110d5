//! The narrative rules on the phrasings real reports use, gathered from
//! every report of `../shared` that restates a table figure in its prose:
//! each sentence is taken as the report writes it, its number changed by
//! one, and the finding must name the figure's cell and quote the changed
//! number. The reports unchanged give no such finding (`corpus.rs`).

use std::path::PathBuf;

mod common;

/// `../shared` beside the clone, as on CI.
fn shared(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A report, the words as it writes them, the same with the number
/// changed, the code and the cell the finding must name.
const PHRASES: &[(&str, &str, &str, &str, &str)] = &[
    // The number after its words, with 共/全年/含 before it.
    (
        "seeds/000_2d759736cf79b107.txt",
        "收到政府信息公开申请98件",
        "收到政府信息公开申请99件",
        "N001",
        "requests.new_received.total",
    ),
    (
        "seeds/002_fe52555f254f9b80.txt",
        "全年共受理政府信息公开申请8件",
        "全年共受理政府信息公开申请9件",
        "N001",
        "requests.new_received.total",
    ),
    (
        "real-reports/009.txt",
        "全市共受理政府信息公开申请 3119 件",
        "全市共受理政府信息公开申请 3118 件",
        "N001",
        "requests.new_received.total",
    ),
    (
        "real-reports/012.md",
        "全县全年共受理政府信息公开申请 749 件",
        "全县全年共受理政府信息公开申请 750 件",
        "N001",
        "requests.new_received.total",
    ),
    (
        "corpus/108.txt",
        "政府信息公开申请共19件",
        "政府信息公开申请共20件",
        "N001",
        "requests.new_received.total",
    ),
    // The words the figure needs after it: 收到 N 份 … 申请 (corpus 107's
    // words; 107's own table 三 is read with doubt, so they go in seed 000).
    (
        "seeds/000_2d759736cf79b107.txt",
        "收到政府信息公开申请98件",
        "收到97份以信函形式提出的信息公开申请",
        "N001",
        "requests.new_received.total",
    ),
    // Carried over and carried forward, the number before or after.
    (
        "real-reports/009.txt",
        "含上年度结转申请 34 件",
        "含上年度结转申请 35 件",
        "N002",
        "requests.carried_over.total",
    ),
    (
        "real-reports/009.txt",
        "另有 103 件顺延到下年度",
        "另有 104 件顺延到下年度",
        "N002",
        "requests.carried_forward.total",
    ),
    (
        "real-reports/012.md",
        "结转下一年 31 件",
        "结转下一年 32 件",
        "N002",
        "requests.carried_forward.total",
    ),
    (
        "real-reports/013.md",
        "年度办理答复的有 1 件",
        "年度办理答复的有 2 件",
        "N002",
        "requests.carried_forward.total",
    ),
    (
        "real-reports/014.md",
        "上年结转 189 件",
        "上年结转 190 件",
        "N002",
        "requests.carried_over.total",
    ),
    // Each outcome, as 予以公开 N 件, 同意公开答复 N 件, 无法提供的 N 件.
    (
        "seeds/000_2d759736cf79b107.txt",
        "予以公开85件",
        "予以公开86件",
        "N003",
        "requests.granted.total",
    ),
    (
        "seeds/000_2d759736cf79b107.txt",
        "不予处理1件",
        "不予处理2件",
        "N003",
        "requests.not_processed.petition_complaint.total",
    ),
    (
        "real-reports/013.md",
        "同意公开答复 9 件",
        "同意公开答复 8 件",
        "N003",
        "requests.granted.total",
    ),
    (
        "real-reports/013.md",
        "无法提供的 10 件",
        "无法提供的 11 件",
        "N003",
        "requests.unable.not_held.total",
    ),
    (
        "real-reports/014.md",
        "不予公开 20 件",
        "不予公开 21 件",
        "N003",
        "requests.denied.state_secret.total",
    ),
    (
        "real-reports/014.md",
        "其他处理 319 件",
        "其他处理 318 件",
        "N003",
        "requests.other.overdue_correction.total",
    ),
    // 行政复议 and 行政诉讼, as 案件 N 件 and across a PDF's line break.
    (
        "seeds/000_2d759736cf79b107.txt",
        "行政复议案件12件",
        "行政复议案件13件",
        "N004",
        "appeals.review.total",
    ),
    (
        "seeds/000_2d759736cf79b107.txt",
        "行政诉讼案件4件",
        "行政诉讼案件5件",
        "N005",
        "appeals.litigation_direct.total",
    ),
    (
        "real-reports/009.txt",
        "行政复议 351\n件",
        "行政复议 352\n件",
        "N004",
        "appeals.review.total",
    ),
    (
        "real-reports/009.txt",
        "行政诉讼 46 件",
        "行政诉讼 45 件",
        "N005",
        "appeals.litigation_direct.total",
    ),
];

#[test]
fn every_phrasing_of_the_reports_is_compared_with_its_cell() {
    let mut missed = Vec::new();
    for &(file, said, changed, code, cell) in PHRASES {
        let text = if file.starts_with("seeds/") {
            common::read(file)
        } else {
            shared(file)
        };
        assert_eq!(
            text.matches(said).count(),
            1,
            "{file}: «{said}» is not said once"
        );
        let number: String = changed.chars().filter(char::is_ascii_digit).collect();
        let text = text.replace(said, changed);
        let report = nianbao::check(&text);
        let found = report.diagnostics.iter().any(|d| {
            d.code == code
                && d.cells.iter().any(|c| c == cell)
                && d.span
                    .is_some_and(|s| text[s.start..s.end].contains(&number))
        });
        if !found {
            missed.push(format!("{file}: «{changed}» gives no {code} on {cell}"));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn the_figures_of_table_two_are_compared() {
    let text = common::read(common::SEED_000);
    let overview = "一、总体情况\n";
    let cases = [
        (
            "本年度制发行政规范性文件3件。",
            "active.normative_documents.issued",
        ),
        (
            "现行有效规范性文件 15 件。",
            "active.normative_documents.in_force",
        ),
        ("全年废止规章2件。", "active.regulations.repealed"),
        ("全年作出行政强制决定 7 件。", "active.coercion.decisions"),
        ("依法办理12件行政处罚案件。", "active.penalty.decisions"),
    ];
    for (sentence, cell) in cases {
        let report =
            nianbao::check(&text.replacen(overview, &format!("{overview}{sentence}\n"), 1));
        let found = report
            .diagnostics
            .iter()
            .find(|d| d.code == "N006" && d.cells.iter().any(|c| c == cell));
        assert!(found.is_some(), "«{sentence}» gives no N006 on {cell}");
    }
    // One sentence on both kinds of document is not tied to either.
    let both = "本年制发规章和规范性文件共3件。";
    let report = nianbao::check(&text.replacen(overview, &format!("{overview}{both}\n"), 1));
    assert!(
        report.diagnostics.iter().all(|d| d.code != "N006"),
        "«{both}» was tied to a cell"
    );
}

#[test]
fn a_figure_for_a_narrower_scope_says_so() {
    let report = nianbao::check(&shared("real-reports/011.txt"));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "N001")
        .expect("N001 on 011");
    assert_eq!(d.severity, nianbao::Severity::Warning);
    assert!(
        d.message.contains("「区政府办代表区政府」") && d.message.contains("范围可能小于"),
        "{}",
        d.message
    );
}
