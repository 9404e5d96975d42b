package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Valuation by the cost, income and market approaches (资产评估专家指引第9号). */
class ValuationTest {

    private static CostComponent cost(CostKind kind, String what, String amount,
            CostRecurrence recurrence) {
        return new CostComponent(kind, what, Decimals.of(amount), recurrence);
    }

    @Test
    void costApproachAppliesTheConditionFactor() throws DataAssetsException {
        // Collection 500,000 + processing 300,000 + (storage 100,000 + management 150,000) a year
        // over 3 years = replacement cost 1,550,000; × 70% = 1,085,000.00.
        CostApproachInput input = new CostApproachInput(
                Arrays.asList(
                        cost(CostKind.DIRECT, "采集", "500000", CostRecurrence.ONE_OFF),
                        cost(CostKind.DIRECT, "加工", "300000", CostRecurrence.ONE_OFF),
                        cost(CostKind.INDIRECT, "存储", "100000", CostRecurrence.PER_YEAR),
                        cost(CostKind.INDIRECT, "管理", "150000", CostRecurrence.PER_YEAR)),
                3,
                new AdjustmentBasis.Factor(Decimals.of("0.7")),
                RoundingRule.HALF_UP);

        CostApproachResult result = DataAssets.costApproach(input);
        assertEquals(0, Decimals.of("1550000").compareTo(result.getReplacementCost()));
        assertEquals(Decimals.of("1085000.00"), result.getValue());
    }

    @Test
    void factorAboveOneIsRejected() {
        CostApproachInput input = new CostApproachInput(
                Arrays.asList(cost(CostKind.DIRECT, "采集", "500000", CostRecurrence.ONE_OFF)),
                0, new AdjustmentBasis.Factor(Decimals.of("1.2")), RoundingRule.HALF_UP);
        DataAssetsException error =
                assertThrows(DataAssetsException.class, () -> DataAssets.costApproach(input));
        assertEquals("adjustment.factor", error.field());
    }

    @Test
    void incomeApproachDiscountsEachPeriod() throws DataAssetsException {
        // 110.00 in one period at 10%: 110 / 1.1 = 100.00.
        IncomeApproachInput input = new IncomeApproachInput(
                new IncomeForecast.Direct(Decimals.list("110.00")),
                Decimals.of("0.1"), RoundingRule.HALF_UP);
        IncomeApproachResult result = DataAssets.incomeApproach(input);
        assertEquals(1L, result.getPeriods().get(0).getPeriod());
        assertEquals(Decimals.of("100.00"), result.getValue());
    }

    @Test
    void marketApproachAveragesAdjustedPrices() throws DataAssetsException {
        // (200,000 × 1.1 + 180,000 × 1.0) / 2 = 200,000.00.
        BigDecimal one = BigDecimal.ONE;
        MarketApproachInput input = new MarketApproachInput(
                Arrays.asList(
                        new Comparable("C-1", Decimals.of("200000"), Decimals.of("1.1"), one, one,
                                one, one),
                        new Comparable("C-2", Decimals.of("180000"), one, one, one, one, one)),
                RoundingRule.HALF_UP);
        MarketApproachResult result = DataAssets.marketApproach(input);
        assertEquals(Decimals.of("200000.00"), result.getValue());
    }
}
