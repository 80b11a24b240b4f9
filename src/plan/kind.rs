//! Who competes (II.1): the kinds of collectives and individuals.
//!
//! These kinds are part of the data format, not of a particular plan: a plan
//! says which criteria apply to which kind.

use std::fmt;

use crate::text::fold;

/// The kind of a collective (units.toml `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    /// The Department itself (Sở).
    So,
    /// An office of the Department: Văn phòng, Thanh tra, a phòng.
    Phong,
    /// A unit attached to the Department: Chi cục, Trung tâm.
    DonVi,
    /// A related organisation outside the Department (II.1, third bullet).
    ToChuc,
}

/// The kind of an individual (people.csv `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonKind {
    /// Staff of the Department (CCVC-NLĐ).
    NoiBo,
    /// A related individual outside the Department (II.1, third bullet).
    BenNgoai,
}

/// The kind of any subject: a unit kind or a person kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SubjectKind {
    /// A collective of this kind.
    Unit(UnitKind),
    /// An individual of this kind.
    Person(PersonKind),
}

/// Collectives and individuals are ranked and given quotas apart (III.1.b).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Tập thể.
    Collective,
    /// Cá nhân.
    Individual,
}

impl UnitKind {
    /// All unit kinds, in the order of the data format.
    pub const ALL: [UnitKind; 4] = [
        UnitKind::So,
        UnitKind::Phong,
        UnitKind::DonVi,
        UnitKind::ToChuc,
    ];

    /// The stable code (`so`, `phong`, `don_vi`, `to_chuc`).
    pub fn code(self) -> &'static str {
        match self {
            UnitKind::So => "so",
            UnitKind::Phong => "phong",
            UnitKind::DonVi => "don_vi",
            UnitKind::ToChuc => "to_chuc",
        }
    }

    /// Reads a code, tolerant of case, diacritics and separators
    /// (`Đơn vị`, `don_vi` and `DON VI` are the same).
    pub fn parse(text: &str) -> Option<UnitKind> {
        if let Some(kind) = UnitKind::ALL.into_iter().find(|k| k.code() == text) {
            return Some(kind);
        }
        match fold(text).as_str() {
            "so" => Some(UnitKind::So),
            "phong" => Some(UnitKind::Phong),
            "donvi" => Some(UnitKind::DonVi),
            "tochuc" => Some(UnitKind::ToChuc),
            _ => None,
        }
    }
}

impl PersonKind {
    /// All person kinds, in the order of the data format.
    pub const ALL: [PersonKind; 2] = [PersonKind::NoiBo, PersonKind::BenNgoai];

    /// The stable code (`noi_bo`, `ben_ngoai`).
    pub fn code(self) -> &'static str {
        match self {
            PersonKind::NoiBo => "noi_bo",
            PersonKind::BenNgoai => "ben_ngoai",
        }
    }

    /// Reads a code, tolerant of case, diacritics and separators.
    pub fn parse(text: &str) -> Option<PersonKind> {
        if let Some(kind) = PersonKind::ALL.into_iter().find(|k| k.code() == text) {
            return Some(kind);
        }
        match fold(text).as_str() {
            "noibo" => Some(PersonKind::NoiBo),
            "benngoai" => Some(PersonKind::BenNgoai),
            _ => None,
        }
    }
}

impl SubjectKind {
    /// Every kind, units first.
    pub fn all() -> impl Iterator<Item = SubjectKind> {
        UnitKind::ALL
            .into_iter()
            .map(SubjectKind::Unit)
            .chain(PersonKind::ALL.into_iter().map(SubjectKind::Person))
    }

    /// The stable code of the kind.
    pub fn code(self) -> &'static str {
        match self {
            SubjectKind::Unit(k) => k.code(),
            SubjectKind::Person(k) => k.code(),
        }
    }

    /// Reads any unit or person kind code.
    pub fn parse(text: &str) -> Option<SubjectKind> {
        UnitKind::parse(text)
            .map(SubjectKind::Unit)
            .or_else(|| PersonKind::parse(text).map(SubjectKind::Person))
    }

    /// Collective or individual.
    pub fn category(self) -> Category {
        match self {
            SubjectKind::Unit(_) => Category::Collective,
            SubjectKind::Person(_) => Category::Individual,
        }
    }
}

impl Category {
    /// Both categories, collectives first (the order of every list).
    pub const ALL: [Category; 2] = [Category::Collective, Category::Individual];

    /// The stable code (`collective`, `individual`).
    pub fn code(self) -> &'static str {
        match self {
            Category::Collective => "collective",
            Category::Individual => "individual",
        }
    }
}

impl fmt::Display for SubjectKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_vietnamese_spellings() {
        assert_eq!(UnitKind::parse("Đơn vị"), Some(UnitKind::DonVi));
        assert_eq!(UnitKind::parse("sở"), Some(UnitKind::So));
        assert_eq!(PersonKind::parse("Bên ngoài"), Some(PersonKind::BenNgoai));
        assert_eq!(
            SubjectKind::parse("to_chuc"),
            Some(SubjectKind::Unit(UnitKind::ToChuc))
        );
        assert_eq!(SubjectKind::parse("khác"), None);
    }

    #[test]
    fn codes_round_trip() {
        for kind in SubjectKind::all() {
            assert_eq!(SubjectKind::parse(kind.code()), Some(kind));
        }
    }
}
