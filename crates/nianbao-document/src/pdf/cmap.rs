//! A tolerant reader of ToUnicode CMaps, for the maps lopdf's strict
//! parser refuses (one written on a single line, a missing header): the
//! `bfchar` and `bfrange` sections, whatever the layout around them.

/// Most code runs kept from one map.
const MAX_RUNS: usize = 1 << 17;

/// What a run of codes maps to.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// The first code's text; each next code adds one to its last unit.
    Start(Vec<u16>),
    /// The text of each code in turn.
    List(Vec<Vec<u16>>),
}

/// Codes to text: runs `lo..=hi` sorted by `lo`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CodeMap {
    runs: Vec<(u32, u32, Target)>,
}

impl CodeMap {
    /// The text of `code`, if the map has it.
    pub fn get(&self, code: u32) -> Option<String> {
        let after = self.runs.partition_point(|r| r.0 <= code);
        let (lo, hi, target) = self.runs.get(after.checked_sub(1)?)?;
        if code > *hi {
            return None;
        }
        let offset = code - lo;
        let units = match target {
            Target::Start(start) => {
                let mut units = start.clone();
                let last = units.last_mut()?;
                *last = last.wrapping_add(offset as u16);
                units
            }
            Target::List(list) => list.get(offset as usize)?.clone(),
        };
        Some(String::from_utf16_lossy(&units))
    }

    /// Whether the map has no code.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(Vec<u8>),
}

/// The tokens of a CMap that matter here: hex strings, brackets, words.
fn tokens(bytes: &[u8]) -> impl Iterator<Item = Token> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let &b = bytes.get(i)?;
        i += 1;
        match b {
            b'%' => {
                while bytes.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'<' if bytes.get(i) == Some(&b'<') => i += 1,
            b'>' if bytes.get(i) == Some(&b'>') => i += 1,
            b'<' => {
                let mut digits = Vec::new();
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    if c == b'>' {
                        break;
                    }
                    if let Some(d) = (c as char).to_digit(16) {
                        digits.push(d as u8);
                    }
                }
                if digits.len() % 2 == 1 {
                    digits.push(0);
                }
                return Some(Token::Hex(
                    digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect(),
                ));
            }
            b'[' => return Some(Token::Open),
            b']' => return Some(Token::Close),
            b'(' | b')' | b'{' | b'}' | b'/' => {}
            c if c.is_ascii_whitespace() => {}
            _ => {
                let start = i - 1;
                while bytes
                    .get(i)
                    .is_some_and(|c| !c.is_ascii_whitespace() && !b"<>[]()/%{}".contains(c))
                {
                    i += 1;
                }
                return Some(Token::Word(bytes[start..i].to_vec()));
            }
        }
    })
}

fn code(hex: &[u8]) -> Option<u32> {
    (1..=4)
        .contains(&hex.len())
        .then(|| hex.iter().fold(0u32, |c, &b| c << 8 | u32::from(b)))
}

fn units(hex: &[u8]) -> Vec<u16> {
    hex.chunks(2)
        .map(|p| u16::from(p[0]) << 8 | u16::from(*p.get(1).unwrap_or(&0)))
        .collect()
}

/// Reads the `bfchar` and `bfrange` sections of a CMap.
pub fn parse(bytes: &[u8]) -> CodeMap {
    #[derive(PartialEq)]
    enum Mode {
        None,
        Char,
        Range,
    }
    let mut map = CodeMap::default();
    let mut mode = Mode::None;
    let mut hexes: Vec<Vec<u8>> = Vec::new();
    let mut list: Option<Vec<Vec<u16>>> = None;
    for token in tokens(bytes) {
        if map.runs.len() >= MAX_RUNS {
            break;
        }
        match token {
            Token::Word(w) => {
                mode = match w.as_slice() {
                    b"beginbfchar" => Mode::Char,
                    b"beginbfrange" => Mode::Range,
                    _ => Mode::None,
                };
                hexes.clear();
                list = None;
            }
            Token::Open if mode == Mode::Range && hexes.len() == 2 => list = Some(Vec::new()),
            Token::Hex(h) if list.is_some() => {
                if let Some(l) = list.as_mut() {
                    l.push(units(&h));
                }
            }
            Token::Close => {
                if let (Some(l), [lo, hi]) = (list.take(), hexes.as_slice()) {
                    if let (Some(lo), Some(hi)) = (code(lo), code(hi)) {
                        map.runs.push((lo, hi.max(lo), Target::List(l)));
                    }
                }
                hexes.clear();
            }
            Token::Hex(h) if mode != Mode::None => {
                hexes.push(h);
                match (&mode, hexes.as_slice()) {
                    (Mode::Char, [src, dst]) => {
                        if let Some(c) = code(src) {
                            map.runs.push((c, c, Target::Start(units(dst))));
                        }
                        hexes.clear();
                    }
                    (Mode::Range, [lo, hi, dst]) => {
                        if let (Some(lo), Some(hi)) = (code(lo), code(hi)) {
                            map.runs.push((lo, hi.max(lo), Target::Start(units(dst))));
                        }
                        hexes.clear();
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    map.runs.sort_by_key(|r| r.0);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chars_and_ranges_on_one_line() {
        let map = parse(
            b"/CIDInit /ProcSet findresource begin 2 beginbfchar <0001> <4E09> <0002><D83DDE00> endbfchar \
              2 beginbfrange <0010> <0012> <603B> <0020> <0021> [<0031> <0032>] endbfrange end",
        );
        assert_eq!(map.get(1).as_deref(), Some("三"));
        assert_eq!(map.get(2).as_deref(), Some("😀"));
        // U+603B 总, then U+603C 怼.
        assert_eq!(map.get(0x10).as_deref(), Some("总"));
        assert_eq!(map.get(0x11).as_deref(), Some("怼"));
        assert_eq!(map.get(0x21).as_deref(), Some("2"));
        assert_eq!(map.get(0x13), None);
        assert_eq!(map.get(0), None);
    }

    #[test]
    fn garbage_gives_an_empty_map() {
        assert!(parse(b"<<<<[[[ beginbfrange <01> [ <").is_empty());
        assert!(parse(b"").is_empty());
    }
}
