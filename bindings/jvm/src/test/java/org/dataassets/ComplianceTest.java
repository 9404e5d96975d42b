package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Risk rules of 财资〔2024〕1号: a government unit may not pledge its data assets. */
class ComplianceTest {

    private static String pledge(String pledgorKind) {
        return "{\"financings\": [{\"financing_id\": \"F-1\", \"kind\": \"pledge\","
                + " \"pledgor_id\": \"city-water-bureau\", \"pledgor_kind\": \"" + pledgorKind
                + "\", \"asset_id\": \"A-1\", \"appraised_value\": \"1000000\","
                + " \"pledge_amount\": \"300000\"}]}";
    }

    @Test
    void governmentPledgeIsBlocked() throws DataAssetsException {
        List<Violation> violations =
                DataAssets.checkCompliance(pledge("administrative_unit"), DataAssets.defaultPolicy());
        assertEquals(RuleCode.GOVERNMENT_ASSET_PLEDGE, violations.get(0).getCode());
        assertEquals("compliance.government_asset_pledge",
                DataAssets.ruleCodeCode(violations.get(0).getCode()));
        assertEquals(Severity.BLOCK, violations.get(0).getSeverity());
        assertTrue(violations.get(0).getSubjectIds().contains("F-1"));
        assertTrue(DataAssets.hasBlock(violations));
    }

    @Test
    void enterprisePledgeWithinTheCapPasses() throws DataAssetsException {
        // 300,000 of an appraised 1,000,000 is 30%, under the default cap of 50%.
        List<Violation> violations =
                DataAssets.checkCompliance(pledge("state_owned_enterprise"), DataAssets.defaultPolicy());
        assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void unknownFieldIsAConversionError() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.checkCompliance("{\"financings\": 3}", DataAssets.defaultPolicy()));
        assertEquals("ffi.invalid_json", error.code());
        assertEquals("input_json", error.field());
    }
}
