package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quarterly report deadlines of 市财资〔2025〕12号: the 10th working day after the quarter. */
class DeadlineTest {

    @Test
    void firstQuarterOf2026IsDueOnFifteenthApril() throws DataAssetsException {
        // After 2026-03-31: April 1–3 (3), 清明 April 4–6 off, April 7–10 (7), 13–15 (10).
        try (Calendar calendar = new Calendar()) {
            assertEquals(
                    LocalDate.of(2026, 4, 15),
                    DataAssets.quarterlyReportDeadline(calendar, 2026, 1, null));
        }
    }

    @Test
    void fourthQuarterNeedsNextYearsSchedule() {
        // The count after 2026-12-31 runs into 2027, whose holiday notice is not loaded.
        try (Calendar calendar = new Calendar()) {
            DataAssetsException error = assertThrows(
                    DataAssetsException.class,
                    () -> DataAssets.quarterlyReportDeadline(calendar, 2026, 4, null));
            assertEquals("calendar.year_not_loaded", error.code());
        }
    }

    @Test
    void quarterFiveIsRejected() {
        try (Calendar calendar = new Calendar()) {
            DataAssetsException error = assertThrows(
                    DataAssetsException.class,
                    () -> DataAssets.quarterlyReportDeadline(calendar, 2026, 5, null));
            assertEquals("calendar.invalid_quarter", error.code());
        }
    }

    @Test
    void makeUpSundayIsAWorkingDay() throws DataAssetsException {
        try (Calendar calendar = new Calendar()) {
            // 2026-01-04 is a Sunday the 2026 notice makes a working day.
            assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 1, 4), null));
            assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 1, 1), null));
            assertTrue(calendar.loadedYears().contains(2026));
        }
    }

    @Test
    void upcomingListsDatedObligationsFirst() {
        try (Calendar calendar = new Calendar()) {
            List<Due> due = DataAssets.upcomingObligations(
                    calendar, LocalDate.of(2026, 10, 1), UnitKind.CITY_SOE, null);
            assertEquals("quarterly_report_2026_q3", due.get(0).getObligation().getId());
            DueDate.Known first = (DueDate.Known) due.get(0).getDue();
            // 10th working day after 2026-09-30, past the 国庆 holiday of October 1–7.
            assertEquals(first.getDueDate().toEpochDay() - LocalDate.of(2026, 10, 1).toEpochDay(),
                    first.getDaysLeft());
            DueDate last = due.get(due.size() - 1).getDue();
            assertTrue(last instanceof DueDate.Unknown);
            assertEquals("calendar.year_not_loaded", ((DueDate.Unknown) last).getCode());
        }
    }
}
