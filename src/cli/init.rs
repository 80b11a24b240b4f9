//! `thiduakt init DIR`.

use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, ExcelDateTime, Format, Formula, Workbook, Worksheet,
    XlsxError,
};
use thiduakt::Lang;
use thiduakt::load::csv_table::Column;
use thiduakt::load::{
    BUILTIN_PLAN, achievements, awards, files, initiatives, nominations, people, registrations,
    units_file, workbook,
};
use thiduakt::plan::{AwardKind, PersonKind, UnitKind};

use crate::cli::{Context, Outcome, Reported};

const UNITS_TEMPLATE: &str = "\
# Các tập thể: Sở, các phòng, đơn vị thuộc Sở, tổ chức có liên quan.
# Collectives: the Department, its offices and units, related organisations.
# kind: so | phong | don_vi | to_chuc
#
# [[unit]]
# id = \"SO\"
# name = \"Sở Khoa học và Công nghệ\"
# kind = \"so\"
#
# [[unit]]
# id = \"VP\"
# name = \"Văn phòng Sở\"
# kind = \"phong\"
";

fn header(columns: &[Column], lang: Lang) -> String {
    let names: Vec<&str> = columns.iter().map(|c| lang.pick(c.vi, c.key)).collect();
    format!("{}\n", names.join(","))
}

/// The rows a validation covers: every row below the header.
const LAST_ROW: u32 = 1_048_575;

/// How many units the dropdown of unit ids reads from the units sheet.
const UNIT_ROWS: u32 = 1000;

/// What a column of a sheet of the template holds, for its validation.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    /// A dropdown from a column of the `lists` sheet.
    List(u16),
    /// A dropdown of the unit ids of the units sheet.
    Unit,
    Date,
    Count,
    Number,
}

/// A sheet of the template: its name, its columns, and what each holds
/// with its width.
type TemplateSheet<'a> = (&'a str, &'a [Column], Vec<(Kind, f64)>);

/// Writes `thiduakt.xlsx`: a sheet per file with the loader's headers, a
/// frozen header row, column widths, and validations whose lists a hidden
/// `lists` sheet holds, built from the plan.
fn write_workbook(path: &Path, lang: Lang) -> Result<(), XlsxError> {
    let plan = thiduakt::load::plan_from_str(BUILTIN_PLAN, files::PLAN).ok();
    let lists: Vec<(&str, Vec<String>)> = vec![
        (
            "criterion",
            plan.iter()
                .flat_map(|p| p.criteria.iter().map(|c| c.code.clone()))
                .collect(),
        ),
        ("result", vec!["đạt".into(), "không đạt".into()]),
        (
            "award",
            AwardKind::ALL
                .iter()
                .map(|k| k.code().to_string())
                .collect(),
        ),
        (
            "person kind",
            PersonKind::ALL
                .iter()
                .map(|k| k.code().to_string())
                .collect(),
        ),
        (
            "unit kind",
            UnitKind::ALL.iter().map(|k| k.code().to_string()).collect(),
        ),
        (
            "review",
            plan.iter()
                .flat_map(|p| p.reviews().into_iter().map(|r| r.to_string()))
                .collect(),
        ),
        ("gender", vec!["nam".into(), "nữ".into()]),
        ("field", plan.iter().map(|p| p.field.clone()).collect()),
    ];
    let list = |name: &str| {
        Kind::List(
            lists
                .iter()
                .position(|(n, _)| *n == name)
                .and_then(|i| u16::try_from(i).ok())
                .unwrap_or(0),
        )
    };
    let units_sheet = lang.pick("Đơn vị", "units");
    let sheets: [TemplateSheet; 5] = [
        (
            units_sheet,
            &units_file::COLUMNS,
            vec![
                (Kind::Text, 12.0),
                (Kind::Text, 40.0),
                (list("unit kind"), 12.0),
            ],
        ),
        (
            lang.pick("Nhân sự", "people"),
            &people::COLUMNS,
            vec![
                (Kind::Text, 10.0),
                (Kind::Text, 28.0),
                (Kind::Unit, 12.0),
                (Kind::Text, 22.0),
                (list("person kind"), 12.0),
                (list("gender"), 10.0),
            ],
        ),
        (
            lang.pick("Kết quả", "achievements"),
            &achievements::COLUMNS,
            vec![
                (list("review"), 11.0),
                (Kind::Text, 10.0),
                (list("criterion"), 10.0),
                (list("result"), 12.0),
                (Kind::Number, 8.0),
                (Kind::Text, 60.0),
            ],
        ),
        (
            lang.pick("Đề nghị", "nominations"),
            &nominations::COLUMNS,
            vec![
                (list("review"), 11.0),
                (Kind::Text, 10.0),
                (Kind::Date, 12.0),
                (Kind::Text, 16.0),
                (Kind::Text, 16.0),
                (Kind::Text, 16.0),
                (Kind::Count, 12.0),
                (Kind::Count, 14.0),
            ],
        ),
        (
            lang.pick("Khen thưởng", "awards"),
            &awards::COLUMNS,
            vec![
                (list("review"), 11.0),
                (Kind::Text, 10.0),
                (list("award"), 12.0),
                (list("field"), 10.0),
                (Kind::Text, 18.0),
                (Kind::Date, 12.0),
                (Kind::Date, 12.0),
            ],
        ),
    ];
    let mut book = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_background_color(rust_xlsxwriter::Color::RGB(0xDDEBF7))
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let lists_sheet = "lists";
    for (name, columns, kinds) in &sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name)?;
        sheet.set_freeze_panes(1, 0)?;
        // Printed, a sheet fits the width of a landscape page.
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        for (c, column) in columns.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, c, lang.pick(column.vi, column.key), &bold)?;
            let (kind, width) = kinds
                .get(usize::from(c))
                .copied()
                .unwrap_or((Kind::Text, 12.0));
            sheet.set_column_width(c, width)?;
            validate_column(
                sheet,
                c,
                kind,
                &date_format,
                lists_sheet,
                units_sheet,
                &lists,
            )?;
        }
    }
    let sheet = book.add_worksheet();
    sheet.set_name(lists_sheet)?;
    for (c, (name, values)) in lists.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, c, *name, &bold)?;
        for (r, value) in values.iter().enumerate() {
            sheet.write_string(u32::try_from(r + 1).unwrap_or(u32::MAX), c, value)?;
        }
        sheet.set_column_width(c, 14)?;
    }
    sheet.set_hidden(true);
    book.save(path)
}

