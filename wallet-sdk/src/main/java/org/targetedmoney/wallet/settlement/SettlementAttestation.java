package org.targetedmoney.wallet.settlement;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.web3j.utils.Numeric;

/**
 * What the bridge attests of a settlement batch (see {@code attestSettlement} in ITargetedMoney.sol). The ledger
 * checks the figures (sources add up to the total, blocks already on the chain); this record only checks the
 * shape of the hash, so that a wrong one fails here and not as an encoding error.
 *
 * @param batchHash             0x and 64 hex digits (kept in lower case): the batch's identity on the ledger
 * @param batchId               the batch's id (1..35 printable ASCII characters, as in its pain.001 file)
 * @param window                the settlement window (1..16 printable ASCII characters, e.g. 2026-11)
 * @param totalCents            euro cents paid by the batch
 * @param contributionsCents    the part funded by contributions
 * @param publicAccountsCents   the part funded by public accounts
 * @param monetaryCreationCents the part funded by debt-free monetary creation
 * @param lineCount             ledger lines (redemptions, claims, capitations) the batch pays
 * @param firstBlock            the first ledger block those lines come from
 * @param lastBlock             the last one
 */
public record SettlementAttestation(String batchHash, String batchId, String window, long totalCents,
                                    long contributionsCents, long publicAccountsCents, long monetaryCreationCents,
                                    long lineCount, long firstBlock, long lastBlock) {
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    public SettlementAttestation {
        Objects.requireNonNull(batchHash, "batchHash");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(window, "window");
        if (!HASH.matcher(batchHash).matches()) {
            throw new IllegalArgumentException("a batch hash is 0x and 64 hex digits, got " + batchHash);
        }
        batchHash = batchHash.toLowerCase(Locale.ROOT);
    }

    /** The 32 bytes of {@link #batchHash}. */
    public byte[] batchHashBytes() {
        return Numeric.hexStringToByteArray(batchHash);
    }
}
