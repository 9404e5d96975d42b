//! Posting-rule tests. Every expected line is worked out by hand from the rule cited on the
//! posting function, not copied from output.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::entity::EntityKind;
use crate::error::ErrorDetail;
use crate::money::Amount;
use crate::policy::{InstitutionFeeTreatment, Policy};

const ADMIN: EntityKind = EntityKind::AdministrativeUnit;
const INSTITUTION: EntityKind = EntityKind::PublicInstitution;
const SOE: EntityKind = EntityKind::StateOwnedEnterprise;

fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

fn event(id: &str, kind: EventKind) -> Event {
    Event {
        id: id.into(),
        asset_id: "A1".into(),
        date: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        kind,
    }
}

fn journal(kind: EntityKind) -> Journal {
    let vat = if kind.is_government() {
        VatStatus::NotTaxpayer
    } else {
        VatStatus::General
    };
    Journal::new(kind, Policy::default(), vat)
}

use crate::accounting::voucher::render;

fn purchase(cost: &str, funding: Funding) -> EventKind {
    EventKind::Purchase {
        cost: amount(cost),
        input_vat: Amount::ZERO,
        funding,
        business_activity: false,
    }
}

fn amortize(value: &str, use_of_asset: ExpenseUse) -> EventKind {
    EventKind::Amortize {
        amount: amount(value),
        use_of_asset,
    }
}

/// A booked government asset of 10,000.00 with 4,000.00 accumulated amortization.
fn booked_asset(kind: EntityKind) -> Journal {
    let mut j = journal(kind);
    j.post(&event("p", purchase("10000.00", Funding::BankDeposit)))
        .unwrap();
    j.post(&event("a", amortize("4000.00", ExpenseUse::Business)))
        .unwrap();
    j
}

#[test]
fn direct_treasury_purchase_administrative_unit() {
    let v = journal(ADMIN)
        .post(&event("e", purchase("10000.00", Funding::DirectTreasury)))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "1701 无形资产—数据资产 Dr 10000.00",
            "4001 财政拨款收入 Cr 10000.00"
        ]
    );
    assert_eq!(
        render(&v.budget),
        [
            "7101 行政支出 Dr 10000.00",
            "6001 财政拨款预算收入 Cr 10000.00"
        ]
    );
}

#[test]
fn quota_then_authorized_purchase_institution() {
    let mut j = journal(INSTITUTION);
    let quota = j
        .post(&event(
            "q",
            EventKind::QuotaReceived {
                amount: amount("50000.00"),
            },
        ))
        .unwrap();
    assert_eq!(
        render(&quota.financial),
        [
            "1011 零余额账户用款额度 Dr 50000.00",
            "4001 财政拨款收入 Cr 50000.00"
        ]
    );
    assert_eq!(
        render(&quota.budget),
        [
            "8001 资金结存—零余额账户用款额度 Dr 50000.00",
            "6001 财政拨款预算收入 Cr 50000.00"
        ]
    );
    let buy = j
        .post(&event("b", purchase("30000.00", Funding::AuthorizedQuota)))
        .unwrap();
    assert_eq!(
        render(&buy.financial),
        [
            "1701 无形资产—数据资产 Dr 30000.00",
            "1011 零余额账户用款额度 Cr 30000.00"
        ]
    );
    assert_eq!(
        render(&buy.budget),
        [
            "7201 事业支出 Dr 30000.00",
            "8001 资金结存—零余额账户用款额度 Cr 30000.00"
        ]
    );
}

#[test]
fn institution_software_purchase_and_amortization() {
    // 4,800.00 cash, two-year life: 200.00 a month to 单位管理费用, never to 6602 管理费用.
    let mut j = journal(INSTITUTION);
    let buy = j
        .post(&event("b", purchase("4800.00", Funding::BankDeposit)))
        .unwrap();
    assert_eq!(
        render(&buy.budget),
        [
            "7201 事业支出 Dr 4800.00",
            "8001 资金结存—货币资金 Cr 4800.00"
        ]
    );
    let schedule = crate::amortization::straight_line_schedule(
        amount("4800.00"),
        24,
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
    )
    .unwrap();
    let month = j
        .post(&event(
            "m1",
            amortize(&schedule[0].amount.to_string(), ExpenseUse::Management),
        ))
        .unwrap();
    assert_eq!(
        render(&month.financial),
        [
            "5101 单位管理费用 Dr 200.00",
            "1702 无形资产累计摊销 Cr 200.00"
        ]
    );
    assert!(month.budget.is_empty());
}

