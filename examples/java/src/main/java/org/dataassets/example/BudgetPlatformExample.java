package org.dataassets.example;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.dataassets.AssetView;
import org.dataassets.Calendar;
import org.dataassets.Certificate;
import org.dataassets.ChangeMeta;
import org.dataassets.DataAssets;
import org.dataassets.DataAssetsException;
import org.dataassets.EntityKind;
import org.dataassets.GovernmentCard;
import org.dataassets.Journal;
import org.dataassets.Line;
import org.dataassets.Policy;
import org.dataassets.Problem;
import org.dataassets.Register;
import org.dataassets.VatStatus;
import org.dataassets.Voucher;

/**
 * Shows how a Java service of the budget platform calls data-assets. It splits a licence fee
 * between the units that contributed a data product and loads the finance bureau's policy. It
 * then maps the platform's own unit type to the library's vocabulary and turns a rejected input
 * into a form error. Finally it keeps a register of the platform's assets, books a purchase
 * voucher with both sides, computes the quarterly report deadline and fills the 数据资产信息卡
 * payload for a certificate.
 *
 * <p>Runs on Java 8 and later with the data-assets jar, JNA and the Kotlin standard library on
 * the classpath; the native library is inside the jar.
 */
public final class BudgetPlatformExample {
    private BudgetPlatformExample() {}

    /** An asset as stored in the platform's own database. */
    static final class PlatformAsset {
        final String id;
        final String name;
        final String holderCode;
        final String holderName;
        final BigDecimal cost;
        final LocalDate readyDate;
        final int lifeMonths;

        PlatformAsset(String id, String name, String holderCode, String holderName,
                BigDecimal cost, LocalDate readyDate, int lifeMonths) {
            this.id = id;
            this.name = name;
            this.holderCode = holderCode;
            this.holderName = holderName;
            this.cost = cost;
            this.readyDate = readyDate;
            this.lifeMonths = lifeMonths;
        }

        /**
         * Maps the record to the library's asset JSON. A service with a JSON library
         * (Jackson, Gson) serializes an object instead; amounts go as strings, never numbers.
         */
        String toAssetJson() {
            return "{\"id\": " + quote(id) + ", \"name\": " + quote(name)
                    + ", \"summary\": " + quote(name)
                    + ", \"holder\": {\"uscc\": " + quote(holderCode)
                    + ", \"name\": " + quote(holderName) + "}"
                    + ", \"category\": \"public\", \"security_grade\": \"general\""
                    + ", \"open_type\": \"not_open\", \"sharing_type\": \"unconditional\""
                    + ", \"rights\": {\"holding\": " + claim(holderName)
                    + ", \"processing_use\": " + claim(holderName)
                    + ", \"product_operation\": " + claim("") + "}"
                    + ", \"rights_registration\": \"unregistered\""
                    + ", \"acquisition_route\": \"purchased\", \"holding_purpose\": \"own_use\""
                    + ", \"booking_status\": \"intangible_asset\""
                    + ", \"facts\": {\"tables\": 3, \"fields\": 40, \"records\": 20000"
                    + ", \"update_frequency\": \"monthly\", \"source_systems\": [\"采购系统\"]}"
                    + ", \"authorized_operation\": false, \"personal_data_basis\": \"none\""
                    + ", \"cost\": " + quote(cost.toPlainString())
                    + ", \"ready_date\": " + quote(readyDate.toString())
                    + ", \"useful_life_months\": " + lifeMonths
                    + ", \"sector\": \"财政\"}";
        }

        private static String claim(String holder) {
            return "{\"holder_name\": " + quote(holder) + ", \"confirmed\": "
                    + !holder.isEmpty() + "}";
        }
    }

