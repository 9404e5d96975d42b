package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The policy record crosses with BigDecimal rates and a LocalDate, in both directions. */
class PolicyTest {

    @Test
    void defaultsAreGuangxiValues() {
        Policy policy = DataAssets.defaultPolicy();

        // 政府会计准则第4号 art. 16: intangibles under 1000 yuan may be expensed in full.
        assertEquals(Decimals.of("1000.00"), policy.getLowValueThreshold());
        assertEquals(MonthConvention.SAME_MONTH, policy.getMonthConvention());
        assertEquals(RoundingRule.HALF_UP, policy.getRounding());
        // 财税〔2016〕36号: 6% general rate, 3% small-scale rate; 1% reduced rate until the end
        // of 2027 (财政部 税务总局公告2023年第19号).
        assertEquals(Decimals.of("0.06"), policy.getVatGeneralRate());
        assertEquals(Decimals.of("0.03"), policy.getVatSmallScaleRate());
        assertEquals(Decimals.of("0.01"), policy.getVatSmallScaleReducedRate());
        assertEquals(LocalDate.of(2027, 12, 31), policy.getVatSmallScaleReducedUntil());
        assertEquals(Decimals.of("0.5"), policy.getPledgeRatioCap());
        assertEquals("finance_bureau", policy.getAuthorizationApproverRole());
        assertEquals(InstitutionFeeTreatment.REMIT, policy.getInstitutionFeeTreatment());
    }

    @Test
    void fromJsonKeepsMissingDefaults() throws DataAssetsException {
        Policy policy = DataAssets.policyFromJson(
                "{\"low_value_threshold\": \"500\", \"vat_small_scale_reduced_until\": \"2026-06-30\"}");

        assertEquals(Decimals.of("500.00"), policy.getLowValueThreshold());
        assertEquals(LocalDate.of(2026, 6, 30), policy.getVatSmallScaleReducedUntil());
        assertEquals(RoundingRule.HALF_UP, policy.getRounding());
    }

    @Test
    void fromJsonRejectsNegativeThreshold() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.policyFromJson("{\"low_value_threshold\": \"-1\"}"));

        assertEquals("policy.invalid_value", error.code());
        assertEquals("low_value_threshold", error.field());
        assertEquals("-1.00", error.value());
    }

    @Test
    void editedPolicyIsCheckedWhenUsed() {
        // A pledge cap above the appraised value and a blank approver role have no meaning. The
        // policy is checked when a call uses it, and the error lists every bad field.
        Policy policy = DataAssets.defaultPolicy();
        policy.setPledgeRatioCap(Decimals.of("1.5"));
        policy.setAuthorizationApproverRole(" ");
        DevelopmentConditions none = new DevelopmentConditions(false, false, false, false, false);
        RecognitionFacts facts = new RecognitionFacts("API-1", true, true, true, true, true, true,
                HoldingPurpose.OWN_USE, RdStage.NONE, none, Decimals.of("100.00"), null, false,
                false, java.math.BigDecimal.ZERO);

        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.recognize(facts, EntityKind.PUBLIC_INSTITUTION, policy));

        assertEquals("policy.invalid_value", error.code());
        assertEquals("pledge_ratio_cap", error.field());
        assertEquals(2, error.problems().size());
    }

    @Test
    void fromJsonRejectsUnknownField() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.policyFromJson("{\"low_value_treshold\": \"500\"}"));

        assertEquals("ffi.invalid_json", error.code());
        assertEquals("policy_json", error.field());
        assertTrue(error.value().contains("low_value_treshold"), error.value());
    }

    @Test
    void editedPolicyRoundTrips() throws DataAssetsException {
        Policy policy = DataAssets.defaultPolicy();
        policy.setVatSmallScaleReducedUntil(LocalDate.of(2028, 2, 29));
        policy.setPledgeRatioCap(Decimals.of("0.45"));
        policy.setMonthConvention(MonthConvention.NEXT_MONTH);

        String json = DataAssets.policyToJson(policy);

        assertTrue(json.contains("\"vat_small_scale_reduced_until\": \"2028-02-29\""), json);
        assertEquals(policy, DataAssets.policyFromJson(json));
    }

    @Test
    void negativeRateIsRejectedAtBoundary() {
        Policy policy = DataAssets.defaultPolicy();
        policy.setVatGeneralRate(Decimals.of("-0.06"));

        DataAssetsException error =
                assertThrows(DataAssetsException.class, () -> DataAssets.policyToJson(policy));

        assertEquals("money.negative", error.code());
        assertEquals("ratio", error.field());
        assertEquals("-0.06", error.value());
    }
}
