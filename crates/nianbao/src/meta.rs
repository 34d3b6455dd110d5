//! The report's metadata: the agency, the year reported on and the
//! publication date, from the title, the 统计期限 sentence, the signature
//! at the end, or the portal's header fields.

use crate::layout::Lines;
use crate::report::{Found, Meta};
use crate::text::{trim, Document};

/// Lines searched for the title at the top of the text.
const TITLE_LINES: usize = 30;
/// Longest line taken for a title, a signature or an agency name, in characters.
const SHORT_LINE: usize = 60;

/// Reads the metadata.
pub fn read(doc: &Document, lines: &Lines) -> Meta {
    // The non-empty lines, each with where it starts. Only the first few
    // (title, header) and the last two (signature) are read, so only those
    // are collected, however many lines there are.
    let texts = || {
        lines
            .written(&doc.text)
            .filter(|(_, l)| !l.footer)
            .map(|(_, l)| {
                // A Markdown heading's `#` marks are not part of the title.
                // The offset is that of the trimmed text: a tab before it
                // would otherwise shift every span read from the line.
                let line = &doc.text[l.start..l.end];
                let marks = line.bytes().take_while(|&b| b == b' ' || b == b'#').count();
                let raw = &line[marks..];
                let t = trim(raw);
                (
                    l.end - (raw.len() - (t.as_ptr() as usize - raw.as_ptr() as usize)),
                    t,
                )
            })
            .filter(|(_, t)| !t.is_empty())
    };
    let head: Vec<(usize, &str)> = texts().take(TITLE_LINES).collect();
    let mut last_two: Vec<(usize, &str)> = texts().rev().take(2).collect();
    last_two.reverse();
    let mut meta = Meta {
        period_year: statistics_year(doc),
        ..Meta::default()
    };
    let title = title(&doc.text, &head, meta.period_year.as_ref().map(|y| y.value));
    let signature = signature(&last_two);
    if let Some((start, end)) = title {
        let text = &doc.text[start..end];
        if let Some((at, year)) = find_year(text) {
            meta.year = Some(Found {
                value: year,
                span: doc.span(start + at, start + at + 4),
            });
        }
        meta.agency = title_agency(text).map(|(s, e)| Found {
            value: strip_spaces(&text[s..e]),
            span: doc.span(start + s, start + e),
        });
    }
    let placed = |a: &Found<String>| {
        a.value
            .contains(['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡'])
    };
    if let Some((start, name, _)) = signature {
        if !meta.agency.as_ref().is_some_and(placed) {
            meta.agency = Some(Found {
                value: strip_spaces(name),
                span: doc.span(start, start + name.len()),
            });
        }
    }
    if let Some(agency) = &meta.agency {
        meta.agency = Some(fuller_agency(doc, agency).unwrap_or_else(|| agency.clone()));
    }
    if meta.year.is_none() {
        meta.year = meta.period_year.clone().or_else(|| common_year(doc));
    }
    meta.published = signature
        .map(|(_, _, date)| date)
        .or_else(|| header_date(&doc.text, title.map(|(_, end)| end), &head))
        .map(|(at, len, value)| Found {
            value,
            span: doc.span(at, at + len),
        });
    meta
}

