//! `data-assets deadlines`: the pilot obligations still due on or after a date.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use data_assets_core::calendar::{Calendar, Due, DueDate, UnitKind, upcoming};
use serde::Serialize;
use serde_json::json;

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

/// Prints the deadlines as a table or as JSON.
pub fn run(as_of: NaiveDate, region: Option<&str>, kind: Option<UnitKind>, as_json: bool) {
    let kinds: Vec<UnitKind> = kind.map_or_else(|| UnitKind::ALL.to_vec(), |kind| vec![kind]);
    let rows = deadlines(&Calendar::official(), as_of, &kinds, region);
    if as_json {
        println!(
            "{}",
            json!({ "ok": true, "as_of": as_of, "region": region, "deadlines": rows })
        );
        return;
    }
    println!("deadlines on or after {as_of}:");
    for row in &rows {
        let owed: Vec<&str> = row.owed_by.iter().map(|k| k.label_zh()).collect();
        let when = match &row.due.due {
            DueDate::Known {
                due_date,
                days_left,
            } => format!("{due_date} ({days_left} days)"),
            DueDate::Unknown { message, .. } => format!("unknown: {message}"),
        };
        println!(
            "  {when}  {}  [{}]  {}",
            row.due.obligation.title_zh,
            owed.join("、"),
            row.due.obligation.source
        );
    }
    if rows.is_empty() {
        println!("  none");
    }
}
