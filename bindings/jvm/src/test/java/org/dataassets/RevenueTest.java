package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Revenue split ("谁投入、谁贡献、谁受益"): exact to the fen by largest remainder, and each share
 * routed by who receives it (财资〔2024〕1号: a 行政单位 remits its share to the treasury).
 */
class RevenueTest {

    private static final Party BUREAU = new Party("大数据局", EntityKind.ADMINISTRATIVE_UNIT);
    private static final Party OPERATOR = new Party("运营公司", EntityKind.STATE_OWNED_ENTERPRISE);

    private static SplitRule seventyThirty() {
        return new SplitRule.Agreement(Arrays.asList(
                new AgreementShare(BUREAU, Decimals.of("0.7")),
                new AgreementShare(OPERATOR, Decimals.of("0.3"))));
    }

    @Test
    void fiveFenSplitSeventyThirtyIsExact() throws DataAssetsException {
        // 0.05 × 0.7 = 0.035 and 0.05 × 0.3 = 0.015: both truncate to 0.03 and 0.01, and the
        // fen left over goes to the larger remainder, a tie won by the earlier party: 0.04, 0.01.
        SplitOutcome outcome = DataAssets.splitReceipt(
                Decimals.of("0.05"), BigDecimal.ZERO, seventyThirty(), DataAssets.defaultPolicy());
        List<PartyShare> shares = outcome.getShares();
        assertEquals(Decimals.of("0.04"), shares.get(0).getAmount());
        assertEquals(Decimals.of("0.01"), shares.get(1).getAmount());
        assertEquals(Routing.REMIT_TO_TREASURY, shares.get(0).getRouting());
        assertEquals(Routing.ENTERPRISE_REVENUE, shares.get(1).getRouting());
    }

    @Test
    void vatComesOffBeforeTheSplit() throws DataAssetsException {
        // 10,600.00 at 6%: net 10,600 ÷ 1.06 = 10,000.00, VAT 600.00; then 7,000.00 / 3,000.00.
        SplitOutcome outcome = DataAssets.splitReceipt(Decimals.of("10600.00"),
                Decimals.of("0.06"), seventyThirty(), DataAssets.defaultPolicy());
        assertEquals(Decimals.of("10000.00"), outcome.getVat().getNet());
        assertEquals(Decimals.of("600.00"), outcome.getVat().getVat());
        assertEquals(Decimals.of("7000.00"), outcome.getShares().get(0).getAmount());
        assertEquals(Decimals.of("3000.00"), outcome.getShares().get(1).getAmount());
    }

    @Test
    void institutionKeepsItsShareWhenThePolicySaysSo() {
        Policy policy = DataAssets.defaultPolicy();
        assertEquals(Routing.REMIT_TO_TREASURY,
                DataAssets.routingFor(EntityKind.PUBLIC_INSTITUTION, policy));
        policy.setInstitutionFeeTreatment(InstitutionFeeTreatment.RETAIN_AS_CORE_REVENUE);
        assertEquals(Routing.INSTITUTION_CORE_REVENUE,
                DataAssets.routingFor(EntityKind.PUBLIC_INSTITUTION, policy));
    }

    @Test
    void ratiosThatDoNotSumToOneAreRejected() {
        SplitRule rule = new SplitRule.Agreement(Arrays.asList(
                new AgreementShare(BUREAU, Decimals.of("0.7")),
                new AgreementShare(OPERATOR, Decimals.of("0.2"))));
        DataAssetsException error = assertThrows(DataAssetsException.class,
                () -> DataAssets.splitReceipt(Decimals.of("100.00"), BigDecimal.ZERO, rule,
                        DataAssets.defaultPolicy()));
        assertEquals("revenue.ratios_not_one", error.code());
    }

    @Test
    void bureauShareIsBookedAsPayableToTheTreasury() throws DataAssetsException {
        // A 行政单位 credits 2103 应缴财政款 and never revenue; the enterprise books revenue.
        Policy policy = DataAssets.defaultPolicy();
        SplitOutcome outcome = DataAssets.splitReceipt(
                Decimals.of("1000.00"), BigDecimal.ZERO, seventyThirty(), policy);
        List<PartyVoucher> vouchers = DataAssets.splitVouchers(outcome, LocalDate.of(2026, 6, 30),
                "GL-2026-001", "fee-2026-06", null, policy);

        assertEquals(2, vouchers.size());
        Voucher bureau = vouchers.get(0).getVoucher();
        assertEquals("大数据局", vouchers.get(0).getParty());
        assertEquals("fee-2026-06:大数据局", bureau.getId());
        boolean payable = false;
        for (Line line : bureau.getFinancial()) {
            if (line.getAccountCode().equals("2103")) {
                payable = line.getCredit().compareTo(Decimals.of("700.00")) == 0;
            }
            assertEquals(false, line.getAccountCode().startsWith("4"), line.toString());
        }
        assertEquals(true, payable, bureau.toString());
        for (PartyVoucher voucher : vouchers) {
            assertEquals(true, DataAssets.voucherIsBalanced(voucher.getVoucher()));
        }
    }
}
