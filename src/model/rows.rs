//! Rows kept as the threads that read them left them: one vector a piece
//! of the file, in file order. Joining the pieces into one vector would
//! copy the later pieces' rows once more (a million achievement rows when
//! every review is kept), for nothing: rows are read in order, or by
//! index.

use std::ops::Index;

/// Rows in file order, in one or more parts (equal when their rows are,
/// however split).
#[derive(Clone, Debug)]
pub struct Rows<T> {
    parts: Vec<Vec<T>>,
    /// Index of each part's first row.
    starts: Vec<usize>,
    len: usize,
}

impl<T: PartialEq> PartialEq for Rows<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<T: Eq> Eq for Rows<T> {}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows {
            parts: Vec::new(),
            starts: Vec::new(),
            len: 0,
        }
    }
}

impl<T> From<Vec<T>> for Rows<T> {
    fn from(rows: Vec<T>) -> Self {
        let mut all = Rows::default();
        all.push_part(rows);
        all
    }
}

impl<T> Rows<T> {
    /// How many rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The rows, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + Clone + '_ {
        self.parts.iter().flatten()
    }

    /// The row at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.part_of(index)
            .and_then(|part| self.parts[part].get(index - self.starts[part]))
    }

    /// The part `index` falls in, if it is past the first part's start.
    fn part_of(&self, index: usize) -> Option<usize> {
        self.starts
            .partition_point(|start| *start <= index)
            .checked_sub(1)
    }

    /// The parts, in order, with the index of each one's first row.
    pub fn parts(&self) -> impl Iterator<Item = (usize, &[T])> + '_ {
        self.starts
            .iter()
            .copied()
            .zip(self.parts.iter().map(Vec::as_slice))
    }

    /// Adds a part after the others (an empty one adds nothing).
    pub fn push_part(&mut self, rows: Vec<T>) {
        if rows.is_empty() {
            return;
        }
        self.starts.push(self.len);
        self.len += rows.len();
        self.parts.push(rows);
    }

    /// Adds a row after the others.
    pub fn push(&mut self, row: T) {
        match self.parts.last_mut() {
            Some(last) => {
                last.push(row);
                self.len += 1;
            }
            None => self.push_part(vec![row]),
        }
    }

    /// The rows as one vector, joined once for the callers that need one
    /// (a pass that takes duplicate rows out).
    fn make_contiguous(&mut self) -> &mut Vec<T> {
        if self.parts.len() > 1 {
            let mut parts = std::mem::take(&mut self.parts).into_iter();
            let mut all = parts.next().unwrap_or_default();
            all.reserve_exact(self.len - all.len());
            for part in parts {
                all.extend(part);
            }
            self.parts = vec![all];
            self.starts = vec![0];
        }
        if self.parts.is_empty() {
            self.parts.push(Vec::new());
            self.starts.push(0);
        }
        &mut self.parts[0]
    }

    /// Keeps the rows `keep` says to keep, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        let parts = std::mem::take(&mut self.parts);
        *self = Rows::default();
        for mut part in parts {
            part.retain(&mut keep);
            self.push_part(part);
        }
    }

    /// Brings the length in line after the parts were changed in place.
    fn recount(&mut self) {
        self.starts.clear();
        let mut len = 0;
        for part in &self.parts {
            self.starts.push(len);
            len += part.len();
        }
        self.len = len;
    }

    /// The rows as one vector.
    pub fn into_vec(mut self) -> Vec<T> {
        std::mem::take(self.make_contiguous())
    }

    /// Runs `change` on the rows as one vector (joined first), then takes
    /// the new length into account.
    pub fn change(&mut self, change: impl FnOnce(&mut Vec<T>)) {
        change(self.make_contiguous());
        self.recount();
    }
}

/// Reads rows by index, mostly in order: the part of the last row read is
/// tried first (an index is otherwise looked for among the parts).
pub struct Cursor<'r, T> {
    rows: &'r Rows<T>,
    part: usize,
}

impl<'r, T> Cursor<'r, T> {
    /// The row at `index`, if there is one.
    pub fn get(&mut self, index: usize) -> Option<&'r T> {
        let rows = self.rows;
        if let (Some(&start), Some(part)) = (rows.starts.get(self.part), rows.parts.get(self.part))
        {
            if let Some(row) = index.checked_sub(start).and_then(|i| part.get(i)) {
                return Some(row);
            }
        }
        let part = rows.part_of(index)?;
        self.part = part;
        rows.parts[part].get(index - rows.starts[part])
    }
}

impl<T> Rows<T> {
    /// A [`Cursor`] over the rows.
    pub fn cursor(&self) -> Cursor<'_, T> {
        Cursor {
            rows: self,
            part: 0,
        }
    }
}

impl<T> Index<usize> for Rows<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        match self.get(index) {
            Some(row) => row,
            None => panic!("row {index} of {}", self.len),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A cursor reads the same rows as `get`, whatever the order of
        /// the indexes.
        #[test]
        fn a_cursor_reads_as_get(
            parts in proptest::collection::vec(proptest::collection::vec(0u32..100, 0..5), 0..6),
            indexes in proptest::collection::vec(0usize..30, 0..40),
        ) {
            let mut rows = Rows::default();
            for part in parts {
                rows.push_part(part);
            }
            let mut cursor = rows.cursor();
            for i in indexes {
                proptest::prop_assert_eq!(cursor.get(i), rows.get(i));
            }
        }

        /// Rows in parts read as the same rows in one vector.
        #[test]
        fn parts_read_as_one_vector(parts in proptest::collection::vec(
            proptest::collection::vec(0u32..100, 0..5), 0..6),
        ) {
            let mut rows = Rows::default();
            for part in &parts {
                rows.push_part(part.clone());
            }
            let whole: Vec<u32> = parts.concat();
            proptest::prop_assert_eq!(rows.len(), whole.len());
            proptest::prop_assert_eq!(rows.iter().copied().collect::<Vec<_>>(), whole.clone());
            for (i, x) in whole.iter().enumerate() {
                proptest::prop_assert_eq!(rows[i], *x);
            }
            proptest::prop_assert_eq!(rows.get(whole.len()), None);
            proptest::prop_assert_eq!(&rows, &Rows::from(whole.clone()));
            let mut odd = rows.clone();
            odd.retain(|x| x % 2 == 1);
            let expected: Vec<u32> = whole.iter().copied().filter(|x| x % 2 == 1).collect();
            proptest::prop_assert_eq!(odd.iter().copied().collect::<Vec<_>>(), expected);
            let mut joined = rows.clone();
            joined.change(|v| v.truncate(v.len() / 2));
            proptest::prop_assert_eq!(joined.len(), whole.len() / 2);
            proptest::prop_assert_eq!(joined.into_vec(), whole[..whole.len() / 2].to_vec());
            rows.push(7);
            proptest::prop_assert_eq!(rows[whole.len()], 7);
        }
    }
}