/// The validation of one column, from row 2 down.
fn validate_column(
    sheet: &mut Worksheet,
    c: u16,
    kind: Kind,
    date_format: &Format,
    lists_sheet: &str,
    units_sheet: &str,
    lists: &[(&str, Vec<String>)],
) -> Result<(), XlsxError> {
    let validation = match kind {
        Kind::Text => return Ok(()),
        Kind::List(i) => {
            let len = lists.get(usize::from(i)).map_or(1, |(_, v)| v.len().max(1));
            let letter = workbook::column_name(usize::from(i));
            DataValidation::new().allow_list_formula(Formula::new(format!(
                "={lists_sheet}!${letter}$2:${letter}${}",
                len + 1
            )))
        }
        Kind::Unit => DataValidation::new().allow_list_formula(Formula::new(format!(
            "='{units_sheet}'!$A$2:$A${}",
            UNIT_ROWS + 1
        ))),
        Kind::Date => {
            sheet.set_column_format(c, date_format)?;
            let from = ExcelDateTime::from_ymd(1990, 1, 1)?;
            let to = ExcelDateTime::from_ymd(2099, 12, 31)?;
            DataValidation::new().allow_date(DataValidationRule::Between(from, to))
        }
        Kind::Count => {
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        }
        Kind::Number => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
    };
    sheet.add_data_validation(1, c, LAST_ROW, c, &validation)?;
    Ok(())
}

/// Creates a data folder with the built-in plan and empty files, only in a
/// new or empty folder: nothing is ever overwritten.
pub fn run(ctx: &Context, dir: &Path, xlsx: bool) -> Outcome {
    if dir.exists() {
        let empty = dir.is_dir()
            && std::fs::read_dir(dir)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
        if !empty {
            ctx.error(&match ctx.lang {
                Lang::Vi => format!(
                    "{} đã tồn tại và không rỗng: init chỉ tạo thư mục mới hoặc rỗng",
                    dir.display()
                ),
                Lang::En => format!(
                    "{} exists and is not empty: init only writes into a new or empty folder",
                    dir.display()
                ),
            });
            return Err(Reported);
        }
    }
    std::fs::create_dir_all(dir)?;
    if xlsx {
        return run_xlsx(ctx, dir);
    }
    let contents = [
        (files::PLAN, BUILTIN_PLAN.to_string()),
        (files::UNITS, UNITS_TEMPLATE.to_string()),
        (files::PEOPLE, header(&people::COLUMNS, ctx.lang)),
        (
            files::ACHIEVEMENTS,
            header(&achievements::COLUMNS, ctx.lang),
        ),
        (files::NOMINATIONS, header(&nominations::COLUMNS, ctx.lang)),
        (files::AWARDS, header(&awards::COLUMNS, ctx.lang)),
        (
            files::REGISTRATIONS,
            header(&registrations::COLUMNS, ctx.lang),
        ),
        (files::INITIATIVES, header(&initiatives::COLUMNS, ctx.lang)),
    ];
    for (name, text) in contents {
        let path = dir.join(name);
        let mut temp = shared_temp_file(dir)?;
        // CSV files start with a BOM: Excel then reads them as UTF-8.
        if name.ends_with(".csv") {
            std::io::Write::write_all(&mut temp, "\u{feff}".as_bytes())?;
        }
        std::io::Write::write_all(&mut temp, text.as_bytes())?;
        temp.persist_noclobber(&path).map_err(|e| e.error)?;
    }
    ctx.note(&created(ctx.lang, dir, None));
    Ok(())
}