#[test]
fn trademark_schedule_posts_to_cost() {
    // 500,000.00 over 120 months: 119 × 4,166.67 + 4,166.27 = 500,000.00 of 1702 credits, and
    // posting the schedule twice books nothing more.
    let mut j = journal(INSTITUTION);
    j.post(&event("b", purchase("500000.00", Funding::DirectTreasury)))
        .unwrap();
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let schedule =
        crate::amortization::straight_line_schedule(amount("500000.00"), 120, start).unwrap();
    let events = amortization_events("A1", &schedule, ExpenseUse::Business);
    for _ in 0..2 {
        for e in &events {
            j.post(e).unwrap();
        }
    }
    assert_eq!(j.posted().len(), 121);
    let balances = j.balances("A1").unwrap();
    let accumulated = balances.credit_balance(chart::gov::ACCUMULATED_AMORTIZATION);
    assert_eq!(accumulated, amount("500000.00"));
    assert_eq!(
        j.posted()[120].voucher.financial[0].debit,
        amount("4166.27")
    );
}

#[test]
fn administrative_unit_never_uses_5101() {
    let mut j = booked_asset(ADMIN);
    let error = j
        .post(&event("m", amortize("100.00", ExpenseUse::Management)))
        .unwrap_err();
    assert_eq!(
        error.code(),
        "accounting.management_expense_for_administrative_unit"
    );
    let v = j
        .post(&event("m2", amortize("100.00", ExpenseUse::Business)))
        .unwrap();
    assert_eq!(v.financial[0].account_code, "5001");
}

