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
    if !is_traditional(c as u32) {
        return c;
    }
    look_up(c)
}

/// The simplified form of `c`, which is in the table: its entry's place is
/// the number of bits set before its own (the table is sorted), counted
/// from the count before its word.
fn look_up(c: char) -> char {
    let k = (c as u32 - FIRST) as usize;
    let (word, bit) = (k / 64, k % 64);
    let before = (IN_TABLE[word] & ((1u64 << bit) - 1)).count_ones() as usize;
    table::T2S
        .get(usize::from(RANK[word]) + before)
        .and_then(|&(_, s)| char::from_u32(u32::from(s)))
        .unwrap_or(c)
}

/// The first and last code points the table converts, and one bit for each
/// code point between them that it does: most characters of a report are
/// not in the table, and one look at this bit tells so without a search.
/// Every traditional character of the table is in this block (the build
/// fails otherwise), so a character outside it, such as full-width
/// punctuation, is not looked for at all.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;
const WORDS: usize = ((LAST - FIRST + 1) / 64) as usize;
static IN_TABLE: [u64; WORDS] = in_table();

/// For each word of [`IN_TABLE`], the bits set in the words before it.
static RANK: [u16; WORDS] = rank();

const fn rank() -> [u16; WORDS] {
    let mut out = [0u16; WORDS];
    let mut w = 1;
    while w < WORDS {
        out[w] = out[w - 1] + IN_TABLE[w - 1].count_ones() as u16;
        w += 1;
    }
    out
}

const fn in_table() -> [u64; WORDS] {
    let mut bits = [0u64; WORDS];
    let mut i = 0;
    while i < table::T2S.len() {
        let code = table::T2S[i].0 as u32;
        assert!(
            code >= FIRST && code <= LAST,
            "a traditional character outside the block"
        );
        let k = code - FIRST;
        bits[(k / 64) as usize] |= 1 << (k % 64);
        i += 1;
    }
    bits
}

/// Whether `code` is in the table: its bit is set.
fn is_traditional(code: u32) -> bool {
    if !(FIRST..=LAST).contains(&code) {
        return false;
    }
    let k = code - FIRST;
    IN_TABLE[(k / 64) as usize] & (1 << (k % 64)) != 0
}

/// How many bytes at the start of `b` are Han characters of the main block
/// (U+4E00..U+9FFF, three bytes each in UTF-8) that [`simplify`] leaves as
/// they are: most of a report, measured without decoding each character.
pub(crate) fn simplified_han_run(b: &[u8]) -> usize {
    let mut i = 0;
    while let [x, y, z, ..] = b[i..] {
        // E4 B8 80 (U+4E00) to E9 BF BF (U+9FFF).
        if !(0xE4..=0xE9).contains(&x) || (x == 0xE4 && y < 0xB8) {
            break;
        }
        let code = (u32::from(x & 0x0F) << 12) | (u32::from(y & 0x3F) << 6) | u32::from(z & 0x3F);
        if is_traditional(code) {
            break;
        }
        i += 3;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_simplified_han_is_what_simplify_keeps() {
        let s = "总计结转數据a总";
        assert_eq!(simplified_han_run(s.as_bytes()), "总计结转".len());
        assert_eq!(simplified_han_run("a总".as_bytes()), 0);
        assert_eq!(simplified_han_run("总".as_bytes()[..2].as_ref()), 0);
        // Every character of the block: counted where simplify keeps it.
        for code in 0x4E00..=0x9FFF {
            let c = char::from_u32(code).unwrap();
            let kept = usize::from(simplify(c) == c) * 3;
            assert_eq!(
                simplified_han_run(c.to_string().as_bytes()),
                kept,
                "{code:X}"
            );
        }
    }

    #[test]
    fn table_is_sorted_and_converts_report_words() {
        assert!(table::T2S.windows(2).all(|w| w[0].0 < w[1].0));
        let s: String = "總計結轉數據區門戶執法".chars().map(simplify).collect();
        assert_eq!(s, "总计结转数据区门户执法");
    }

    #[test]
    fn the_bitmap_is_the_table_for_every_character() {
        // No character outside it is searched for, and none is missed.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let listed = u16::try_from(c as u32)
                .is_ok_and(|k| table::T2S.binary_search_by_key(&k, |&(t, _)| t).is_ok());
            assert_eq!(is_traditional(c as u32), listed, "{c:?}");
        }
    }

    #[test]
    fn the_bitmap_lets_every_table_entry_through() {
        for &(t, s) in table::T2S {
            assert!(is_traditional(u32::from(t)), "{t:X}");
            assert_eq!(
                simplify(char::from_u32(u32::from(t)).unwrap()) as u32,
                u32::from(s)
            );
        }
    }
}
