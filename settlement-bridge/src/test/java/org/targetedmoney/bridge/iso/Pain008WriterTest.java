package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;

import com.prowidesoftware.swift.model.mx.MxPain00800108;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransactionInformation23;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction29;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pain008WriterTest {
    static final String CREDITOR_ID = "FR72ZZZ123456";
    static final LocalDate COLLECTION_DATE = LocalDate.of(2025, 4, 2);
    static final DirectDebit BAKERY = new DirectDebit("ief-2025-03-552100554", 7_860_00, "Boulangerie Martin",
            "DE89370400440532013000", "COBADEFFXXX", "IEF-MANDATE-552100554", LocalDate.of(2024, 12, 5),
            "Inter-enterprise fund 2025-03 dues");
    static final DirectDebit GARAGE = new DirectDebit("ief-2025-03-732829320", 1_25, "Garage du Centre",
            "NL91ABNA0417164300", null, "M-0042", LocalDate.of(2025, 4, 2), null);

    static DirectDebitFile file(DirectDebit... debits) {
        return new DirectDebitFile("IEC-2025-03-0001", IsoFixtures.CREATED_AT, IsoFixtures.DEBTOR, CREDITOR_ID,
                COLLECTION_DATE, List.of(debits));
    }

    @Test
    void write_validFile_isSchemaValidSepaCorePain008WithMandatesAndCreditorId() {
        Pain008Result result = Pain008Writer.write(file(BAKERY, GARAGE));

        assertThat(result).isInstanceOf(Pain008Result.Written.class);
        Pain008Result.Written written = (Pain008Result.Written) result;
        assertThat(written.numberOfTransactions()).isEqualTo(2);
        assertThat(written.controlSumCents()).isEqualTo(7_860_00 + 1_25);
        assertThat(IsoSchema.PAIN_008_001_08.firstError(written.xml())).isEmpty();

        MxPain00800108 parsed = MxPain00800108.parse(new String(written.xml(), StandardCharsets.UTF_8));
        var header = parsed.getCstmrDrctDbtInitn().getGrpHdr();
        assertThat(header.getMsgId()).isEqualTo("IEC-2025-03-0001");
        assertThat(header.getCtrlSum()).isEqualByComparingTo(new BigDecimal("7861.25"));
        PaymentInstruction29 instruction = parsed.getCstmrDrctDbtInitn().getPmtInf().get(0);
        assertThat(instruction.getPmtMtd().value()).isEqualTo("DD");
        assertThat(instruction.getPmtTpInf().getLclInstrm().getCd()).isEqualTo("CORE");
        assertThat(instruction.getPmtTpInf().getSeqTp().value()).isEqualTo("RCUR");
        assertThat(instruction.getReqdColltnDt()).isEqualTo(COLLECTION_DATE);
        assertThat(instruction.getCdtrAcct().getId().getIBAN()).isEqualTo(IsoFixtures.DEBTOR_IBAN);
        assertThat(instruction.getCdtrSchmeId().getId().getPrvtId().getOthr().get(0).getId()).isEqualTo(CREDITOR_ID);
        List<DirectDebitTransactionInformation23> debits = instruction.getDrctDbtTxInf();
        assertThat(debits).extracting(d -> d.getPmtId().getEndToEndId())
                .containsExactly(BAKERY.endToEndId(), GARAGE.endToEndId());
        assertThat(debits.get(0).getDrctDbtTx().getMndtRltdInf().getMndtId()).isEqualTo("IEF-MANDATE-552100554");
        assertThat(debits.get(0).getDrctDbtTx().getMndtRltdInf().getDtOfSgntr()).isEqualTo(LocalDate.of(2024, 12, 5));
        assertThat(debits.get(1).getDbtrAgt().getFinInstnId().getOthr().getId()).isEqualTo("NOTPROVIDED");
    }

    @Test
    void write_sameFile_givesSameBytes() {
        assertThat(IsoSchema.PAIN_008_001_08.firstError(written(file(BAKERY)))).isEmpty();
        assertThat(written(file(BAKERY))).isEqualTo(written(file(BAKERY)));
    }

    @Test
    void write_sepaBreaches_areRefusedAllAtOnceWithCodes() {
        DirectDebit bad = new DirectDebit("ief-2025-03-1", 0, "Café", "DE89370400440532013001", null,
                "MANDATE WITH SPACE", LocalDate.of(2025, 4, 3), null);
        DirectDebitFile file = new DirectDebitFile("IEC-2025-03-0002", IsoFixtures.CREATED_AT, IsoFixtures.DEBTOR,
                "FR73ZZZ123456", COLLECTION_DATE, List.of(bad, bad));

        Pain008Result result = Pain008Writer.write(file);

        assertThat(result).isInstanceOf(Pain008Result.Refused.class);
        assertThat(((Pain008Result.Refused) result).refusals()).extracting(IsoRefusal::code).containsExactly(
                IsoRefusal.INVALID_CREDITOR_ID,
                IsoRefusal.AMOUNT_OUT_OF_RANGE, IsoRefusal.INVALID_TEXT, IsoRefusal.INVALID_IBAN,
                IsoRefusal.INVALID_MANDATE,
                IsoRefusal.AMOUNT_OUT_OF_RANGE, IsoRefusal.INVALID_TEXT, IsoRefusal.INVALID_IBAN,
                IsoRefusal.INVALID_MANDATE, IsoRefusal.DUPLICATE_END_TO_END_ID);
    }

    @Test
    void write_mandateSignedAfterTheCollection_isRefused() {
        DirectDebit late = new DirectDebit("ief-2025-03-9", 100, "Late", "NL91ABNA0417164300", null, "M-1",
                COLLECTION_DATE.plusDays(1), null);

        Pain008Result result = Pain008Writer.write(file(late));

        assertThat(((Pain008Result.Refused) result).refusals()).singleElement()
                .satisfies(r -> assertThat(r.field()).isEqualTo("debits[0].mandate.signedOn"));
    }

    @Test
    void creditorId_formatAndCheckDigits_areChecked() {
        assertThat(SepaRules.creditorId("c", "FR72ZZZ123456")).isEmpty();
        assertThat(SepaRules.creditorId("c", "DE98ZZZ09999999999")).isEmpty();
        assertThat(SepaRules.creditorId("c", "FR73ZZZ123456")).get().extracting(IsoRefusal::message).asString()
                .contains("check digits");
        assertThat(SepaRules.creditorId("c", "fr72zzz123456")).get().extracting(IsoRefusal::code)
                .isEqualTo(IsoRefusal.INVALID_CREDITOR_ID);
        assertThat(SepaRules.creditorId("c", "FR72ZZZ")).isPresent();
        assertThat(SepaRules.creditorId("c", "FR72ZZZ" + "1".repeat(29))).isPresent();
    }

    private static byte[] written(DirectDebitFile file) {
        return ((Pain008Result.Written) Pain008Writer.write(file)).xml();
    }
}
