//! What the clerk's documents need beyond the rules (`[documents]` and
//! `[prize]` of plan.toml): who issues them, under whom, where, the legal
//! bases of each review, and the prize money paid with each award.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::plan::{AwardKind, Category};
use crate::review::Review;

/// The `[documents]` table: names and bases the drafts print.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Documents {
    /// The issuer (tên cơ quan ban hành), e.g. "Sở Khoa học và Công nghệ".
    pub issuer: String,
    /// Its superior (tên cơ quan chủ quản), e.g. "UBND tỉnh Bà Rịa - Vũng Tàu".
    pub superior: String,
    /// The symbol in document numbers (`SKHCN` in `/QĐ-SKHCN`).
    pub symbol: String,
    /// The place name of the date line (địa danh).
    pub place: String,
    /// The signer's title (`Giám đốc`).
    pub signer_title: String,
    /// The council's name.
    pub council: String,
    /// The authority that receives the Tờ trình and grants the Bằng khen.
    pub recipient: String,
    /// The field as the documents word it ("công tác cải cách hành chính").
    pub field_text: String,
    /// The legal bases (căn cứ) of each review, in order.
    pub can_cu: BTreeMap<Review, Vec<String>>,
    /// What changes for one review (a merged province: another superior,
    /// place or recipient).
    pub by_review: BTreeMap<Review, DocumentsOverride>,
}

/// What one review names differently.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentsOverride {
    /// Another issuer.
    pub issuer: Option<String>,
    /// Another superior.
    pub superior: Option<String>,
    /// Another place name.
    pub place: Option<String>,
    /// Another recipient authority.
    pub recipient: Option<String>,
}

/// The `[documents]` values in force for one review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewDocuments<'a> {
    /// The issuer.
    pub issuer: &'a str,
    /// Its superior.
    pub superior: &'a str,
    /// The place name.
    pub place: &'a str,
    /// The recipient authority.
    pub recipient: &'a str,
    /// The legal bases.
    pub can_cu: &'a [String],
}

impl Documents {
    /// The values of one review, its overrides applied.
    pub fn for_review(&self, review: Review) -> ReviewDocuments<'_> {
        let o = self.by_review.get(&review);
        ReviewDocuments {
            issuer: o.and_then(|o| o.issuer.as_deref()).unwrap_or(&self.issuer),
            superior: o
                .and_then(|o| o.superior.as_deref())
                .unwrap_or(&self.superior),
            place: o.and_then(|o| o.place.as_deref()).unwrap_or(&self.place),
            recipient: o
                .and_then(|o| o.recipient.as_deref())
                .unwrap_or(&self.recipient),
            can_cu: self.can_cu.get(&review).map(Vec::as_slice).unwrap_or(&[]),
        }
    }
}

/// One amount of the base salary (mức lương cơ sở) and the day it took effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SalaryStep {
    /// First day in force.
    pub from: NaiveDate,
    /// In đồng.
    pub amount: u64,
    /// The act that set it.
    pub source: String,
}

/// The multiples of the base salary paid with each award, from a day on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MultipleStep {
    /// First day in force.
    pub from: NaiveDate,
    /// The act that sets them.
    pub source: String,
    /// Thousandths of the base salary, per award and category.
    pub multiples: BTreeMap<(AwardKind, Category), u32>,
}

/// The `[prize]` table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prize {
    /// The base salary, steps in date order.
    pub base_salary: Vec<SalaryStep>,
    /// The multiples, steps in date order.
    pub multiples: Vec<MultipleStep>,
}

/// The prize of one award for one category on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrizeAmount {
    /// In đồng.
    pub amount: u64,
    /// The multiple, in thousandths.
    pub multiple: u32,
    /// The base salary it multiplies.
    pub base: u64,
    /// The act that set the base salary.
    pub base_source: String,
    /// The act that sets the multiple.
    pub multiple_source: String,
}

impl Prize {
    /// The base salary in force on a day.
    pub fn base_on(&self, day: NaiveDate) -> Option<&SalaryStep> {
        self.base_salary.iter().rev().find(|s| s.from <= day)
    }

    /// The prize of an award for a category, decided on `day`: the base
    /// salary in force that day times the multiple in force that day,
    /// rounded to the đồng.
    pub fn amount(
        &self,
        award: AwardKind,
        category: Category,
        day: NaiveDate,
    ) -> Option<PrizeAmount> {
        let base = self.base_on(day)?;
        let step = self.multiples.iter().rev().find(|s| s.from <= day)?;
        let multiple = *step.multiples.get(&(award, category))?;
        let amount = (base.amount * u64::from(multiple) + 500) / 1000;
        Some(PrizeAmount {
            amount,
            multiple,
            base: base.amount,
            base_source: base.source.clone(),
            multiple_source: step.source.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn prize() -> Prize {
        let step = |from, amount: u64| SalaryStep {
            from,
            amount,
            source: format!("NĐ {amount}"),
        };
        Prize {
            base_salary: vec![
                step(day(2019, 7, 1), 1_490_000),
                step(day(2023, 7, 1), 1_800_000),
                step(day(2024, 7, 1), 2_340_000),
            ],
            multiples: vec![MultipleStep {
                from: day(2024, 1, 1),
                source: "NĐ 98/2023".into(),
                multiples: BTreeMap::from([
                    ((AwardKind::GiayKhen, Category::Individual), 300),
                    ((AwardKind::GiayKhen, Category::Collective), 600),
                ]),
            }],
        }
    }

    #[test]
    fn the_base_salary_is_the_one_in_force_on_the_day() {
        let p = prize();
        assert_eq!(
            p.base_on(day(2023, 6, 30)).map(|s| s.amount),
            Some(1_490_000)
        );
        assert_eq!(
            p.base_on(day(2023, 7, 1)).map(|s| s.amount),
            Some(1_800_000)
        );
        assert_eq!(
            p.base_on(day(2024, 7, 1)).map(|s| s.amount),
            Some(2_340_000)
        );
        assert_eq!(p.base_on(day(2019, 6, 30)), None);
    }

    #[test]
    fn the_prize_is_the_base_times_the_multiple_in_force() {
        let p = prize();
        let on = |award, category, d| p.amount(award, category, d).map(|a| a.amount);
        let (gk, ind, col) = (
            AwardKind::GiayKhen,
            Category::Individual,
            Category::Collective,
        );
        assert_eq!(on(gk, ind, day(2024, 3, 8)), Some(540_000));
        assert_eq!(on(gk, col, day(2024, 3, 8)), Some(1_080_000));
        assert_eq!(on(gk, ind, day(2024, 7, 1)), Some(702_000));
        assert_eq!(on(gk, col, day(2026, 3, 20)), Some(1_404_000));
        // No multiple before 2024, none for the Bằng khen: no amount.
        assert_eq!(on(gk, ind, day(2023, 12, 31)), None);
        assert_eq!(on(AwardKind::BangKhen, ind, day(2024, 3, 8)), None);
    }
}
