//! Vouchers and the journal, trial balances and the disclosure tables.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use data_assets_core::accounting::{
    self as core, Journal as CoreJournal, Side, disclosure, trial_balance,
};
use data_assets_core::entity::EntityKind;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::code_arg;
use crate::entity::frame;
use crate::errors::{OrRaise, guard};
use crate::money::amount_arg;
use crate::value::{dict_of, extract, extract_list, policy_arg, wrap_all};

value_type! {
    /// An accounting event of a data asset: id, asset id, date and the kind with its amounts,
    /// such as `{"type": "purchase", ...}`.
    AccountingEvent(core::Event), "accounting.invalid_field"
}

value_type! {
    /// A voucher: the financial lines and, for a government unit, the budget lines.
    Voucher(core::Voucher), "accounting.invalid_field"
}

value_type! {
    /// An event as posted with its voucher.
    PostedEvent(core::PostedEvent), "accounting.invalid_field"
}

value_type! {
    /// Running balances of one asset's accounts.
    AssetBalances(core::AssetBalances), "accounting.invalid_field"
}

value_type! {
    /// A trial balance of one side over a period.
    TrialBalance(trial_balance::TrialBalance), "accounting.invalid_field"
}

value_type! {
    /// Disclosure table A: intangible data assets (无形资产类数据资源).
    IntangibleTable(disclosure::IntangibleTable), "accounting.invalid_field"
}

value_type! {
    /// Disclosure table B: inventory data assets (存货类数据资源).
    InventoryTable(disclosure::InventoryTable), "accounting.invalid_field"
}

value_type! {
    /// The note on data assets in a government unit's financial report.
    GovernmentNote(disclosure::GovernmentNote), "accounting.invalid_field"
}

fn side_arg(py: Python<'_>, side: &str) -> PyResult<Side> {
    code_arg(py, side, "side")
}

#[pymethods]
impl Voucher {
    /// Tells whether each side's debits equal its credits.
    fn is_balanced(&self) -> bool {
        self.0.is_balanced()
    }

    /// Returns the total debits and credits of a side (`financial` or `budget`).
    #[pyo3(signature = (side = "financial"))]
    fn totals(
        &self,
        py: Python<'_>,
        side: &str,
    ) -> PyResult<(rust_decimal::Decimal, rust_decimal::Decimal)> {
        guard(py, || {
            let (debit, credit) = self.0.totals(side_arg(py, side)?).or_raise(py)?;
            Ok((debit.value(), credit.value()))
        })
    }
}

#[pymethods]
impl IntangibleTable {
    /// Lists the failed tie-out checks of the table; empty when it ties out.
    fn check<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.0.check())
    }
}

#[pymethods]
impl InventoryTable {
    /// Lists the failed tie-out checks of the table; empty when it ties out.
    fn check<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.0.check())
    }
}

state_type! {
    /// The books of one unit for its data assets: post events, read vouchers and balances,
    /// and build trial balances and disclosure tables.
    Journal(CoreJournal), "accounting.invalid_field"
}

#[pymethods]
impl Journal {
    /// Opens empty books for a unit of `entity_kind` (code or Chinese label) with a VAT status
    /// (`not_taxpayer`, `general` or `small_scale`).
    #[new]
    #[pyo3(signature = (entity_kind, policy = None, vat = "not_taxpayer"))]
    fn new(
        py: Python<'_>,
        entity_kind: &str,
        policy: Option<&Bound<'_, PyAny>>,
        vat: &str,
    ) -> PyResult<Self> {
        guard(py, || {
            let kind = entity_kind.parse::<EntityKind>().or_raise(py)?;
            let policy = policy_arg(policy)?;
            let vat = code_arg(py, vat, "vat")?;
            Ok(Journal(CoreJournal::new(kind, policy, vat)))
        })
    }

    /// Posts one event and returns its voucher; a rejected event leaves the books unchanged.
    fn post(&mut self, py: Python<'_>, event: &Bound<'_, PyAny>) -> PyResult<Voucher> {
        guard(py, || {
            let event = extract::<AccountingEvent>(event, "event")?;
            self.0.post(&event).map(Voucher).or_raise(py)
        })
    }

    /// Posts events in order, stopping at the first rejected one, and returns their vouchers.
    fn post_all(&mut self, py: Python<'_>, events: &Bound<'_, PyAny>) -> PyResult<Vec<Voucher>> {
        guard(py, || {
            let events = extract_list::<AccountingEvent>(events, "events")?;
            events
                .iter()
                .enumerate()
                .map(|(index, event)| {
                    self.0
                        .post(event)
                        .map(Voucher)
                        .or_raise(py)
                        .map_err(|error| {
                            crate::value::prefix_field(py, error, &format!("events[{index}]"))
                        })
                })
                .collect()
        })
    }

    /// Lists the posted events with their vouchers, in posting order.
    fn posted(&self) -> Vec<PostedEvent> {
        wrap_all::<PostedEvent>(self.0.posted().iter().cloned())
    }

    /// Lists the vouchers, in posting order.
    fn vouchers(&self) -> Vec<Voucher> {
        wrap_all::<Voucher>(self.0.posted().iter().map(|posted| posted.voucher.clone()))
    }

