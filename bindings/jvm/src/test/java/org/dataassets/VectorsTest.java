package org.dataassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shared test vectors of tests/vectors/ through the JVM binding. tests/vectors/README.md
 * gives the format. A family the binding cannot express yet is listed in {@link #SKIPPED} with
 * the reason; a family in neither table fails, so no vector file is dropped silently.
 */
class VectorsTest {

    /** Families this runner expresses, each turning a case's input into its canonical output. */
    private static final Map<String, Function<Map<String, Object>, Object>> HANDLERS =
            new LinkedHashMap<>();

    /** Families the JVM binding cannot express yet, with the reason. */
    private static final Map<String, String> SKIPPED = new LinkedHashMap<>();

    static {
        HANDLERS.put("allocation", VectorsTest::allocation);

        SKIPPED.put("amortization", "the binding exposes no amortization schedule function");
        SKIPPED.put("posting_government", "the binding exposes no journal or event posting");
        SKIPPED.put("posting_enterprise", "the binding exposes no journal or event posting");
        SKIPPED.put("recognition", "the binding exposes no recognition function");
        SKIPPED.put("certificate", "the binding exposes no certificate numbers, fingerprints or verification");
        SKIPPED.put("revenue_split", "the binding exposes no revenue split");
        SKIPPED.put("valuation", "the binding exposes no valuation approaches");
        SKIPPED.put("calendar", "the binding exposes no working-day calendar");
        SKIPPED.put("uscc", "the binding exposes no credit-code validation");
    }

    /** Wraps a checked binding error so handlers fit {@link Function}. */
    static final class CaseError extends RuntimeException {
        final String code;

        CaseError(DataAssetsException cause) {
            super(cause);
            this.code = cause.code();
        }
    }

    private static Object allocation(Map<String, Object> input) {
        List<BigDecimal> weights = new ArrayList<>();
        for (Object weight : (List<?>) input.get("weights")) {
            weights.add(new BigDecimal((String) weight));
        }
        try {
            List<BigDecimal> shares =
                    DataAssets.allocate(new BigDecimal((String) input.get("total")), weights);
            List<Object> texts = new ArrayList<>();
            for (BigDecimal share : shares) {
                texts.add(share.toPlainString());
            }
            return Collections.singletonMap("shares", texts);
        } catch (DataAssetsException error) {
            throw new CaseError(error);
        }
    }

    private static Path vectorsDirectory() {
        Path directory = Paths.get("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("tests/vectors"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("tests/vectors not found above the working directory");
        }
        return directory.resolve("tests/vectors");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> files() throws IOException {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(vectorsDirectory(), "*.json")) {
            stream.forEach(paths::add);
        }
        Collections.sort(paths);
        assertFalse(paths.isEmpty(), "no vector files");
        List<Map<String, Object>> files = new ArrayList<>();
        for (Path path : paths) {
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            Map<String, Object> file = (Map<String, Object>) VectorJson.parse(text);
            String stem = path.getFileName().toString().replaceFirst("\\.json$", "");
            assertEquals(stem, file.get("family"), path + ": family must match the file name");
            files.add(file);
        }
        return files;
    }

    @Test
    void everyFamilyKnown() throws IOException {
        for (Map<String, Object> file : files()) {
            String family = (String) file.get("family");
            assertTrue(
                    HANDLERS.containsKey(family) || SKIPPED.containsKey(family),
                    "vector family with neither a handler nor a skip reason: " + family);
            assertFalse(HANDLERS.containsKey(family) && SKIPPED.containsKey(family));
        }
    }

    @TestFactory
    Stream<DynamicTest> skippedFamilies() {
        return SKIPPED.entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () ->
                        Assumptions.assumeTrue(false, entry.getKey() + ": " + entry.getValue())));
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> vectors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> file : files()) {
            String family = (String) file.get("family");
            Function<Map<String, Object>, Object> handler = HANDLERS.get(family);
            if (handler == null) {
                continue;
            }
            for (Object item : (List<Object>) file.get("cases")) {
                Map<String, Object> testCase = (Map<String, Object>) item;
                String name = family + "/" + testCase.get("name");
                tests.add(DynamicTest.dynamicTest(name, () -> runCase(handler, testCase)));
            }
        }
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void runCase(
            Function<Map<String, Object>, Object> handler, Map<String, Object> testCase) {
        Map<String, Object> input = (Map<String, Object>) testCase.get("input");
        if (testCase.containsKey("expected_error")) {
            try {
                Object output = handler.apply(input);
                fail("expected error " + testCase.get("expected_error") + ", got " + output);
            } catch (CaseError error) {
                assertEquals(testCase.get("expected_error"), error.code);
            }
        } else {
            contains(handler.apply(input), testCase.get("expected"), "$");
        }
    }

    /** Checks that {@code expected} is contained in {@code actual}, as the README defines. */
    private static void contains(Object actual, Object expected, String path) {
        if (expected instanceof Map) {
            assertTrue(actual instanceof Map, path + ": expected an object, got " + actual);
            Map<?, ?> actualMap = (Map<?, ?>) actual;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) expected).entrySet()) {
                String key = path + "." + entry.getKey();
                assertTrue(actualMap.containsKey(entry.getKey()), key + ": missing from output");
                contains(actualMap.get(entry.getKey()), entry.getValue(), key);
            }
        } else if (expected instanceof List) {
            assertTrue(actual instanceof List, path + ": expected an array, got " + actual);
            List<?> actualList = (List<?>) actual;
            List<?> expectedList = (List<?>) expected;
            assertEquals(expectedList.size(), actualList.size(), path + ": number of elements");
            for (int i = 0; i < expectedList.size(); i++) {
                contains(actualList.get(i), expectedList.get(i), path + "[" + i + "]");
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
