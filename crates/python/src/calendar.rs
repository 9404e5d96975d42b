//! Working days, reporting deadlines and pilot obligations over the core calendar.

use chrono::NaiveDate;
use data_assets_core::calendar::{self as core, UnitKind};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::{OrRaise, guard};
use crate::value::{dict_of, extract, extract_list, policy_arg, wrap_all};

value_type! {
    /// The national holiday schedule of one year, from the State Council General Office notice.
    YearSchedule(core::YearSchedule), "calendar.invalid_field"
}

value_type! {
    /// Extra holidays of one region (by administrative division code prefix) in one year.
    RegionalSchedule(core::RegionalSchedule), "calendar.invalid_field"
}

value_type! {
    /// A recurring or one-off duty of a pilot unit, with the rule that sets its due date.
    Obligation(core::Obligation), "calendar.invalid_field"
}

value_type! {
    /// An obligation and its due date (`{"status": "known", ...}`) or why that is unknown.
    Due(core::Due), "calendar.invalid_field"
}

/// A working-day calendar: national schedules by year plus regional holidays.
///
/// `Calendar()` contains the official 2025 and 2026 schedules, and `Calendar.empty()` none.
#[pyclass(module = "data_assets")]
#[derive(Clone)]
pub struct Calendar(pub core::Calendar);

/// Calls `f` with the `calendar=` argument, or with the official calendar when it is `None`.
///
/// The official calendar is built once per process and shared, so a module-level call such as
/// `is_working_day(day)` does not rebuild it, and a given calendar is borrowed, not copied.
pub fn with_calendar<R>(
    calendar: Option<&Bound<'_, Calendar>>,
    f: impl FnOnce(&core::Calendar) -> R,
) -> R {
    static OFFICIAL: std::sync::OnceLock<core::Calendar> = std::sync::OnceLock::new();
    match calendar {
        Some(calendar) => f(&calendar.borrow().0),
        None => f(OFFICIAL.get_or_init(core::Calendar::official)),
    }
}

fn unit_kind_arg(py: Python<'_>, text: &str) -> PyResult<UnitKind> {
    text.parse::<UnitKind>().or_raise(py)
}

#[pymethods]
impl Calendar {
    #[new]
    fn new() -> Self {
        Calendar(core::Calendar::official())
    }

    /// Creates a calendar with no schedule loaded.
    #[staticmethod]
    fn empty() -> Self {
        Calendar(core::Calendar::empty())
    }

