//! The draft ledger (台账草稿) written by the survey: one row per data resource, with the
//! catalog facts filled in, the assessment shown, and the ledger facts (holder, cost, rights,
//! classification) left for the unit to complete.
//!
//! Columns whose key starts with `assessment_` are output only: [`rows_to_resources`] ignores
//! them, because they are recomputed from the other columns.

use chrono::NaiveDate;
use data_assets_core::Amount;
use data_assets_core::asset::{DataCategory, OpenType, RightKind, SecurityGrade, UpdateFrequency};
use data_assets_core::survey::{Assessment, DataResource, QualityDimension};

use crate::error::{IoError, Location};
use crate::table::{Cell, ColumnKind, ColumnSpec, Row, SheetSpec};

/// Sheet name of the draft ledger.
pub const DRAFT_SHEET: &str = "台账草稿";

/// Labels of yes/no columns.
pub const YES_NO: [&str; 2] = ["是", "否"];

/// Separator between rights in the 权利类型 column.
pub const RIGHTS_SEPARATOR: &str = "、";

/// Returns the labels of a vocabulary, for an enum column.
pub fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|value| label(*value)).collect()
}

/// Declares the draft ledger sheet.
pub fn draft_ledger_spec() -> SheetSpec {
    use ColumnKind::{Amount, Date, Enum, Int, Text};
    let yes_no = || Enum(YES_NO.to_vec());
    let mut columns = vec![
        ColumnSpec::new("id", "编号", Text, true),
        ColumnSpec::new("name", "资源名称", Text, true),
        ColumnSpec::new("department", "提供部门", Text, true),
        ColumnSpec::new("description", "数据资源说明", Text, false),
        ColumnSpec::new("domain", "重点领域", Text, false),
        ColumnSpec::new("records", "数据量（条）", Int, false),
        ColumnSpec::new("coverage", "覆盖范围", Text, false),
        ColumnSpec::new("authorized_operation", "是否授权运营", yes_no(), true),
        ColumnSpec::new(
            "open_type",
            "开放类型",
            Enum(labels(OpenType::ALL, OpenType::label_zh)),
            true,
        ),
        ColumnSpec::new(
            "update_frequency",
            "更新频率",
            Enum(labels(UpdateFrequency::ALL, UpdateFrequency::label_zh)),
            true,
        ),
        ColumnSpec::new("formats", "数据格式", Text, false),
        ColumnSpec::new("has_api", "是否提供接口", yes_no(), true),
        ColumnSpec::new("published", "发布日期", Date, false),
        ColumnSpec::new("updated", "更新日期", Date, false),
        ColumnSpec::new("system", "来源信息系统", Text, false),
        ColumnSpec::new("owner", "持有单位", Text, false),
        ColumnSpec::new("cost", "取得成本（元）", Amount, false),
        ColumnSpec::new("rights", "权利类型", Text, false),
        ColumnSpec::new(
            "category",
            "数据分类",
            Enum(labels(DataCategory::ALL, DataCategory::label_zh)),
            false,
        ),
        ColumnSpec::new(
            "grade",
            "安全级别",
            Enum(labels(SecurityGrade::ALL, SecurityGrade::label_zh)),
            false,
        ),
    ];
    for dimension in QualityDimension::ALL {
        columns.push(ColumnSpec::new(
            quality_key(*dimension),
            dimension.label_zh(),
            Int,
            false,
        ));
    }
    columns.push(ColumnSpec::new("assessment_flags", "质量问题", Text, false));
    columns.push(ColumnSpec::new(
        "assessment_ready",
        "可纳入管理",
        yes_no(),
        false,
    ));
    columns.push(ColumnSpec::new("assessment_lacks", "尚缺事项", Text, false));
    SheetSpec {
        name: DRAFT_SHEET,
        columns,
    }
}

fn quality_key(dimension: QualityDimension) -> &'static str {
    match dimension {
        QualityDimension::Normativity => "assessment_normativity",
        QualityDimension::Completeness => "assessment_completeness",
        QualityDimension::Accuracy => "assessment_accuracy",
        QualityDimension::Consistency => "assessment_consistency",
        QualityDimension::Timeliness => "assessment_timeliness",
        QualityDimension::Accessibility => "assessment_accessibility",
    }
}

fn yes_no(value: bool) -> Cell {
    Cell::Text(if value { YES_NO[0] } else { YES_NO[1] }.to_owned())
}

/// Renders resources and their assessments (same order) as draft ledger rows.
pub fn resources_to_rows(resources: &[DataResource], assessments: &[Assessment]) -> Vec<Vec<Cell>> {
    resources
        .iter()
        .enumerate()
        .map(|(index, resource)| resource_row(resource, assessments.get(index)))
        .collect()
}