/// What `init` says it made, what it copied, and what the clerk changes
/// first (the copied plan is the sample Department's), then where the data
/// goes: the files of the folder, or the sheets of `workbook`.
fn created(lang: Lang, dir: &Path, workbook: Option<&str>) -> String {
    let dir = dir.display();
    match (lang, workbook) {
        (Lang::Vi, None) => format!(
            "Đã tạo {dir}: các tệp trống và plan.toml chép từ kế hoạch mẫu (Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu, giai đoạn 2021 – 2025).\n{}\n\
             Rồi khai báo các tập thể trong units.toml, cá nhân trong people.csv, và chạy: thiduakt --data {dir} validate",
            CHANGE_FIRST_VI
        ),
        (Lang::Vi, Some(book)) => format!(
            "Đã tạo {dir}: sổ tính {book} (mỗi tệp một trang) và plan.toml chép từ kế hoạch mẫu (Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu, giai đoạn 2021 – 2025).\n{}\n\
             Rồi khai báo các tập thể ở trang Đơn vị, cá nhân ở trang Nhân sự, và chạy: thiduakt --data {dir} validate",
            CHANGE_FIRST_VI
        ),
        (Lang::En, None) => format!(
            "Created {dir}: empty files, and plan.toml copied from the sample plan (Department of Science and Technology of Bà Rịa - Vũng Tàu, 2021 – 2025).\n{}\n\
             Then declare the collectives in units.toml, the people in people.csv, and run: thiduakt --data {dir} validate",
            CHANGE_FIRST_EN
        ),
        (Lang::En, Some(book)) => format!(
            "Created {dir}: the workbook {book} (a sheet per file), and plan.toml copied from the sample plan (Department of Science and Technology of Bà Rịa - Vũng Tàu, 2021 – 2025).\n{}\n\
             Then declare the collectives in the units sheet, the people in the people sheet, and run: thiduakt --data {dir} validate",
            CHANGE_FIRST_EN
        ),
    }
}

const CHANGE_FIRST_VI: &str = "Sửa plan.toml trước tiên: [plan] issuer và period, annual_reviews; [giay_khen] signer (mã cá nhân của Giám đốc) và chỉ tiêu; [provincial_quota] theo phân bổ của tỉnh; [documents] (cơ quan, địa danh, căn cứ).";
const CHANGE_FIRST_EN: &str = "Change plan.toml first: [plan] issuer and period, annual_reviews; [giay_khen] signer (the Director's person id) and quotas; [provincial_quota] as the province allocates; [documents] (issuer, place, legal bases).";

/// A temporary file in `dir` with the permissions of an ordinary new file
/// (0666 under the umask: 0644 as a rule), not a temporary file's 0600.
pub fn shared_temp_file(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// `init DIR --xlsx`: the plan and one workbook.
fn run_xlsx(ctx: &Context, dir: &Path) -> Outcome {
    let plan = dir.join(files::PLAN);
    let mut temp = shared_temp_file(dir)?;
    std::io::Write::write_all(&mut temp, BUILTIN_PLAN.as_bytes())?;
    temp.persist_noclobber(&plan).map_err(|e| e.error)?;
    let name = format!("{}.xlsx", workbook::BOOK_STEM);
    let temp = shared_temp_file(dir)?;
    write_workbook(temp.path(), ctx.lang).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    temp.persist_noclobber(dir.join(&name))
        .map_err(|e| e.error)?;
    ctx.note(&created(ctx.lang, dir, Some(&name)));
    Ok(())
}
