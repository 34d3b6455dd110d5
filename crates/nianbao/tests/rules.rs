//! The rule catalogue keeps its promises: every code has a page with an
//! invalid and a valid example, each invalid example yields exactly its
//! code and each valid one none, every active code has fixtures of both
//! kinds (`rule_fixtures.rs` runs them), and `docs/rules/` is generated
//! from the pages (run with `NIANBAO_BLESS=1` to regenerate it).

mod common;

use std::collections::BTreeSet;

use nianbao::codes::{self, Status};
use nianbao::rules::docs::{companions, examples, pages, Page};

/// Codes an example yields because it is an excerpt, not a whole report:
/// the sections, tables and rows it leaves out, and table 三's header note.
const EXCERPT: &[&str] = &["S001", "S002", "R007", "R008", "R009", "S005"];

fn yielded(text: &str, previous: Option<&str>) -> BTreeSet<&'static str> {
    let options = nianbao::Options {
        previous,
        only: None,
    };
    nianbao::check_with(text, options)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

fn page(code: &str) -> Page {
    pages()
        .into_iter()
        .find(|p| p.code == code)
        .unwrap_or_else(|| panic!("{code} has no page"))
}

#[test]
fn every_code_has_a_page_with_examples() {
    for code in codes::ALL {
        let page = page(code.code);
        if code.status == Status::Active {
            let ex = examples(&page);
            assert!(
                ex.iter().any(|e| e.invalid),
                "{} has no invalid example",
                code.code
            );
            assert!(
                ex.iter().any(|e| !e.invalid),
                "{} has no valid example",
                code.code
            );
        }
    }
    assert_eq!(
        pages().len(),
        codes::ALL.len(),
        "a page for each code and no more"
    );
}

#[test]
fn invalid_examples_yield_their_code_and_valid_ones_none() {
    let mut failures = Vec::new();
    for p in pages() {
        let own = [p.code]
            .into_iter()
            .chain(companions(&p))
            .collect::<BTreeSet<_>>();
        for (i, e) in examples(&p).iter().enumerate() {
            let got = yielded(&e.text, e.previous.as_deref());
            let ignored = |c: &&str| EXCERPT.contains(c) && !own.contains(c);
            let got: BTreeSet<&str> = got.into_iter().filter(|c| !ignored(c)).collect();
            let ok = if e.invalid {
                got.contains(p.code) && got.iter().all(|c| own.contains(c))
            } else {
                got.is_empty()
            };
            if !ok {
                let kind = if e.invalid { "invalid" } else { "valid" };
                failures.push(format!("{} {kind} example {i} yields {got:?}", p.code));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_active_code_has_invalid_and_valid_fixtures() {
    for code in codes::ALL.iter().filter(|c| c.status == Status::Active) {
        let names = common::files(&format!("rules/{}", code.code));
        let has = |kind: &str| {
            let prefix = format!("rules/{}/{kind}_", code.code);
            names.iter().any(|n| n.starts_with(&prefix))
        };
        assert!(has("invalid"), "{} has no invalid fixture", code.code);
        assert!(has("valid"), "{} has no valid fixture", code.code);
    }
}

#[test]
fn docs_rules_is_generated_from_the_pages() {
    let dir = common::root().join("docs/rules");
    let bless = std::env::var_os("NIANBAO_BLESS").is_some();
    let mut index = String::from("# 规则目录\n\n由各规则文件开头的文档生成（`NIANBAO_BLESS=1 cargo test -p nianbao --test rules`），请勿手改。\n\n| 代码 | 名称 | 级别 | 检查什么 |\n|---|---|---|---|\n");
    let mut expected = vec![];
    for code in codes::ALL {
        let status = match code.status {
            Status::Active => code.summary.to_string(),
            Status::Retired(to) => format!("已停用，见 [{to}]({to}.md)"),
        };
        index.push_str(&format!(
            "| [{0}]({0}.md) | {1} | {2} | {status} |\n",
            code.code,
            code.name,
            code.severity.as_str()
        ));
        expected.push((format!("{}.md", code.code), page(code.code).markdown));
    }
    expected.push(("README.md".into(), index));
    // The pages as the page bundles them (`www/explain.js`): one JSON object,
    // code to Markdown, the very text `nianbao explain` prints.
    // In code order, inserted sorted: the same file whether serde_json keeps
    // insertion order (its `preserve_order`, which the CLI turns on) or not.
    let mut sorted: Vec<&str> = codes::ALL.iter().map(|c| c.code).collect();
    sorted.sort_unstable();
    let pages: serde_json::Map<String, serde_json::Value> = sorted
        .into_iter()
        .map(|code| (code.to_string(), page(code).markdown.into()))
        .collect();
    expected.push((
        "pages.json".into(),
        serde_json::to_string_pretty(&pages).unwrap() + "\n",
    ));
    if bless {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    for (name, text) in &expected {
        let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            &on_disk == text,
            "docs/rules/{name} is stale: run NIANBAO_BLESS=1 cargo test -p nianbao --test rules"
        );
    }
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        files,
        expected.len(),
        "docs/rules/ holds a file that no code has"
    );
}

#[test]
fn a_changed_narrative_figure_names_its_cell() {
    let text = common::read(common::SEED_000)
        .replace("收到政府信息公开申请98件", "收到政府信息公开申请97件");
    let report = nianbao::check(&text);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "N001")
        .expect("N001");
    assert_eq!(d.cells, ["requests.new_received.total"]);
    assert_eq!(d.severity, nianbao::Severity::Warning);
    assert_eq!(&text[d.span.unwrap().start..d.span.unwrap().end], "97件");
}
