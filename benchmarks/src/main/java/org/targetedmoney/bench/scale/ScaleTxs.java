package org.targetedmoney.bench.scale;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.targetedmoney.node.chain.BatchEntry;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.node.ledger.TxParser;
import org.targetedmoney.policy.tx.DecodedTx;
import org.targetedmoney.policy.tx.TxDecoder;
import org.targetedmoney.policy.tx.TxRejectedException;
import org.targetedmoney.policy.abi.SystemContracts;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * Real signed type-2 transactions and the Raft entries that carry them, as the node's applier receives
 * them: the sender travels in the entry (admission recovered it), so one key signs for everyone.
 */
final class ScaleTxs {
    /** Gas is not metered, but a transaction must name a limit: the wallet SDK's. */
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(1_000_000);
    private static final TxDecoder DECODER = new TxDecoder(ScaleGenesis.CHAIN_ID);

    private ScaleTxs() {}

    /** What the node's applier does with an ordered raw transaction (TxAdapters.parse): decode, no recovery. */
    static final TxParser PARSER = (raw, sender) -> {
        try {
            DecodedTx tx = DECODER.decode(raw);
            return new OrderedTx(raw, tx.txHash(), sender, tx.nonce(), tx.to(), tx.data());
        } catch (TxRejectedException e) {
            throw new IllegalArgumentException("an ordered transaction does not parse: " + e.getMessage(), e);
        }
    };

    static byte[] openEpoch(int epoch, long nonce) {
        return sign(LedgerAbi.openEpoch(epoch), nonce);
    }

    /** {@code paymentRef} is the shop's reference of the sale (32 bytes); distinct refs give distinct hashes. */
    static byte[] pay(Address provider, int purpose, long amountCents, byte[] paymentRef, long nonce) {
        return sign(LedgerAbi.pay(provider.toHex(), purpose, amountCents, paymentRef), nonce);
    }

    /** One Raft entry holding one transaction of {@code sender}, proposed at {@code timestampSeconds}. */
    static byte[] entry(long timestampSeconds, Address sender, byte[] raw) {
        return new BatchEntry(timestampSeconds, ScaleGenesis.AUTHORITY, List.of(sender), List.of(raw)).encode();
    }

    static OrderedTx ordered(Address sender, byte[] raw) {
        return PARSER.parse(raw, sender);
    }

    /** 00:00:00 UTC on the first day of monthly epoch {@code epoch}. */
    static long epochStartSeconds(int epoch) {
        LocalDate first = LocalDate.of(1970 + Math.floorDiv(epoch, 12), Math.floorMod(epoch, 12) + 1, 1);
        return first.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    private static byte[] sign(Function call, long nonce) {
        RawTransaction tx = RawTransaction.createTransaction(ScaleGenesis.CHAIN_ID, BigInteger.valueOf(nonce),
                GAS_LIMIT, SystemContracts.LEDGER.toHex(), BigInteger.ZERO, FunctionEncoder.encode(call),
                BigInteger.ZERO, BigInteger.ZERO);
        return TransactionEncoder.signMessage(tx, ScaleGenesis.SIGNER);
    }
}
