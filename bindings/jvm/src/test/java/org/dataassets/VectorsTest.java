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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shared test vectors of tests/vectors/ through the JVM binding. tests/vectors/README.md
 * gives the format. Every family has a handler that turns a case's input into the canonical
 * output the Rust runner (crates/core/tests/vectors.rs) builds, and a family without a handler
 * fails, so no vector file is dropped silently.
 */
class VectorsTest {

    /** A family's handler: the canonical output of one case's input. */
    @FunctionalInterface
    interface Handler {
        Object apply(Map<String, Object> input) throws DataAssetsException;
    }

    /** Handler of each family, by family name. */
    private static final Map<String, Handler> HANDLERS = new LinkedHashMap<>();

    static {
        HANDLERS.put("allocation", VectorsTest::allocation);
        HANDLERS.put("amortization", VectorsTest::amortization);
        HANDLERS.put("posting_government", VectorsTest::posting);
        HANDLERS.put("posting_enterprise", VectorsTest::posting);
        HANDLERS.put("recognition", VectorsTest::recognition);
        HANDLERS.put("certificate", VectorsTest::certificate);
        HANDLERS.put("revenue_split", VectorsTest::revenueSplit);
        HANDLERS.put("valuation", VectorsTest::valuation);
        HANDLERS.put("calendar", VectorsTest::calendar);
        HANDLERS.put("uscc", VectorsTest::uscc);
    }

    private static Object allocation(Map<String, Object> input) throws DataAssetsException {
        List<BigDecimal> shares = DataAssets.allocate(decimal(input, "total"), decimals(input, "weights"));
        return Collections.singletonMap("shares", plainTexts(shares));
    }

    private static Object uscc(Map<String, Object> input) throws DataAssetsException {
        UsccInfo info = DataAssets.validateUscc(text(input, "text"));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("prefix", info.getPrefix());
        output.put("region_code", info.getRegionCode());
        output.put("organization_code", info.getOrganizationCode());
        return output;
    }

    private static Object calendar(Map<String, Object> input) throws DataAssetsException {
        String region = (String) input.get("region");
        String op = text(input, "op");
        try (Calendar calendar = new Calendar()) {
            switch (op) {
                case "quarterly_deadline":
                    return Collections.singletonMap("date", DataAssets.quarterlyReportDeadline(
                            calendar, integer(input, "year"), integer(input, "quarter"), region).toString());
                case "add_working_days":
                    return Collections.singletonMap("date", calendar.addWorkingDays(
                            date(input, "from"), (long) integer(input, "days"), region).toString());
                case "is_working_day":
                    return Collections.singletonMap("working", calendar.isWorkingDay(date(input, "date"), region));
                case "working_days_between":
                    long days = calendar.workingDaysBetween(date(input, "from"), date(input, "to"), region);
                    return Collections.singletonMap("days", number(days));
                default:
                    throw new IllegalArgumentException("unknown calendar op " + op);
            }
        }
    }

