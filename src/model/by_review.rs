//! The rows of each review of a dataset, found in one pass: a command
//! about several reviews (`summary`) reads each review's achievements and
//! nominations without scanning every row again.
//!
//! Files usually list a review's rows together, so a review's rows are a
//! few runs of consecutive rows. When a file mixes its reviews row by row,
//! the runs are not kept and each review's rows are picked from all.

use std::ops::Range;

use crate::model::{Achievement, Dataset, Nomination, Rows};
use crate::review::Review;

/// Runs of a list beyond which rows are picked from the whole list.
const MAX_RUNS: usize = 4096;

/// Each review's rows of a dataset.
#[derive(Clone, Debug)]
pub struct ByReview<'d> {
    data: &'d Dataset,
    achievements: Runs,
    nominations: Runs,
}

impl<'d> ByReview<'d> {
    /// Finds the runs of each list of rows (side by side when there are
    /// many).
    pub fn new(data: &'d Dataset) -> Self {
        let achievements = || Runs::new(&data.achievements, |a| a.review);
        let nominations = || Runs::new(&data.nominations, |n| n.review);
        let (achievements, nominations) =
            if data.nominations.len() < crate::par::PIECE || crate::par::threads() < 2 {
                (achievements(), nominations())
            } else {
                std::thread::scope(|scope| {
                    let nominations = scope.spawn(nominations);
                    let achievements = achievements();
                    let nominations = nominations
                        .join()
                        .unwrap_or_else(|e| std::panic::resume_unwind(e));
                    (achievements, nominations)
                })
            };
        ByReview {
            data,
            achievements,
            nominations,
        }
    }

    /// The dataset.
    pub fn data(&self) -> &'d Dataset {
        self.data
    }

    /// Stretches of [`Dataset::achievements`] that hold every row of
    /// `review`, in file order, each with the index of its first row: a
    /// caller that goes through many rows loops over each stretch. They may
    /// hold rows of other reviews too (when a file mixes its reviews).
    pub fn achievement_slices(&self, review: Review) -> Vec<(usize, &'d [Achievement])> {
        self.achievements.select(&self.data.achievements, review)
    }

    /// Stretches of [`Dataset::nominations`] that hold every row of
    /// `review`, as [`ByReview::achievement_slices`].
    pub fn nomination_slices(&self, review: Review) -> Vec<(usize, &'d [Nomination])> {
        self.nominations.select(&self.data.nominations, review)
    }
}

/// Runs of consecutive rows of one review (index of the part, rows in it);
/// none when there are too many.
#[derive(Clone, Debug)]
struct Runs(Option<Vec<(Review, usize, Range<usize>)>>);

impl Runs {
    fn new<T>(rows: &Rows<T>, review: impl Fn(&T) -> Review) -> Runs {
        let mut runs: Vec<(Review, usize, Range<usize>)> = Vec::new();
        for (part, (_, rows)) in rows.parts().enumerate() {
            for (i, row) in rows.iter().enumerate() {
                let r = review(row);
                let last = runs
                    .last_mut()
                    .filter(|(last, p, _)| *last == r && *p == part);
                if let Some((_, _, run)) = last {
                    run.end = i + 1;
                } else if runs.len() == MAX_RUNS {
                    return Runs(None);
                } else {
                    runs.push((r, part, i..i + 1));
                }
            }
        }
        Runs(Some(runs))
    }

    /// The stretches of rows of the runs of `review` (every part whole
    /// when the runs were not kept), with the index of their first row.
    fn select<'r, T>(&self, rows: &'r Rows<T>, review: Review) -> Vec<(usize, &'r [T])> {
        match &self.0 {
            Some(runs) => {
                let parts: Vec<(usize, &'r [T])> = rows.parts().collect();
                runs.iter()
                    .filter(|(r, ..)| *r == review)
                    .map(|(_, part, run)| {
                        let (start, rows) = parts[*part];
                        (start + run.start, &rows[run.clone()])
                    })
                    .collect()
            }
            None => rows.parts().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_each_review_and_give_up_when_scattered() {
        let [a, b] = [Review::Annual(2021), Review::Annual(2022)];
        let mut rows = Rows::from(vec![a, a, b, b]);
        rows.push_part(vec![b, a]);
        let runs = Runs::new(&rows, |r| *r);
        let picked = |review| -> Vec<usize> {
            let slices = runs.select(&rows, review);
            slices
                .into_iter()
                .flat_map(|(start, rows)| start..start + rows.len())
                .collect()
        };
        assert_eq!(picked(a), [0, 1, 5]);
        assert_eq!(picked(b), [2, 3, 4]);
        assert_eq!(runs.0.as_ref().map(Vec::len), Some(4));
        let scattered: Vec<Review> = (0..2 * MAX_RUNS + 2)
            .map(|i| if i % 2 == 0 { a } else { b })
            .collect();
        let scattered = Rows::from(scattered);
        let runs = Runs::new(&scattered, |r| *r);
        assert!(runs.0.is_none());
        let whole: usize = runs
            .select(&scattered, a)
            .iter()
            .map(|(_, s)| s.len())
            .sum();
        assert_eq!(whole, scattered.len());
    }
}
