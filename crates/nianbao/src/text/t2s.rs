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
#[inline]
pub fn simplify(c: char) -> char {
    let code = c as u32;
    if !(0x3400..=0xFFFF).contains(&code) || !maybe_traditional(code) {
        return c;
    }
    match table::T2S.binary_search_by_key(&(code as u16), |&(t, _)| t) {
        Ok(i) => char::from_u32(u32::from(table::T2S[i].1)).unwrap_or(c),
        Err(_) => c,
    }
}

/// The first and last code points the table converts, and one bit for each
/// code point between them that it does: most characters of a report are
/// not in the table, and one look at this bit tells so without a search.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;
const WORDS: usize = ((LAST - FIRST + 1) / 64) as usize;
static IN_TABLE: [u64; WORDS] = in_table();

const fn in_table() -> [u64; WORDS] {
    let mut bits = [0u64; WORDS];
    let mut i = 0;
    while i < table::T2S.len() {
        let code = table::T2S[i].0 as u32;
        if code >= FIRST && code <= LAST {
            let k = code - FIRST;
            bits[(k / 64) as usize] |= 1 << (k % 64);
        }
        i += 1;
    }
    bits
}

/// Whether `code` (at least 0x3400) may be in the table: outside the range
/// of the bitmap always, inside it only when its bit is set.
fn maybe_traditional(code: u32) -> bool {
    if !(FIRST..=LAST).contains(&code) {
        return true;
    }
    let k = code - FIRST;
    IN_TABLE[(k / 64) as usize] & (1 << (k % 64)) != 0
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

    #[test]
    fn the_bitmap_lets_every_table_entry_through() {
        for &(t, s) in table::T2S {
            assert!(maybe_traditional(u32::from(t)), "{t:X}");
            assert_eq!(
                simplify(char::from_u32(u32::from(t)).unwrap()) as u32,
                u32::from(s)
            );
        }
    }
}
