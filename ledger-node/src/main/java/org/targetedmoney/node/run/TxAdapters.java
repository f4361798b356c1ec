package org.targetedmoney.node.run;

import io.vertx.core.json.JsonObject;
import org.targetedmoney.node.admission.AdmissionException;
import org.targetedmoney.node.api.Hex;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.policy.tx.DecodedTx;
import org.targetedmoney.policy.tx.RlpReader;
import org.targetedmoney.policy.tx.SenderRecovery;
import org.targetedmoney.policy.tx.TxDecoder;
import org.targetedmoney.policy.tx.TxRejectedException;
import org.targetedmoney.policy.abi.AbiException;
import org.targetedmoney.policy.abi.CallDecoder;
import org.targetedmoney.policy.model.Address;

/** Connects the transaction codec to admission (verify), the applier (parse) and the RPC (render). */
final class TxAdapters {
    private final TxDecoder decoder;
    private final SenderRecovery recovery;

    TxAdapters(TxDecoder decoder, SenderRecovery recovery) {
        this.decoder = decoder;
        this.recovery = recovery;
    }

    /** Admission: every check that needs no ledger state, including that the call data decodes. */
    OrderedTx verify(byte[] raw) throws AdmissionException {
        try {
            DecodedTx tx = decoder.decode(raw);
            Address sender = recovery.recover(tx);
            CallDecoder.decode(tx.to(), tx.data());
            return new OrderedTx(raw, tx.txHash(), sender, tx.nonce(), tx.to(), tx.data());
        } catch (TxRejectedException e) {
            throw AdmissionException.refused(e.code() + ": " + e.getMessage());
        } catch (AbiException e) {
            throw AdmissionException.refused(e.getMessage());
        }
    }

    /** Applier: re-parse an ordered transaction; its sender was recovered at admission. */
    OrderedTx parse(byte[] raw, Address sender) {
        try {
            DecodedTx tx = decoder.decode(raw);
            return new OrderedTx(raw, tx.txHash(), sender, tx.nonce(), tx.to(), tx.data());
        } catch (TxRejectedException e) {
            throw new IllegalArgumentException("an ordered transaction does not parse: " + e.getMessage(), e);
        }
    }

    /** The access list of a type-2 transaction (already checked by the decoder), as [{address, storageKeys}]. */
    static io.vertx.core.json.JsonArray accessList(byte[] raw) {
        RlpReader fields = new RlpReader(raw, 1, raw.length - 1).nextList();
        for (int i = 0; i < 8; i++) { // chainId, nonce, tip, fee cap, gas, to, value, data
            fields.skip();
        }
        io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
        RlpReader list = fields.nextList();
        while (list.hasNext()) {
            RlpReader entry = list.nextList();
            String address = Hex.data(entry.readBytes());
            io.vertx.core.json.JsonArray keys = new io.vertx.core.json.JsonArray();
            RlpReader storageKeys = entry.nextList();
            while (storageKeys.hasNext()) {
                keys.add(Hex.data(storageKeys.readBytes()));
            }
            out.add(new JsonObject().put("address", address).put("storageKeys", keys));
        }
        return out;
    }

    /** RPC: the signed fields of a stored transaction, as eth_getTransactionByHash shows them. */
    JsonObject render(byte[] raw) {
        DecodedTx tx = decoder.decode(raw);
        JsonObject o = new JsonObject()
                .put("type", Hex.quantity(tx.type()))
                .put("chainId", Hex.quantity(tx.chainId()))
                .put("nonce", Hex.quantity(tx.nonce()))
                .put("gas", Hex.quantity(tx.gasLimit()))
                .put("gasPrice", Hex.quantity(tx.gasPrice()))
                .put("to", tx.to().toHex())
                .put("value", "0x0")
                .put("input", Hex.data(tx.data()))
                .put("v", Hex.quantity(tx.v()))
                .put("r", Hex.quantity(new java.math.BigInteger(1, tx.r())))
                .put("s", Hex.quantity(new java.math.BigInteger(1, tx.s())));
        if (tx.type() == DecodedTx.TYPE_EIP1559) {
            o.put("maxFeePerGas", Hex.quantity(tx.maxFeePerGas()))
                    .put("maxPriorityFeePerGas", Hex.quantity(tx.maxPriorityFeePerGas()))
                    .put("yParity", Hex.quantity(tx.recId()))
                    .put("accessList", accessList(raw));
        }
        return o;
    }
}