#[test]
fn operating_use_goes_to_5201_and_7301() {
    let mut j = journal(INSTITUTION);
    let v = j
        .post(&event(
            "m",
            EventKind::Maintenance {
                amount: amount("500.00"),
                funding: Funding::BankDeposit,
                use_of_asset: ExpenseUse::Operating,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        ["5201 经营费用 Dr 500.00", "1002 银行存款 Cr 500.00"]
    );
    assert_eq!(
        render(&v.budget),
        [
            "7301 经营支出 Dr 500.00",
            "8001 资金结存—货币资金 Cr 500.00"
        ]
    );
}

#[test]
fn commissioned_development_prepayment_and_delivery() {
    let mut j = journal(ADMIN);
    let pre = j
        .post(&event(
            "pre",
            EventKind::CommissionPrepayment {
                amount: amount("30000.00"),
                funding: Funding::BankDeposit,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&pre.financial),
        ["1214 预付账款 Dr 30000.00", "1002 银行存款 Cr 30000.00"]
    );
    assert_eq!(
        render(&pre.budget),
        [
            "7101 行政支出 Dr 30000.00",
            "8001 资金结存—货币资金 Cr 30000.00"
        ]
    );
    // 100,000.00 fee, 30,000.00 prepaid, 70,000.00 paid now by the treasury.
    let delivery = j
        .post(&event(
            "del",
            EventKind::CommissionDelivery {
                total_fee: amount("100000.00"),
                funding: Funding::DirectTreasury,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&delivery.financial),
        [
            "1701 无形资产—数据资产 Dr 100000.00",
            "1214 预付账款 Cr 30000.00",
            "4001 财政拨款收入 Cr 70000.00"
        ]
    );
    assert_eq!(
        render(&delivery.budget),
        [
            "7101 行政支出 Dr 70000.00",
            "6001 财政拨款预算收入 Cr 70000.00"
        ]
    );
}

fn rd(id: &str, phase: RdPhase, value: &str, funding: Funding) -> Event {
    event(
        id,
        EventKind::RdCost {
            phase,
            amount: amount(value),
            funding,
        },
    )
}

#[test]
fn self_development_government() {
    let mut j = journal(INSTITUTION);
    let salary = j
        .post(&rd(
            "r1",
            RdPhase::Research,
            "20000.00",
            Funding::SalaryPayable,
        ))
        .unwrap();
    assert_eq!(
        render(&salary.financial),
        [
            "1703 研发支出—研究支出 Dr 20000.00",
            "2201 应付职工薪酬 Cr 20000.00"
        ]
    );
    assert!(salary.budget.is_empty(), "payroll is budgeted when paid");
    let cash = j
        .post(&rd(
            "r2",
            RdPhase::Research,
            "5000.00",
            Funding::BankDeposit,
        ))
        .unwrap();
    assert_eq!(
        render(&cash.budget),
        [
            "7201 事业支出 Dr 5000.00",
            "8001 资金结存—货币资金 Cr 5000.00"
        ]
    );
    let transfer = j.post(&event("t", EventKind::ResearchTransfer)).unwrap();
    assert_eq!(
        render(&transfer.financial),
        [
            "5001 业务活动费用 Dr 25000.00",
            "1703 研发支出—研究支出 Cr 25000.00"
        ]
    );
    j.post(&rd(
        "d1",
        RdPhase::Development,
        "80000.00",
        Funding::BankDeposit,
    ))
    .unwrap();
    let done = j
        .post(&event("c", EventKind::DevelopmentCompleted))
        .unwrap();
    assert_eq!(
        render(&done.financial),
        [
            "1701 无形资产—数据资产 Dr 80000.00",
            "1703 研发支出—开发支出 Cr 80000.00"
        ]
    );
    assert!(done.budget.is_empty());
}

#[test]
fn failed_project_written_off_at_year_end() {
    let mut j = journal(ADMIN);
    j.post(&rd(
        "d1",
        RdPhase::Development,
        "10000.00",
        Funding::AuthorizedQuota,
    ))
    .unwrap();
    let v = j
        .post(&event("x", EventKind::DevelopmentAbandoned))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "5001 业务活动费用 Dr 10000.00",
            "1703 研发支出—开发支出 Cr 10000.00"
        ]
    );
    let error = j
        .post(&event("x2", EventKind::DevelopmentCompleted))
        .unwrap_err();
    assert_eq!(error.code(), "accounting.nothing_to_post");
}

#[test]
fn upgrade_pauses_and_resumes() {
    let mut j = booked_asset(ADMIN);
    let start = j.post(&event("u1", EventKind::UpgradeStart)).unwrap();
    assert_eq!(
        render(&start.financial),
        [
            "1613 在建工程 Dr 6000.00",
            "1702 无形资产累计摊销 Dr 4000.00",
            "1701 无形资产—数据资产 Cr 10000.00"
        ]
    );
    let spend = j
        .post(&event(
            "u2",
            EventKind::UpgradeSpending {
                amount: amount("3000.00"),
                funding: Funding::BankDeposit,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&spend.financial),
        ["1613 在建工程 Dr 3000.00", "1002 银行存款 Cr 3000.00"]
    );
    assert_eq!(
        render(&spend.budget),
        [
            "7101 行政支出 Dr 3000.00",
            "8001 资金结存—货币资金 Cr 3000.00"
        ]
    );
    let finish = j.post(&event("u3", EventKind::UpgradeFinish)).unwrap();
    assert_eq!(
        render(&finish.financial),
        [
            "1701 无形资产—数据资产 Dr 9000.00",
            "1613 在建工程 Cr 9000.00"
        ]
    );
    let more = j
        .post(&event(
            "u4",
            EventKind::UpgradeSpending {
                amount: amount("100.00"),
                funding: Funding::DirectTreasury,
            },
        ))
        .unwrap();
    assert_eq!(
        more.financial[0].account_code, "1701",
        "not paused: straight to the asset"
    );
}

fn sale(retain: bool) -> EventKind {
    EventKind::Sale {
        proceeds: amount("7000.00"),
        fees: amount("500.00"),
        output_vat: Amount::ZERO,
        retain,
    }
}

#[test]
fn sale_remitted_then_remittance() {
    let mut j = booked_asset(ADMIN);
    let v = j.post(&event("s", sale(false))).unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "5301 资产处置费用 Dr 6000.00",
            "1702 无形资产累计摊销 Dr 4000.00",
            "1701 无形资产—数据资产 Cr 10000.00",
            "1002 银行存款 Dr 7000.00",
            "1002 银行存款 Cr 500.00",
            "2103 应缴财政款 Cr 6500.00"
        ]
    );
    assert!(v.budget.is_empty());
    let too_much = j
        .post(&event(
            "r0",
            EventKind::Remittance {
                amount: amount("7000.00"),
            },
        ))
        .unwrap_err();
    assert_eq!(too_much.code(), "accounting.exceeds_balance");
    let remit = j
        .post(&event(
            "r",
            EventKind::Remittance {
                amount: amount("6500.00"),
            },
        ))
        .unwrap();
    assert_eq!(
        render(&remit.financial),
        ["2103 应缴财政款 Dr 6500.00", "1002 银行存款 Cr 6500.00"]
    );
    assert!(remit.budget.is_empty());
}

#[test]
fn sale_retained_gets_budget_revenue() {
    let mut j = booked_asset(INSTITUTION);
    let v = j.post(&event("s", sale(true))).unwrap();
    assert_eq!(v.financial[5].account_code, "4609");
    assert_eq!(v.financial[5].credit, amount("6500.00"));
    assert_eq!(
        render(&v.budget),
        [
            "8001 资金结存—货币资金 Dr 6500.00",
            "6609 其他预算收入 Cr 6500.00"
        ]
    );
}

#[test]
fn free_transfer_out() {
    let mut j = booked_asset(ADMIN);
    let v = j
        .post(&event(
            "o",
            EventKind::TransferOut {
                costs: amount("200.00"),
                funding: Funding::BankDeposit,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "3401 无偿调拨净资产 Dr 6000.00",
            "1702 无形资产累计摊销 Dr 4000.00",
            "1701 无形资产—数据资产 Cr 10000.00",
            "5301 资产处置费用 Dr 200.00",
            "1002 银行存款 Cr 200.00"
        ]
    );
    assert_eq!(
        render(&v.budget),
        [
            "7901 其他支出 Dr 200.00",
            "8001 资金结存—货币资金 Cr 200.00"
        ]
    );
}

fn transfer_in(basis: TransferInBasis) -> EventKind {
    EventKind::TransferIn {
        basis,
        taxes: amount("100.00"),
        funding: Funding::BankDeposit,
    }
}

#[test]
fn free_transfer_in_three_bases() {
    let v = journal(ADMIN)
        .post(&event(
            "i",
            transfer_in(TransferInBasis::BookValue {
                book_value: amount("6000.00"),
            }),
        ))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "1701 无形资产—数据资产 Dr 6100.00",
            "1002 银行存款 Cr 100.00",
            "3401 无偿调拨净资产 Cr 6000.00"
        ]
    );
    assert_eq!(
        render(&v.budget),
        [
            "7901 其他支出 Dr 100.00",
            "8001 资金结存—货币资金 Cr 100.00"
        ]
    );
    let zero = journal(ADMIN)
        .post(&event(
            "i",
            transfer_in(TransferInBasis::ZeroBookValue {
                gross: amount("5000.00"),
            }),
        ))
        .unwrap();
    assert_eq!(
        render(&zero.financial),
        [
            "1701 无形资产—数据资产 Dr 5000.00",
            "1702 无形资产累计摊销 Cr 5000.00",
            "5901 其他费用 Dr 100.00",
            "1002 银行存款 Cr 100.00"
        ]
    );
    let mut j = journal(ADMIN);
    let nominal = j
        .post(&event("i", transfer_in(TransferInBasis::Nominal)))
        .unwrap();
    assert_eq!(
        render(&nominal.financial),
        [
            "1701 无形资产—数据资产 Dr 1.00",
            "3401 无偿调拨净资产 Cr 1.00",
            "5901 其他费用 Dr 100.00",
            "1002 银行存款 Cr 100.00"
        ]
    );
    let error = j
        .post(&event("m", amortize("0.50", ExpenseUse::Business)))
        .unwrap_err();
    assert_eq!(error.code(), "accounting.not_amortizable");
}

