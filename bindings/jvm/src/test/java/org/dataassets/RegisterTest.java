package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data-asset register (数据资产台账): add, change, dispose, query and verify its history. */
class RegisterTest {

    private static ChangeMeta meta(String reason) {
        return new ChangeMeta("李会计", LocalDateTime.of(2026, 3, 1, 9, 30), reason);
    }

    @Test
    void registerWithAssetsAnswersQueriesAndVerifies() throws DataAssetsException {
        try (Register register = new Register()) {
            register.add(Assets.withId("GL-2026-001", "不动产登记数据"), meta("首次登记"));
            register.add(Assets.withId("GL-2026-002", "公共交通刷卡数据"), meta("首次登记"));
            register.add(Assets.withId("GL-2026-003", "医保结算数据"), meta("首次登记"));

            assertEquals(3L, register.len());
            List<AssetView> active = register.active();
            assertEquals("GL-2026-001", active.get(0).getId());
            assertEquals("公共交通刷卡数据", active.get(1).getName());
            assertEquals(DataCategory.PUBLIC, active.get(0).getCategory());
            assertEquals(3, register.byHolder("11450300MB12345628").size());
            assertEquals(3, register.byBookingStatus(BookingStatus.UNBOOKED).size());

            // 变更: the register keeps the version before and after.
            String renamed = Assets.withId("GL-2026-002", "公共交通刷卡数据（脱敏）");
            register.change("GL-2026-002", renamed, meta("更名"));
            assertEquals("公共交通刷卡数据（脱敏）", register.get("GL-2026-002").getName());

            // 处置: the asset leaves the active list and keeps its disposal date.
            register.dispose("GL-2026-003", LocalDate.of(2026, 6, 30), meta("停止使用"));
            assertEquals(2, register.active().size());
            assertEquals(LocalDate.of(2026, 6, 30), register.get("GL-2026-003").getDisposalDate());

            List<HistoryEntry> history = register.history();
            assertEquals(5, history.size());
            assertEquals(ChangeKind.ADDED, history.get(0).getKind());
            assertEquals(ChangeKind.CHANGED, history.get(3).getKind());
            assertEquals(ChangeKind.DISPOSED, history.get(4).getKind());
            assertNull(history.get(4).getAfterJson());
            // Each entry is chained to the one before it.
            for (int i = 1; i < history.size(); i++) {
                assertEquals(history.get(i - 1).getHash(), history.get(i).getPrevHash());
            }
            assertEquals(5L, register.head().getCount());
            assertEquals(history.get(4).getHash(), register.head().getHash());
            register.verify();
        }
    }

    @Test
    void savedRegisterRestoresAndVerifies() throws DataAssetsException {
        try (Register register = new Register()) {
            register.add(Assets.withId("GL-2026-001", "不动产登记数据"), meta("首次登记"));
            try (Register copy = DataAssets.registerFromJson(register.toJson())) {
                copy.verify();
                assertEquals(register.head(), copy.head());
            }
        }
    }

    @Test
    void tamperedHistoryFailsVerification() throws DataAssetsException {
        try (Register register = new Register()) {
            register.add(Assets.withId("GL-2026-001", "不动产登记数据"), meta("首次登记"));
            String tampered = register.toJson().replace("首次登记", "补记");
            try (Register copy = DataAssets.registerFromJson(tampered)) {
                DataAssetsException error = assertThrows(DataAssetsException.class, copy::verify);
                assertEquals("register.chain_broken", error.code());
            }
        }
    }

    @Test
    void duplicateIdIsRejected() throws DataAssetsException {
        try (Register register = new Register()) {
            register.add(Assets.withId("GL-2026-001", "不动产登记数据"), meta("首次登记"));
            DataAssetsException error = assertThrows(
                    DataAssetsException.class,
                    () -> register.add(
                            Assets.withId("GL-2026-001", "另一项数据"), meta("首次登记")));
            assertEquals("register.duplicate_asset_id", error.code());
            assertEquals(1L, register.len());
        }
    }

    @Test
    void blankNameNamesTheField() throws DataAssetsException {
        try (Register register = new Register()) {
            DataAssetsException error = assertThrows(
                    DataAssetsException.class,
                    () -> register.add(Assets.withId("GL-2026-009", " "), meta("首次登记")));
            assertEquals("register.invalid_asset", error.code());
            assertTrue(error.field().contains("name"), error.field());
            assertNotEquals("", error.allowed());
        }
    }

    @Test
    void malformedJsonIsAConversionError() {
        try (Register register = new Register()) {
            DataAssetsException error = assertThrows(
                    DataAssetsException.class, () -> register.add("{", meta("首次登记")));
            assertEquals("ffi.invalid_json", error.code());
            assertEquals("asset_json", error.field());
        }
    }
}
