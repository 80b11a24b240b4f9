//! `thiduakt draft REVIEW -o DIR [--doc NAME] [--final]`.

use std::path::Path;

use thiduakt::Lang;
use thiduakt::load::Keep;
use thiduakt::render::documents::{self, DocName, Input, Names, blockers, docx};
use thiduakt::rules::evaluate;

use crate::cli::args::DocArg;
use crate::cli::{Context, Outcome, Reported};

/// Writes the clerk's documents of a review into `dir`: all four, or the
/// one `--doc` names. With `--final`, refuses while a proposed candidate
/// has no vote, an unsettled tie or an incomplete dossier.
pub fn run(ctx: &Context, review: &str, dir: &Path, doc: Option<DocArg>, final_: bool) -> Outcome {
    let data = ctx.load(Keep::review(review))?;
    let review = ctx.review(&data, review)?;
    let report = evaluate(&data, review, ctx.today);
    if final_ {
        let open = blockers(&data, &report);
        if !open.is_empty() {
            ctx.error(&match ctx.lang {
                Lang::Vi => format!(
                    "chưa thể lập bản chính thức (--final) cho đợt {}: {} vấn đề còn mở",
                    review,
                    open.len()
                ),
                Lang::En => format!(
                    "cannot write the final documents (--final) of {}: {} open questions",
                    review,
                    open.len()
                ),
            });
            for b in &open {
                eprintln!("  {} {}: {}", b.id, b.name, b.reason);
            }
            return Err(Reported);
        }
    }
    let (names, configured) = Names::of(&data, review);
    if !configured {
        ctx.note(&match ctx.lang {
            Lang::Vi => "kế hoạch không có bảng [documents]: tên cơ quan, địa danh, căn cứ... để trống cho văn thư điền".to_string(),
            Lang::En => "the plan has no [documents] table: issuer, place, legal bases... are left blank to fill in".to_string(),
        });
    }
    let input = Input {
        data: &data,
        report: &report,
        names,
        final_,
    };
    let wanted: Vec<DocName> = match doc {
        None => DocName::ALL.to_vec(),
        Some(d) => vec![d.into()],
    };
    if !dir.exists()
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        ctx.error(&match ctx.lang {
            Lang::Vi => format!("không tạo được thư mục {}: {e}", dir.display()),
            Lang::En => format!("cannot create the folder {}: {e}", dir.display()),
        });
        return Err(Reported);
    }
    for name in wanted {
        for note in documents::notes(&input, name) {
            ctx.note(&format!("{}: {note}", name.file_name(review)));
        }
        let draft = documents::draft(&input, name);
        let bytes = match docx::docx(&draft) {
            Ok(bytes) => bytes,
            Err(e) => {
                ctx.error(&e.to_string());
                return Err(Reported);
            }
        };
        let path = dir.join(name.file_name(review));
        ctx.write_file(&path, &bytes)?;
        ctx.note(&match ctx.lang {
            Lang::Vi => format!("Đã ghi {}", path.display()),
            Lang::En => format!("Wrote {}", path.display()),
        });
    }
    Ok(())
}

impl From<DocArg> for DocName {
    fn from(d: DocArg) -> DocName {
        match d {
            DocArg::QuyetDinh => DocName::QuyetDinh,
            DocArg::ToTrinh => DocName::ToTrinh,
            DocArg::BienBan => DocName::BienBan,
            DocArg::BaoCao => DocName::BaoCao,
        }
    }
}
