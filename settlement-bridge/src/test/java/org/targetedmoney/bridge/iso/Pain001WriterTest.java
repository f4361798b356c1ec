package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.bridge.iso.IsoFixtures.CLINIC;
import static org.targetedmoney.bridge.iso.IsoFixtures.NURSE;
import static org.targetedmoney.bridge.iso.IsoFixtures.PHARMACY;
import static org.targetedmoney.bridge.iso.IsoFixtures.file;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pain001WriterTest {

    @Test
    void write_validFile_isSchemaValidSepaPain001WithCountAndControlSum() {
        Pain001Result result = Pain001Writer.write(file(PHARMACY, NURSE, CLINIC));

        assertThat(result).isInstanceOf(Pain001Result.Written.class);
        Pain001Result.Written written = (Pain001Result.Written) result;
        assertThat(written.numberOfTransactions()).isEqualTo(3);
        assertThat(written.controlSumCents()).isEqualTo(1_234_56 + 87_50 + 99_999_999_999L);
        assertThat(IsoSchema.PAIN_001_001_09.firstError(written.xml())).isEmpty();

        MxPain00100109 parsed = MxPain00100109.parse(new String(written.xml(), StandardCharsets.UTF_8));
        var header = parsed.getCstmrCdtTrfInitn().getGrpHdr();
        assertThat(header.getMsgId()).isEqualTo("BRIDGE-B7-2025-03");
        assertThat(header.getNbOfTxs()).isEqualTo("3");
        assertThat(header.getCtrlSum()).isEqualByComparingTo(new BigDecimal("1000001322.05"));
        PaymentInstruction30 instruction = parsed.getCstmrCdtTrfInitn().getPmtInf().get(0);
        assertThat(instruction.getPmtMtd().value()).isEqualTo("TRF");
        assertThat(instruction.getPmtTpInf().getSvcLvl().get(0).getCd()).isEqualTo("SEPA");
        assertThat(instruction.getChrgBr().value()).isEqualTo("SLEV");
        assertThat(instruction.getReqdExctnDt().getDt()).isEqualTo(IsoFixtures.EXECUTION_DATE);
        assertThat(instruction.getDbtrAcct().getId().getIBAN()).isEqualTo(IsoFixtures.DEBTOR_IBAN);
        List<CreditTransferTransaction34> transactions = instruction.getCdtTrfTxInf();
        assertThat(transactions).extracting(t -> t.getPmtId().getEndToEndId())
                .containsExactly(PHARMACY.endToEndId(), NURSE.endToEndId(), CLINIC.endToEndId());
        assertThat(transactions).extracting(t -> t.getAmt().getInstdAmt().getCcy()).containsOnly("EUR");
    }

    @Test
    void write_amounts_areDecimalsWithTwoFractionDigitsFromCents() {
        CreditTransfer oneCent = new CreditTransfer("ONE-CENT", 1, "A", "DE89370400440532013000", null, null);
        String xml = new String(IsoFixtures.written(file(oneCent, NURSE, CLINIC)), StandardCharsets.UTF_8);

        assertThat(xml).contains("<InstdAmt Ccy=\"EUR\">0.01</InstdAmt>")
                .contains("<InstdAmt Ccy=\"EUR\">87.50</InstdAmt>")
                .contains("<InstdAmt Ccy=\"EUR\">999999999.99</InstdAmt>")
                .contains("<CtrlSum>1000000087.50</CtrlSum>");
    }

    @Test
    void write_optionalFieldsAbsent_omitsThemAndSaysDebtorAgentNotProvided() {
        PaymentFile file = new PaymentFile("NO-BIC", IsoFixtures.CREATED_AT,
                new Party("Caisse", IsoFixtures.DEBTOR_IBAN, null), IsoFixtures.EXECUTION_DATE, List.of(NURSE));
        String xml = new String(IsoFixtures.written(file), StandardCharsets.UTF_8);

        assertThat(xml).contains("<Othr>\n<Id>NOTPROVIDED</Id>").doesNotContain("<CdtrAgt>").doesNotContain("<RmtInf>");
    }

    @Test
    void write_sameFileTwice_givesTheSameBytes() {
        assertThat(IsoFixtures.written(file(PHARMACY, NURSE))).isEqualTo(IsoFixtures.written(file(PHARMACY, NURSE)));
    }

    @Test
    void write_fileBreakingRules_isRefusedWithEveryProblemAndNoBytes() {
        CreditTransfer bad = new CreditTransfer("x".repeat(36), 0, "Zoë", "DE89370400440532013001", "BAD", null);
        Pain001Result result = Pain001Writer.write(file(PHARMACY, bad, PHARMACY));

        assertThat(result).isInstanceOf(Pain001Result.Refused.class);
        assertThat(((Pain001Result.Refused) result).refusals()).extracting(IsoRefusal::code).containsExactly(
                IsoRefusal.INVALID_IDENTIFIER, IsoRefusal.AMOUNT_OUT_OF_RANGE, IsoRefusal.INVALID_TEXT,
                IsoRefusal.INVALID_IBAN, IsoRefusal.INVALID_BIC, IsoRefusal.DUPLICATE_END_TO_END_ID);
    }

    /** The 100 000-payment file (about 37 MB; a few seconds). */
    @Test
    void write_maximumTransfers_isSchemaValidWithCountAndControlSum() {
        int count = Pain001Writer.MAX_TRANSFERS_PER_FILE;
        long startNanos = System.nanoTime();
        Pain001Result result = Pain001Writer.write(IsoFixtures.largeFile(count));
        long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;

        assertThat(result).isInstanceOf(Pain001Result.Written.class);
        Pain001Result.Written written = (Pain001Result.Written) result;
        long expectedSumCents = 100L * count * (count + 1) / 2;
        assertThat(written.numberOfTransactions()).isEqualTo(count);
        assertThat(written.controlSumCents()).isEqualTo(expectedSumCents);
        String xml = new String(written.xml(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<NbOfTxs>" + count + "</NbOfTxs>")
                .contains("<CtrlSum>" + IsoAmounts.decimal(expectedSumCents).toPlainString() + "</CtrlSum>");
        assertThat(IsoSchema.PAIN_001_001_09.firstError(written.xml())).isEmpty();
        System.out.printf("pain.001 with %d transfers: %d bytes, written and validated in %d ms%n",
                count, written.xml().length, elapsedMillis);
    }
}
