package org.targetedmoney.node.tx;

import org.targetedmoney.policy.tx.DecodedTx;
import org.targetedmoney.policy.tx.SenderRecovery;
import org.targetedmoney.policy.tx.TxDecoder;
import org.targetedmoney.policy.tx.TxRejectedException;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.targetedmoney.policy.model.Address;

/**
 * Hostile bytes: whatever arrives, the decoder and both recoveries either succeed or throw
 * {@link TxRejectedException} (any other exception fails the property), and the two recoveries
 * never disagree.
 */
class TxDecoderFuzzProperties {
    private static final TxDecoder DECODER = new TxDecoder(TxFixtures.CHAIN_ID);
    private static final SenderRecovery NATIVE = SenderRecoveries.nativeIfAvailable().orElseThrow();
    private static final SenderRecovery BC = SenderRecovery.bouncyCastle();
    private static final List<byte[]> SEEDS = List.of(TxFixtures.payment1559(), TxFixtures.paymentLegacy());

    @Property(tries = 3000)
    void randomBytes_onlyTxRejectedException(@ForAll @Size(max = 400) byte[] raw) {
        admitOrReject(raw);
    }

    /** Random bytes behind a plausible first byte, so the parser gets past the type check. */
    @Property(tries = 3000)
    void randomBodies_onlyTxRejectedException(@ForAll("plausiblePrefix") byte first,
            @ForAll @Size(max = 300) byte[] body) {
        byte[] raw = new byte[body.length + 1];
        raw[0] = first;
        System.arraycopy(body, 0, raw, 1, body.length);
        admitOrReject(raw);
    }

    @Property(tries = 3000)
    void mutatedValidTransactions_onlyTxRejectedException(@ForAll("mutants") byte[] raw) {
        Statistics.label("outcome").collect(admitOrReject(raw));
        // Mutated call data still decodes (to another sender): make sure that path is exercised.
        Statistics.label("outcome").coverage(c -> {
            c.check("ADMITTED").percentage(p -> p > 3);
            c.check("MALFORMED_RLP").percentage(p -> p > 10);
        });
    }

    @Provide
    Arbitrary<Byte> plausiblePrefix() {
        return Arbitraries.of((byte) 0x02, (byte) 0xf8, (byte) 0xf9, (byte) 0xc0, (byte) 0xf7, (byte) 0xff);
    }

    /** A valid transaction with one to four bytes overwritten, inserted, deleted, or cut off. */
    @Provide
    Arbitrary<byte[]> mutants() {
        Arbitrary<byte[]> seed = Arbitraries.of(SEEDS).map(byte[]::clone);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 400);
        Arbitrary<Byte> value = Arbitraries.bytes();
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        Arbitrary<int[]> edit = Combinators.combine(kind, position, value.map(b -> (int) b))
                .as((k, p, v) -> new int[] {k, p, v});
        return Combinators.combine(seed, edit.list().ofMinSize(1).ofMaxSize(4)).as((raw, edits) -> {
            byte[] out = raw;
            for (int[] e : edits) {
                out = apply(out, e[0], e[1], (byte) e[2]);
            }
            return out;
        });
    }

    private static byte[] apply(byte[] raw, int kind, int position, byte value) {
        if (raw.length == 0) {
            return new byte[] {value};
        }
        int at = position % raw.length;
        return switch (kind) {
            case 0 -> { byte[] c = raw.clone(); c[at] = value; yield c; }
            case 1 -> { byte[] c = new byte[raw.length + 1];
                System.arraycopy(raw, 0, c, 0, at); c[at] = value;
                System.arraycopy(raw, at, c, at + 1, raw.length - at); yield c; }
            case 2 -> { byte[] c = new byte[raw.length - 1];
                System.arraycopy(raw, 0, c, 0, at);
                System.arraycopy(raw, at + 1, c, at, raw.length - at - 1); yield c; }
            default -> Arrays.copyOf(raw, at);
        };
    }

    /** Returns "ADMITTED" or the refusal code. */
    private static String admitOrReject(byte[] raw) {
        DecodedTx tx;
        try {
            tx = DECODER.decode(raw);
        } catch (TxRejectedException expected) {
            assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(400);
            return expected.code().name();
        }
        assertThat(tx.raw()).isEqualTo(raw);
        assertThat(recoverOrNull(NATIVE, tx)).isEqualTo(recoverOrNull(BC, tx));
        return "ADMITTED";
    }

    private static Address recoverOrNull(SenderRecovery recovery, DecodedTx tx) {
        try {
            return recovery.recover(tx);
        } catch (TxRejectedException e) {
            assertThat(e.code()).isEqualTo(TxRejectedException.Code.BAD_SIGNATURE);
            return null;
        }
    }
}