/// The title as a range of the normalised `text`, whose first lines are
/// `texts`: a short line near the top naming the report, or the first
/// field of a crawler's record so naming it ([`title_field`]), not a row
/// of cells (a portal's metadata table, piped or tab-separated), with the
/// line before it when the title was broken over two lines.
///
/// The first such line naming the report's year and agency is the title,
/// unless it names a year other than `period`'s, the year of the
/// statistics: then a later one of that year is (a list of other years'
/// reports above the report's own title), or failing one, it is. A line
/// naming one of them only (a page's <title> without the agency) gives way
/// to the first line after it naming both, of its year: a list of other
/// years' reports between is passed by. A line naming neither (a menu's
/// 政府信息公开年报) is none.
fn title(text: &str, texts: &[(usize, &str)], period: Option<i32>) -> Option<(usize, usize)> {
    let head = &texts[..texts.len().min(TITLE_LINES)];
    let year_of = |t: &str| find_year(t).map(|(_, y)| y);
    // The first line naming the report's year or agency but not both, and
    // its year.
    let mut first: Option<((usize, usize), Option<i32>)> = None;
    // The first line naming both, of a year not the period's.
    let mut other_year = None;
    for (i, &(line_start, line)) in head.iter().enumerate() {
        let t = title_field(line);
        if !is_short(t) || t.contains(['|', '\t', '>', '。']) || !names_report(t) {
            continue;
        }
        // 标题:… (a portal's field, met first in a saved page without <head>).
        let label = label_len(t);
        let own = (line_start + label, line_start + t.len());
        let (mut range, mut year, mut agency) = (
            own,
            year_of(&t[label..]),
            title_agency(&t[label..]).is_some(),
        );
        // 柳州市柳江区工业和信息化局2023年 / 政府信息公开工作年度报告
        if let Some((prev_start, prev)) = i.checked_sub(1).map(|j| head[j]) {
            let joined = &text[prev_start..own.1];
            if !(year.is_some() && agency)
                && is_short(prev)
                && !prev.contains(['。', '|', ':'])
                && year_of(joined).is_some()
                && title_agency(joined).is_some()
            {
                (range, year, agency) = ((prev_start, own.1), year_of(joined), true);
            }
        }
        let both = year.is_some() && agency;
        match first {
            _ if !(year.is_some() || agency) => {}
            None if both && period.is_some_and(|p| year != Some(p)) => {
                other_year = other_year.or(Some(range));
            }
            None if both => return Some(range),
            None => first = Some((range, year)),
            Some((_, of)) if both && of.is_none_or(|y| year == Some(y)) => return Some(range),
            Some(_) => {}
        }
    }
    match first {
        Some((range, year)) if other_year.is_none() || year == period => Some(range),
        _ => other_year,
    }
}

/// Whether `line` is short enough for a title, a signature or an agency
/// name: at most [`SHORT_LINE`] characters, judged first by its bytes (four
/// at most a character), so that a line of megabytes is passed at once.
fn is_short(line: &str) -> bool {
    line.len() <= SHORT_LINE * 4 && line.chars().count() <= SHORT_LINE
}

/// The part of `line` that may be a title: a crawler's record of a report
/// is one row of comma-separated fields (`标题,时间,内容…`: the title, the
/// date, then the text), so a line whose text up to its first comma names
/// the report with its year is that title; any other line is itself.
fn title_field(line: &str) -> &str {
    // A title is short: only a comma near the start may end one.
    let near = &line.as_bytes()[..line.len().min(SHORT_LINE * 4)];
    match memchr::memchr(b',', near).map(|comma| &line[..comma]) {
        Some(first) if names_report(first) && find_year(first).is_some() => first,
        _ => line,
    }
}

/// Whether `t` names the report: 报告 or 年报, or a title a crawler cut
/// short (`…政府信息公开工作年度报...`).
fn names_report(t: &str) -> bool {
    t.contains("报告") || t.contains("年报") || t.ends_with("报...")
}

/// The length of a field's label opening `line` (`标题:`, `标 题:`): a few
/// Han characters and spaces before a colon, with the title after it; 0
/// when there is none.
fn label_len(line: &str) -> usize {
    let Some(colon) = line.find(':') else {
        return 0;
    };
    let label = &line[..colon];
    let short = label.chars().filter(|&c| c != ' ').count() <= 6;
    let words = label.chars().all(|c| c == ' ' || crate::text::is_han(c));
    let after = trim(&line[colon + 1..]);
    if short && words && !label.trim().is_empty() && !after.is_empty() {
        line.len() - after.len()
    } else {
        0
    }
}

