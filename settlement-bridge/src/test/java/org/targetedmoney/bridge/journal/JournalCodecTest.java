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