#[test]
fn donation_measured_and_nominal() {
    let v = journal(INSTITUTION)
        .post(&event(
            "d",
            EventKind::DonationIn {
                value: Some(amount("20000.00")),
                taxes: Amount::ZERO,
                funding: Funding::BankDeposit,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "1701 无形资产—数据资产 Dr 20000.00",
            "4603 捐赠收入 Cr 20000.00"
        ]
    );
    assert!(v.budget.is_empty());
    let nominal = journal(INSTITUTION)
        .post(&event(
            "d",
            EventKind::DonationIn {
                value: None,
                taxes: amount("50.00"),
                funding: Funding::AuthorizedQuota,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&nominal.financial),
        [
            "1701 无形资产—数据资产 Dr 1.00",
            "4603 捐赠收入 Cr 1.00",
            "5901 其他费用 Dr 50.00",
            "1011 零余额账户用款额度 Cr 50.00"
        ]
    );
    assert_eq!(
        render(&nominal.budget),
        [
            "7901 其他支出 Dr 50.00",
            "8001 资金结存—零余额账户用款额度 Cr 50.00"
        ]
    );
}

#[test]
fn write_off_derecognizes_book_value() {
    let v = booked_asset(ADMIN)
        .post(&event("w", EventKind::WriteOff))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "5301 资产处置费用 Dr 6000.00",
            "1702 无形资产累计摊销 Dr 4000.00",
            "1701 无形资产—数据资产 Cr 10000.00"
        ]
    );
    assert!(v.budget.is_empty());
}