/// The span of the agency in a title: before the year, or between the
/// year and 政府信息公开 when the year comes first.
fn title_agency(title: &str) -> Option<(usize, usize)> {
    let end_words = ["政府信息公开", "信息公开", "年度报告", "工作报告"];
    match find_year(title) {
        Some((at, _)) if !title[..at].trim().is_empty() => Some((0, at)),
        Some((at, _)) => {
            let after = title[at..].find('年').map(|i| at + i + '年'.len_utf8())?;
            let after = if title[after..].starts_with('度') {
                after + '度'.len_utf8()
            } else {
                after
            };
            let end = end_words
                .iter()
                .filter_map(|w| title[after..].find(w))
                .min()?
                + after;
            (end > after).then_some((after, end))
        }
        None => {
            let end = end_words.iter().filter_map(|w| title.find(w)).min()?;
            (end > 0).then_some((0, end))
        }
    }
    // A title broken inside a word (2021年度政府信息 / 公开工作报告) names
    // no agency there.
    .filter(|&(s, e)| !title[s..e].trim_end().contains('\n'))
    // 某某局关于2021年…: the agency ends before 关于.
    .map(|(s, e)| {
        let name = title[s..e].trim_end();
        (
            s,
            s + name.strip_suffix("关于").unwrap_or(name).trim_end().len(),
        )
    })
}

/// The signature at the end: an agency line, then a date line.
fn signature<'a>(texts: &[(usize, &'a str)]) -> Option<(usize, &'a str, (usize, usize, String))> {
    let n = texts.len();
    let (date_start, date_line) = *texts.get(n.checked_sub(1)?)?;
    let date = parse_date(date_line.trim_matches(['(', ')']))?;
    let (name_start, name) = *texts.get(n.checked_sub(2)?)?;
    let plausible = is_short(name)
        && !name.contains(['。', ',', ':', '|'])
        && !name.starts_with(['一', '二', '三', '四', '五', '六']);
    plausible.then_some((name_start, name, (date_start, date_line.len(), date)))
}

/// A date in a crawler's record, the field after the title that ends at
/// `title_end` of `text` (`…年度报告,2024-01-29,`), or in a portal header
/// (`发布日期: 2022-01-19`, `发布时间: 2021-01-27 11:38`) or under the title
/// (`(2026年1月23日)`) among `texts`.
fn header_date(
    text: &str,
    title_end: Option<usize>,
    texts: &[(usize, &str)],
) -> Option<(usize, usize, String)> {
    let field = title_end.and_then(|end| Some((end + 1, text[end..].strip_prefix(',')?)));
    if let Some((start, rest)) = field {
        let end = rest.find([' ', '|', ',', '\n']).unwrap_or(rest.len());
        if let Some(d) = parse_date(&rest[..end]) {
            return Some((start, end, d));
        }
    }
    for &(start, t) in &texts[..texts.len().min(TITLE_LINES)] {
        // 发布日期 or 发布时间, found in one pass over the line.
        let labelled = t
            .match_indices("发布")
            .map(|(at, w)| &t[at + w.len()..])
            .find_map(|rest| {
                rest.strip_prefix("日期")
                    .or_else(|| rest.strip_prefix("时间"))
            })
            .map(|rest| rest.trim_start_matches([':', ' ', '|']));
        if let Some(rest) = labelled {
            let end = rest.find([' ', '|']).unwrap_or(rest.len());
            if let Some(d) = parse_date(&rest[..end]) {
                let at = start + (rest.as_ptr() as usize - t.as_ptr() as usize);
                return Some((at, end, d));
            }
        }
        let inner = t.trim_matches(['(', ')']);
        if inner.len() < t.len() {
            if let Some(d) = parse_date(inner) {
                return Some((start, t.len(), d));
            }
        }
    }
    None
}