    /// Creates the official calendar plus the regional holidays of `policy`.
    #[staticmethod]
    fn for_policy(py: Python<'_>, policy: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let policy = policy_arg(Some(policy))?;
            core::Calendar::for_policy(&policy)
                .map(Calendar)
                .or_raise(py)
        })
    }

    /// Parses a year schedule from JSON text and adds it.
    fn load_year(&mut self, py: Python<'_>, json: &str) -> PyResult<()> {
        guard(py, || self.0.load_year(json).or_raise(py))
    }

    /// Adds the national schedule of a year that is not loaded yet.
    fn add_year(&mut self, py: Python<'_>, schedule: &Bound<'_, PyAny>) -> PyResult<()> {
        guard(py, || {
            let schedule = extract::<YearSchedule>(schedule, "schedule")?;
            self.0.add_year(schedule).or_raise(py)
        })
    }

    /// Replaces (or adds) the schedule of a year, returning the one it replaced.
    fn replace_year(
        &mut self,
        py: Python<'_>,
        schedule: &Bound<'_, PyAny>,
    ) -> PyResult<Option<YearSchedule>> {
        guard(py, || {
            let schedule = extract::<YearSchedule>(schedule, "schedule")?;
            Ok(self
                .0
                .replace_year(schedule)
                .or_raise(py)?
                .map(YearSchedule))
        })
    }

    /// Parses a regional schedule from JSON text and adds it.
    fn load_regional(&mut self, py: Python<'_>, json: &str) -> PyResult<()> {
        guard(py, || self.0.load_regional(json).or_raise(py))
    }

    /// Adds a regional schedule.
    fn add_regional(&mut self, py: Python<'_>, schedule: &Bound<'_, PyAny>) -> PyResult<()> {
        guard(py, || {
            let schedule = extract::<RegionalSchedule>(schedule, "schedule")?;
            self.0.add_regional(schedule).or_raise(py)
        })
    }

    /// Lists the years with a national schedule loaded.
    fn loaded_years(&self) -> Vec<i32> {
        self.0.loaded_years()
    }

    /// Returns the national schedule of `year`, or `None`.
    fn schedule(&self, year: i32) -> Option<YearSchedule> {
        self.0.schedule(year).cloned().map(YearSchedule)
    }

    /// Lists the regional schedules loaded.
    fn regional_schedules(&self) -> Vec<RegionalSchedule> {
        wrap_all::<RegionalSchedule>(self.0.regional_schedules().cloned())
    }

    /// Tells whether `day` is a working day, nationally or in `region` (a division code).
    #[pyo3(signature = (day, region = None))]
    fn is_working_day(
        &self,
        py: Python<'_>,
        day: NaiveDate,
        region: Option<&str>,
    ) -> PyResult<bool> {
        guard(py, || self.0.is_working_day(day, region).or_raise(py))
    }

    /// Returns the `n`th working day after `day`.
    #[pyo3(signature = (day, n, region = None))]
    fn add_working_days(
        &self,
        py: Python<'_>,
        day: NaiveDate,
        n: u32,
        region: Option<&str>,
    ) -> PyResult<NaiveDate> {
        guard(py, || self.0.add_working_days(day, n, region).or_raise(py))
    }

    /// Counts the working days after `start` up to and including `end`.
    #[pyo3(signature = (start, end, region = None))]
    fn working_days_between(
        &self,
        py: Python<'_>,
        start: NaiveDate,
        end: NaiveDate,
        region: Option<&str>,
    ) -> PyResult<i64> {
        guard(py, || {
            self.0.working_days_between(start, end, region).or_raise(py)
        })
    }

    /// Returns the due date of the quarterly progress report of `quarter` in `year`.
    #[pyo3(signature = (year, quarter, region = None))]
    fn quarterly_report_deadline(
        &self,
        py: Python<'_>,
        year: i32,
        quarter: u8,
        region: Option<&str>,
    ) -> PyResult<NaiveDate> {
        guard(py, || {
            core::quarterly_report_deadline(&self.0, year, quarter, region).or_raise(py)
        })
    }

    /// Lists the pilot obligations of `unit_kind` due on or after `as_of`, soonest first.
    #[pyo3(signature = (as_of, unit_kind, region = None))]
    fn upcoming(
        &self,
        py: Python<'_>,
        as_of: NaiveDate,
        unit_kind: &str,
        region: Option<&str>,
    ) -> PyResult<Vec<Due>> {
        guard(py, || {
            let unit_kind = unit_kind_arg(py, unit_kind)?;
            Ok(wrap_all::<Due>(core::upcoming(
                &self.0, as_of, unit_kind, region,
            )))
        })
    }

    /// Returns `{"years": [...], "regional": [...]}`, the schedules in this calendar.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let years: Vec<core::YearSchedule> = self
                .0
                .loaded_years()
                .into_iter()
                .filter_map(|year| self.0.schedule(year).cloned())
                .collect();
            let regional: Vec<core::RegionalSchedule> =
                self.0.regional_schedules().cloned().collect();
            let dict = PyDict::new(py);
            dict.set_item("years", dict_of(py, &years)?)?;
            dict.set_item("regional", dict_of(py, &regional)?)?;
            Ok(dict.into_any())
        })
    }

    /// Builds a calendar holding exactly the schedules of a `to_dict` form.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let mut calendar = core::Calendar::empty();
            let item = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
                match data.get_item(key) {
                    Ok(value) => Ok(Some(value)),
                    Err(error) if error.is_instance_of::<pyo3::exceptions::PyKeyError>(py) => {
                        Ok(None)
                    }
                    Err(error) => Err(error),
                }
            };
            if let Some(years) = item("years")? {
                for schedule in extract_list::<YearSchedule>(&years, "years")? {
                    calendar.add_year(schedule).or_raise(py)?;
                }
            }
            if let Some(regional) = item("regional")? {
                for schedule in extract_list::<RegionalSchedule>(&regional, "regional")? {
                    calendar.add_regional(schedule).or_raise(py)?;
                }
            }
            Ok(Calendar(calendar))
        })
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Calendar>()
            .is_ok_and(|other| other.try_borrow().map_or(true, |other| other.0 == self.0))
    }

    fn __repr__(&self) -> String {
        format!(
            "Calendar(years={:?}, regional={})",
            self.0.loaded_years(),
            self.0.regional_schedules().count()
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        let constructor = slf.get_type().getattr("from_dict")?;
        Ok((constructor, (slf.borrow().to_dict(slf.py())?,)))
    }
}

