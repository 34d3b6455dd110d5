//! Numbers as they appear in cells: `98`, `3,119`, `3457.732481`, `-2`,
//! `12件`, and the marks that stand for an empty cell.

use crate::report::Value;

/// The largest count that survives a trip through JavaScript unchanged.
const MAX_COUNT: i64 = (1 << 53) - 1;

/// Units that may follow a number in a cell.
pub(crate) const UNITS: &[&str] = &[
    "万元", "人次", "件", "条", "个", "项", "次", "份", "篇", "家", "人", "元",
];

/// What, written right after a number, makes it part of the text and not a
/// value: a date (`2024年`), a share (`5%`), an ordinal (`3号`).
pub(crate) const TEXT_MARKS: [char; 5] = ['年', '月', '日', '%', '号'];

/// Whether a number followed by `next` in a sentence counts something or
/// dates it: the first character of a unit (`98件`, `3万余条`) or a mark
/// of text.
pub(crate) fn counts_or_dates(next: char) -> bool {
    TEXT_MARKS.contains(&next) || UNITS.iter().any(|u| u.starts_with(next))
}

/// A number as messages write it: `98`, `25.1`, `658.66501`, to six
/// decimals at most (an amount in 万元 from one in 元 has six), with no
/// trailing zeros and no exponent: a sum in floating point reads as it was
/// written (`0.3`, not `0.30000000000000004`).
///
/// ```
/// use nianbao::layout::number::shown;
/// assert_eq!(shown(98.0), "98");
/// assert_eq!(shown(658.66501), "658.66501");
/// assert_eq!(shown(-0.5), "-0.5");
/// assert_eq!(shown(0.1 + 0.2), "0.3");
/// ```
pub fn shown(x: f64) -> String {
    let scaled = (x.abs() * 1e6).round();
    if !scaled.is_finite() || scaled >= 9e15 {
        return format!("{}", x as i64);
    }
    let scaled = scaled as i64;
    let sign = if x < 0.0 && scaled != 0 { "-" } else { "" };
    let (whole, frac) = (scaled / 1_000_000, scaled % 1_000_000);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let frac = format!("{frac:06}");
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
}

/// The powers of ten a double holds exactly.
const POWERS: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The value of plain decimal digits with at most one `.` (`3457.732481`):
/// the digits as a whole number divided by a power of ten, both exact
/// below 10^15, so that the one rounding of the division gives the double
/// nearest the decimal, as a full decimal parser would. Past fifteen
/// significant digits the rest are dropped. The full parser of `core`
/// would add some 6 kB to the page's module for what reports never write.
///
/// ```
/// use nianbao::layout::number::decimal;
/// assert_eq!(decimal("3457.732481"), Some(3457.732481));
/// assert_eq!(decimal("0.1"), Some(0.1));
/// assert_eq!(decimal("98"), Some(98.0));
/// assert_eq!(decimal("1.2.3"), None);
/// assert_eq!(decimal("12345678901234567"), Some(12345678901234500.0));
/// ```
pub fn decimal(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (mut mantissa, mut significant, mut scale) = (0u64, 0usize, 0i32);
    for (i, b) in int.bytes().chain(frac.bytes()).enumerate() {
        let past_point = i >= int.len();
        if significant == 15 {
            // Digits past fifteen are dropped; a dropped whole digit is a
            // factor of ten.
            scale -= i32::from(!past_point);
            continue;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
        significant += usize::from(mantissa > 0);
        scale += i32::from(past_point);
    }
    let value = mantissa as f64;
    Some(
        match usize::try_from(scale).ok().and_then(|k| POWERS.get(k)) {
            Some(power) => value / power,
            // Past what reports write (`0.000000000000000001`, twenty digits
            // before a point): near enough.
            None => value * 10f64.powi(-scale),
        },
    )
}

/// What one word of a cell is.
#[derive(Debug, Clone, PartialEq)]
pub enum Word<'a> {
    /// A number, with the unit written after it, if any.
    Number(Number<'a>),
    /// A mark for an empty cell: `/`, `-`, `—`, `无`.
    Null,
    /// Anything else.
    Text,
}

/// A number read from a word.
#[derive(Debug, Clone, PartialEq)]
pub struct Number<'a> {
    /// The value, or `None` when the digits are too many for a count.
    pub value: Option<Value>,
    /// The digits as written, sign and separators included.
    pub digits: &'a str,
    /// A unit written after the number, such as `件` or `元`.
    pub unit: Option<&'static str>,
}

