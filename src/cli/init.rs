//! `thiduakt init DIR`.

use std::path::Path;

use thiduakt::Lang;
use thiduakt::load::csv_table::Column;
use thiduakt::load::{
    BUILTIN_PLAN, achievements, awards, files, initiatives, nominations, people, registrations,
};

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
    ctx.note(&match ctx.lang {
        Lang::Vi => format!(
            "Đã tạo {dir}: các tệp trống và plan.toml chép từ kế hoạch mẫu (Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu, giai đoạn 2021 – 2025).\n\
             Sửa plan.toml trước tiên: [plan] issuer và period, annual_reviews; [giay_khen] signer (mã cá nhân của Giám đốc) và chỉ tiêu; [provincial_quota] theo phân bổ của tỉnh; [documents] (cơ quan, địa danh, căn cứ).\n\
             Rồi khai báo các tập thể trong units.toml, cá nhân trong people.csv, và chạy: thiduakt --data {dir} validate",
            dir = dir.display()
        ),
        Lang::En => format!(
            "Created {dir}: empty files, and plan.toml copied from the sample plan (Department of Science and Technology of Bà Rịa - Vũng Tàu, 2021 – 2025).\n\
             Change plan.toml first: [plan] issuer and period, annual_reviews; [giay_khen] signer (the Director's person id) and quotas; [provincial_quota] as the province allocates; [documents] (issuer, place, legal bases).\n\
             Then declare the collectives in units.toml, the people in people.csv, and run: thiduakt --data {dir} validate",
            dir = dir.display()
        ),
    });
    Ok(())
}

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
