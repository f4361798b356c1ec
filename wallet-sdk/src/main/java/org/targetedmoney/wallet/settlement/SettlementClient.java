package org.targetedmoney.wallet.settlement;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.core.TxResult;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * What the settlement bridge does on the ledger: attest the euro settlement of a batch (its account must hold
 * the BRIDGE role), and read attestations back. An attestation is kept once per batch hash: sending the same one
 * again is refused with {@code ALREADY_ATTESTED}, so a bridge that crashed after sending may simply resend.
 */
public final class SettlementClient {
    private final LedgerConnection ledger;
    private final Credentials bridge;

    public SettlementClient(LedgerConnection ledger, Credentials bridge) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
    }

    /** The bridge's account, 0x and lower case. */
    public String address() {
        return bridge.getAddress().toLowerCase(Locale.ROOT);
    }

    /**
     * Attests a batch; returns once it is in a block. Throws {@link LedgerRejectedException} with the ledger's
     * code when refused ({@code FORBIDDEN_ROLE}, {@code ALREADY_ATTESTED}, {@code ATTESTATION_TOTALS_MISMATCH},
     * {@code INVALID_AMOUNT}, {@code INVALID_ARGUMENT}).
     */
    public TxResult attest(SettlementAttestation a) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(bridge, LedgerAbi.attestSettlement(a.batchHashBytes(), a.batchId(), a.window(),
                a.totalCents(), a.contributionsCents(), a.publicAccountsCents(), a.monetaryCreationCents(),
                a.lineCount(), a.firstBlock(), a.lastBlock()));
    }

    /** The batch attested under {@code batchHash} (0x and 64 hex digits), if any. */
    @SuppressWarnings("rawtypes")
    public Optional<RecordedAttestation> attestationOf(String batchHash) throws LedgerRequestException {
        if (batchHash == null || !batchHash.matches("0x[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("a batch hash is 0x and 64 hex digits, got " + batchHash);
        }
        List<Type> v = ledger.call(LedgerAbi.attestationOf(Numeric.hexStringToByteArray(batchHash)));
        if (!(Boolean) v.get(0).getValue()) {
            return Optional.empty();
        }
        SettlementAttestation a = new SettlementAttestation(batchHash, (String) v.get(1).getValue(),
                (String) v.get(2).getValue(), num(v.get(3)), num(v.get(4)), num(v.get(5)), num(v.get(6)),
                num(v.get(7)), num(v.get(8)), num(v.get(9)));
        return Optional.of(new RecordedAttestation(a, ((String) v.get(10).getValue()).toLowerCase(Locale.ROOT)));
    }

    /** Totals of every attested batch per funding source. */
    @SuppressWarnings("rawtypes")
    public SettlementTotals settlementTotals() throws LedgerRequestException {
        List<Type> v = ledger.call(LedgerAbi.settlementTotals());
        return new SettlementTotals(num(v.get(0)), num(v.get(1)), num(v.get(2)), num(v.get(3)), num(v.get(4)));
    }

    @SuppressWarnings("rawtypes")
    private static long num(Type t) {
        return LedgerAbi.asLong(t);
    }
}
