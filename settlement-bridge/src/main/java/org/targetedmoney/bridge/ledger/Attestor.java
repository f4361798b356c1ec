package org.targetedmoney.bridge.ledger;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.core.TxResult;
import org.targetedmoney.wallet.settlement.RecordedAttestation;
import org.targetedmoney.wallet.settlement.SettlementAttestation;
import org.targetedmoney.wallet.settlement.SettlementClient;

/**
 * Posts a settlement batch's attestation on the ledger, idempotently: the ledger keeps one attestation per batch
 * hash and refuses the same hash again with {@code ALREADY_ATTESTED}, which this reports as done, so a bridge that
 * crashed after sending (or lost the answer) simply attests again. It checks that the attestation already on the
 * ledger has the same figures; the same hash with other figures is a bug of the caller, reported as refused.
 */
public final class Attestor {
    /** The ledger's code for a batch hash attested before. */
    public static final String ALREADY_ATTESTED = "ALREADY_ATTESTED";

    /** What became of an attestation. */
    public sealed interface Result {
        /** Attested now, by the transaction {@code txHash} in block {@code blockNumber}. */
        record Attested(String txHash, long blockNumber) implements Result {}

        /** The ledger already held this very attestation: nothing to do. */
        record AlreadyAttested(String batchHash) implements Result {}

        /** The ledger refused it; {@code code} is its stable rejection code (FORBIDDEN_ROLE, ...). */
        record Refused(String code, String detail) implements Result {}
    }

    private final SettlementClient client;

    public Attestor(SettlementClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Attests {@code batch} and says how it went; an {@link IOException} means the node could not be asked (or
     * did not answer in time): the caller retries, which is safe.
     */
    public Result attest(SettlementAttestation batch) throws IOException {
        try {
            TxResult sent = client.attest(batch);
            return new Result.Attested(sent.txHash(), sent.blockNumber());
        } catch (LedgerRejectedException e) {
            if (!e.code().equals(ALREADY_ATTESTED)) {
                return new Result.Refused(e.code(), e.detail());
            }
            return alreadyAttested(batch);
        } catch (LedgerRequestException e) {
            throw new IOException("attestation of batch " + batch.batchId() + " (" + batch.batchHash()
                    + ") could not be sent to the ledger node: " + e.getMessage(), e);
        }
    }

    private Result alreadyAttested(SettlementAttestation batch) throws IOException {
        Optional<RecordedAttestation> held;
        try {
            held = client.attestationOf(batch.batchHash());
        } catch (LedgerRequestException e) {
            throw new IOException("batch " + batch.batchHash() + " is already attested, but the attestation could"
                    + " not be read back from the ledger node: " + e.getMessage(), e);
        }
        if (held.isPresent() && held.get().attestation().equals(batch)) {
            return new Result.AlreadyAttested(batch.batchHash());
        }
        return new Result.Refused(ALREADY_ATTESTED, "batch " + batch.batchHash() + " was attested with other figures: "
                + held.map(RecordedAttestation::attestation).map(Object::toString).orElse("(not found)"));
    }
}
