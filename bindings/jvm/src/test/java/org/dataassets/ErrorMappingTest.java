package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every rejected input reaches Java as a DataAssetsException carrying the core error's code,
 * field, rejected value and what is allowed.
 */
class ErrorMappingTest {

    @Test
    void negativeWeightMapsAllFacts() {
        DataAssetsException.Invalid error = assertThrows(
                DataAssetsException.Invalid.class,
                () -> DataAssets.allocate(Decimals.of("0.05"), Decimals.list("0.7", "-0.3")));

        assertEquals("money.negative", error.getCode());
        assertEquals("weights[1]", error.getField());
        assertEquals("-0.3", error.getValue());
        assertEquals("zero or a positive number", error.getAllowed());
        assertEquals("negative value in weights[1]: -0.3", error.getReason());
    }

    @Test
    void baseTypeReadsFactsWithoutCast() {
        // Functions declare the base type, so integrators catch DataAssetsException.
        try {
            DataAssets.allocate(Decimals.of("100.001"), Decimals.list("1"));
        } catch (DataAssetsException error) {
            assertEquals("money.not_fen", error.code());
            assertEquals("total", error.field());
            assertEquals("100.001", error.value());
            assertEquals("at most two decimal places (fen)", error.allowed());
            return;
        }
        throw new AssertionError("a total with three decimal places was accepted");
    }

    @Test
    void messageCarriesCodeAndReason() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.allocate(Decimals.of("1.00"), Decimals.list("0", "0")));

        assertTrue(error.getMessage().contains("code=money.no_positive_weight"), error.getMessage());
        assertTrue(error.getMessage().contains("field=weights"), error.getMessage());
    }

    @Test
    void unconvertibleDecimalIsRejectedNotRounded() {
        // 29 decimal places exceed rust_decimal's precision; the value is rejected at the
        // boundary instead of being rounded.
        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.allocate(
                        Decimals.of("1.00"), Decimals.list("0.00000000000000000000000000001")));

        assertEquals("money.invalid_number", error.code());
        assertEquals("decimal", error.field());
        assertEquals("0.00000000000000000000000000001", error.value());
    }

    @Test
    void amountOutOfRangeIsRejected() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.allocate(Decimals.of("10000000000000000.01"), Decimals.list("1")));

        assertEquals("money.overflow", error.code());
        assertEquals("10000000000000000.01", error.value());
    }

    @Test
    void parseAmountNamesCallersField() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class, () -> DataAssets.parseAmount("12O.00", "assets[3].cost"));

        assertEquals("money.invalid_number", error.code());
        assertEquals("assets[3].cost", error.field());
        assertEquals("12O.00", error.value());
    }

    @Test
    void singleErrorIsItsOwnProblemList() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class, () -> DataAssets.validateUscc("91350100M000100Y44"));
        assertEquals(1, error.problems().size());
        Problem problem = error.problems().get(0);
        assertEquals(error.code(), problem.getCode());
        assertEquals(error.field(), problem.getField());
        assertEquals(error.value(), problem.getValue());
    }

    @Test
    void negativeCountIsRejectedAtTheBoundary() {
        try (Calendar calendar = new Calendar()) {
            DataAssetsException error = assertThrows(DataAssetsException.class,
                    () -> calendar.addWorkingDays(java.time.LocalDate.of(2026, 1, 5), -3, null));
            assertEquals("ffi.out_of_range", error.code());
            assertEquals("n", error.field());
            assertEquals("-3", error.value());
        }
    }
}