#[test]
fn stocktake_loss_and_approval() {
    let mut j = booked_asset(INSTITUTION);
    let loss = j.post(&event("l", EventKind::StocktakeLoss)).unwrap();
    assert_eq!(
        render(&loss.financial)[0],
        "1902 待处理财产损溢—待处理财产价值 Dr 6000.00"
    );
    let approved = j
        .post(&event("ok", EventKind::StocktakeLossApproved))
        .unwrap();
    assert_eq!(
        render(&approved.financial),
        [
            "5301 资产处置费用 Dr 6000.00",
            "1902 待处理财产损溢—待处理财产价值 Cr 6000.00"
        ]
    );
}

fn fee(value: &str, vat: &str) -> EventKind {
    EventKind::LicenceFee {
        amount: amount(value),
        output_vat: amount(vat),
        receivable: false,
    }
}

#[test]
fn licence_fee_administrative_unit_goes_to_treasury() {
    let v = journal(ADMIN)
        .post(&event("f", fee("1000.00", "0")))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        ["1002 银行存款 Dr 1000.00", "2103 应缴财政款 Cr 1000.00"]
    );
    assert!(v.budget.is_empty());
}

#[test]
fn licence_fee_institution_retained_with_vat() {
    let policy = Policy {
        institution_fee_treatment: InstitutionFeeTreatment::RetainAsCoreRevenue,
        ..Policy::default()
    };
    let mut j = Journal::new(INSTITUTION, policy, VatStatus::General);
    // 1,000.00 at 6% is 60.00 of output VAT; the budget side books the 1,060.00 received.
    let v = j.post(&event("f", fee("1000.00", "60.00"))).unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "1002 银行存款 Dr 1060.00",
            "4101 事业收入 Cr 1000.00",
            "2101 应交增值税—应交税金（销项税额） Cr 60.00"
        ]
    );
    assert_eq!(
        render(&v.budget),
        [
            "8001 资金结存—货币资金 Dr 1060.00",
            "6101 事业预算收入 Cr 1060.00"
        ]
    );
    let error = journal(INSTITUTION)
        .post(&event("f", fee("1000.00", "60.00")))
        .unwrap_err();
    assert_eq!(error.code(), "accounting.not_vat_taxpayer");
}

#[test]
fn special_account_fee_returned() {
    let mut j = journal(INSTITUTION);
    j.post(&event("f", fee("800.00", "0"))).unwrap();
    j.post(&event(
        "r",
        EventKind::Remittance {
            amount: amount("800.00"),
        },
    ))
    .unwrap();
    let back = j
        .post(&event(
            "b",
            EventKind::FeeReturned {
                amount: amount("800.00"),
            },
        ))
        .unwrap();
    assert_eq!(
        render(&back.financial),
        ["1002 银行存款 Dr 800.00", "4101 事业收入 Cr 800.00"]
    );
    assert_eq!(
        render(&back.budget),
        [
            "8001 资金结存—货币资金 Dr 800.00",
            "6101 事业预算收入 Cr 800.00"
        ]
    );
}

#[test]
fn government_impairment_is_an_error() {
    let error = booked_asset(ADMIN)
        .post(&event(
            "i",
            EventKind::Impairment {
                amount: amount("100.00"),
            },
        ))
        .unwrap_err();
    assert_eq!(error.code(), "accounting.government_impairment");
    assert!(error.to_string().contains("write-off"));
    assert!(error.allowed().contains("write_off"));
}

