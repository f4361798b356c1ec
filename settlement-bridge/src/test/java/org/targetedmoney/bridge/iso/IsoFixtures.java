package org.targetedmoney.bridge.iso;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Files and parties shared by the ISO tests: real, checksum-valid IBANs and BICs. */
final class IsoFixtures {
    static final String DEBTOR_IBAN = "FR1420041010050500013M02606";
    static final String DEBTOR_BIC = "BNPAFRPP";
    static final Party DEBTOR = new Party("Caisse commune de sante", DEBTOR_IBAN, DEBTOR_BIC);
    static final OffsetDateTime CREATED_AT = OffsetDateTime.of(2025, 3, 31, 18, 0, 0, 0, ZoneOffset.ofHours(2));
    static final LocalDate EXECUTION_DATE = LocalDate.of(2025, 4, 1);

    static final CreditTransfer PHARMACY = new CreditTransfer("B7-P12-2025-03", 1_234_56, "Pharmacie du Port",
            "DE89370400440532013000", "COBADEFFXXX", "Settlement batch 7 period 2025-03");
    static final CreditTransfer NURSE = new CreditTransfer("B7-P40-2025-03", 87_50, "Cabinet infirmier Roux",
            "NL91ABNA0417164300", null, null);
    static final CreditTransfer CLINIC = new CreditTransfer("B7-P77-2025-03", 99_999_999_999L, "Clinique des Lilas",
            "BE68539007547034", "GEBABEBB", "Capitation 2025-03");

    private IsoFixtures() {
    }

    static PaymentFile file(CreditTransfer... transfers) {
        return new PaymentFile("BRIDGE-B7-2025-03", CREATED_AT, DEBTOR, EXECUTION_DATE, List.of(transfers));
    }

    /** A file of {@code count} transfers of 1.00 .. count.00 EUR. */
    static PaymentFile largeFile(int count) {
        List<CreditTransfer> transfers = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            transfers.add(new CreditTransfer("B9-" + i, i * 100L, "Provider " + i, "DE89370400440532013000",
                    "COBADEFFXXX", "Batch 9 line " + i));
        }
        return new PaymentFile("BRIDGE-B9-LARGE", CREATED_AT, DEBTOR, EXECUTION_DATE, transfers);
    }

    static byte[] written(PaymentFile file) {
        Pain001Result result = Pain001Writer.write(file);
        if (result instanceof Pain001Result.Written written) {
            return written.xml();
        }
        throw new AssertionError("expected a written file, got " + result);
    }

    static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