/// Reads one whitespace-free word.
///
/// ```
/// use nianbao::layout::number::{read_word, Word};
/// use nianbao::Value;
/// let Word::Number(n) = read_word("3,119") else { panic!() };
/// assert_eq!(n.value, Some(Value::Count(3119)));
/// assert_eq!(read_word("—"), Word::Null);
/// assert_eq!(read_word("1.属于国家秘密"), Word::Text);
/// ```
pub fn read_word(word: &str) -> Word<'_> {
    if is_null_mark(word) {
        return Word::Null;
    }
    // Every unit is written in Han characters: a word ending in ASCII has none.
    let unit = match word.as_bytes().last() {
        Some(b) if !b.is_ascii() => UNITS
            .iter()
            .find(|u| word.len() > u.len() && word.ends_with(*u)),
        _ => None,
    };
    let (digits, unit) = match unit {
        Some(u) => (&word[..word.len() - u.len()], Some(*u)),
        None => (word, None),
    };
    match parse(digits) {
        Some(value) => Word::Number(Number {
            value,
            digits,
            unit,
        }),
        None => Word::Text,
    }
}

/// The value of `word` if it is nothing but one to fifteen ASCII digits,
/// as [`read_word`] would read it: a count without sign, separator or unit.
#[inline]
pub(crate) fn plain_count(word: &str) -> Option<i64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 15 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
}

/// Whether a whole cell is a mark for "no value".
pub fn is_null_mark(s: &str) -> bool {
    matches!(
        s,
        "/" | "\\" | "-" | "--" | "—" | "——" | "–" | "―" | "−" | "无" | "/ /"
    )
}

/// Parses a signed number with optional thousands separators and decimals.
/// `Some(None)` is a well-formed number too large to count with.
fn parse(s: &str) -> Option<Option<Value>> {
    let (negative, body) = match s.strip_prefix(['-', '−', '+']) {
        Some(rest) => (s.starts_with(['-', '−']), rest),
        None => (false, s),
    };
    // Digits or a first group of them open every number.
    if !body.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty()
        || frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let plain: std::borrow::Cow<str> = if int.contains(',') {
        // Groups of three digits after a first of one to three, checked
        // without collecting them: a word may be a million commas.
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or_default();
        let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
        let ok = (1..=3).contains(&first.len())
            && digits(first)
            && groups.all(|g| g.len() == 3 && digits(g));
        if !ok {
            return None;
        }
        int.replace(',', "").into()
    } else if int.bytes().all(|b| b.is_ascii_digit()) {
        int.into()
    } else {
        return None;
    };
    let sign = if negative { -1 } else { 1 };
    if let Some(frac) = frac {
        let x = decimal(&format!("{plain}.{frac}"))?;
        return Some((plain.len() <= 15).then_some(Value::Amount(sign as f64 * x)));
    }
    Some(match plain.parse::<i64>() {
        Ok(n) if n <= MAX_COUNT => Some(Value::Count(sign * n)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<Value> {
        match read_word(s) {
            Word::Number(n) => n.value,
            _ => panic!("{s} is not a number"),
        }
    }

    #[test]
    fn reads_counts_amounts_and_units() {
        assert_eq!(value("0"), Some(Value::Count(0)));
        assert_eq!(value("-2"), Some(Value::Count(-2)));
        assert_eq!(value("1,234,567"), Some(Value::Count(1_234_567)));
        assert_eq!(value("96171.6"), Some(Value::Amount(96171.6)));
        let Word::Number(n) = read_word("12件") else {
            panic!()
        };
        assert_eq!((n.value, n.unit), (Some(Value::Count(12)), Some("件")));
        let Word::Number(n) = read_word("3940元") else {
            panic!()
        };
        assert_eq!(n.unit, Some("元"));
    }

    #[test]
    fn plain_counts_read_as_words_do() {
        for w in [
            "0",
            "7",
            "00012",
            "999999999999999",
            "9999999999999999",
            "1a",
            "",
            "１",
        ] {
            let by_word = match read_word(w) {
                Word::Number(Number {
                    value: Some(Value::Count(n)),
                    unit: None,
                    ..
                }) if w.len() <= 15 => Some(n),
                _ => None,
            };
            assert_eq!(plain_count(w), by_word, "{w:?}");
        }
    }

    #[test]
    fn too_large_is_a_number_without_value() {
        assert_eq!(value("99999999999999999999"), None);
        assert_eq!(
            value("9007199254740991"),
            Some(Value::Count(9_007_199_254_740_991))
        );
    }

    #[test]
    fn item_numbers_and_text_are_not_numbers() {
        for s in [
            "1.",
            "1、",
            "2.重复申请",
            "17.46%",
            "12,34",
            "件",
            "1.2.3",
            "(1)",
            "2024年度",
        ] {
            assert_eq!(read_word(s), Word::Text, "{s}");
        }
        for s in ["/", "-", "—", "无"] {
            assert_eq!(read_word(s), Word::Null, "{s}");
        }
    }
}
