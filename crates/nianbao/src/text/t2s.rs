//! Traditional to simplified characters, one character at a time: enough to
//! match labels such as 總計 and 总计 alike, at a cost of about 11 KB.

#[path = "t2s_table.rs"]
mod table;

/// The simplified form of `c`, or `c` itself.
///
/// ```
/// assert_eq!(nianbao::text::simplify('總'), '总');
/// assert_eq!(nianbao::text::simplify('总'), '总');
/// ```
pub fn simplify(c: char) -> char {
    let code = c as u32;
    if !(0x3400..=0xFFFF).contains(&code) {
        return c;
    }
    match table::T2S.binary_search_by_key(&(code as u16), |&(t, _)| t) {
        Ok(i) => char::from_u32(u32::from(table::T2S[i].1)).unwrap_or(c),
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_converts_report_words() {
        assert!(table::T2S.windows(2).all(|w| w[0].0 < w[1].0));
        let s: String = "總計結轉數據區門戶執法".chars().map(simplify).collect();
        assert_eq!(s, "总计结转数据区门户执法");
    }
}
