package org.targetedmoney.bridge.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.engine.BridgeInput;
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
                new BridgeInput.Attested("B2026-11-02-abc", "0x" + "01".repeat(32)));

        for (BridgeInput in : inputs) {
            assertThat(JournalCodec.decode(JournalCodec.encode(in))).isEqualTo(in);
        }
    }

    @Test
    void decode_otherVersionOrGarbage_refusedLoudly() {
        assertThatThrownBy(() -> JournalCodec.decode("{\"v\":2,\"type\":\"cutoff\",\"reason\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("encoding version 2");
        assertThatThrownBy(() -> JournalCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> JournalCodec.decode("{\"v\":1,\"type\":\"teleport\"}"
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("unknown journal entry type 'teleport'");
    }
}
