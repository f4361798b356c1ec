package org.targetedmoney.wallet.settlement;

import java.util.Objects;

/** An attestation as the ledger keeps it: what was attested, and the (lower-case 0x) account that attested it. */
public record RecordedAttestation(SettlementAttestation attestation, String bridge) {
    public RecordedAttestation {
        Objects.requireNonNull(attestation, "attestation");
        Objects.requireNonNull(bridge, "bridge");
    }
}
