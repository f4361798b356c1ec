package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.bridge.iso.IsoFixtures.NURSE;
import static org.targetedmoney.bridge.iso.IsoFixtures.PHARMACY;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SepaRulesTest {

    @Test
    void check_validFile_hasNoRefusal() {
        assertThat(SepaRules.check(IsoFixtures.file(PHARMACY, NURSE, IsoFixtures.CLINIC))).isEmpty();
    }

    @Test
    void iban_wrongCheckDigits_isRefusedNamingFieldAndValue() {
        assertThat(SepaRules.iban("creditorIban", "DE89370400440532013001")).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.INVALID_IBAN);
            assertThat(refusal.field()).isEqualTo("creditorIban");
            assertThat(refusal.message()).contains("creditorIban", "'DE89370400440532013001'", "check digits");
        });
    }

    @Test
    void iban_unknownCountry_isRefused() {
        assertThat(SepaRules.iban("creditorIban", "XX89370400440532013000")).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.INVALID_IBAN);
            assertThat(refusal.message()).contains("unknown country");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE8937040044053201300", "DE89 3704 0044 0532 0130 00", "de89370400440532013000", ""})
    void iban_wrongLengthSpacesOrCase_isRefused(String iban) {
        assertThat(SepaRules.iban("iban", iban)).map(IsoRefusal::code).hasValue(IsoRefusal.INVALID_IBAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "FR1420041010050500013M02606", "NL91ABNA0417164300"})
    void iban_validIbans_areAccepted(String iban) {
        assertThat(SepaRules.iban("iban", iban)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"COBADEFF", "COBADEFFXXX", "BNPAFRPP", "GEBABEBB36A", "C0BADEFF"})
    void bic_eightOrElevenIso9362Characters_isAccepted(String bic) {
        // ISO 9362:2014 (and the pain.001.001.09 schema) allow digits in the 4-character business party prefix.
        assertThat(SepaRules.bic("bic", bic)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"COBADEF", "COBADEFFXX", "COBADEFFXXXX", "COBAXXFF", "COBA1EFF", "cobadeff", "COBADEF!"})
    void bic_notIso9362_isRefused(String bic) {
        assertThat(SepaRules.bic("debtor.bic", bic)).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.INVALID_BIC);
            assertThat(refusal.message()).contains("debtor.bic", "'" + bic + "'");
        });
    }

    @Test
    void identifier_thirtyFiveCharacters_isAcceptedAndThirtySixRefused() {
        assertThat(SepaRules.identifier("endToEndId", "A".repeat(35))).isEmpty();
        assertThat(SepaRules.identifier("endToEndId", "A".repeat(36))).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.INVALID_IDENTIFIER);
            assertThat(refusal.message()).contains("36 characters");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/B7-1", "B7-1/", "B7//1", "B7_1", "B7-1é", "B7&1", "B7\n1"})
    void identifier_outsideSepaIdentifierRules_isRefused(String id) {
        assertThat(SepaRules.identifier("messageId", id)).map(IsoRefusal::code).hasValue(IsoRefusal.INVALID_IDENTIFIER);
    }

    @Test
    void identifier_allSepaPunctuation_isAccepted() {
        assertThat(SepaRules.identifier("messageId", "a/Z-0?:().,'+ 9")).isEmpty();
    }

    @Test
    void name_nonSepaCharacter_isRefusedNotTransliterated() {
        assertThat(SepaRules.name("creditorName", "Société Générale")).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.INVALID_TEXT);
            assertThat(refusal.message()).contains("U+00E9", "position 4", "'Société Générale'");
        });
    }

    @Test
    void name_seventyCharactersAccepted_seventyOneAndBlankRefused() {
        assertThat(SepaRules.name("name", "N".repeat(70))).isEmpty();
        assertThat(SepaRules.name("name", "N".repeat(71))).map(IsoRefusal::code).hasValue(IsoRefusal.INVALID_TEXT);
        assertThat(SepaRules.name("name", "  ")).map(IsoRefusal::code).hasValue(IsoRefusal.INVALID_TEXT);
    }

    @Test
    void remittance_hundredFortyCharactersAccepted_hundredFortyOneRefused() {
        assertThat(SepaRules.remittance("remittance", "r".repeat(140))).isEmpty();
        assertThat(SepaRules.remittance("remittance", "r".repeat(141))).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.INVALID_TEXT);
            assertThat(refusal.message()).contains("141 characters");
        });
    }

    @Test
    void amount_oneCentAndMaximumAccepted() {
        assertThat(SepaRules.amount("amountCents", 1)).isEmpty();
        assertThat(SepaRules.amount("amountCents", 99_999_999_999L)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -100, 100_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE})
    void amount_zeroNegativeOrAboveOneBillionEuros_isRefused(long cents) {
        assertThat(SepaRules.amount("transfers[0].amountCents", cents)).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.AMOUNT_OUT_OF_RANGE);
            assertThat(refusal.message()).contains("transfers[0].amountCents", Long.toString(cents));
        });
    }

    @Test
    void controlSumCents_isTheExactSum() {
        assertThat(SepaRules.controlSumCents(List.of(PHARMACY, NURSE))).hasValue(1_234_56 + 87_50);
    }

    @Test
    void check_controlSumOverflow_isRefusedBesidesTheAmounts() {
        CreditTransfer huge = new CreditTransfer("HUGE-1", Long.MAX_VALUE, "A", "DE89370400440532013000", null, null);
        CreditTransfer more = new CreditTransfer("HUGE-2", 1, "B", "DE89370400440532013000", null, null);

        assertThat(SepaRules.controlSumCents(List.of(huge, more))).isEmpty();
        assertThat(SepaRules.check(IsoFixtures.file(huge, more))).extracting(IsoRefusal::code)
                .containsExactly(IsoRefusal.AMOUNT_OUT_OF_RANGE, IsoRefusal.CONTROL_SUM_OVERFLOW);
    }

    @Test
    void check_refusalsOfTransfers_namePositionAndField() {
        CreditTransfer bad = new CreditTransfer("OK-ID", 5, "Name", "DE89370400440532013001", null, "Café");
        assertThat(SepaRules.check(IsoFixtures.file(PHARMACY, bad))).extracting(IsoRefusal::field)
                .containsExactly("transfers[1].creditorIban", "transfers[1].remittance");
    }

    @Test
    void check_badDebtorAndMessageId_areRefused() {
        PaymentFile file = new PaymentFile("//", IsoFixtures.CREATED_AT, new Party("", "FR00", "NOPE"),
                IsoFixtures.EXECUTION_DATE, List.of(NURSE));
        assertThat(SepaRules.check(file)).extracting(IsoRefusal::field)
                .containsExactly("messageId", "debtor.name", "debtor.iban", "debtor.bic");
    }

    @Test
    void check_duplicateEndToEndId_isRefused() {
        assertThat(SepaRules.check(IsoFixtures.file(PHARMACY, NURSE, PHARMACY))).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.DUPLICATE_END_TO_END_ID);
            assertThat(refusal.field()).isEqualTo("transfers[2].endToEndId");
        });
    }

    @Test
    void check_noTransferOrMoreThanTheMaximum_isRefused() {
        assertThat(SepaRules.check(IsoFixtures.file())).extracting(IsoRefusal::code)
                .containsExactly(IsoRefusal.TRANSFER_COUNT_OUT_OF_RANGE);
        List<CreditTransfer> tooMany = new ArrayList<>();
        for (int i = 0; i <= Pain001Writer.MAX_TRANSFERS_PER_FILE; i++) {
            tooMany.add(new CreditTransfer("T" + i, 1, "N", "DE89370400440532013000", null, null));
        }
        assertThat(SepaRules.check(IsoFixtures.file(tooMany.toArray(CreditTransfer[]::new))))
                .extracting(IsoRefusal::code).containsExactly(IsoRefusal.TRANSFER_COUNT_OUT_OF_RANGE);
    }
}
