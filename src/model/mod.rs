//! Validated records of a data folder.
//!
//! Everything here has passed the loader's checks: ids are unique, every
//! reference resolves, every code belongs to the plan. The rules can rely on
//! that and never fail on data.

pub mod achievement;
pub mod award;
pub mod dataset;
pub mod ids;
pub mod initiative;
pub mod nomination;
pub mod person;
pub mod registration;
pub mod score;
pub mod source;
pub mod subject;
pub mod unit;

pub use achievement::Achievement;
pub use award::GrantedAward;
pub use dataset::{Dataset, SourceFile};
pub use ids::Ids;
pub use initiative::{Citation, Initiative};
pub use nomination::{Document, Nomination, Votes};
pub use person::{Gender, Person};
pub use registration::Registration;
pub use score::Score;
pub use source::Source;
pub use subject::Subject;
pub use unit::Unit;