    private static Object amortization(Map<String, Object> input) throws DataAssetsException {
        Map<String, Object> basis = object(input, "basis");
        Map<String, Object> life = object(basis, "life");
        UsefulLife usefulLife;
        switch (text(life, "kind")) {
            case "straight_line":
                usefulLife = new UsefulLife.StraightLine(Long.parseLong(life.get("months").toString()));
                break;
            case "units_of_production":
                usefulLife = new UsefulLife.UnitsOfProduction(decimal(life, "total"), decimals(life, "per_period"));
                break;
            default:
                usefulLife = UsefulLife.Indefinite.INSTANCE;
        }
        Policy policy = policy(input);
        ScheduleBasis scheduleBasis = new ScheduleBasis(
                decimal(basis, "cost"),
                decimal(basis, "accumulated_before"),
                date(basis, "ready_for_use"),
                usefulLife,
                (Boolean) basis.get("nominal_amount"));
        List<AmortizationPeriod> periods = DataAssets.amortizationSchedule(scheduleBasis, policy);
        if (input.containsKey("disposal")) {
            periods = DataAssets.stopScheduleAtDisposal(
                    periods, date(input, "disposal"), policy.getMonthConvention());
        }
        BigDecimal total = BigDecimal.ZERO;
        List<Object> amounts = new ArrayList<>();
        for (AmortizationPeriod period : periods) {
            total = total.add(period.getAmount());
            amounts.add(fen(period.getAmount()));
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("count", number(periods.size()));
        output.put("total", fen(total));
        output.put("amounts", amounts);
        output.put("first", periods.isEmpty() ? null : period(periods.get(0)));
        output.put("last", periods.isEmpty() ? null : period(periods.get(periods.size() - 1)));
        return output;
    }

    private static Map<String, Object> period(AmortizationPeriod period) {
        Map<String, Object> output = new LinkedHashMap<>();
        LocalDate month = period.getPeriod();
        output.put("period", String.format("%04d-%02d", month.getYear(), month.getMonthValue()));
        output.put("amount", fen(period.getAmount()));
        output.put("accumulated", fen(period.getAccumulated()));
        output.put("carrying_amount", fen(period.getCarryingAmount()));
        return output;
    }

    /** Posts the events in order through one journal and lists each voucher's two sides. */
    private static Object posting(Map<String, Object> input) throws DataAssetsException {
        EntityKind kind = DataAssets.parseEntityKind(text(input, "entity_kind"));
        VatStatus vat = input.containsKey("vat")
                ? DataAssets.parseVatStatus(text(input, "vat"))
                : VatStatus.NOT_TAXPAYER;
        List<Object> vouchers = new ArrayList<>();
        Map<String, Object> output = new LinkedHashMap<>();
        try (Journal journal = new Journal(kind, policy(input), vat)) {
            for (Object event : list(input, "events")) {
                Voucher voucher = journal.post(VectorJson.write(event));
                assertTrue(DataAssets.voucherIsBalanced(voucher),
                        "voucher " + voucher.getId() + " does not balance");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", voucher.getId());
                row.put("financial", voucherLines(voucher.getFinancial()));
                row.put("budget", voucherLines(voucher.getBudget()));
                vouchers.add(row);
            }
            output.put("vouchers", vouchers);
            output.put("posted", number(journal.vouchers().size()));
        }
        return output;
    }

    /** One debit or credit of a voucher line, in the order the canonical output sorts them. */
    private static final class Entry {
        final boolean debit;
        final String code;
        final String name;
        final BigDecimal amount;

        Entry(boolean debit, Line line, BigDecimal amount) {
            this.debit = debit;
            this.code = line.getAccountCode();
            this.name = line.getAccountName();
            this.amount = amount;
        }
    }

    /**
     * Writes voucher lines as {@code {"dr"|"cr": code, "name", "amount"}}, debits first, then by
     * account code, name and amount, as the Rust runner does.
     */
    private static List<Object> voucherLines(List<Line> lines) {
        List<Entry> entries = new ArrayList<>();
        for (Line line : lines) {
            if (line.getDebit().signum() != 0) {
                entries.add(new Entry(true, line, line.getDebit()));
            }
            if (line.getCredit().signum() != 0) {
                entries.add(new Entry(false, line, line.getCredit()));
            }
        }
        // NOTE: String.compareTo orders UTF-16 units and Rust orders UTF-8 bytes. The two orders
        // differ only for characters outside the Basic Multilingual Plane, which no account code
        // or name in use contains.
        entries.sort(Comparator.comparing((Entry entry) -> !entry.debit)
                .thenComparing(entry -> entry.code)
                .thenComparing(entry -> entry.name)
                .thenComparing(entry -> entry.amount));
        List<Object> output = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(entry.debit ? "dr" : "cr", entry.code);
            row.put("name", entry.name);
            row.put("amount", entry.amount.toPlainString());
            output.add(row);
        }
        return output;
    }

