package org.targetedmoney.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.model.Address;

class BatchEntryTest {
    private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000000a1");
    private static final Address PROPOSER = Address.fromHex("0x0000000000000000000000000000000000000099");

    @Test
    void encode_thenDecode_givesTheSameEntry() {
        BatchEntry entry = new BatchEntry(5, PROPOSER, List.of(ALICE), List.of(new byte[] {9, 8}));

        assertThat(BatchEntry.decode(entry.encode())).usingRecursiveComparison().isEqualTo(entry);
    }
}