/// Tells whether `day` is a working day, nationally or in `region`.
#[pyfunction]
#[pyo3(signature = (day, region = None, *, calendar = None))]
pub fn is_working_day(
    py: Python<'_>,
    day: NaiveDate,
    region: Option<&str>,
    calendar: Option<&Bound<'_, Calendar>>,
) -> PyResult<bool> {
    guard(py, || {
        with_calendar(calendar, |calendar| calendar.is_working_day(day, region)).or_raise(py)
    })
}

/// Returns the `n`th working day after `day`.
#[pyfunction]
#[pyo3(signature = (day, n, region = None, *, calendar = None))]
pub fn add_working_days(
    py: Python<'_>,
    day: NaiveDate,
    n: u32,
    region: Option<&str>,
    calendar: Option<&Bound<'_, Calendar>>,
) -> PyResult<NaiveDate> {
    guard(py, || {
        with_calendar(calendar, |calendar| {
            calendar.add_working_days(day, n, region)
        })
        .or_raise(py)
    })
}

/// Counts the working days after `start` up to and including `end`.
#[pyfunction]
#[pyo3(signature = (start, end, region = None, *, calendar = None))]
pub fn working_days_between(
    py: Python<'_>,
    start: NaiveDate,
    end: NaiveDate,
    region: Option<&str>,
    calendar: Option<&Bound<'_, Calendar>>,
) -> PyResult<i64> {
    guard(py, || {
        with_calendar(calendar, |calendar| {
            calendar.working_days_between(start, end, region)
        })
        .or_raise(py)
    })
}

/// Returns the due date of the quarterly progress report: the 10th working day after the
/// quarter ends.
#[pyfunction]
#[pyo3(signature = (year, quarter, region = None, *, calendar = None))]
pub fn quarterly_report_deadline(
    py: Python<'_>,
    year: i32,
    quarter: u8,
    region: Option<&str>,
    calendar: Option<&Bound<'_, Calendar>>,
) -> PyResult<NaiveDate> {
    guard(py, || {
        with_calendar(calendar, |calendar| {
            core::quarterly_report_deadline(calendar, year, quarter, region)
        })
        .or_raise(py)
    })
}

/// Lists the pilot obligations of `unit_kind` due on or after `as_of`, soonest first.
#[pyfunction]
#[pyo3(signature = (as_of, unit_kind, region = None, *, calendar = None))]
pub fn upcoming(
    py: Python<'_>,
    as_of: NaiveDate,
    unit_kind: &str,
    region: Option<&str>,
    calendar: Option<&Bound<'_, Calendar>>,
) -> PyResult<Vec<Due>> {
    guard(py, || {
        let unit_kind = unit_kind_arg(py, unit_kind)?;
        let due = with_calendar(calendar, |calendar| {
            core::upcoming(calendar, as_of, unit_kind, region)
        });
        Ok(wrap_all::<Due>(due))
    })
}

/// Lists the obligations of the pilot plan.
#[pyfunction]
pub fn pilot_obligations() -> Vec<Obligation> {
    wrap_all::<Obligation>(core::pilot_obligations())
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<YearSchedule>()?;
    module.add_class::<RegionalSchedule>()?;
    module.add_class::<Obligation>()?;
    module.add_class::<Due>()?;
    module.add_class::<Calendar>()?;
    module.add_function(wrap_pyfunction!(is_working_day, module)?)?;
    module.add_function(wrap_pyfunction!(add_working_days, module)?)?;
    module.add_function(wrap_pyfunction!(working_days_between, module)?)?;
    module.add_function(wrap_pyfunction!(quarterly_report_deadline, module)?)?;
    module.add_function(wrap_pyfunction!(upcoming, module)?)?;
    module.add_function(wrap_pyfunction!(pilot_obligations, module)?)?;
    Ok(())
}
