//! One small stable sort for the whole crate. The standard library's sorts
//! are fast but large, and each type sorted instantiates them anew: eleven
//! sorts took 31 kB of the page's module, a tenth of its code. A bottom-up
//! merge sort is O(n log n) as they are, and a few hundred bytes a type.

/// Lists of this many elements or fewer are sorted by insertion: the
/// cells of table 三's column sums (21) among them, sorted for each set the
/// locator tries (16 took 0.5% more instructions on the archive; 64, as
/// many as 32).
const SHORT: usize = 32;

/// Sorts `v` stably by `key`: bottom-up merges into a buffer, copied back
/// after each pass.
///
/// ```
/// let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd')];
/// nianbao::sort::by_key(&mut v, |p| p.0);
/// assert_eq!(v, [(1, 'b'), (2, 'd'), (3, 'a'), (3, 'c')]);
/// ```
pub fn by_key<T: Clone, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let n = v.len();
    // Most lists sorted are short: sorted in place by insertion, without a
    // buffer (each element moves past the ones after its place, stably).
    if n <= SHORT {
        for i in 1..n {
            let k = key(&v[i]);
            let at = v[..i].partition_point(|x| key(x) <= k);
            v[at..=i].rotate_right(1);
        }
        return;
    }
    let mut buf = v.to_vec();
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut buf[start..end] {
                let left = i < mid && (j >= end || key(&v[i]) <= key(&v[j]));
                let from = if left { &mut i } else { &mut j };
                *slot = v[*from].clone();
                *from += 1;
            }
        }
        v.clone_from_slice(&buf);
        width *= 2;
    }
}

/// Sorts `v` in ascending order (stably, which ordered values do not need).
pub fn sort<T: Clone + Ord>(v: &mut [T]) {
    by_key(v, |x| x.clone());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_stably() {
        // A fixed pseudo-random sequence of 1,000 keys with many ties.
        let mut seed = 7u64;
        let mut v: Vec<(u8, usize)> = (0..1000)
            .map(|i| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                ((seed >> 59) as u8, i)
            })
            .collect();
        let mut expected = v.clone();
        expected.sort_by_key(|p| p.0);
        by_key(&mut v, |p| p.0);
        assert_eq!(v, expected);
        // Short lists, sorted by insertion, as stably.
        for n in 0..=20 {
            let mut short: Vec<(u8, usize)> = expected.iter().rev().take(n).copied().collect();
            let mut sorted = short.clone();
            sorted.sort_by_key(|p| p.0);
            by_key(&mut short, |p| p.0);
            assert_eq!(short, sorted, "{n}");
        }
        for n in 0..40 {
            let mut w: Vec<u32> = (0..n).rev().collect();
            sort(&mut w);
            assert_eq!(w, (0..n).collect::<Vec<_>>());
        }
    }
}
