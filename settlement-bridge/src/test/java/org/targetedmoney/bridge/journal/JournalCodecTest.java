package org.targetedmoney.bridge.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.FirmPayee;
import org.targetedmoney.bridge.engine.Payee;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.bridge.receipt.BankReceipt;
import org.targetedmoney.bridge.settlement.BankOutcome;

class JournalCodecTest {
    @Test
    void decode_everyInputKind_givesBackTheSameInput() {
        List<BridgeInput> inputs = List.of(
                new BridgeInput.LinesRead(List.of(new LedgerLine(7, 2, "0x" + "cd".repeat(32), 1_794_045_600L,
                        "0x00000000000000000000000000000000000000aa", 3, LineKind.CAPITATION, 123_456, 11)),
                        8, 0, 9, 1_794_045_700L),
                new BridgeInput.CreditReceived(new FundingCredit("state", SourceKind.PUBLIC_ACCOUNT,
                        YearMonth.of(2026, 11), Long.MAX_VALUE, "credit-é-1")),
                new BridgeInput.Cutoff("end of demo"),
                new BridgeInput.CutPayments("TM-000001", 1_794_045_700L, LocalDate.of(2026, 11, 3)),
                new BridgeInput.BankOutcomes("CAMT-1", "camt.054", List.of(
                        new BankOutcome.Booked("B1-1", 10, "REF"),
                        new BankOutcome.Rejected("B2-1", "AC01"),
                        new BankOutcome.Returned("B3-1", 30, "MD07"))),
                new BridgeInput.Attested("B2026-11-02-abc", "0x" + "01".repeat(32)),
                new BridgeInput.FirmDeclared(new FirmDeclaration("decl-2026-11-a", YearMonth.of(2026, 11),
                        "111111118", -500_000, 1_250), false,
                        new FirmPayee("Société Atelier", "FR7630006000011234567890189", "")),
                new BridgeInput.FirmDeclared(new FirmDeclaration("decl-2026-11-b", YearMonth.of(2026, 11),
                        "222222226", FirmDeclaration.MAX_ABS_VALUE_ADDED_CENTS, FirmDeclaration.MAX_FTE_HUNDREDTHS),
                        true, new FirmPayee("Boulangerie B", "DE89370400440532013000", "COBADEFFXXX")),
                new BridgeInput.ReceiptsBooked("CAMT054-7", List.of(
                        new BankReceipt("FR76|2026-11-03|N-1|c-1|4000", "FR7630006000011234567890189", 4_000, "EUR",
                                LocalDate.of(2026, 11, 3), "c-1", "SSA c-1 novembre é"),
                        new BankReceipt("CAMT054-7#1", "FR7630006000011234567890189", Long.MAX_VALUE, "EUR",
                                LocalDate.of(2026, 11, 3), null, null))),
                new BridgeInput.ReceiptsBooked("CAMT054-8", List.of()),
                new BridgeInput.FirmDeclared(new FirmDeclaration("decl-2026-11-c", YearMonth.of(2026, 11),
                        "333333334", 1, 1), false, new FirmPayee("Cooperative C", "BE68539007547034", "",
                        java.util.Optional.of(new FirmPayee.Mandate("IEF-C/2026-1", LocalDate.of(2026, 1, 31))))),
                new BridgeInput.FundBankOutcomes("CAMT-FUND-1", "pain.002", List.of(
                        new BankOutcome.Booked("ief-2026-11-111111118", 786_000, ""),
                        new BankOutcome.Rejected("ief-2026-11-222222226-r2", "AC04"),
                        new BankOutcome.Returned("ief-2026-11-333333334-1", 30, "MD06"))),
                new BridgeInput.PayeeChanged(new Payee("0x00000000000000000000000000000000000000aa",
                        "Epicerie du coin", "DE89370400440532013000", "COBADEFFXXX"), "alice-ops"),
                new BridgeInput.Reissue("B2026-11-02-abc", 3, ""),
                new BridgeInput.Abandon("B2026-11-02-abc", 0, "provider closed down, créance abandonnée", "bob"));

        for (BridgeInput in : inputs) {
            assertThat(JournalCodec.decode(JournalCodec.encode(in))).isEqualTo(in);
        }
    }

    @Test
    void encode_firmDeclared_namesEveryFieldExplicitly() {
        String json = new String(JournalCodec.encode(new BridgeInput.FirmDeclared(new FirmDeclaration("d-1",
                YearMonth.of(2026, 11), "111111118", 10_000_000, 1_000), true,
                new FirmPayee("Atelier A", "FR7630006000011234567890189", ""))), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"v\":1,\"type\":\"firm\",\"correction\":true,\"declaration\":{\"id\":\"d-1\","
                + "\"period\":\"2026-11\",\"firm\":\"111111118\",\"valueAddedCents\":10000000,\"fteHundredths\":1000},"
                + "\"payee\":{\"name\":\"Atelier A\",\"iban\":\"FR7630006000011234567890189\",\"bic\":\"\"}}");
    }

