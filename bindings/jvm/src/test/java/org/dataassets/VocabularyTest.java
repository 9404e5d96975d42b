package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Vocabularies arrive as Java enums; codes, labels and parsing come from the core. */
class VocabularyTest {

    @Test
    void entityKindLabelsAndCodes() {
        assertEquals("行政单位", DataAssets.entityKindLabelZh(EntityKind.ADMINISTRATIVE_UNIT));
        assertEquals("事业单位", DataAssets.entityKindLabelZh(EntityKind.PUBLIC_INSTITUTION));
        assertEquals("国有企业", DataAssets.entityKindLabelZh(EntityKind.STATE_OWNED_ENTERPRISE));
        assertEquals("public_institution", DataAssets.entityKindCode(EntityKind.PUBLIC_INSTITUTION));
    }

    @Test
    void entityKindOrderMatchesCore() {
        EntityKind[] expected = {
            EntityKind.ADMINISTRATIVE_UNIT,
            EntityKind.PUBLIC_INSTITUTION,
            EntityKind.STATE_OWNED_ENTERPRISE,
            EntityKind.SOE_SUBSIDIARY,
        };
        assertArrayEquals(expected, EntityKind.values());
    }

    @Test
    void assetVocabularyLabels() {
        assertEquals("公共数据", DataAssets.dataCategoryLabelZh(DataCategory.PUBLIC));
        assertEquals("核心数据", DataAssets.securityGradeLabelZh(SecurityGrade.CORE));
        assertEquals("有条件开放", DataAssets.openTypeLabelZh(OpenType.CONDITIONAL));
        assertEquals("不予共享", DataAssets.sharingTypeLabelZh(SharingType.NOT_SHARED));
        assertEquals("数据产品经营权", DataAssets.rightKindLabelZh(RightKind.PRODUCT_OPERATION));
        assertEquals("履职生成", DataAssets.acquisitionRouteLabelZh(AcquisitionRoute.GENERATED_IN_DUTIES));
        assertEquals("研发支出", DataAssets.bookingStatusLabelZh(BookingStatus.DEVELOPMENT_EXPENDITURE));
        assertEquals("每季度", DataAssets.updateFrequencyLabelZh(UpdateFrequency.QUARTERLY));
        assertEquals("登记中", DataAssets.rightsRegistrationLabelZh(RightsRegistration.PENDING));
        assertEquals("持有待售", DataAssets.holdingPurposeLabelZh(HoldingPurpose.SALE_IN_ORDINARY_COURSE));
    }

    @Test
    void parseAcceptsLabelOrCode() throws DataAssetsException {
        assertEquals(EntityKind.PUBLIC_INSTITUTION, DataAssets.parseEntityKind("事业单位"));
        assertEquals(EntityKind.SOE_SUBSIDIARY, DataAssets.parseEntityKind(" soe_subsidiary "));
        assertEquals(SecurityGrade.IMPORTANT, DataAssets.parseSecurityGrade("重要数据"));
    }

    @Test
    void everyLabelParsesBack() throws DataAssetsException {
        for (UpdateFrequency frequency : UpdateFrequency.values()) {
            assertEquals(frequency, DataAssets.parseUpdateFrequency(DataAssets.updateFrequencyLabelZh(frequency)));
            assertEquals(frequency, DataAssets.parseUpdateFrequency(DataAssets.updateFrequencyCode(frequency)));
        }
    }

    @Test
    void unknownTermListsAllowed() {
        DataAssetsException error =
                assertThrows(DataAssetsException.class, () -> DataAssets.parseEntityKind("社会团体"));

        assertEquals("vocab.unknown_term", error.code());
        assertEquals("EntityKind", error.field());
        assertEquals("社会团体", error.value());
        assertTrue(error.allowed().contains("public_institution (事业单位)"), error.allowed());
    }
}