fn resource_row(resource: &DataResource, assessment: Option<&Assessment>) -> Vec<Cell> {
    let text_option = |value: &Option<String>| Cell::from_option(value.clone(), Cell::text);
    let rights: Vec<&str> = resource.rights.iter().map(|r| r.label_zh()).collect();
    let mut cells = vec![
        Cell::text(resource.id.clone()),
        Cell::text(resource.name.clone()),
        Cell::text(resource.department.clone()),
        Cell::text(resource.description.clone()),
        text_option(&resource.domain),
        Cell::from_option(resource.records, |r| {
            i64::try_from(r).map_or_else(|_| Cell::Text(r.to_string()), Cell::Int)
        }),
        text_option(&resource.coverage),
        yes_no(resource.authorized_operation),
        Cell::text(resource.open_type.label_zh()),
        Cell::text(resource.update_frequency.label_zh()),
        Cell::text(resource.formats.join("|")),
        yes_no(resource.has_api),
        Cell::from_option(resource.published, Cell::Date),
        Cell::from_option(resource.updated, Cell::Date),
        text_option(&resource.system),
        text_option(&resource.owner),
        Cell::from_option(resource.cost, Cell::Amount),
        Cell::text(rights.join(RIGHTS_SEPARATOR)),
        Cell::from_option(resource.category, |c| Cell::text(c.label_zh())),
        Cell::from_option(resource.grade, |g| Cell::text(g.label_zh())),
    ];
    match assessment {
        Some(assessment) => {
            for score in &assessment.quality {
                cells.push(Cell::from_option(score.score, |s| Cell::Int(i64::from(s))));
            }
            let flags: Vec<&str> = assessment.flags.iter().map(|f| f.label_zh()).collect();
            let lacks: Vec<&str> = assessment
                .readiness
                .lacks
                .iter()
                .map(|r| r.label_zh())
                .collect();
            cells.push(Cell::text(flags.join(RIGHTS_SEPARATOR)));
            cells.push(yes_no(assessment.readiness.ready));
            cells.push(Cell::text(lacks.join(RIGHTS_SEPARATOR)));
        }
        None => cells.extend(std::iter::repeat_n(
            Cell::Empty,
            QualityDimension::ALL.len() + 3,
        )),
    }
    cells
}

/// Reads resources back from draft ledger rows read with [`draft_ledger_spec`].
///
/// # Errors
///
/// One error per invalid value that the sheet's column kinds cannot catch: an unknown right in
/// 权利类型 or a record count below zero, located by `file`, row and column header.
pub fn rows_to_resources(rows: &[Row], file: &str) -> Result<Vec<DataResource>, Vec<IoError>> {
    let spec = draft_ledger_spec();
    let location = Location::file(file).sheet(DRAFT_SHEET);
    let mut resources = Vec::with_capacity(rows.len());
    let mut errors = Vec::new();
    for row in rows {
        let reader = RowReader {
            spec: &spec,
            row,
            location: &location,
        };
        if let Some(resource) = reader.resource(&mut errors) {
            resources.push(resource);
        }
    }
    crate::table::collected(resources, errors)
}

struct RowReader<'a> {
    spec: &'a SheetSpec,
    row: &'a Row,
    location: &'a Location<'a>,
}

impl RowReader<'_> {
    fn cell(&self, key: &str) -> &Cell {
        self.spec
            .index(key)
            .and_then(|i| self.row.cells.get(i))
            .unwrap_or(&Cell::Empty)
    }

    fn text(&self, key: &str) -> Option<String> {
        match self.cell(key) {
            Cell::Empty => None,
            other => Some(other.to_text()),
        }
    }

    fn header(&self, key: &str) -> &'static str {
        self.spec
            .index(key)
            .and_then(|i| self.spec.columns.get(i))
            .map_or("", |c| c.header)
    }

    fn vocab<T: std::str::FromStr>(&self, key: &str) -> Option<T> {
        self.text(key).and_then(|text| text.parse().ok())
    }

    fn date(&self, key: &str) -> Option<NaiveDate> {
        match self.cell(key) {
            Cell::Date(date) => Some(*date),
            _ => None,
        }
    }

    fn resource(&self, errors: &mut Vec<IoError>) -> Option<DataResource> {
        let before = errors.len();
        let records = self.records(errors);
        let rights = self.rights(errors);
        let cost = match self.cell("cost") {
            Cell::Amount(amount) => Some(*amount),
            _ => None::<Amount>,
        };
        // Enum and required cells were checked by the sheet reader against the spec's labels.
        let open_type = self.vocab::<OpenType>("open_type")?;
        let update_frequency = self.vocab::<UpdateFrequency>("update_frequency")?;
        if errors.len() > before {
            return None;
        }
        Some(DataResource {
            id: self.text("id").unwrap_or_default(),
            name: self.text("name").unwrap_or_default(),
            department: self.text("department").unwrap_or_default(),
            description: self.text("description").unwrap_or_default(),
            domain: self.text("domain"),
            records,
            coverage: self.text("coverage"),
            authorized_operation: self.text("authorized_operation").as_deref() == Some(YES_NO[0]),
            open_type,
            update_frequency,
            formats: crate::catalog::split_formats(&self.text("formats").unwrap_or_default()),
            has_api: self.text("has_api").as_deref() == Some(YES_NO[0]),
            published: self.date("published"),
            updated: self.date("updated"),
            system: self.text("system"),
            owner: self.text("owner"),
            cost,
            rights,
            category: self.vocab("category"),
            grade: self.vocab("grade"),
        })
    }

    fn records(&self, errors: &mut Vec<IoError>) -> Option<u64> {
        match self.cell("records") {
            Cell::Int(value) => {
                let records = u64::try_from(*value).ok();
                if records.is_none() {
                    let at = self.location.cell(self.row.number, self.header("records"));
                    errors.push(at.invalid(&value.to_string(), "a record count of 0 or more"));
                }
                records
            }
            _ => None,
        }
    }

    fn rights(&self, errors: &mut Vec<IoError>) -> Vec<RightKind> {
        let Some(text) = self.text("rights") else {
            return Vec::new();
        };
        let mut rights = Vec::new();
        for part in text.split(['、', ',', '|']) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            match part.parse::<RightKind>() {
                Ok(right) if !rights.contains(&right) => rights.push(right),
                Ok(_) => {}
                Err(_) => {
                    let at = self.location.cell(self.row.number, self.header("rights"));
                    let allowed = format!(
                        "rights separated by {RIGHTS_SEPARATOR}: {}",
                        labels(RightKind::ALL, RightKind::label_zh).join(RIGHTS_SEPARATOR)
                    );
                    errors.push(at.invalid(part, allowed));
                }
            }
        }
        rights
    }
}
