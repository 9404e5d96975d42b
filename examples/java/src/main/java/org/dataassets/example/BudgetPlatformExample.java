package org.dataassets.example;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.dataassets.DataAssets;
import org.dataassets.DataAssetsException;
import org.dataassets.EntityKind;
import org.dataassets.Policy;

/**
 * Shows how a Java service of the budget platform calls data-assets. It splits a licence fee
 * between the units that contributed a data product and loads the finance bureau's policy. It
 * then maps the platform's own unit type to the library's vocabulary and turns a rejected input
 * into a form error.
 *
 * <p>Runs on Java 8 and later with the data-assets jar, JNA and the Kotlin standard library on
 * the classpath; the native library is inside the jar.
 */
public final class BudgetPlatformExample {
    private BudgetPlatformExample() {}

    /** Runs the four steps and prints what each returns. */
    public static void main(String[] args) throws DataAssetsException {
        // 1. Split a licence fee of 12,345.67 yuan over contribution weights 50:30:20. The shares
        //    are exact to the fen and sum to the fee, so they can be booked as they are.
        BigDecimal fee = new BigDecimal("12345.67");
        List<BigDecimal> weights =
                Arrays.asList(new BigDecimal("0.5"), new BigDecimal("0.3"), new BigDecimal("0.2"));
        List<BigDecimal> shares = DataAssets.allocate(fee, weights);
        BigDecimal booked = BigDecimal.ZERO;
        for (BigDecimal share : shares) {
            booked = booked.add(share);
        }
        if (booked.compareTo(fee) != 0) {
            throw new IllegalStateException("shares " + shares + " do not sum to " + fee);
        }
        System.out.println("licence fee " + fee + " split 50:30:20 -> " + shares);

        // 2. Load the finance bureau's policy; fields left out keep the Guangxi defaults.
        Policy policy = DataAssets.policyFromJson("{\"low_value_threshold\": \"500.00\"}");
        System.out.println("low-value threshold " + policy.getLowValueThreshold()
                + " yuan, reduced small-scale VAT until " + policy.getVatSmallScaleReducedUntil());

        // 3. The platform stores unit types as Chinese text; parse it into the vocabulary.
        EntityKind kind = DataAssets.parseEntityKind("事业单位");
        System.out.println("unit type " + DataAssets.entityKindLabelZh(kind)
                + " has code " + DataAssets.entityKindCode(kind));

        // 4. A rejected input names the field and value, so the platform can mark the form field.
        try {
            DataAssets.allocate(fee, Arrays.asList(new BigDecimal("0.7"), new BigDecimal("-0.3")));
        } catch (DataAssetsException error) {
            System.out.println("rejected: code " + error.code() + ", field " + error.field()
                    + ", value " + error.value() + ", allowed: " + error.allowed());
        }
    }
}
