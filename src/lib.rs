//! `thiduakt` checks emulation and commendation (thi đua – khen thưởng)
//! nominations against the plan that governs them.
//!
//! The crate is split the way the work is split:
//!
//! - [`plan`] is the plan as data: its period, reviews, criteria, history tiers,
//!   quotas and deadlines, read from `plan.toml` and never hard-coded;
//! - [`model`] holds the validated records of a data folder (units, people,
//!   achievements, nominations, awards) in a [`model::Dataset`];
//! - [`rules`] applies the plan to the records. Its functions are pure: no I/O,
//!   no clock, no printing; today's date is an argument. Each rule lives in the
//!   file named after what it decides, and cites its clause of the plan;
//! - [`scan`] finds the records of a CSV file fast, each with its offset and
//!   line (the one place speed is bought with intricate code);
//! - [`load`] turns a folder of TOML and CSV files into a dataset, or into
//!   [`diag::Diagnostic`]s that name file, line and column;
//! - [`render`] turns results into tables, CSV and JSON, in Vietnamese or English.
//!
//! The `thiduakt` binary only wires a command line to these modules.

pub mod diag;
pub mod lang;
pub mod load;
pub mod model;
pub mod output;
pub mod plan;
pub mod render;
pub mod review;
pub mod rules;
pub mod scan;
pub mod text;

pub use lang::Lang;
pub use review::Review;
