//! Texts read again from disk when they are shown.
//!
//! A row's evidence and a dossier's document references matter only when
//! `explain` shows one subject; the rules never read them. Rather than hold a
//! million of them in memory, the loader keeps where each row is
//! ([`Source`]) and this module reads the few that are asked for.

use crate::load::LoadOptions;
use crate::load::achievements::{self, EVIDENCE};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, Table};
use crate::load::nominations;
use crate::load::source::read_text;
use crate::model::{Achievement, Dataset, Document, Nomination, Source};

/// Reads cells of rows of one file, given where the rows start.
fn cells(
    data: &Dataset,
    options: &LoadOptions,
    file: u16,
    columns: &'static [Column],
    rows: &[(Source, &[usize])],
) -> Vec<Vec<Option<String>>> {
    let blank = || {
        rows.iter()
            .map(|(_, wanted)| vec![None; wanted.len()])
            .collect()
    };
    let Some(source) = data.files.get(usize::from(file)) else {
        return blank();
    };
    let mut ignored = Vec::new();
    let opened = if let Some(sheet) = &source.sheet {
        crate::load::workbook::Book::open(&source.path, &source.path)
            .and_then(|mut book| book.sheet(sheet, columns))
    } else if source.decoded || options.in_memory {
        read_text(&source.path, &source.path, options.encoding, &mut ignored)
            .map(CsvFile::from_text)
    } else {
        CsvFile::open(&source.path, &source.path, options.encoding, &mut ignored)
    };
    let Some(table) = opened
        .ok()
        .and_then(|f| Table::open(f, columns, &mut ignored))
    else {
        return blank();
    };
    rows.iter()
        .map(|(at, wanted)| table.cells_at(at.byte as usize, wanted))
        .collect()
}

/// The evidence of each achievement row, in order; `None` where there is
/// none or the file has changed so that it can no longer be read.
pub fn evidence(
    data: &Dataset,
    options: &LoadOptions,
    rows: &[&Achievement],
) -> Vec<Option<String>> {
    rows.iter()
        .map(|a| {
            let wanted: &[usize] = &[EVIDENCE];
            let mut found = cells(
                data,
                options,
                a.source.file,
                &achievements::COLUMNS,
                &[(a.source, wanted)],
            );
            found.pop().and_then(|mut c| c.pop()).flatten()
        })
        .collect()
}

/// The references of a nomination's documents, in [`Document::ALL`] order.
pub fn references(data: &Dataset, options: &LoadOptions, n: &Nomination) -> [Option<String>; 3] {
    let wanted: Vec<usize> = Document::ALL
        .iter()
        .map(|d| nominations::column(*d))
        .collect();
    let mut found = cells(
        data,
        options,
        n.source.file,
        &nominations::COLUMNS,
        &[(n.source, &wanted)],
    );
    let mut texts = found.pop().unwrap_or_default().into_iter();
    [(); 3].map(|()| texts.next().flatten())
}
