//! Import of a public data catalog (公共数据开放目录) as survey rows.
//!
//! The catalog is a UTF-8 CSV file (a byte-order mark is accepted) with a header row naming at
//! least the columns of [`REQUIRED_COLUMNS`], in any order. `seq`, `key_domain` and the other
//! columns of the Guangxi open-data platform export are optional. Each row becomes a
//! [`DataResource`] of category 公共数据, since a government open-data catalog lists data of
//! public bodies (数据二十条). Holder, cost, rights and grade stay empty: the catalog does not
//! state them, and the survey's readiness rule lists them as still lacking.
//!
//! Values: `open_type` and `update_frequency` accept the vocabulary labels, codes and synonyms
//! (see [`parse_open_type`] and [`parse_update_frequency`]); an unknown text is an error naming
//! the row and column, never mapped to a guess. `formats` is split on `|`, trimmed, lowercased,
//! with duplicates dropped. `has_api` is `Y`/`N` (also `是`/`否`). `record_count` is a whole
//! number or empty (unknown). Dates are `YYYY-MM-DD` or `YYYY/MM/DD`, or empty. Departments are
//! normalized with [`normalize_department`].

use std::path::Path;

use chrono::NaiveDate;
use data_assets_core::ErrorDetail;
use data_assets_core::asset::DataCategory;
use data_assets_core::survey::{
    DataResource, normalize_department, parse_open_type, parse_update_frequency,
};

use crate::error::{IoError, Location};
use crate::limits::Limits;
use crate::table::{collected, parse_date, split_csv};

/// Columns a catalog must have.
pub const REQUIRED_COLUMNS: &[&str] = &[
    "dataset_name",
    "department",
    "published_date",
    "updated_date",
    "open_type",
    "record_count",
    "update_frequency",
    "formats",
    "has_api",
    "description",
];

/// Reads a catalog file after checking its size.
///
/// # Errors
///
/// Every error found, as for [`parse_catalog`], or one read or size error.
pub fn read_catalog(path: &Path, limits: &Limits) -> Result<Vec<DataResource>, Vec<IoError>> {
    let bytes = limits.read_file(path).map_err(|error| vec![error])?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    parse_catalog(&bytes, &name, limits)
}

/// Parses catalog CSV bytes into survey resources; `file` names the source in errors.
///
/// # Errors
///
/// Missing required columns (all of them), or one error per invalid or missing value, each
/// with the row number as a spreadsheet shows it (the header is row 1) and the column name.
///
/// ```
/// use data_assets_io::{catalog::parse_catalog, Limits};
/// let csv = "seq,dataset_name,department,published_date,updated_date,open_type,record_count,\
/// update_frequency,formats,has_api,description\n\
/// 1,企业年报,桂林市市场监督管理局,2021-11-26,2023-03-04,无条件开放,44270,每天,xls|csv,N,年报\n";
/// let rows = parse_catalog(csv.as_bytes(), "catalog.csv", &Limits::default()).unwrap();
/// assert_eq!(rows[0].records, Some(44270));
/// assert_eq!(rows[0].formats, vec!["xls", "csv"]);
/// ```
pub fn parse_catalog(
    bytes: &[u8],
    file: &str,
    limits: &Limits,
) -> Result<Vec<DataResource>, Vec<IoError>> {
    let location = Location::file(file);
    limits
        .check_size(file, u64::try_from(bytes.len()).unwrap_or(u64::MAX))
        .map_err(|error| vec![error])?;
    let (headers, records, mut errors) = split_csv(bytes, file, limits)?;
    let missing: Vec<IoError> = REQUIRED_COLUMNS
        .iter()
        .filter(|column| !headers.iter().any(|h| h == *column))
        .map(|column| IoError::MissingColumn {
            field: location.render(),
            value: (*column).to_owned(),
            allowed: format!("a header row with {}", REQUIRED_COLUMNS.join(", ")),
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }

    let mut resources = Vec::with_capacity(records.len());
    for (number, record) in &records {
        let row = CatalogRow {
            headers: &headers,
            record,
            number: *number,
            location: &location,
        };
        if let Some(resource) = row.parse(&mut errors) {
            resources.push(resource);
        }
    }
    collected(resources, errors)
}

/// One catalog record with what is needed to locate its errors.
struct CatalogRow<'a> {
    headers: &'a [String],
    record: &'a csv::StringRecord,
    number: u64,
    location: &'a Location<'a>,
}

