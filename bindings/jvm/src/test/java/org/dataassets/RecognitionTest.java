package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Recognition: facts in, outcome and findings out (企业会计准则第6号; 财会〔2023〕11号). */
class RecognitionTest {

    private static RecognitionFacts facts(HoldingPurpose purpose, String cost) {
        DevelopmentConditions none = new DevelopmentConditions(false, false, false, false, false);
        return new RecognitionFacts("API-1", true, true, true, true, true, true, purpose,
                RdStage.NONE, none, Decimals.of(cost), null, false, false, BigDecimal.ZERO);
    }

    @Test
    void datasetHeldForSaleIsInventoryForAnEnterprise() throws DataAssetsException {
        // A one-off sale of a bespoke dataset in the ordinary course is 存货.
        Recognition result = DataAssets.recognize(
                facts(HoldingPurpose.SALE_IN_ORDINARY_COURSE, "100000.00"),
                EntityKind.STATE_OWNED_ENTERPRISE, DataAssets.defaultPolicy());
        assertEquals(Outcome.INVENTORY, result.getOutcome());
        assertEquals(BookingStatus.INVENTORY, result.getBookingStatus());
        assertEquals(Decimals.of("100000.00"), result.getCapitalizableAmount());
    }

    @Test
    void apiForOwnUseIsAnIntangibleAsset() throws DataAssetsException {
        Recognition result = DataAssets.recognize(
                facts(HoldingPurpose.OWN_USE, "100000.00"),
                EntityKind.STATE_OWNED_ENTERPRISE, DataAssets.defaultPolicy());
        assertEquals(Outcome.INTANGIBLE_ASSET, result.getOutcome());
    }

    @Test
    void uncontrolledResourceIsNotAnAssetAndSaysWhy() throws DataAssetsException {
        RecognitionFacts facts = facts(HoldingPurpose.OWN_USE, "100000.00");
        facts.setControlled(false);
        Recognition result = DataAssets.recognize(
                facts, EntityKind.PUBLIC_INSTITUTION, DataAssets.defaultPolicy());
        assertEquals(Outcome.NOT_AN_ASSET, result.getOutcome());
        boolean controlNotMet = false;
        for (Finding finding : result.getFindings()) {
            if (finding.getCriterion() == Criterion.CONTROL) {
                controlNotMet = finding.getStatus() == FindingStatus.NOT_MET;
            }
        }
        assertEquals(true, controlNotMet);
    }

    @Test
    void negativeCostIsRejected() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.recognize(facts(HoldingPurpose.OWN_USE, "-1.00"),
                        EntityKind.PUBLIC_INSTITUTION, DataAssets.defaultPolicy()));
        assertEquals("recognition.invalid_amount", error.code());
        assertEquals("cost", error.field());
    }
}