    /** Writes a JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Runs the steps and prints what each returns. */
    public static void main(String[] args) throws DataAssetsException {
        // 1. Split a licence fee of 12,345.67 yuan over contribution weights 50:30:20. The shares
        //    are exact to the fen and sum to the fee, so they can be booked as they are.
        BigDecimal fee = new BigDecimal("12345.67");
        List<BigDecimal> weights =
                Arrays.asList(new BigDecimal("0.5"), new BigDecimal("0.3"), new BigDecimal("0.2"));
        List<BigDecimal> shares = DataAssets.allocate(fee, weights);
        BigDecimal booked = BigDecimal.ZERO;
        for (BigDecimal share : shares) {
            booked = booked.add(share);
        }
        if (booked.compareTo(fee) != 0) {
            throw new IllegalStateException("shares " + shares + " do not sum to " + fee);
        }
        System.out.println("licence fee " + fee + " split 50:30:20 -> " + shares);

        // 2. Load the finance bureau's policy; fields left out keep the Guangxi defaults.
        Policy policy = DataAssets.policyFromJson("{\"low_value_threshold\": \"500.00\"}");
        System.out.println("low-value threshold " + policy.getLowValueThreshold()
                + " yuan, reduced small-scale VAT until " + policy.getVatSmallScaleReducedUntil());

        // 3. The platform stores unit types as Chinese text; parse it into the vocabulary.
        EntityKind kind = DataAssets.parseEntityKind("事业单位");
        System.out.println("unit type " + DataAssets.entityKindLabelZh(kind)
                + " has code " + DataAssets.entityKindCode(kind));

        // 4. A rejected input names the field and value, so the platform can mark the form field.
        try {
            DataAssets.allocate(fee, Arrays.asList(new BigDecimal("0.7"), new BigDecimal("-0.3")));
        } catch (DataAssetsException error) {
            System.out.println("rejected: code " + error.code() + ", field " + error.field()
                    + ", value " + error.value() + ", allowed: " + error.allowed());
        }

        // 5. Keep a register of the platform's assets. The library reads no clock: the service
        //    passes the time of each change.
        PlatformAsset software = new PlatformAsset("GL-2026-010", "预算绩效分析软件",
                "11450300MB12345628", "桂林市财政局", new BigDecimal("4800.00"),
                LocalDate.of(2026, 3, 2), 24);
        try (Register register = new Register()) {
            register.add(software.toAssetJson(),
                    new ChangeMeta("李会计", LocalDateTime.of(2026, 3, 2, 9, 30), "购入入账"));
            for (AssetView asset : register.active()) {
                System.out.println("register: " + asset.getId() + " " + asset.getName()
                        + " cost " + asset.getCost() + ", " + register.history().size()
                        + " history entry, hash " + register.head().getHash().substring(0, 12));
            }
            register.verify();
        }

        // 6. Book the purchase. A 事业单位 paying from its bank account gets a 财务会计 side and a
        //    预算会计 side, each balanced on its own.
        try (Journal journal =
                new Journal(EntityKind.PUBLIC_INSTITUTION, policy, VatStatus.NOT_TAXPAYER)) {
            Voucher voucher = journal.post("{\"id\": \"pay-2026-0042\", \"asset_id\": "
                    + quote(software.id) + ", \"date\": " + quote(software.readyDate.toString())
                    + ", \"type\": \"purchase\", \"cost\": "
                    + quote(software.cost.toPlainString()) + ", \"funding\": \"bank_deposit\"}");
            for (Line line : voucher.getFinancial()) {
                System.out.println("财务会计 " + describe(line));
            }
            for (Line line : voucher.getBudget()) {
                System.out.println("预算会计 " + describe(line));
            }
            if (!DataAssets.voucherIsBalanced(voucher)) {
                throw new IllegalStateException("unbalanced voucher " + voucher);
            }
        }

        // 7. The quarterly report is due on the 10th working day after the quarter. The fourth
        //    quarter needs next year's holiday notice; until the platform loads it, the library
        //    raises an error instead of guessing.
        try (Calendar calendar = new Calendar()) {
            System.out.println("2026 Q1 report due "
                    + DataAssets.quarterlyReportDeadline(calendar, 2026, 1, null));
            try {
                DataAssets.quarterlyReportDeadline(calendar, 2026, 4, null);
            } catch (DataAssetsException error) {
                System.out.println("2026 Q4 report: " + error.code() + " (" + error.allowed() + ")");
            }
        }

        infoCard(software, new BigDecimal("4800.00"));
    }

    /**
     * 8. Fills the 数据资产信息卡 from the platform's asset, writes the JSON payload the budget
     *    platform stores, and issues and verifies a certificate.
     */
    static void infoCard(PlatformAsset asset, BigDecimal bookValue) throws DataAssetsException {
        GovernmentCard card = DataAssets.governmentCardFromAsset(asset.toAssetJson(), bookValue);
        List<Problem> problems = DataAssets.governmentCardProblems(card);
        for (Problem problem : problems) {
            System.out.println("card field " + problem.getField() + ": " + problem.getReason());
        }
        String payload = DataAssets.governmentCardToJson(card);
        System.out.println("info card payload: " + payload.length() + " characters, book value "
                + DataAssets.parseGovernmentCard(payload).getBookValue());
        Certificate certificate = DataAssets.issueGovernmentCertificate(
                DataAssets.certificateNumber("450300", 2026, 42), card, LocalDate.of(2026, 4, 20));
        DataAssets.verifyGovernmentCertificate(certificate, card);
        System.out.println("certificate " + certificate.getNumber() + " verifies; fingerprint "
                + certificate.getFingerprint().substring(0, 12));
    }

    private static String describe(Line line) {
        String side = line.getDebit().signum() != 0 ? "Dr " : "Cr ";
        BigDecimal amount = line.getDebit().signum() != 0 ? line.getDebit() : line.getCredit();
        return side + line.getAccountCode() + " " + line.getAccountName() + " " + amount;
    }
}