impl CatalogRow<'_> {
    fn get(&self, column: &str) -> &str {
        self.headers
            .iter()
            .position(|h| h == column)
            .and_then(|index| self.record.get(index))
            .map_or("", str::trim)
    }

    fn at<'c>(&self, column: &'c str) -> Location<'c>
    where
        Self: 'c,
    {
        self.location.cell(self.number, column)
    }

    /// Parses the row, pushing every error; returns `None` when any value was invalid.
    fn parse(&self, errors: &mut Vec<IoError>) -> Option<DataResource> {
        // Parse every value first, so that one row reports all its errors.
        let before = errors.len();
        let name = self.required("dataset_name", errors);
        let department = normalize_department(&self.required("department", errors));
        let open_type = self.vocab("open_type", parse_open_type, errors);
        let update_frequency = self.vocab("update_frequency", parse_update_frequency, errors);
        let records = self.records(errors);
        let has_api = self.has_api(errors);
        let published = self.date("published_date", errors);
        let updated = self.date("updated_date", errors);
        if errors.len() > before {
            return None;
        }

        let id = match self.get("seq") {
            "" => self.number.to_string(),
            seq => seq.to_owned(),
        };
        let domain = Some(self.get("key_domain").to_owned()).filter(|d| !d.is_empty());

        // Holder, cost, rights and grade are not in a catalog and stay for the unit to fill.
        Some(DataResource {
            id,
            name,
            department,
            description: self.get("description").to_owned(),
            domain,
            records,
            coverage: None,
            authorized_operation: false,
            open_type: open_type?,
            update_frequency: update_frequency?,
            formats: split_formats(self.get("formats")),
            has_api: has_api?,
            published: published.ok()?,
            updated: updated.ok()?,
            system: None,
            owner: None,
            cost: None,
            rights: Vec::new(),
            category: Some(DataCategory::Public),
            grade: None,
        })
    }

    fn required(&self, column: &'static str, errors: &mut Vec<IoError>) -> String {
        let value = self.get(column);
        if value.is_empty() {
            errors.push(self.at(column).missing("a non-empty text"));
        }
        value.to_owned()
    }

    fn vocab<T, E: ErrorDetail>(
        &self,
        column: &'static str,
        parse: fn(&str, &str) -> Result<T, E>,
        errors: &mut Vec<IoError>,
    ) -> Option<T> {
        let text = self.get(column);
        match parse(text, column) {
            Ok(value) => Some(value),
            Err(error) => {
                errors.push(self.at(column).invalid(text, error.allowed()));
                None
            }
        }
    }

    fn records(&self, errors: &mut Vec<IoError>) -> Option<u64> {
        let text = self.get("record_count");
        if text.is_empty() {
            return None;
        }
        let parsed = text.parse::<u64>();
        if parsed.is_err() {
            errors.push(self.at("record_count").invalid(
                text,
                "a whole number of records (0 or more), or empty when unknown",
            ));
        }
        parsed.ok()
    }

    fn has_api(&self, errors: &mut Vec<IoError>) -> Option<bool> {
        let text = self.get("has_api");
        match text {
            "Y" | "y" | "是" => Some(true),
            "N" | "n" | "否" => Some(false),
            _ => {
                errors.push(self.at("has_api").invalid(text, "Y or N (是 or 否)"));
                None
            }
        }
    }

    /// Parses an optional date; `Err` after pushing the error when the text is invalid.
    fn date(
        &self,
        column: &'static str,
        errors: &mut Vec<IoError>,
    ) -> Result<Option<NaiveDate>, ()> {
        let text = self.get(column);
        if text.is_empty() {
            return Ok(None);
        }
        if let Some(date) = parse_date(text) {
            return Ok(Some(date));
        }
        errors.push(
            self.at(column)
                .invalid(text, "a date such as 2024-12-31, or empty"),
        );
        Err(())
    }
}

