package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * 数据资产信息卡 and 数据资产证书 (市财资〔2025〕12号 part 3 task 3): a certificate verifies against
 * its card and fails once a field of the card changes.
 */
class CertificateTest {

    /** The card as the budget platform fills it from its own records. */
    static GovernmentCard card() {
        return new GovernmentCard(
                "GL-2026-001", "不动产登记数据", "全市不动产登记簿及登记业务数据",
                new CardHolder("桂林市自然资源局", "11450300MB12345628"),
                DataCategory.PUBLIC, RightsRegistration.UNREGISTERED, BookingStatus.INTANGIBLE_ASSET,
                12, 340, 1250000,
                OpenType.NOT_OPEN, null, SharingType.CONDITIONAL, "经数据主管部门审批后共享",
                SecurityGrade.IMPORTANT, UpdateFrequency.DAILY, Arrays.asList("不动产登记系统"),
                OperationStatus.NOT_AUTHORIZED, Decimals.of("480000.00"), false,
                PersonalDataBasis.NO_BASIS);
    }

    @Test
    void certificateNumberCarriesItsCheckCharacter() throws DataAssetsException {
        // The worked example of the number format: region 450300, 2025, sequence 123, check M.
        assertEquals("DA-450300-2025-000123-M", DataAssets.certificateNumber("450300", 2025, 123));
    }

    @Test
    void certificateVerifiesAndFailsAfterAFieldChange() throws DataAssetsException {
        GovernmentCard card = card();
        String number = DataAssets.certificateNumber("450300", 2026, 1);
        Certificate certificate =
                DataAssets.issueGovernmentCertificate(number, card, LocalDate.of(2026, 5, 20));
        assertEquals("GL-2026-001", certificate.getAssetId());
        assertEquals(64, certificate.getFingerprint().length());
        DataAssets.verifyGovernmentCertificate(certificate, card);

        // The card now reports one more table than when the certificate was issued.
        card.setTableCount(13);
        DataAssetsException error = assertThrows(DataAssetsException.class,
                () -> DataAssets.verifyGovernmentCertificate(certificate, card));
        assertEquals("registration.fingerprint_mismatch", error.code());

        // A certificate shown for another unit's card names the holder.
        GovernmentCard other = card();
        other.setHolder(new CardHolder("桂林市交通运输局", "11450300MB12345628"));
        DataAssetsException mismatch = assertThrows(DataAssetsException.class,
                () -> DataAssets.verifyGovernmentCertificate(certificate, other));
        assertEquals("registration.certificate_mismatch", mismatch.code());
        assertEquals("holder", mismatch.field());
    }

    @Test
    void cardCrossesAsItsJsonPayload() throws DataAssetsException {
        String payload = DataAssets.governmentCardToJson(card());
        assertTrue(payload.contains("\"book_value\": \"480000.00\""), payload);
        assertEquals(card(), DataAssets.parseGovernmentCard(payload));
        String schema = DataAssets.governmentCardSchema();
        assertTrue(schema.contains("\"asset_id\""), schema);
    }

    @Test
    void payloadWithMissingFieldsListsEachOne() {
        DataAssetsException error = assertThrows(DataAssetsException.class,
                () -> DataAssets.parseGovernmentCard("{\"asset_id\": \"GL-2026-001\"}"));
        assertEquals("registration.missing_field", error.code());
        assertTrue(error.problems().size() > 10, error.problems().toString());
        for (Problem problem : error.problems()) {
            assertEquals("registration.missing_field", problem.getCode());
        }
    }

    @Test
    void conditionalSharingNeedsItsConditions() throws DataAssetsException {
        GovernmentCard card = card();
        card.setSharingConditions(null);
        assertEquals("registration.missing_conditions",
                DataAssets.governmentCardProblems(card).get(0).getCode());
        DataAssetsException error = assertThrows(DataAssetsException.class,
                () -> DataAssets.issueGovernmentCertificate(
                        "DA-450300-2025-000123-M", card, LocalDate.of(2026, 5, 20)));
        assertEquals("registration.missing_conditions", error.code());
    }

    @Test
    void bookRecordsTheCertificateAndItsEvents() throws DataAssetsException {
        Certificate certificate = DataAssets.issueGovernmentCertificate(
                "DA-450300-2025-000123-M", card(), LocalDate.of(2025, 12, 1));
        try (RegistrationBook book = new RegistrationBook()) {
            RegistrationRecord record = book.registerCertificate(certificate, "finance_bureau");
            assertEquals("DA-450300-2025-000123-M", record.getCertificateNumber());

            RegistrationEvent cancel = new RegistrationEvent(
                    new RegistrationEventKind.Cancellation("数据停止更新"), "finance_bureau",
                    LocalDate.of(2026, 6, 1));
            assertTrue(book.record("GL-2026-001", cancel).getCancelled());

            // Nothing may follow a cancellation.
            RegistrationEvent renewal = new RegistrationEvent(
                    new RegistrationEventKind.Renewal("DA-450300-2026-000001-" + "X"),
                    "finance_bureau", LocalDate.of(2026, 7, 1));
            DataAssetsException error = assertThrows(DataAssetsException.class,
                    () -> book.record("GL-2026-001", renewal));
            assertEquals("registration.cancelled", error.code());
        }
    }
}
