//! `data-assets survey`: the survey (摸底) of a public data catalog.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use data_assets_core::survey::{Assessment, Survey, SurveySummary, summarize};
use data_assets_io::Limits;
use data_assets_io::catalog::read_catalog;
use data_assets_io::draft::{draft_ledger_spec, resources_to_rows};
use data_assets_io::workbook::write_workbook;
use serde::Serialize;
use serde_json::json;

use crate::output::{Failure, Staging, fail};

/// File names written into the output directory.
pub const SUMMARY_JSON: &str = "summary.json";
/// Markdown summary.
pub const SUMMARY_MD: &str = "summary.md";
/// Draft ledger workbook.
pub const DRAFT_LEDGER: &str = "draft-ledger.xlsx";

/// Contents of summary.json.
#[derive(Serialize)]
struct Report<'a> {
    source: String,
    summary: &'a SurveySummary,
    assessments: &'a [Assessment],
}

/// Reads the catalog, assesses every resource as of `as_of` and writes the three outputs
/// atomically into `out`.
pub fn run(catalog: &Path, out: &Path, as_of: NaiveDate, as_json: bool) -> Result<(), Failure> {
    let resources = read_catalog(catalog, &Limits::default()).map_err(fail)?;
    let survey = Survey {
        systems: Vec::new(),
        resources,
    };
    let (summary, assessments) = summarize(&survey, as_of).map_err(|e| fail(vec![e]))?;
    let source = catalog.file_name().map_or_else(
        || catalog.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );

    // Render everything in memory first, so that nothing is written when a step fails.
    let report = Report {
        source: source.clone(),
        summary: &summary,
        assessments: &assessments,
    };
    let json_text = serde_json::to_string_pretty(&report).map_err(|e| {
        fail(vec![data_assets_io::IoError::Write {
            field: SUMMARY_JSON.into(),
            value: e.to_string(),
            allowed: "a summary that serializes to JSON".into(),
        }])
    })?;
    let markdown = render_markdown(&source, &summary);
    let spec = draft_ledger_spec();
    let rows = resources_to_rows(&survey.resources, &assessments);
    let workbook = write_workbook(DRAFT_LEDGER, &[(&spec, &rows)]).map_err(|e| fail(vec![e]))?;

    let staging = Staging::new(out).map_err(|e| fail(vec![e]))?;
    for (name, bytes) in [
        (SUMMARY_JSON, json_text.as_bytes()),
        (SUMMARY_MD, markdown.as_bytes()),
        (DRAFT_LEDGER, workbook.as_slice()),
    ] {
        staging.write(name, bytes).map_err(|e| fail(vec![e]))?;
    }
    let out = staging.commit().map_err(|e| fail(vec![e]))?;

    if as_json {
        let files = [SUMMARY_JSON, SUMMARY_MD, DRAFT_LEDGER];
        out!(
            "{}",
            json!({ "ok": true, "out": out.display().to_string(), "files": files, "summary": summary })
        );
    } else {
        out!(
            "surveyed {} resources ({} records) of {} departments in {source}; {} ready for \
             data-asset management",
            summary.resources,
            summary.records,
            summary.by_department.len(),
            summary.ready
        );
        out!(
            "wrote {SUMMARY_JSON}, {SUMMARY_MD} and {DRAFT_LEDGER} to {}",
            out.display()
        );
    }
    Ok(())
}

/// Renders the survey summary as Markdown with Chinese headings.
fn render_markdown(source: &str, summary: &SurveySummary) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# 数据资源摸底汇总\n");
    let _ = writeln!(md, "来源：{source}；评估日：{}\n", summary.as_of);
    let _ = writeln!(md, "| 项目 | 数量 |\n| --- | ---: |");
    let overview = [
        ("数据资源", summary.resources.to_string()),
        ("数据量（条）", summary.records.to_string()),
        ("数据量未填", summary.records_unknown.to_string()),
        ("提供部门", summary.by_department.len().to_string()),
        ("提供接口", summary.with_api.to_string()),
        ("未提供接口", summary.without_api.to_string()),
        ("授权运营", summary.authorized_operation.to_string()),
        ("可纳入数据资产管理", summary.ready.to_string()),
    ];
    for (label, value) in overview {
        let _ = writeln!(md, "| {label} | {value} |");
    }

    let _ = writeln!(
        md,
        "\n## 按部门\n\n| 部门 | 数据资源 | 数据量（条） |\n| --- | ---: | ---: |"
    );
    let mut departments: Vec<_> = summary.by_department.iter().collect();
    departments.sort_by(|a, b| b.1.resources.cmp(&a.1.resources).then(a.0.cmp(b.0)));
    for (name, count) in departments {
        let _ = writeln!(md, "| {name} | {} | {} |", count.resources, count.records);
    }
    let open: Vec<_> = summary
        .by_open_type
        .iter()
        .map(|(k, v)| (k.label_zh(), *v))
        .collect();
    count_table(&mut md, "按开放类型", "开放类型", &open);
    let frequency: Vec<_> = summary
        .by_update_frequency
        .iter()
        .map(|(k, v)| (k.label_zh(), *v))
        .collect();
    count_table(&mut md, "按更新频率", "更新频率", &frequency);
    let formats: Vec<_> = summary
        .by_format
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    count_table(&mut md, "按数据格式", "格式", &formats);
    let flags: Vec<_> = summary
        .flags
        .iter()
        .map(|(k, v)| (k.label_zh(), *v))
        .collect();
    count_table(&mut md, "质量问题", "问题", &flags);
    let lacking: Vec<_> = summary
        .lacking
        .iter()
        .map(|(k, v)| (k.label_zh(), *v))
        .collect();
    count_table(&mut md, "纳入管理尚缺", "尚缺事项", &lacking);

    let _ = writeln!(
        md,
        "\n## 质量均分（GB/T 36344-2018）\n\n| 维度 | 均分 |\n| --- | ---: |"
    );
    for (dimension, mean) in &summary.mean_quality {
        let _ = writeln!(md, "| {} | {mean} |", dimension.label_zh());
    }
    md
}

fn count_table(md: &mut String, title: &str, column: &str, rows: &[(&str, usize)]) {
    let _ = writeln!(
        md,
        "\n## {title}\n\n| {column} | 数据资源 |\n| --- | ---: |"
    );
    if rows.is_empty() {
        let _ = writeln!(md, "| 无 | 0 |");
    }
    for (label, count) in rows {
        let _ = writeln!(md, "| {label} | {count} |");
    }
}