/// Parses `2024年1月4日` or `2022-01-19` (the whole string, blanks aside)
/// as `YYYY-MM-DD`: three numbers between 年, 月 and a closing 日, or
/// between two of `-`, `/` and `.`. One pass, stopping at the first
/// character that cannot be part of a date: the line may be a million
/// dashes.
fn parse_date(s: &str) -> Option<String> {
    const HAN: [char; 3] = ['年', '月', '日'];
    let mut parts = [0u32; 3];
    // The number being read, its digits, and whether the separators are Han.
    let (mut n, mut digits, mut han) = (0, 0, None);
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        if let Some(d) = c.to_digit(10).filter(|_| n < 3 && digits < 9) {
            parts[n] = parts[n] * 10 + d;
            digits += 1;
            continue;
        }
        let is_han = HAN.contains(&c);
        let ascii = matches!(c, '-' | '/' | '.');
        let in_order = !is_han || HAN.get(n) == Some(&c);
        if digits == 0 || !(is_han || ascii) || !in_order || *han.get_or_insert(is_han) != is_han {
            return None;
        }
        (n, digits) = (n + 1, 0);
        if n == 3 && !is_han {
            return None;
        }
    }
    let complete = match han {
        Some(true) => n == 3,
        Some(false) => n == 2 && digits > 0,
        None => false,
    };
    let [y, m, d] = parts;
    if !complete || !(1990..=2999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d)
    {
        return None;
    }
    let mut out = String::with_capacity(10);
    for (i, (value, width)) in [(y, 4), (m, 2), (d, 2)].into_iter().enumerate() {
        if i > 0 {
            out.push('-');
        }
        for k in (0..width).rev() {
            out.push(char::from(b'0' + (value / 10u32.pow(k) % 10) as u8));
        }
    }
    Some(out)
}

/// The first plausible year followed by 年 in `s`: its offset and value.
fn find_year(s: &str) -> Option<(usize, i32)> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = &b[i..i + 4];
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        if !boundary
            || !digits.iter().all(u8::is_ascii_digit)
            || b.get(i + 4).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let rest = s[i + 4..].trim_start();
        let year: i32 = s[i..i + 4].parse().ok()?;
        ((1990..=2999).contains(&year) && rest.starts_with('年')).then_some((i, year))
    })
}

/// The year of the 统计期限 sentence: `统计期限自 2024 年 1 月 1 日`.
fn statistics_year(doc: &Document) -> Option<Found<i32>> {
    const WORDS: [&str; 4] = ["统计期限", "统计时限", "统计周期", "统计时间"];
    // Where each word is first, found in one pass over the places of 统计.
    let mut first = [None; WORDS.len()];
    for at in memchr::memmem::find_iter(doc.text.as_bytes(), "统计") {
        let rest = &doc.text[at..];
        if let Some(k) = WORDS.iter().position(|w| rest.starts_with(w)) {
            first[k] = first[k].or(Some(at));
        }
    }
    first.iter().find_map(|&at| {
        let at = at?;
        let window_end = (at + 90).min(doc.text.len());
        let window_end = (window_end..doc.text.len())
            .find(|&i| doc.text.is_char_boundary(i))
            .unwrap_or(doc.text.len());
        let (off, year) = find_year(&doc.text[at..window_end])?;
        Some(Found {
            value: year,
            span: doc.span(at + off, at + off + 4),
        })
    })
}

/// The year named most often in the text, as a last resort.
fn common_year(doc: &Document) -> Option<Found<i32>> {
    let mut counts: Vec<(i32, usize, usize)> = Vec::new();
    let mut rest = doc.text.as_str();
    let mut base = 0;
    while let Some((at, year)) = find_year(rest) {
        match counts.iter_mut().find(|c| c.0 == year) {
            Some(c) => c.1 += 1,
            None => counts.push((year, 1, base + at)),
        }
        base += at + 4;
        rest = &rest[at + 4..];
    }
    let &(year, _, at) = counts
        .iter()
        .max_by_key(|c| (c.1, std::cmp::Reverse(c.2)))?;
    Some(Found {
        value: year,
        span: doc.span(at, at + 4),
    })
}

