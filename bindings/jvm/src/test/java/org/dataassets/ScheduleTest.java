package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Straight-line amortization (政府会计准则第4号 art. 19–21): the months sum to the cost. */
class ScheduleTest {

    @Test
    void fiveHundredThousandOverTenYearsSumsToCost() throws DataAssetsException {
        // 500,000.00 / 120 = 4,166.666…: 119 months of 4,166.67 rounded half up, and the last
        // month takes the rest, 500,000.00 − 119 × 4,166.67 = 4,166.27.
        BigDecimal cost = Decimals.of("500000.00");
        List<AmortizationPeriod> periods =
                DataAssets.straightLineSchedule(cost, 120, LocalDate.of(2026, 1, 1));

        assertEquals(120, periods.size());
        List<BigDecimal> amounts = new ArrayList<>();
        for (AmortizationPeriod period : periods.subList(0, 119)) {
            assertEquals(Decimals.of("4166.67"), period.getAmount());
            amounts.add(period.getAmount());
        }
        AmortizationPeriod last = periods.get(119);
        assertEquals(Decimals.of("4166.27"), last.getAmount());
        amounts.add(last.getAmount());

        assertEquals(0, cost.compareTo(Decimals.sum(amounts)));
        assertEquals(0, cost.compareTo(last.getAccumulated()));
        assertEquals(0, BigDecimal.ZERO.compareTo(last.getCarryingAmount()));
    }

    @Test
    void indefiniteLifeIsNotAmortized() throws DataAssetsException {
        ScheduleBasis basis = new ScheduleBasis(
                Decimals.of("80000.00"), BigDecimal.ZERO, LocalDate.of(2026, 3, 15),
                UsefulLife.Indefinite.INSTANCE, false);
        assertTrue(DataAssets.amortizationSchedule(basis, DataAssets.defaultPolicy()).isEmpty());
    }

    @Test
    void policyConventionStartsNextMonth() throws DataAssetsException {
        Policy policy = DataAssets.defaultPolicy();
        policy.setMonthConvention(MonthConvention.NEXT_MONTH);
        ScheduleBasis basis = new ScheduleBasis(
                Decimals.of("1200.00"), BigDecimal.ZERO, LocalDate.of(2026, 3, 15),
                new UsefulLife.StraightLine(12L), false);

        List<AmortizationPeriod> periods = DataAssets.amortizationSchedule(basis, policy);
        assertEquals(LocalDate.of(2026, 4, 1), periods.get(0).getPeriod());
        assertEquals(Decimals.of("100.00"), periods.get(0).getAmount());
    }

    @Test
    void negativeMonthCountIsRejected() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.straightLineSchedule(
                        Decimals.of("100.00"), -12, LocalDate.of(2026, 1, 1)));
        assertEquals("ffi.out_of_range", error.code());
        assertEquals("months", error.field());
    }
}
