//! `data-assets deadlines`: the pilot obligations still due on or after a date.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use data_assets_core::calendar::{Calendar, Due, DueDate, UnitKind, upcoming};
use data_assets_io::Limits;
use data_assets_io::holidays::{Loaded, LoadedSchedule, load_holiday_file};
use serde::Serialize;
use serde_json::json;

use crate::output::{Failure, fail};

/// An obligation with its due date and the kinds of unit, among those asked about, that owe it.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineRow {
    /// Obligation and its due date.
    #[serde(flatten)]
    pub due: Due,
    /// Kinds of unit asked about that owe it.
    pub owed_by: Vec<UnitKind>,
}

/// Lists the obligations due on or after `as_of` for the given kinds, soonest first; an
/// obligation owed by several kinds is listed once.
pub fn deadlines(
    calendar: &Calendar,
    as_of: NaiveDate,
    kinds: &[UnitKind],
    region: Option<&str>,
) -> Vec<DeadlineRow> {
    let mut rows: Vec<DeadlineRow> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for kind in kinds {
        for due in upcoming(calendar, as_of, *kind, region) {
            if let Some(&at) = index.get(&due.obligation.id) {
                if let Some(row) = rows.get_mut(at) {
                    row.owed_by.push(*kind);
                }
                continue;
            }
            index.insert(due.obligation.id.clone(), rows.len());
            rows.push(DeadlineRow {
                due,
                owed_by: vec![*kind],
            });
        }
    }
    // Known dates first, soonest first; unknown ones after, in plan order (a stable sort).
    rows.sort_by_key(|row| match row.due.due {
        DueDate::Known { due_date, .. } => (0, due_date),
        DueDate::Unknown { .. } => (1, NaiveDate::MAX),
    });
    rows
}

/// Builds the official calendar plus the schedules of each holiday file, in order.
///
/// # Errors
///
/// The error of the first file that cannot be read or contains an invalid schedule.
pub fn calendar_with(files: &[PathBuf]) -> Result<(Calendar, Loaded), Failure> {
    let mut calendar = Calendar::official();
    let mut loaded = Vec::new();
    for file in files {
        loaded.extend(
            load_holiday_file(&mut calendar, file, &Limits::default())
                .map_err(|error| fail(vec![error]))?,
        );
    }
    Ok((calendar, loaded))
}

/// Returns the text printed for a due date that cannot be computed: for a missing holiday
/// notice, the option that supplies it rather than the library call.
pub fn unknown_note(missing_year: Option<i32>, message: &str) -> String {
    match missing_year {
        Some(year) => format!(
            "no holiday schedule for {year} is loaded: pass the State Council notice for \
             {year} as JSON with --holidays FILE (format: docs/cli/deadlines.md)"
        ),
        None => message.to_owned(),
    }
}

/// Prints the deadlines as a table or as JSON.
///
/// # Errors
///
/// The errors of [`calendar_with`].
pub fn run(
    as_of: NaiveDate,
    region: Option<&str>,
    kind: Option<UnitKind>,
    holiday_files: &[PathBuf],
    as_json: bool,
) -> Result<(), Failure> {
    let (calendar, loaded) = calendar_with(holiday_files)?;
    let kinds: Vec<UnitKind> = kind.map_or_else(|| UnitKind::ALL.to_vec(), |kind| vec![kind]);
    let rows = deadlines(&calendar, as_of, &kinds, region);
    if as_json {
        out!(
            "{}",
            json!({
                "ok": true,
                "as_of": as_of,
                "region": region,
                "holidays_loaded": loaded.iter().map(LoadedSchedule::describe).collect::<Vec<_>>(),
                "deadlines": rows,
            })
        );
        return Ok(());
    }
    for schedule in &loaded {
        out!("loaded {}", schedule.describe());
    }
    out!("deadlines on or after {as_of}:");
    for row in &rows {
        let owed: Vec<&str> = row.owed_by.iter().map(|k| k.label_zh()).collect();
        let when = match &row.due.due {
            DueDate::Known {
                due_date,
                days_left,
            } => format!("{due_date} ({days_left} days)"),
            DueDate::Unknown {
                missing_year,
                message,
                ..
            } => format!("unknown: {}", unknown_note(*missing_year, message)),
        };
        out!(
            "  {when}  {}  [{}]  {}",
            row.due.obligation.title_zh,
            owed.join("、"),
            row.due.obligation.source
        );
    }
    if rows.is_empty() {
        out!("  none");
    }
    Ok(())
}