#[test]
fn small_scale_taxpayer_capitalizes_input_vat() {
    let mut j = Journal::new(INSTITUTION, Policy::default(), VatStatus::SmallScale);
    let v = j
        .post(&event(
            "p",
            EventKind::Purchase {
                cost: amount("1000.00"),
                input_vat: amount("60.00"),
                funding: Funding::BankDeposit,
                business_activity: true,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "1701 无形资产—数据资产 Dr 1060.00",
            "1002 银行存款 Cr 1060.00"
        ]
    );
    assert_eq!(v.budget[0].account_code, "7301");
}

#[test]
fn enterprise_purchase_with_input_vat() {
    let v = journal(SOE)
        .post(&event(
            "p",
            EventKind::Purchase {
                cost: amount("100000.00"),
                input_vat: amount("6000.00"),
                funding: Funding::BankDeposit,
                business_activity: false,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "1701 无形资产—数据资源 Dr 100000.00",
            "2221 应交税费—应交增值税（进项税额） Dr 6000.00",
            "1002 银行存款 Cr 106000.00"
        ]
    );
    assert!(v.budget.is_empty());
    let error = journal(SOE)
        .post(&event("p", purchase("1.00", Funding::DirectTreasury)))
        .unwrap_err();
    assert_eq!(error.code(), "accounting.funding_not_applicable");
}

#[test]
fn enterprise_research_and_development() {
    let mut j = journal(SOE);
    let research = j
        .post(&rd(
            "r",
            RdPhase::Research,
            "30000.00",
            Funding::SalaryPayable,
        ))
        .unwrap();
    assert_eq!(
        render(&research.financial),
        [
            "5301 研发支出—费用化支出 Dr 30000.00",
            "2211 应付职工薪酬 Cr 30000.00"
        ]
    );
    j.post(&rd(
        "d",
        RdPhase::Development,
        "70000.00",
        Funding::BankDeposit,
    ))
    .unwrap();
    let transfer = j.post(&event("t", EventKind::ResearchTransfer)).unwrap();
    assert_eq!(
        render(&transfer.financial),
        [
            "6602 管理费用—研发费用 Dr 30000.00",
            "5301 研发支出—费用化支出 Cr 30000.00"
        ]
    );
    let done = j
        .post(&event("c", EventKind::DevelopmentCompleted))
        .unwrap();
    assert_eq!(
        render(&done.financial),
        [
            "1701 无形资产—数据资源 Dr 70000.00",
            "5301 研发支出—资本化支出 Cr 70000.00"
        ]
    );
}

#[test]
fn enterprise_amortization_from_2005() {
    // 5,000,000.00 over 120 months: 41,666.67 a month, to 6401 when serving customers.
    let mut j = journal(SOE);
    j.post(&event("p", purchase("5000000.00", Funding::BankDeposit)))
        .unwrap();
    let schedule = crate::amortization::straight_line_schedule(
        amount("5000000.00"),
        120,
        NaiveDate::from_ymd_opt(2005, 1, 1).unwrap(),
    )
    .unwrap();
    let v = j
        .post(&event(
            "m",
            amortize(&schedule[0].amount.to_string(), ExpenseUse::Operating),
        ))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        ["6401 主营业务成本 Dr 41666.67", "1702 累计摊销 Cr 41666.67"]
    );
}

#[test]
fn enterprise_impairment_never_reverses() {
    let mut j = journal(SOE);
    j.post(&event("p", purchase("100000.00", Funding::BankDeposit)))
        .unwrap();
    let v = j
        .post(&event(
            "i",
            EventKind::Impairment {
                amount: amount("10000.00"),
            },
        ))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "6701 资产减值损失 Dr 10000.00",
            "1703 无形资产减值准备 Cr 10000.00"
        ]
    );
    let error = j
        .post(&event(
            "r",
            EventKind::ImpairmentReversal {
                amount: amount("1.00"),
            },
        ))
        .unwrap_err();
    assert_eq!(error.code(), "accounting.impairment_reversal_forbidden");
    let too_much = j
        .post(&event(
            "i2",
            EventKind::Impairment {
                amount: amount("90000.01"),
            },
        ))
        .unwrap_err();
    assert_eq!(too_much.code(), "accounting.exceeds_balance");
}

