//! `thiduakt init DIR`.

use std::path::Path;

use thiduakt::Lang;
use thiduakt::load::csv_table::Column;
use thiduakt::load::{BUILTIN_PLAN, achievements, awards, files, nominations, people};

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

/// Creates a data folder with the built-in plan and empty files, only in a
/// new or empty folder: nothing is ever overwritten.
pub fn run(ctx: &Context, dir: &Path) -> Outcome {
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
    ];
    for (name, text) in contents {
        let path = dir.join(name);
        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut temp, text.as_bytes())?;
        temp.persist_noclobber(&path).map_err(|e| e.error)?;
    }
    ctx.note(&match ctx.lang {
        Lang::Vi => format!(
            "Đã tạo {}: kế hoạch mặc định và các tệp trống. Khai báo các tập thể trong units.toml, rồi chạy: thiduakt --data {} validate",
            dir.display(),
            dir.display()
        ),
        Lang::En => format!(
            "Created {}: the built-in plan and empty files. Declare the collectives in units.toml, then run: thiduakt --data {} validate",
            dir.display(),
            dir.display()
        ),
    });
    Ok(())
}
