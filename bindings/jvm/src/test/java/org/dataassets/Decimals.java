package org.dataassets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Builds BigDecimal values and lists from text, as amounts are written in the rules. */
final class Decimals {
    private Decimals() {}

    /** Parses one decimal, keeping its scale: {@code of("33.30")} has scale 2. */
    static BigDecimal of(String text) {
        return new BigDecimal(text);
    }

    /** Parses each text into a decimal, in order. */
    static List<BigDecimal> list(String... texts) {
        List<BigDecimal> values = new ArrayList<>(texts.length);
        for (String text : texts) {
            values.add(new BigDecimal(text));
        }
        return values;
    }

    /** Adds the values exactly. */
    static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            total = total.add(value);
        }
        return total;
    }
}
