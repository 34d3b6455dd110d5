//! A map from offsets in the normalised text back to offsets in the input.
//!
//! Normalising shortens some characters (full-width to ASCII, an HTML
//! entity to one character) and drops others (tags, pinyin, zero-width
//! characters). Between such changes the two texts run in step, so the map
//! stores only the points where the difference between them changes:
//! memory grows with the number of changes, not the length of the text.

/// Builds a normalised text and its map, one character at a time.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    text: String,
    anchors: Vec<(u32, u32)>,
    input_end: usize,
}

impl Builder {
    pub(crate) fn with_capacity(n: usize) -> Builder {
        Builder {
            text: String::with_capacity(n),
            anchors: Vec::new(),
            input_end: 0,
        }
    }

    /// Appends `c`, which stands for `start..end` of the input.
    pub(crate) fn push(&mut self, c: char, start: usize, end: usize) {
        let here = self.text.len();
        let in_step = self
            .anchors
            .last()
            .is_some_and(|&(n, o)| o as usize + (here - n as usize) == start);
        if !in_step {
            self.anchors.push((here as u32, start as u32));
        }
        self.text.push(c);
        self.input_end = end;
    }

    /// Appends `run`, which stands for itself at `start..start + run.len()`
    /// of the input: as pushing its characters one by one, in one step.
    pub(crate) fn push_same(&mut self, run: &str, start: usize) {
        let Some(first) = run.chars().next() else {
            return;
        };
        self.push(first, start, start + first.len_utf8());
        self.text.push_str(&run[first.len_utf8()..]);
        self.input_end = start + run.len();
    }

    /// The last character pushed.
    pub(crate) fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    pub(crate) fn finish(mut self) -> (String, OffsetMap) {
        let here = self.text.len();
        let in_step = self
            .anchors
            .last()
            .is_some_and(|&(n, o)| o as usize + (here - n as usize) == self.input_end);
        if !in_step {
            self.anchors.push((here as u32, self.input_end as u32));
        }
        (
            self.text,
            OffsetMap {
                anchors: self.anchors,
            },
        )
    }
}

/// Maps offsets of the normalised text to offsets of the input.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    anchors: Vec<(u32, u32)>,
}

impl OffsetMap {
    /// The bytes it holds.
    pub(crate) fn bytes(&self) -> usize {
        self.anchors.len() * std::mem::size_of::<(u32, u32)>()
    }

    /// The input offset of normalised offset `n`.
    pub(crate) fn input(&self, n: usize) -> usize {
        let i = self.anchors.partition_point(|&(a, _)| a as usize <= n);
        if i == 0 {
            return 0;
        }
        let (a, o) = self.anchors[i - 1];
        let mapped = o as usize + (n - a as usize);
        match self.anchors.get(i) {
            Some(&(_, next)) => mapped.min(next as usize),
            None => mapped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_pushed_at_once_maps_as_its_characters_would() {
        let mut one = Builder::with_capacity(8);
        let mut run = Builder::with_capacity(8);
        for b in [&mut one, &mut run] {
            b.push('A', 0, 3);
        }
        for (i, c) in "bcd".char_indices() {
            one.push(c, 5 + i, 6 + i);
        }
        run.push_same("bcd", 5);
        let (a, b) = (one.finish(), run.finish());
        assert_eq!(a.0, b.0);
        assert_eq!(a.1.anchors, b.1.anchors);
    }

    #[test]
    fn maps_through_shortened_and_dropped_characters() {
        // "Ａb<x>c" normalised to "Abc": Ａ is 3 bytes, <x> dropped.
        let mut b = Builder::with_capacity(8);
        b.push('A', 0, 3);
        b.push('b', 3, 4);
        b.push('c', 7, 8);
        let (text, map) = b.finish();
        assert_eq!(text, "Abc");
        assert_eq!(map.input(0), 0);
        assert_eq!(map.input(1), 3);
        assert_eq!(map.input(2), 7);
        assert_eq!(map.input(3), 8);
    }
}