    /// Returns the account balances of one asset, or `None` if nothing was posted for it.
    fn balances(&self, asset_id: &str) -> Option<AssetBalances> {
        self.0.balances(asset_id).cloned().map(AssetBalances)
    }

    /// Returns the carrying amount (账面价值) of one asset at the end of `day`: cost less
    /// accumulated amortization and allowances, from the vouchers dated on or before `day`.
    fn carrying_amount(
        &self,
        py: Python<'_>,
        asset_id: &str,
        day: NaiveDate,
    ) -> PyResult<rust_decimal::Decimal> {
        guard(py, || {
            self.0
                .carrying_amount(asset_id, day)
                .map(data_assets_core::Amount::value)
                .or_raise(py)
        })
    }

    /// Returns the kind of the unit as its code.
    #[getter]
    fn entity_kind(&self) -> &'static str {
        self.0.entity_kind().code()
    }

    /// Returns the trial balance of a side (`financial` or `budget`) over `start`..=`end`.
    #[pyo3(signature = (start, end, side = "financial"))]
    fn trial_balance(
        &self,
        py: Python<'_>,
        start: NaiveDate,
        end: NaiveDate,
        side: &str,
    ) -> PyResult<TrialBalance> {
        guard(py, || {
            trial_balance::trial_balance(&self.0, side_arg(py, side)?, start, end)
                .map(TrialBalance)
                .or_raise(py)
        })
    }

    /// Builds disclosure table A (intangible data assets) over `start`..=`end`.
    fn intangible_table(
        &self,
        py: Python<'_>,
        start: NaiveDate,
        end: NaiveDate,
    ) -> PyResult<IntangibleTable> {
        guard(py, || {
            disclosure::intangible_table(&self.0, start, end)
                .map(IntangibleTable)
                .or_raise(py)
        })
    }

    /// Builds disclosure table B (inventory data assets) over `start`..=`end`.
    fn inventory_table(
        &self,
        py: Python<'_>,
        start: NaiveDate,
        end: NaiveDate,
    ) -> PyResult<InventoryTable> {
        guard(py, || {
            disclosure::inventory_table(&self.0, start, end)
                .map(InventoryTable)
                .or_raise(py)
        })
    }

    /// Builds the government note over `start`..=`end`; `life_basis` maps asset ids to how
    /// their useful life was set, and disposals at or above `major_disposal_threshold` are
    /// listed one by one.
    #[expect(
        clippy::needless_pass_by_value,
        reason = "pyo3 extracts arguments as owned values"
    )]
    fn government_note(
        &self,
        py: Python<'_>,
        start: NaiveDate,
        end: NaiveDate,
        life_basis: BTreeMap<String, String>,
        major_disposal_threshold: &Bound<'_, PyAny>,
    ) -> PyResult<GovernmentNote> {
        guard(py, || {
            let threshold = amount_arg(major_disposal_threshold, "major_disposal_threshold")?;
            disclosure::government_note(&self.0, start, end, &life_basis, threshold)
                .map(GovernmentNote)
                .or_raise(py)
        })
    }

    /// Returns a DataFrame with one row per voucher line of both sides: voucher id, asset id,
    /// date, side, account code and name, debit and credit (as `Decimal`). Requires pandas.
    fn vouchers_to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let mut rows = Vec::new();
            for posted in self.0.posted() {
                let voucher = &posted.voucher;
                for (side, lines) in [
                    ("financial", &voucher.financial),
                    ("budget", &voucher.budget),
                ] {
                    for line in lines {
                        let row = PyDict::new(py);
                        row.set_item("voucher_id", &voucher.id)?;
                        row.set_item("asset_id", &voucher.asset_id)?;
                        row.set_item("date", voucher.date)?;
                        row.set_item("side", side)?;
                        row.set_item("account_code", &line.account_code)?;
                        row.set_item("account_name", &line.account_name)?;
                        row.set_item("debit", line.debit.value())?;
                        row.set_item("credit", line.credit.value())?;
                        rows.push(row.into_any());
                    }
                }
            }
            frame(py, rows)
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Journal(entity_kind={:?}, posted={})",
            self.0.entity_kind().code(),
            self.0.posted().len()
        )
    }
}

/// Builds the monthly amortization events of one asset from its schedule, charged to the
/// expense of `use_of_asset`.
#[pyfunction]
pub fn amortization_events(
    py: Python<'_>,
    asset_id: &str,
    periods: &Bound<'_, PyAny>,
    use_of_asset: &str,
) -> PyResult<Vec<AccountingEvent>> {
    guard(py, || {
        let periods = extract_list::<crate::amortization::AmortizationPeriod>(periods, "periods")?;
        let use_of_asset = code_arg(py, use_of_asset, "use_of_asset")?;
        Ok(wrap_all::<AccountingEvent>(core::amortization_events(
            asset_id,
            &periods,
            use_of_asset,
        )))
    })
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<AccountingEvent>()?;
    module.add_class::<Voucher>()?;
    module.add_class::<PostedEvent>()?;
    module.add_class::<AssetBalances>()?;
    module.add_class::<TrialBalance>()?;
    module.add_class::<IntangibleTable>()?;
    module.add_class::<InventoryTable>()?;
    module.add_class::<GovernmentNote>()?;
    module.add_class::<Journal>()?;
    module.add_function(wrap_pyfunction!(amortization_events, module)?)?;
    Ok(())
}