    @Test
    void decode_creditAndBankEntriesWrittenBeforeReceiptsExisted_stillRead() {
        // entries as a store from before money-received matching holds them, byte for byte
        BridgeInput credit = JournalCodec.decode(("{\"v\":1,\"type\":\"credit\",\"credit\":{\"account\":"
                + "\"ssa-members\",\"kind\":\"contributions\",\"period\":\"2026-11\",\"cents\":4000,"
                + "\"ref\":\"c-1\"}}").getBytes(StandardCharsets.UTF_8));
        BridgeInput bank = JournalCodec.decode(("{\"v\":1,\"type\":\"bank\",\"messageId\":\"CAMT-1\","
                + "\"kind\":\"camt.054\",\"outcomes\":[{\"e2e\":\"B1-1\",\"status\":\"booked\",\"cents\":10,"
                + "\"bankRef\":\"N1\"}]}").getBytes(StandardCharsets.UTF_8));

        assertThat(credit).isEqualTo(new BridgeInput.CreditReceived(new FundingCredit("ssa-members",
                SourceKind.CONTRIBUTIONS, YearMonth.of(2026, 11), 4_000, "c-1")));
        assertThat(bank).isEqualTo(new BridgeInput.BankOutcomes("CAMT-1", "camt.054",
                List.of(new BankOutcome.Booked("B1-1", 10, "N1"))));
    }

    @Test
    void encode_receipts_omitsAbsentReferences() {
        String json = new String(JournalCodec.encode(new BridgeInput.ReceiptsBooked("M-1", List.of(
                new BankReceipt("M-1#0", "FR7630006000011234567890189", 100, "EUR", LocalDate.of(2026, 11, 3), null,
                        null)))), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"v\":1,\"type\":\"receipts\",\"messageId\":\"M-1\",\"receipts\":[{\"id\":"
                + "\"M-1#0\",\"iban\":\"FR7630006000011234567890189\",\"cents\":100,\"ccy\":\"EUR\",\"booked\":"
                + "\"2026-11-03\"}]}");
    }

    @Test
    void encode_payeeWithMandate_addsTheMandateOnly() {
        String json = new String(JournalCodec.encode(new BridgeInput.FirmDeclared(new FirmDeclaration("d-1",
                YearMonth.of(2026, 11), "111111118", 10_000_000, 1_000), false,
                new FirmPayee("Atelier A", "FR7630006000011234567890189", "", java.util.Optional.of(
                        new FirmPayee.Mandate("M-1", LocalDate.of(2026, 10, 1)))))), StandardCharsets.UTF_8);

        assertThat(json).endsWith("\"payee\":{\"name\":\"Atelier A\",\"iban\":\"FR7630006000011234567890189\","
                + "\"bic\":\"\",\"mandate\":{\"id\":\"M-1\",\"signedOn\":\"2026-10-01\"}}}");
    }

    @Test
    void decode_declarationJournaledBeforeMandates_readsAsPayeeWithoutMandate() {
        byte[] old = ("{\"v\":1,\"type\":\"firm\",\"correction\":false,\"declaration\":{\"id\":\"d-1\","
                + "\"period\":\"2026-11\",\"firm\":\"111111118\",\"valueAddedCents\":1,\"fteHundredths\":1},"
                + "\"payee\":{\"name\":\"Atelier A\",\"iban\":\"FR7630006000011234567890189\",\"bic\":\"\"}}")
                .getBytes(StandardCharsets.UTF_8);

        BridgeInput.FirmDeclared decoded = (BridgeInput.FirmDeclared) JournalCodec.decode(old);

        assertThat(decoded.payee()).isEqualTo(new FirmPayee("Atelier A", "FR7630006000011234567890189", ""));
        assertThat(decoded.payee().mandate()).isEmpty();
    }

    @Test
    void decode_entryWrittenBeforeOperatorsInputs_stillReads() {
        byte[] old = ("{\"v\":1,\"type\":\"cut\",\"messageId\":\"TM000000000001\",\"createdAt\":1794045700,"
                + "\"executionDate\":\"2026-11-03\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(JournalCodec.decode(old)).isEqualTo(new BridgeInput.CutPayments("TM000000000001", 1_794_045_700L,
                LocalDate.of(2026, 11, 3)));
    }

    @Test
    void encode_operatorsInputs_nameEveryFieldExplicitly() {
        String abandon = new String(JournalCodec.encode(new BridgeInput.Abandon("B1", 2, "gone", "ops")),
                StandardCharsets.UTF_8);

        assertThat(abandon).isEqualTo("{\"v\":1,\"type\":\"abandon\",\"batchId\":\"B1\",\"transfer\":2,"
                + "\"reason\":\"gone\",\"operator\":\"ops\"}");
    }

    @Test
    void decode_otherVersionOrGarbage_refusedLoudly() {
        assertThatThrownBy(() -> JournalCodec.decode("{\"v\":2,\"type\":\"cutoff\",\"reason\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("encoding version 2");
        assertThatThrownBy(() -> JournalCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> JournalCodec.decode("{\"v\":1,\"type\":\"teleport\"}"
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("unknown journal entry type 'teleport'");
        assertThatThrownBy(() -> JournalCodec.decode(("{\"v\":1,\"type\":\"credit\",\"credit\":{\"account\":\"a\","
                + "\"kind\":\"loan\",\"period\":\"2026-11\",\"cents\":1,\"ref\":\"r\"}}").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown funding kind 'loan'").hasMessageContaining("in the journal");
    }
}
