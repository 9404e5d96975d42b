package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Money crosses the boundary as BigDecimal in both directions. The expected shares follow the
 * largest-remainder rule: truncate every share to the fen, then hand the fen left over to the
 * largest remainders, and on a tie to the earlier weight.
 */
class MoneyTest {

    @Test
    void allocateThreeEqualParts() throws DataAssetsException {
        // 100.00 / 3 = 33.333...: each share truncates to 33.33, leaving 0.01 for the earliest of
        // three equal remainders.
        List<BigDecimal> shares =
                DataAssets.allocate(Decimals.of("100.00"), Decimals.list("1", "1", "1"));

        assertEquals(Decimals.list("33.34", "33.33", "33.33"), shares);
        assertEquals(Decimals.of("100.00"), Decimals.sum(shares));
    }

    @Test
    void allocateSmallAmountSeventyThirty() throws DataAssetsException {
        // 0.05 × 0.7 = 0.035 and 0.05 × 0.3 = 0.015: both truncate with half a fen left, so the
        // leftover fen goes to the earlier party on the tie.
        List<BigDecimal> shares =
                DataAssets.allocate(Decimals.of("0.05"), Decimals.list("0.7", "0.3"));

        assertEquals(Decimals.list("0.04", "0.01"), shares);
    }

    @Test
    void allocateAcceptsTotalWithoutFen() throws DataAssetsException {
        // A BigDecimal of scale 0 is the same amount; the shares come back at fen scale.
        List<BigDecimal> shares =
                DataAssets.allocate(Decimals.of("1"), Decimals.list("1", "2"));

        assertEquals(Decimals.list("0.33", "0.67"), shares);
    }

    @Test
    void allocateRefundMirrorsReceipt() throws DataAssetsException {
        List<BigDecimal> shares =
                DataAssets.allocate(Decimals.of("-100.00"), Decimals.list("1", "1", "1"));

        assertEquals(Decimals.list("-33.34", "-33.33", "-33.33"), shares);
    }

    @Test
    void roundToFenHalfUpAndHalfEven() {
        // 四舍五入 rounds the half away from zero; banker's rounding rounds it to even.
        assertEquals(Decimals.of("2.35"), DataAssets.roundToFen(Decimals.of("2.345"), RoundingRule.HALF_UP));
        assertEquals(Decimals.of("2.34"), DataAssets.roundToFen(Decimals.of("2.345"), RoundingRule.HALF_EVEN));
        assertEquals(Decimals.of("-2.35"), DataAssets.roundToFen(Decimals.of("-2.345"), RoundingRule.HALF_UP));
        assertEquals(Decimals.of("2.34"), DataAssets.roundToFen(Decimals.of("2.349"), RoundingRule.TOWARD_ZERO));
        assertEquals(Decimals.of("2.35"), DataAssets.roundToFen(Decimals.of("2.341"), RoundingRule.AWAY_FROM_ZERO));
    }

    @Test
    void parseAmountAcceptsThousandsSeparators() throws DataAssetsException {
        assertEquals(Decimals.of("1234567.89"), DataAssets.parseAmount(" 1,234,567.89 ", "cost"));
    }

    @Test
    void amountKeepsAllDigits() throws DataAssetsException {
        // 28 significant digits survive the trip through text; no float is involved.
        BigDecimal total = Decimals.of("1234567890123456.78");

        List<BigDecimal> shares = DataAssets.allocate(total, Decimals.list("1"));

        assertEquals(Decimals.list("1234567890123456.78"), shares);
    }
}
