//! The rows of each review of a dataset, found in one pass: a command
//! about several reviews (`summary`) reads each review's achievements and
//! nominations without scanning every row again.
//!
//! Files usually list a review's rows together, so a review's rows are a
//! few runs of consecutive rows. When a file mixes its reviews row by row,
//! the runs are not kept and each review's rows are picked from all.

use std::ops::Range;

use crate::model::{Achievement, Dataset, Nomination};
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
    /// Finds the runs of each list of rows.
    pub fn new(data: &'d Dataset) -> Self {
        ByReview {
            data,
            achievements: Runs::new(&data.achievements, |a| a.review),
            nominations: Runs::new(&data.nominations, |n| n.review),
        }
    }

    /// The dataset.
    pub fn data(&self) -> &'d Dataset {
        self.data
    }

    /// The achievement rows of `review`, in file order.
    pub fn achievements(&self, review: Review) -> impl Iterator<Item = &'d Achievement> + '_ {
        let rows = &self.data.achievements;
        self.achievements
            .ranges(review, rows.len())
            .flat_map(move |run| &rows[run])
            .filter(move |a| a.review == review)
    }

    /// The nomination rows of `review`, in file order, with their index in
    /// [`Dataset::nominations`].
    pub fn nominations(
        &self,
        review: Review,
    ) -> impl Iterator<Item = (usize, &'d Nomination)> + '_ {
        let rows = &self.data.nominations;
        self.nominations
            .ranges(review, rows.len())
            .flat_map(move |run| run.clone().zip(&rows[run]))
            .filter(move |(_, n)| n.review == review)
    }
}

/// Runs of consecutive rows of one review; none when there are too many.
#[derive(Clone, Debug)]
struct Runs(Option<Vec<(Review, Range<usize>)>>);

impl Runs {
    fn new<T>(rows: &[T], review: impl Fn(&T) -> Review) -> Runs {
        let mut runs: Vec<(Review, Range<usize>)> = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let r = review(row);
            if let Some((_, run)) = runs.last_mut().filter(|(last, _)| *last == r) {
                run.end = i + 1;
            } else if runs.len() == MAX_RUNS {
                return Runs(None);
            } else {
                runs.push((r, i..i + 1));
            }
        }
        Runs(Some(runs))
    }

    /// The runs of `review` in a list of `len` rows (all of it when the
    /// runs were not kept).
    fn ranges(&self, review: Review, len: usize) -> Box<dyn Iterator<Item = Range<usize>> + '_> {
        match &self.0 {
            Some(runs) => Box::new(
                runs.iter()
                    .filter(move |(r, _)| *r == review)
                    .map(|(_, run)| run.clone()),
            ),
            None => Box::new(std::iter::once(0..len)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_each_review_and_give_up_when_scattered() {
        let [a, b] = [Review::Annual(2021), Review::Annual(2022)];
        let rows = [a, a, b, b, b, a];
        let runs = Runs::new(&rows, |r| *r);
        assert_eq!(runs.ranges(a, 6).collect::<Vec<_>>(), [0..2, 5..6]);
        assert_eq!(runs.ranges(b, 6).collect::<Vec<_>>(), vec![2..5; 1]);
        let scattered: Vec<Review> = (0..2 * MAX_RUNS + 2)
            .map(|i| if i % 2 == 0 { a } else { b })
            .collect();
        let runs = Runs::new(&scattered, |r| *r);
        assert!(runs.0.is_none());
        assert_eq!(
            runs.ranges(a, scattered.len()).collect::<Vec<_>>(),
            vec![0..scattered.len(); 1]
        );
    }
}
