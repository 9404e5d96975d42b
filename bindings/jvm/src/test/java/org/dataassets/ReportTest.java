package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The quarterly progress report (试点工作进展情况, 市财资〔2025〕12号 part 四(一)). */
class ReportTest {

    /** The documented example input: a city department's second quarter of 2026. */
    private static String exampleInput() throws IOException {
        return new String(Files.readAllBytes(Paths.get("../../docs/progress-report.example.json")),
                StandardCharsets.UTF_8);
    }

    @Test
    void reportTotalsHoldingsAndListsTheNextDeadline() throws Exception {
        try (Calendar calendar = new Calendar();
                ProgressReport report = DataAssets.buildProgressReportWithCalendar(
                        exampleInput(), calendar, LocalDate.of(2026, 7, 1))) {
            assertEquals("2026年第2季度", report.periodLabelZh());
            // Two assets: 1,234,567.89 booked and one unbooked at 0.
            assertEquals(2L, report.totalHoldings().getCount());
            assertEquals(0, Decimals.of("1234567.89").compareTo(report.totalHoldings().getBookValue()));

            // The second-quarter report is due on the 10th working day after 2026-06-30:
            // July 1–3 and 6–10 are 8, then 13 and 14.
            Due next = report.deadlines().get(0);
            assertEquals("quarterly_report_2026_q2", next.getObligation().getId());
            assertEquals(LocalDate.of(2026, 7, 14), ((DueDate.Known) next.getDue()).getDueDate());

            String markdown = report.toMarkdown();
            assertTrue(markdown.startsWith(
                    "# 桂林市自然资源局数据资产管理试点工作进展情况（2026年第2季度）"), markdown);
            assertTrue(report.toJson().contains("\"book_value\""));
        }
    }

    @Test
    void inputThatIsNotAReportIsAConversionError() {
        DataAssetsException error = assertThrows(
                DataAssetsException.class, () -> DataAssets.buildProgressReport("{\"unit\": 1}"));
        assertEquals("ffi.invalid_json", error.code());
        assertEquals("input_json", error.field());
    }
}