/// A fuller name from the opening sentence (`本报告由淮安市洪泽区人民政府办公室…编制`)
/// when it ends with the name found in the title.
fn fuller_agency(doc: &Document, agency: &Found<String>) -> Option<Found<String>> {
    let intro =
        memchr::memmem::find(doc.text.as_bytes(), "本报告由".as_bytes())? + "本报告由".len();
    let window = &doc.text[intro..];
    let at = window.find(agency.value.as_str())?;
    if at == 0 || at > 30 {
        return None;
    }
    let name = &window[..at + agency.value.len()];
    (!name.contains([',', '。', ' ', '(', '《'])).then(|| Found {
        value: name.to_string(),
        span: doc.span(intro, intro + name.len()),
    })
}

fn strip_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> Meta {
        let doc = Document::new(text);
        read(&doc, &Lines::new(&doc))
    }

    #[test]
    fn agency_and_year_from_the_title() {
        let m = meta("株洲市天元区行政审批服务局2022年政府信息公开工作年度报告\n正文");
        assert_eq!(m.agency.unwrap().value, "株洲市天元区行政审批服务局");
        assert_eq!(m.year.unwrap().value, 2022);
        let m = meta("大洼區人民政府2021年度政府信息公開工作報告\n");
        assert_eq!(m.agency.unwrap().value, "大洼区人民政府");
    }

    #[test]
    fn a_field_label_is_not_part_of_the_agency() {
        for title in [
            "标题:大洼区人民政府2021年度政府信息公开工作报告",
            "标 题：大洼区人民政府2021年度政府信息公开工作报告",
            "<html><body><p>標　題：大洼區人民政府2021年度政府信息公開工作報告</p><p>正文</p>",
        ] {
            let m = meta(title);
            assert_eq!(m.agency.unwrap().value, "大洼区人民政府", "{title}");
            assert_eq!(m.year.unwrap().value, 2021, "{title}");
        }
        // A colon after digits or a long phrase ends no label.
        assert_eq!(label_len("报告2021年:x"), 0);
        assert_eq!(label_len("关于公布政府信息公开工作年度报告的通知:x"), 0);
        assert_eq!(label_len("标题:"), 0);
    }

    #[test]
    fn signature_gives_date_and_a_fuller_agency() {
        let m = meta("2023年城管執(zhí)法局政府信息公開工作年度報告\n正文。\n沅江市城市管理和綜合執法局\n2024年1月4日");
        assert_eq!(m.agency.unwrap().value, "沅江市城市管理和综合执法局");
        assert_eq!(m.year.unwrap().value, 2023);
        assert_eq!(m.published.unwrap().value, "2024-01-04");
    }

    #[test]
    fn a_crawlers_record_gives_its_title_and_date_fields() {
        // One CSV row: title, date, then the text (corpus 108); the title
        // may be cut short (101).
        let m = meta("标题,时间,内容,一级类别\n河北省教育厅2023年政府信息公开工作年度报告,2024年01月26日,\"本报告根据《条例》编制，数据统计期限为2023年1月1日至12月31日。");
        assert_eq!(m.agency.unwrap().value, "河北省教育厅");
        assert_eq!(m.year.unwrap().value, 2023);
        assert_eq!(m.published.unwrap().value, "2024-01-26");
        let m = meta("标题,时间,内容\n河北省科学技术厅2023年政府信息公开工作年度报...,2024-01-31 15:29:06,\"\n正文");
        assert_eq!(m.agency.unwrap().value, "河北省科学技术厅");
        assert_eq!(m.published.unwrap().value, "2024-01-31");
        // A portal's header fields (corpus 111) and a title of the form
        // 某某局关于…报告 (114).
        let m = meta("标题: 平潭综合实验区海坛片区管理局关于2021年政府信息公开工作年度报告\n发布时间: 2022-01-12 09:30\n正文");
        assert_eq!(m.agency.unwrap().value, "平潭综合实验区海坛片区管理局");
        assert_eq!(m.published.unwrap().value, "2022-01-12");
        // A sentence is no record: its first clause names no report.
        let m = meta("2022年,我局政府信息公开工作年度报告如下。\n");
        assert!(m.agency.is_none());
    }

    #[test]
    fn a_pages_title_without_the_agency_gives_way_to_the_reports_own() {
        // The page's <title>, a list of other years' reports, then the
        // report's own title.
        let page =
            "<html><head><title>2022年度政府信息公开工作年度报告_某某市人民政府</title></head>\
            <body><ul><li>某某市2021年政府信息公开工作年度报告</li></ul>\
            <p>发布时间：2023-01-18 10:22</p>\
            <h1>株洲市天元区行政审批服务局2022年政府信息公开工作年度报告</h1><p>正文</p>";
        let m = meta(page);
        assert_eq!(m.agency.unwrap().value, "株洲市天元区行政审批服务局");
        assert_eq!(m.year.unwrap().value, 2022);
        assert_eq!(m.published.unwrap().value, "2023-01-18");
    }

    #[test]
    fn a_list_of_other_years_reports_above_the_title_is_passed_by() {
        // A page saved without <title>: the portal's list of the agency's
        // reports, then the report's own title, of the statistics' year.
        let page = "<html><body><ul><li>甲市交通局2022年政府信息公开工作年度报告</li>\
            <li>乙县民政局2021年政府信息公开工作年度报告</li></ul>\
            <h1>甲市交通局2023年政府信息公开工作年度报告</h1>\
            <p>本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>";
        let m = meta(page);
        assert_eq!(m.year.unwrap().value, 2023);
        assert_eq!(m.agency.unwrap().value, "甲市交通局");
        // A title of a year other than the statistics' is still the title,
        // when no other is of theirs (C004 tells of it).
        let m = meta("乙县民政局2021年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。");
        assert_eq!(m.year.unwrap().value, 2021);
        assert_eq!(m.agency.unwrap().value, "乙县民政局");
    }

    #[test]
    fn a_title_broken_inside_a_word_names_no_agency_there() {
        // A PDF's portal field wrapped in its cell (seed 003 as LibreOffice
        // prints it): 政府信息 / 公开 is no agency; the title below is.
        let m = meta("标 题:\t大洼区人民政府\n2021年度政府信息\n公开工作报告\n大洼区人民政府2021年度政府信息公开工作报告\n正文");
        assert_eq!(m.agency.unwrap().value, "大洼区人民政府");
    }

    #[test]
    fn a_menu_item_naming_no_year_and_no_agency_is_no_title() {
        let m = meta("首页\n政策解读\n政府信息公开年报\n沅江市城市管理和综合执法局2023年政府信息公开工作年度报告\n正文");
        assert_eq!(m.agency.unwrap().value, "沅江市城市管理和综合执法局");
    }

    #[test]
    fn parses_dates() {
        assert_eq!(parse_date("2022-01-19").as_deref(), Some("2022-01-19"));
        assert_eq!(parse_date("2026年1月23日").as_deref(), Some("2026-01-23"));
        assert_eq!(parse_date("2026年13月23日"), None);
        assert_eq!(
            parse_date("2024 年 1 月 4 日").as_deref(),
            Some("2024-01-04")
        );
        assert_eq!(parse_date("2022/1/9").as_deref(), Some("2022-01-09"));
        assert_eq!(parse_date("2022.01-19").as_deref(), Some("2022-01-19"));
        // Incomplete, out of order, mixed, or more than a date: none.
        for s in [
            "2024年1月4",
            "2024年4日",
            "2024月1年4日",
            "2024-01-04日",
            "2024年1-4",
            "2024-01",
            "2024-01-04-05",
            "2024--01-04",
            "2024年1月4日5",
            "1989-01-01",
            "2024-01-32",
            "12345678901-1-1",
            "",
            "-",
            "年",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }
}
