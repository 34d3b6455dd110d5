//! Table 三: groups of values aligned to the rows of the template.
//!
//! Labels are often split from their numbers, misspelt or missing, but the
//! rows always come in template order. So the groups of values are aligned
//! to the template's rows by dynamic programming, as one aligns two
//! sequences: a label naming a row pulls its group there, a group of seven
//! values fits any row, and skipping a row or a group costs. Both templates
//! are tried (the 2019 one has a single (六)其他处理 row) and the better
//! alignment wins.

use super::schema::{requests_rows, row, RowKey, RowSpec, REQUEST_COLUMNS};
use super::stream::Group;

/// The score of each decision. Labels weigh more than shapes.
const LABEL_MATCH: i32 = 10;
const LABEL_CONFLICT: i32 = -12;
const FULL_ROW: i32 = 4;
const NEAR_ROW: i32 = 1;
const ODD_ROW: i32 = -6;
const SKIP_ROW: i32 = -8;
const SKIP_FULL_GROUP: i32 = -3;
const SKIP_SMALL_GROUP: i32 = -1;

/// The rows of the chosen template, and for each the index of its group.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// Whether the 2021 template fitted better.
    pub is_2021: bool,
    /// The template's rows.
    pub rows: Vec<RowSpec>,
    /// For each row, the group placed there.
    pub placed: Vec<Option<usize>>,
}

/// Aligns `groups` to the rows of table 三; `labelled_2021` is what the
/// labels of the table say of its template, where they say anything.
pub fn align(
    groups: &[Group],
    label_rows: &[Option<RowKey>],
    labelled_2021: Option<bool>,
) -> Alignment {
    let aligned = |is_2021: bool| {
        let rows = requests_rows(is_2021);
        let (score, placed) = best(groups, label_rows, &rows);
        (
            score,
            Alignment {
                is_2021,
                rows,
                placed,
            },
        )
    };
    // The labels decide where they can, and only their template is aligned;
    // else the 2019 rows win only on evidence: its single (六)其他处理 row
    // named, or every one of its rows placed. A few rows fit either
    // template, and blank rows fit none.
    if let Some(is_2021) = labelled_2021 {
        return aligned(is_2021).1;
    }
    let (score21, a21) = aligned(true);
    let (score19, a19) = aligned(false);
    let evidence_2019 =
        label_rows.contains(&Some(row::OTHER)) || a19.placed.iter().all(Option::is_some);
    if score19 > score21 && evidence_2019 {
        a19
    } else {
        a21
    }
}

/// How well a group's shape fits a row of table 三.
fn shape_score(group: &Group) -> i32 {
    let width = REQUEST_COLUMNS.len();
    let n = group.items.len();
    if n == width || (n < width && n + group.trailing.len() >= width) {
        FULL_ROW
    } else if n + 1 >= width && n <= width + 1 {
        NEAR_ROW
    } else {
        ODD_ROW
    }
}

fn label_score(label: Option<RowKey>, spec: &RowSpec) -> i32 {
    match label {
        Some(key) if key == spec.key => LABEL_MATCH,
        Some(_) => LABEL_CONFLICT,
        None => 0,
    }
}

/// What leaving a group unplaced costs: a full row of values more than a
/// fragment, or than a row of blank cells, which may be a header's padding.
fn skip_group(group: &Group) -> i32 {
    if group.items.len() + 1 >= REQUEST_COLUMNS.len() && !group.is_blank() {
        SKIP_FULL_GROUP
    } else {
        SKIP_SMALL_GROUP
    }
}

/// Best alignment of `groups` to `rows`: its score and the group of each row.
fn best(
    groups: &[Group],
    labels: &[Option<RowKey>],
    rows: &[RowSpec],
) -> (i32, Vec<Option<usize>>) {
    let (m, r) = (groups.len(), rows.len());
    // What each group scores whatever the row, worked out once.
    let shapes: Vec<i32> = groups.iter().map(shape_score).collect();
    let skips: Vec<i32> = groups.iter().map(skip_group).collect();
    // score[i * w + j]: best for the first i groups and first j rows.
    let w = r + 1;
    let mut score = vec![i32::MIN / 2; (m + 1) * w];
    let mut step = vec![0u8; (m + 1) * w];
    score[0] = 0;
    for i in 0..=m {
        for j in 0..=r {
            if i == 0 && j == 0 {
                continue;
            }
            // On equal scores a match is preferred to a skip: (score, preference).
            let mut best = (i32::MIN / 2, 0u8);
            if i > 0 && j > 0 {
                let fit = shapes[i - 1] + label_score(labels[i - 1], &rows[j - 1]);
                best = best.max((score[(i - 1) * w + j - 1] + fit, 3));
            }
            if i > 0 {
                best = best.max((score[(i - 1) * w + j] + skips[i - 1], 2));
            }
            if j > 0 {
                best = best.max((score[i * w + j - 1] + SKIP_ROW, 1));
            }
            score[i * w + j] = best.0;
            step[i * w + j] = best.1;
        }
    }
    let mut placed = vec![None; r];
    let (mut i, mut j) = (m, r);
    while i > 0 || j > 0 {
        match step[i * w + j] {
            3 => {
                placed[j - 1] = Some(i - 1);
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            _ => j -= 1,
        }
    }
    (score[m * w + r], placed)
}