#[test]
fn enterprise_intangible_sale_with_gain() {
    // Gross 100,000, accumulated 20,000, impairment 10,000: carrying 70,000. Proceeds 80,000
    // less fees 1,000 less carrying 70,000 = gain 9,000.
    let mut j = journal(SOE);
    j.post(&event("p", purchase("100000.00", Funding::BankDeposit)))
        .unwrap();
    j.post(&event("a", amortize("20000.00", ExpenseUse::Management)))
        .unwrap();
    j.post(&event(
        "i",
        EventKind::Impairment {
            amount: amount("10000.00"),
        },
    ))
    .unwrap();
    let v = j
        .post(&event(
            "s",
            EventKind::Sale {
                proceeds: amount("80000.00"),
                fees: amount("1000.00"),
                output_vat: amount("4800.00"),
                retain: false,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&v.financial),
        [
            "1002 银行存款 Dr 84800.00",
            "1702 累计摊销 Dr 20000.00",
            "1703 无形资产减值准备 Dr 10000.00",
            "1701 无形资产—数据资源 Cr 100000.00",
            "2221 应交税费—应交增值税（销项税额） Cr 4800.00",
            "1002 银行存款 Cr 1000.00",
            "6115 资产处置收益 Cr 9000.00"
        ]
    );
}

#[test]
fn enterprise_inventory_cycle() {
    let mut j = journal(SOE);
    let buy = j
        .post(&event(
            "p",
            EventKind::InventoryPurchase {
                cost: amount("50000.00"),
                input_vat: amount("3000.00"),
                funding: Funding::BankDeposit,
            },
        ))
        .unwrap();
    assert_eq!(
        render(&buy.financial),
        [
            "1405 库存商品—数据资源 Dr 50000.00",
            "2221 应交税费—应交增值税（进项税额） Dr 3000.00",
            "1002 银行存款 Cr 53000.00"
        ]
    );
    let down = j
        .post(&event(
            "w",
            EventKind::InventoryWriteDown {
                amount: amount("8000.00"),
            },
        ))
        .unwrap();
    assert_eq!(
        render(&down.financial),
        [
            "6701 资产减值损失 Dr 8000.00",
            "1471 存货跌价准备—数据资源 Cr 8000.00"
        ]
    );
    let back = j
        .post(&event(
            "r",
            EventKind::InventoryWriteDownReversal {
                amount: amount("5000.00"),
            },
        ))
        .unwrap();
    assert_eq!(
        render(&back.financial),
        [
            "1471 存货跌价准备—数据资源 Dr 5000.00",
            "6701 资产减值损失 Cr 5000.00"
        ]
    );
    // Only 3,000.00 of the write-down is still provided, so 4,000.00 exceeds the cap.
    let capped = j
        .post(&event(
            "r2",
            EventKind::InventoryWriteDownReversal {
                amount: amount("4000.00"),
            },
        ))
        .unwrap_err();
    assert_eq!(capped.code(), "accounting.exceeds_balance");
    assert_eq!(capped.allowed(), "3000.00");
    // Half the cost is sold: half the 3,000.00 allowance (1,500.00) is released.
    let sold = j
        .post(&event(
            "s",
            EventKind::InventorySale {
                proceeds: amount("60000.00"),
                output_vat: amount("3600.00"),
                cost_sold: amount("25000.00"),
            },
        ))
        .unwrap();
    assert_eq!(
        render(&sold.financial),
        [
            "1002 银行存款 Dr 63600.00",
            "6001 主营业务收入 Cr 60000.00",
            "2221 应交税费—应交增值税（销项税额） Cr 3600.00",
            "6401 主营业务成本 Dr 25000.00",
            "1405 库存商品—数据资源 Cr 25000.00",
            "1471 存货跌价准备—数据资源 Dr 1500.00",
            "6401 主营业务成本 Cr 1500.00"
        ]
    );
}

#[test]
fn inventory_is_enterprise_only() {
    let error = journal(INSTITUTION)
        .post(&event(
            "p",
            EventKind::InventoryPurchase {
                cost: amount("1.00"),
                input_vat: Amount::ZERO,
                funding: Funding::BankDeposit,
            },
        ))
        .unwrap_err();
    assert_eq!(error.code(), "accounting.not_applicable");
}

#[test]
fn repost_returns_first_voucher() {
    let mut j = journal(ADMIN);
    let e = event("same", purchase("100.00", Funding::BankDeposit));
    let first = j.post(&e).unwrap();
    let again = j.post(&e).unwrap();
    assert_eq!(first, again);
    assert_eq!(j.posted().len(), 1);
    let changed = event("same", purchase("200.00", Funding::BankDeposit));
    let error = j.post(&changed).unwrap_err();
    assert_eq!(error.code(), "accounting.conflicting_event");
    assert_eq!(j.posted().len(), 1);
}

#[test]
fn negative_amount_rejected() {
    let error = journal(ADMIN)
        .post(&event("n", purchase("-1.00", Funding::BankDeposit)))
        .unwrap_err();
    assert_eq!(error.code(), "accounting.invalid_amount");
    assert_eq!(error.field(), "n.cost");
}

#[test]
fn event_json_round_trip() {
    let e = event("j", purchase("100.00", Funding::BankDeposit));
    let text = serde_json::to_string(&e).unwrap();
    assert!(text.contains("\"type\":\"purchase\""));
    let back: Event = serde_json::from_str(&text).unwrap();
    assert_eq!(back, e);
}

/// Builds one event of a random kind from a selector, an amount in fen and a funding selector.
pub(super) fn random_kind(selector: u8, fen: i64, funding: u8) -> EventKind {
    let value = Amount::from_fen(fen);
    let funding = [
        Funding::DirectTreasury,
        Funding::AuthorizedQuota,
        Funding::BankDeposit,
        Funding::SalaryPayable,
        Funding::AccountsPayable,
    ][usize::from(funding % 5)];
    let use_of_asset = [
        ExpenseUse::Business,
        ExpenseUse::Management,
        ExpenseUse::Operating,
    ][usize::from(selector % 3)];
    match selector % 24 {
        0 | 1 => EventKind::Purchase {
            cost: value,
            input_vat: Amount::from_fen(fen / 10),
            funding,
            business_activity: selector.is_multiple_of(2),
        },
        2 => EventKind::QuotaReceived { amount: value },
        3 => EventKind::CommissionPrepayment {
            amount: value,
            funding,
        },
        4 => EventKind::CommissionDelivery {
            total_fee: value,
            funding,
        },
        5 => EventKind::RdCost {
            phase: RdPhase::Research,
            amount: value,
            funding,
        },
        6 => EventKind::RdCost {
            phase: RdPhase::Development,
            amount: value,
            funding,
        },
        7 => EventKind::ResearchTransfer,
        8 => EventKind::DevelopmentCompleted,
        9 => EventKind::Amortize {
            amount: Amount::from_fen(fen / 50),
            use_of_asset,
        },
        10 => EventKind::UpgradeStart,
        11 => EventKind::UpgradeSpending {
            amount: value,
            funding,
        },
        12 => EventKind::UpgradeFinish,
        13 => EventKind::Sale {
            proceeds: value,
            fees: Amount::from_fen(fen / 3),
            output_vat: Amount::ZERO,
            retain: selector % 2 == 1,
        },
        14 => EventKind::Remittance {
            amount: Amount::from_fen(fen / 4),
        },
        15 => EventKind::WriteOff,
        16 => EventKind::LicenceFee {
            amount: value,
            output_vat: Amount::ZERO,
            receivable: false,
        },
        17 => EventKind::Impairment {
            amount: Amount::from_fen(fen / 20),
        },
        18 => EventKind::InventoryPurchase {
            cost: value,
            input_vat: Amount::ZERO,
            funding,
        },
        19 => EventKind::InventoryWriteDown {
            amount: Amount::from_fen(fen / 10),
        },
        20 => EventKind::InventoryWriteDownReversal {
            amount: Amount::from_fen(fen / 20),
        },
        21 => EventKind::InventorySale {
            proceeds: value,
            output_vat: Amount::ZERO,
            cost_sold: Amount::from_fen(fen / 7),
        },
        22 => EventKind::DonationIn {
            value: Some(value),
            taxes: Amount::ZERO,
            funding,
        },
        _ => EventKind::Maintenance {
            amount: value,
            funding,
            use_of_asset,
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn random_sequences_balance_and_repost_is_idempotent(
        kind_index in 0usize..4,
        steps in proptest::collection::vec((0u8..=255, 1i64..100_000_000, 0u8..5, 0u8..3), 1..40),
    ) {
        let kind = EntityKind::ALL[kind_index];
        let mut j = journal(kind);
        let mut events = Vec::new();
        for (index, (selector, fen, funding, asset)) in steps.iter().enumerate() {
            let e = Event {
                id: format!("e{index}"),
                asset_id: format!("A{asset}"),
                date: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
                kind: random_kind(*selector, *fen, *funding),
            };
            if let Ok(voucher) = j.post(&e) {
                prop_assert!(voucher.is_balanced(), "{voucher:?}");
                if kind.is_enterprise() {
                    prop_assert!(voucher.budget.is_empty());
                }
                events.push(e);
            }
        }
        for side in [Side::Financial, Side::Budget] {
            let from = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            let tb = trial_balance::trial_balance(&j, side, from, from).unwrap();
            prop_assert!(tb.balanced);
        }
        let before = j.clone();
        for e in &events {
            let again = j.post(e).unwrap();
            prop_assert!(before.posted().iter().any(|p| p.voucher == again));
        }
        prop_assert_eq!(&before, &j);
    }
}

#[test]
fn carrying_amount_is_cost_less_amortization_at_a_date() {
    // Cost 10,000.00 on 2025-06-30 less 4,000.00 amortized the same day: 6,000.00. A day before
    // the purchase nothing is carried; another asset carries nothing.
    let j = booked_asset(INSTITUTION);
    let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    assert_eq!(
        j.carrying_amount("A1", day(6, 30)).unwrap(),
        amount("6000.00")
    );
    assert_eq!(j.carrying_amount("A1", day(6, 29)).unwrap(), Amount::ZERO);
    assert_eq!(j.carrying_amount("A2", day(6, 30)).unwrap(), Amount::ZERO);
}

#[test]
fn enterprise_carrying_amount_deducts_impairment() {
    // Cost 10,000.00 less 4,000.00 amortization less a 1,500.00 impairment: 4,500.00.
    let mut j = booked_asset(SOE);
    j.post(&event(
        "i",
        EventKind::Impairment {
            amount: amount("1500.00"),
        },
    ))
    .unwrap();
    let day = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    assert_eq!(j.carrying_amount("A1", day).unwrap(), amount("4500.00"));
}
