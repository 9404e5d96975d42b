package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Vouchers under 政府会计制度 parallel bookkeeping: a cash purchase gets a 财务会计 side and a
 * 预算会计 side, each balanced on its own; amortization is booked on the financial side only.
 */
class VoucherTest {

    private static String purchase(String id, String cost, String funding) {
        return "{\"id\": \"" + id + "\", \"asset_id\": \"SW-01\", \"date\": \"2026-03-02\","
                + " \"type\": \"purchase\", \"cost\": \"" + cost + "\", \"funding\": \""
                + funding + "\"}";
    }

    private static void assertLine(Line line, String code, String name, String debit,
            String credit) {
        assertEquals(code, line.getAccountCode());
        assertEquals(name, line.getAccountName());
        assertEquals(Decimals.of(debit), line.getDebit());
        assertEquals(Decimals.of(credit), line.getCredit());
    }

    @Test
    void governmentPurchaseHasBothSidesBalanced() throws DataAssetsException {
        // A 事业单位 buys software for 4,800.00 from its bank account:
        // 财务会计 Dr 1701 无形资产 / Cr 1002 银行存款;
        // 预算会计 Dr 7201 事业支出 / Cr 8001 资金结存—货币资金 (政府会计制度, parallel bookkeeping).
        try (Journal journal = new Journal(
                EntityKind.PUBLIC_INSTITUTION, DataAssets.defaultPolicy(), VatStatus.NOT_TAXPAYER)) {
            Voucher voucher = journal.post(purchase("ev-1", "4800.00", "bank_deposit"));

            assertEquals(2, voucher.getFinancial().size());
            assertLine(voucher.getFinancial().get(0), "1701", "无形资产—数据资产", "4800.00", "0.00");
            assertLine(voucher.getFinancial().get(1), "1002", "银行存款", "0.00", "4800.00");
            assertEquals(2, voucher.getBudget().size());
            assertLine(voucher.getBudget().get(0), "7201", "事业支出", "4800.00", "0.00");
            assertEquals("8001", voucher.getBudget().get(1).getAccountCode());
            assertEquals("资金结存—货币资金", voucher.getBudget().get(1).getAccountName());
            assertEquals(Decimals.of("4800.00"), voucher.getBudget().get(1).getCredit());

            for (Side side : Side.values()) {
                SideTotals totals = DataAssets.voucherTotals(voucher, side);
                assertEquals(Decimals.of("4800.00"), totals.getDebit());
                assertEquals(totals.getDebit(), totals.getCredit());
            }
            assertTrue(DataAssets.voucherIsBalanced(voucher));
        }
    }

    @Test
    void directTreasuryPaymentOfAnAdministrativeUnit() throws DataAssetsException {
        // 财政直接支付: Dr 1701 / Cr 4001 财政拨款收入; budget Dr 7101 行政支出 / Cr 6001.
        try (Journal journal = new Journal(
                EntityKind.ADMINISTRATIVE_UNIT, DataAssets.defaultPolicy(), VatStatus.NOT_TAXPAYER)) {
            Voucher voucher = journal.post(purchase("ev-1", "120000.00", "direct_treasury"));
            assertEquals("4001", voucher.getFinancial().get(1).getAccountCode());
            assertEquals("7101", voucher.getBudget().get(0).getAccountCode());
            assertEquals("6001", voucher.getBudget().get(1).getAccountCode());
            assertTrue(DataAssets.voucherIsBalanced(voucher));
        }
    }

    @Test
    void amortizationIsFinancialOnlyAndTheTrialBalanceTiesOut() throws DataAssetsException {
        // 4,800.00 over 24 months is 200.00 a month, to 5101 单位管理费用 for management use.
        try (Journal journal = new Journal(
                EntityKind.PUBLIC_INSTITUTION, DataAssets.defaultPolicy(), VatStatus.NOT_TAXPAYER)) {
            journal.post(purchase("ev-1", "4800.00", "bank_deposit"));
            List<AmortizationPeriod> schedule = DataAssets.straightLineSchedule(
                    Decimals.of("4800.00"), 24, LocalDate.of(2026, 3, 1));
            List<Voucher> monthly = journal.postAll(DataAssets.amortizationEventsJson(
                    "SW-01", schedule, ExpenseUse.MANAGEMENT));

            assertEquals(24, monthly.size());
            for (Voucher voucher : monthly) {
                assertTrue(voucher.getBudget().isEmpty());
                assertLine(voucher.getFinancial().get(0), "5101", "单位管理费用", "200.00", "0.00");
            }

            TrialBalance trial = journal.trialBalance(
                    Side.FINANCIAL, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));
            assertTrue(trial.getBalanced());
            BigDecimal gross = null;
            BigDecimal accumulated = null;
            for (TrialBalanceRow row : trial.getRows()) {
                if (row.getAccountCode().equals("1701")) {
                    gross = row.getClosingDebit();
                }
                if (row.getAccountCode().equals("1702")) {
                    accumulated = row.getClosingCredit();
                }
            }
            assertEquals(Decimals.of("4800.00"), gross);
            assertEquals(Decimals.of("4800.00"), accumulated);
            assertEquals(25, journal.vouchers().size());
        }
    }

    @Test
    void enterpriseCannotUseTreasuryFunding() {
        try (Journal journal = new Journal(
                EntityKind.STATE_OWNED_ENTERPRISE, DataAssets.defaultPolicy(), VatStatus.GENERAL)) {
            DataAssetsException error = assertThrows(
                    DataAssetsException.class,
                    () -> journal.post(purchase("ev-1", "4800.00", "direct_treasury")));
            assertEquals("accounting.funding_not_applicable", error.code());
            assertTrue(journal.vouchers().isEmpty());
        }
    }

    @Test
    void subFenCostIsRejectedWithItsField() {
        try (Journal journal = new Journal(
                EntityKind.PUBLIC_INSTITUTION, DataAssets.defaultPolicy(), VatStatus.NOT_TAXPAYER)) {
            DataAssetsException error = assertThrows(
                    DataAssetsException.class,
                    () -> journal.post(purchase("ev-1", "4800.001", "bank_deposit")));
            assertEquals("accounting.invalid_amount", error.code());
            assertEquals("ev-1.cost", error.field());
        }
    }
}