/// Splits a `|`-separated format list: trimmed, lowercased, empty entries and duplicates dropped.
pub fn split_formats(text: &str) -> Vec<String> {
    let mut formats: Vec<String> = Vec::new();
    for part in text.split('|') {
        let format = part.trim().to_lowercase();
        if !format.is_empty() && !formats.contains(&format) {
            formats.push(format);
        }
    }
    formats
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "seq,dataset_name,department,published_date,updated_date,open_type,\
                          record_count,update_frequency,formats,has_api,description";

    fn parse(body: &str) -> Result<Vec<DataResource>, Vec<IoError>> {
        parse_catalog(
            format!("{HEADER}\n{body}").as_bytes(),
            "t.csv",
            &Limits::default(),
        )
    }

    #[test]
    fn formats_split_and_dedupe() {
        assert_eq!(
            split_formats(" XLS | csv||csv|api"),
            vec!["xls", "csv", "api"]
        );
        assert!(split_formats("").is_empty());
    }

    #[test]
    fn synonyms_and_spaces_accepted() {
        let rows = parse("7,名称,\u{3000}桂林市  教育局 ,2024/01/02,,有条件,,每天,json,是,说明\n")
            .unwrap();
        let row = &rows[0];
        assert_eq!(row.id, "7");
        assert_eq!(row.department, "桂林市 教育局");
        assert_eq!(
            row.update_frequency,
            data_assets_core::asset::UpdateFrequency::Daily
        );
        assert_eq!(
            row.open_type,
            data_assets_core::asset::OpenType::Conditional
        );
        assert_eq!(row.records, None);
        assert_eq!(row.updated, None);
        assert_eq!(row.published, NaiveDate::from_ymd_opt(2024, 1, 2));
        assert!(row.has_api);
    }

    #[test]
    fn every_bad_row_reported() {
        let body = "1,a,d,2024-01-01,2024-01-02,无条件开放,10,每年,csv,N,x\n\
                    2,b,d,2024-01-01,2024-01-02,半开放,10,每年,csv,N,x\n\
                    3,c,d,2024-01-01,2024-01-02,无条件开放,十,每年,csv,N,x\n\
                    4,,d,2024-13-01,2024-01-02,无条件开放,10,每十年,csv,X,x\n";
        let errors = parse(body).unwrap_err();
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.code(), e.field())).collect();
        assert_eq!(
            found,
            vec![
                ("io.invalid_value", "t.csv, row 3, column open_type"),
                ("io.invalid_value", "t.csv, row 4, column record_count"),
                ("io.missing_value", "t.csv, row 5, column dataset_name"),
                ("io.invalid_value", "t.csv, row 5, column update_frequency"),
                ("io.invalid_value", "t.csv, row 5, column has_api"),
                ("io.invalid_value", "t.csv, row 5, column published_date"),
            ]
        );
        assert_eq!(errors[0].value(), "半开放");
        assert!(errors[0].allowed().contains("无条件开放"));
        assert_eq!(errors[1].value(), "十");
    }

    #[test]
    fn missing_columns_all_listed() {
        let csv = "seq,dataset_name,department\n1,a,b\n";
        let errors = parse_catalog(csv.as_bytes(), "t.csv", &Limits::default()).unwrap_err();
        assert_eq!(errors.len(), REQUIRED_COLUMNS.len() - 2);
        assert!(errors.iter().all(|e| e.code() == "io.missing_column"));
        assert_eq!(errors[0].value(), "published_date");
    }

    #[test]
    fn row_limit_enforced() {
        let row = "1,a,d,2024-01-01,2024-01-02,无条件开放,10,每年,csv,N,x\n";
        let limits = Limits {
            max_rows: 2,
            ..Limits::default()
        };
        let csv = format!("{HEADER}\n{row}{row}{row}");
        let errors = parse_catalog(csv.as_bytes(), "t.csv", &limits).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code(), "io.too_many_rows");
    }

    #[test]
    fn size_limit_enforced() {
        let limits = Limits {
            max_file_bytes: 10,
            ..Limits::default()
        };
        let errors = parse_catalog(HEADER.as_bytes(), "t.csv", &limits).unwrap_err();
        assert_eq!(errors[0].code(), "io.file_too_large");
    }

    #[test]
    fn quoted_multiline_row_is_one_row() {
        let body = "1,a,d,2024-01-01,2024-01-02,无条件开放,10,每年,csv,N,\"two\nlines\"\n\
                    2,b,d,2024-01-01,2024-01-02,无条件开放,x,每年,csv,N,x\n";
        let errors = parse(body).unwrap_err();
        assert_eq!(errors[0].field(), "t.csv, row 3, column record_count");
    }
}
