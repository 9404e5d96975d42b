package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 统一社会信用代码 checks of GB 32100-2015, and the error a platform shows for a rejected code. */
class UsccTest {

    // 91 企业, region 350100 福州市, organization code M000100Y4, check character 3.
    private static final String ENTERPRISE = "91350100M000100Y43";

    @Test
    void validCodeIsAcceptedAndSplit() throws DataAssetsException {
        assertTrue(DataAssets.isValidUscc(ENTERPRISE));

        UsccInfo info = DataAssets.validateUscc(ENTERPRISE);
        assertEquals("91", info.getPrefix());
        assertEquals("350100", info.getRegionCode());
        assertEquals("M000100Y4", info.getOrganizationCode());
    }

    @Test
    void wrongCheckCharacterIsRejectedWithCodeAndField() {
        // The GB 32100-2015 check character of the first 17 characters is 3, not 4.
        String typo = "91350100M000100Y44";
        assertFalse(DataAssets.isValidUscc(typo));

        DataAssetsException error =
                assertThrows(DataAssetsException.class, () -> DataAssets.validateUscc(typo));
        assertEquals("entity.uscc_check_character", error.code());
        assertEquals("uscc", error.field());
        assertEquals(typo, error.value());
    }

    @Test
    void shortCodeIsRejectedForLength() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class, () -> DataAssets.validateUscc("91350100M000100Y4"));
        assertEquals("entity.uscc_length", error.code());
        assertEquals("uscc", error.field());
    }

    @Test
    void enterpriseCodeDoesNotFitAnAdministrativeUnit() {
        // GB 32100-2015 table 1: a 行政单位 is registered as 11, 13 or 19, never 91 企业.
        DataAssetsException error = assertThrows(
                DataAssetsException.class,
                () -> DataAssets.newEntity(
                        ENTERPRISE, "桂林市某局", EntityKind.ADMINISTRATIVE_UNIT, "450300"));
        assertEquals("entity.kind_mismatch", error.code());
        assertEquals("uscc", error.field());
    }

    @Test
    void entityKeepsItsParts() throws DataAssetsException {
        Entity soe = DataAssets.newEntity(
                ENTERPRISE, "桂林数据集团有限公司", EntityKind.STATE_OWNED_ENTERPRISE, "450300");
        assertEquals(ENTERPRISE, soe.getUscc());
        assertEquals("450300", soe.getRegionCode());
        assertTrue(DataAssets.allowedUsccPrefixes(EntityKind.ADMINISTRATIVE_UNIT).contains("11"));
    }
}