    private static Object recognition(Map<String, Object> input) throws DataAssetsException {
        EntityKind kind = DataAssets.parseEntityKind(text(input, "entity_kind"));
        Recognition result = DataAssets.recognize(recognitionFacts(object(input, "facts")), kind, policy(input));
        Map<String, Object> findings = new LinkedHashMap<>();
        for (Finding finding : result.getFindings()) {
            findings.put(
                    DataAssets.criterionCode(finding.getCriterion()),
                    DataAssets.findingStatusCode(finding.getStatus()));
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("outcome", DataAssets.outcomeCode(result.getOutcome()));
        output.put("booking_status", DataAssets.bookingStatusCode(result.getBookingStatus()));
        output.put("capitalizable_amount", result.getCapitalizableAmount().toPlainString());
        output.put("findings", findings);
        return output;
    }

    /**
     * Builds the record from the {@code RecognitionFacts} JSON. A field the JSON leaves out takes
     * the core's serde default: false, no unit price, nothing expensed before.
     */
    private static RecognitionFacts recognitionFacts(Map<String, Object> facts) throws DataAssetsException {
        Map<String, Object> conditions = facts.containsKey("development_conditions")
                ? object(facts, "development_conditions")
                : Collections.<String, Object>emptyMap();
        return new RecognitionFacts(
                text(facts, "asset_id"),
                flag(facts, "controlled"),
                flag(facts, "past_transaction"),
                flag(facts, "separable"),
                flag(facts, "contractual_or_legal"),
                flag(facts, "probable_benefit"),
                flag(facts, "reliable_cost"),
                DataAssets.parseHoldingPurpose(text(facts, "holding_purpose")),
                DataAssets.parseRdStage(text(facts, "rd_stage")),
                new DevelopmentConditions(
                        optionalFlag(conditions, "technically_feasible"),
                        optionalFlag(conditions, "intends_to_complete"),
                        optionalFlag(conditions, "generates_benefit"),
                        optionalFlag(conditions, "resources_available"),
                        optionalFlag(conditions, "spending_measurable")),
                decimal(facts, "cost"),
                facts.containsKey("unit_price") ? decimal(facts, "unit_price") : null,
                optionalFlag(facts, "bulk_purchase"),
                optionalFlag(facts, "low_value_expensing_elected"),
                facts.containsKey("previously_expensed") ? decimal(facts, "previously_expensed") : BigDecimal.ZERO);
    }

    private static Object certificate(Map<String, Object> input) throws DataAssetsException {
        String op = text(input, "op");
        boolean government = "government".equals(input.get("card_kind"));
        Map<String, Object> output = new LinkedHashMap<>();
        switch (op) {
            case "number":
                output.put("number", DataAssets.certificateNumber(
                        text(input, "region_code"), integer(input, "year"), (long) integer(input, "sequence")));
                return output;
            case "check_character":
                output.put("check", DataAssets.certificateCheckCharacter(text(input, "digits")));
                return output;
            case "parse_number":
                CertificateNumberParts parts = DataAssets.parseCertificateNumber(text(input, "number"));
                output.put("region_code", parts.getRegionCode());
                output.put("year", number(parts.getYear()));
                output.put("sequence", number(parts.getSequence()));
                return output;
            case "fingerprint":
                String card = VectorJson.write(input.get("card"));
                if (government) {
                    GovernmentCard parsed = DataAssets.parseGovernmentCard(card);
                    output.put("canonical_json", DataAssets.governmentCardCanonicalJson(parsed));
                    output.put("fingerprint", DataAssets.governmentCardFingerprint(parsed));
                } else {
                    EnterpriseCard parsed = DataAssets.parseEnterpriseCard(card);
                    output.put("canonical_json", DataAssets.enterpriseCardCanonicalJson(parsed));
                    output.put("fingerprint", DataAssets.enterpriseCardFingerprint(parsed));
                }
                return output;
            case "issue_and_verify":
                return issueAndVerify(input, government);
            default:
                throw new IllegalArgumentException("unknown certificate op " + op);
        }
    }

    /**
     * Issues a certificate for the card, applies {@code certificate_changes} to the certificate
     * and {@code card_changes} to the card, and verifies the result.
     */
    private static Object issueAndVerify(Map<String, Object> input, boolean government)
            throws DataAssetsException {
        String card = VectorJson.write(input.get("card"));
        String presented = VectorJson.write(patched(object(input, "card"), input.get("card_changes")));
        String number = text(input, "number");
        LocalDate issuedOn = date(input, "issued_on");
        Certificate issued;
        if (government) {
            issued = DataAssets.issueGovernmentCertificate(number, DataAssets.parseGovernmentCard(card), issuedOn);
            changeCertificate(issued, input.get("certificate_changes"));
            DataAssets.verifyGovernmentCertificate(issued, DataAssets.parseGovernmentCard(presented));
        } else {
            issued = DataAssets.issueEnterpriseCertificate(number, DataAssets.parseEnterpriseCard(card), issuedOn);
            changeCertificate(issued, input.get("certificate_changes"));
            DataAssets.verifyEnterpriseCertificate(issued, DataAssets.parseEnterpriseCard(presented));
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("verified", Boolean.TRUE);
        output.put("number", issued.getNumber());
        return output;
    }

    /** Returns a copy of {@code base} with the keys of {@code changes} replaced (one level deep). */
    private static Map<String, Object> patched(Map<String, Object> base, Object changes) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        if (changes != null) {
            copy.putAll(asObject(changes));
        }
        return copy;
    }

    /** Sets the certificate fields named in {@code changes}, given in the certificate's JSON form. */
    private static void changeCertificate(Certificate certificate, Object changes) {
        if (changes == null) {
            return;
        }
        for (Map.Entry<String, Object> change : asObject(changes).entrySet()) {
            switch (change.getKey()) {
                case "number":
                    certificate.setNumber((String) change.getValue());
                    break;
                case "asset_id":
                    certificate.setAssetId((String) change.getValue());
                    break;
                case "issued_on":
                    certificate.setIssuedOn(LocalDate.parse((String) change.getValue()));
                    break;
                case "fingerprint":
                    certificate.setFingerprint((String) change.getValue());
                    break;
                case "holder":
                    Map<String, Object> holder = asObject(change.getValue());
                    certificate.setHolder(new CardHolder(text(holder, "name"), text(holder, "credit_code")));
                    break;
                default:
                    throw new IllegalArgumentException("unknown certificate field " + change.getKey());
            }
        }
    }

    private static Object revenueSplit(Map<String, Object> input) throws DataAssetsException {
        SplitOutcome outcome = DataAssets.splitReceipt(
                decimal(input, "gross"), decimal(input, "rate"), splitRule(object(input, "rule")), policy(input));
        List<Object> shares = new ArrayList<>();
        for (PartyShare share : outcome.getShares()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", share.getParty().getName());
            row.put("amount", share.getAmount().toPlainString());
            row.put("routing", code(share.getRouting()));
            shares.add(row);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("net", outcome.getVat().getNet().toPlainString());
        output.put("vat", outcome.getVat().getVat().toPlainString());
        output.put("shares", shares);
        return output;
    }

    /** Builds the rule from the {@code SplitRule} JSON, tagged by {@code kind}. */
    private static SplitRule splitRule(Map<String, Object> rule) throws DataAssetsException {
        String kind = text(rule, "kind");
        switch (kind) {
            case "agreement":
                List<AgreementShare> agreed = new ArrayList<>();
                for (Object item : list(rule, "parties")) {
                    Map<String, Object> share = asObject(item);
                    agreed.add(new AgreementShare(party(object(share, "party")), decimal(share, "ratio")));
                }
                return new SplitRule.Agreement(agreed);
            case "contribution":
                List<ContributionShare> contributed = new ArrayList<>();
                for (Object item : list(rule, "parties")) {
                    Map<String, Object> share = asObject(item);
                    contributed.add(new ContributionShare(
                            party(object(share, "party")),
                            decimal(share, "investment"),
                            decimal(share, "contribution")));
                }
                return new SplitRule.Contribution(decimal(rule, "investment_weight"), contributed);
            default:
                throw new IllegalArgumentException("unknown split rule kind " + kind);
        }
    }

    private static Party party(Map<String, Object> party) throws DataAssetsException {
        return new Party(text(party, "name"), DataAssets.parseEntityKind(text(party, "kind")));
    }

    private static Object valuation(Map<String, Object> input) throws DataAssetsException {
        String approach = text(input, "approach");
        Map<String, Object> approachInput = object(input, "input");
        Map<String, Object> output = new LinkedHashMap<>();
        switch (approach) {
            case "cost":
                CostApproachResult cost = DataAssets.costApproach(costInput(approachInput));
                output.put("replacement_cost", cost.getReplacementCost().toPlainString());
                output.put("adjustment_factor", cost.getAdjustmentFactor().stripTrailingZeros().toPlainString());
                output.put("value", cost.getValue().toPlainString());
                return output;
            case "income":
                IncomeApproachResult income = DataAssets.incomeApproach(new IncomeApproachInput(
                        forecast(object(approachInput, "forecast")),
                        decimal(approachInput, "discount_rate"),
                        rounding(approachInput)));
                List<Object> incomes = new ArrayList<>();
                for (DiscountedPeriod period : income.getPeriods()) {
                    incomes.add(decimalText(period.getIncome()));
                }
                output.put("incomes", incomes);
                output.put("value", income.getValue().toPlainString());
                return output;
            case "market":
                List<org.dataassets.Comparable> comparables = new ArrayList<>();
                for (Object item : list(approachInput, "comparables")) {
                    Map<String, Object> comparable = asObject(item);
                    comparables.add(new org.dataassets.Comparable(
                            optionalText(comparable, "case_id"),
                            decimal(comparable, "price"),
                            decimal(comparable, "quality_factor"),
                            decimal(comparable, "supply_demand_factor"),
                            decimal(comparable, "date_factor"),
                            decimal(comparable, "capacity_factor"),
                            decimal(comparable, "other_factor")));
                }
                MarketApproachResult market = DataAssets.marketApproach(
                        new MarketApproachInput(comparables, rounding(approachInput)));
                output.put("value", market.getValue().toPlainString());
                return output;
            default:
                throw new IllegalArgumentException("unknown valuation approach " + approach);
        }
    }

    /**
     * Builds the record from the {@code CostApproachInput} JSON. A field the JSON leaves out takes
     * the core's serde default: no description, paid once, zero recurring years, half up.
     */
    private static CostApproachInput costInput(Map<String, Object> input) throws DataAssetsException {
        List<CostComponent> components = new ArrayList<>();
        for (Object item : list(input, "components")) {
            Map<String, Object> component = asObject(item);
            components.add(new CostComponent(
                    DataAssets.parseCostKind(text(component, "kind")),
                    optionalText(component, "description"),
                    decimal(component, "amount"),
                    component.containsKey("recurrence")
                            ? CostRecurrence.valueOf(constant(text(component, "recurrence")))
                            : CostRecurrence.ONE_OFF));
        }
        long recurringYears = input.containsKey("recurring_years") ? integer(input, "recurring_years") : 0;
        return new CostApproachInput(
                components, recurringYears, adjustment(object(input, "adjustment")), rounding(input));
    }

    /** Builds the adjustment from the {@code AdjustmentBasis} JSON, tagged by {@code basis}. */
    private static AdjustmentBasis adjustment(Map<String, Object> adjustment) {
        String basis = text(adjustment, "basis");
        switch (basis) {
            case "factor":
                return new AdjustmentBasis.Factor(decimal(adjustment, "factor"));
            case "quality":
                return new AdjustmentBasis.Quality(decimal(adjustment, "quality_score"));
            case "remaining_life":
                return new AdjustmentBasis.RemainingLife(
                        decimal(adjustment, "remaining_life_years"), decimal(adjustment, "total_life_years"));
            case "quality_and_remaining_life":
                return new AdjustmentBasis.QualityAndRemainingLife(
                        decimal(adjustment, "quality_score"),
                        decimal(adjustment, "remaining_life_years"),
                        decimal(adjustment, "total_life_years"));
            default:
                throw new IllegalArgumentException("unknown adjustment basis " + basis);
        }
    }

    /** Builds the forecast from the {@code IncomeForecast} JSON, tagged by {@code variant}. */
    private static IncomeForecast forecast(Map<String, Object> forecast) {
        String variant = text(forecast, "variant");
        switch (variant) {
            case "direct":
                return new IncomeForecast.Direct(decimals(forecast, "income"));
            case "split_rate":
                return new IncomeForecast.SplitRate(decimals(forecast, "revenue"), decimal(forecast, "split_rate"));
            case "excess_earnings":
                return new IncomeForecast.ExcessEarnings(
                        decimals(forecast, "earnings"), decimals(forecast, "contributory_charges"));
            case "incremental":
                return new IncomeForecast.Incremental(
                        decimals(forecast, "with_data"), decimals(forecast, "without_data"));
            default:
                throw new IllegalArgumentException("unknown income forecast variant " + variant);
        }
    }

    /** Reads the optional {@code rounding}, which defaults to half up as in the core's serde form. */
    private static RoundingRule rounding(Map<String, Object> input) {
        return input.containsKey("rounding")
                ? RoundingRule.valueOf(constant(text(input, "rounding")))
                : RoundingRule.HALF_UP;
    }

    // ---- Reading inputs and writing outputs ----

    private static Policy policy(Map<String, Object> input) throws DataAssetsException {
        return input.containsKey("policy")
                ? DataAssets.policyFromJson(VectorJson.write(input.get("policy")))
                : DataAssets.defaultPolicy();
    }

    /**
     * Returns the name of the Kotlin enum constant for a snake_case serde code: uniffi names the
     * constants after the Rust variants, so {@code per_year} is {@code PER_YEAR}. For enums that
     * have no parse function in the binding.
     */
    private static String constant(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    /** Returns the snake_case serde code of an enum without a code function in the binding. */
    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Writes an amount with at least two decimals, as the canonical output does. */
    private static String fen(BigDecimal amount) {
        return (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
    }

    /** Writes a full-precision decimal without trailing zeros, but with at least two decimals. */
    private static String decimalText(BigDecimal value) {
        return fen(value.stripTrailingZeros());
    }

    private static List<Object> plainTexts(List<BigDecimal> values) {
        List<Object> texts = new ArrayList<>();
        for (BigDecimal value : values) {
            texts.add(value.toPlainString());
        }
        return texts;
    }

    private static VectorJson.Number number(long value) {
        return new VectorJson.Number(Long.toString(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> object(Map<String, Object> input, String key) {
        return asObject(required(input, key));
    }

    private static List<?> list(Map<String, Object> input, String key) {
        return (List<?>) required(input, key);
    }

    private static Object required(Map<String, Object> input, String key) {
        Object value = input.get(key);
        if (value == null) {
            throw new IllegalArgumentException("malformed vector: missing " + key + " in " + input);
        }
        return value;
    }

    private static String text(Map<String, Object> input, String key) {
        return (String) required(input, key);
    }

    private static String optionalText(Map<String, Object> input, String key) {
        return input.containsKey(key) ? text(input, key) : "";
    }

    private static boolean flag(Map<String, Object> input, String key) {
        return (Boolean) required(input, key);
    }

    private static boolean optionalFlag(Map<String, Object> input, String key) {
        return input.containsKey(key) && flag(input, key);
    }

    private static BigDecimal decimal(Map<String, Object> input, String key) {
        return new BigDecimal(text(input, key));
    }

    private static List<BigDecimal> decimals(Map<String, Object> input, String key) {
        List<BigDecimal> values = new ArrayList<>();
        for (Object item : list(input, key)) {
            values.add(new BigDecimal((String) item));
        }
        return values;
    }

    private static int integer(Map<String, Object> input, String key) {
        return Integer.parseInt(required(input, key).toString());
    }

    private static LocalDate date(Map<String, Object> input, String key) {
        return LocalDate.parse(text(input, key));
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
            assertTrue(HANDLERS.containsKey(family), "vector family without a handler: " + family);
        }
    }

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> file : files()) {
            String family = (String) file.get("family");
            Handler handler = HANDLERS.get(family);
            if (handler == null) {
                continue;
            }
            for (Object item : (List<?>) file.get("cases")) {
                Map<String, Object> testCase = asObject(item);
                String name = family + "/" + testCase.get("name");
                tests.add(DynamicTest.dynamicTest(name, () -> runCase(handler, testCase)));
            }
        }
        return tests.stream();
    }

    private static void runCase(Handler handler, Map<String, Object> testCase) {
        Map<String, Object> input = asObject(testCase.get("input"));
        boolean hasExpected = testCase.containsKey("expected");
        boolean hasError = testCase.containsKey("expected_error");
        assertTrue(hasExpected != hasError, "a case has exactly one of expected and expected_error");
        Object output;
        try {
            output = handler.apply(input);
        } catch (DataAssetsException error) {
            if (hasError) {
                assertEquals(testCase.get("expected_error"), error.code(), "error code");
                return;
            }
            throw new AssertionError("expected success, got error " + error.code(), error);
        }
        if (hasError) {
            fail("expected error " + testCase.get("expected_error") + ", got " + output);
        }
        contains(output, testCase.get("expected"), "$");
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
