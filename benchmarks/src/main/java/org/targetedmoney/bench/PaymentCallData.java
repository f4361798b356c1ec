package org.targetedmoney.bench;

import org.targetedmoney.policy.abi.LedgerFunction;
import org.targetedmoney.policy.model.Address;

/** ABI call data of {@code pay(address,uint32,uint256,bytes32)} built by hand, for benchmark workloads. */
final class PaymentCallData {
    private PaymentCallData() {}

    static byte[] pay(Address provider, int purpose, long amountCents) {
        byte[] data = new byte[4 + 4 * 32];
        int sel = LedgerFunction.PAY.selector();
        data[0] = (byte) (sel >>> 24);
        data[1] = (byte) (sel >>> 16);
        data[2] = (byte) (sel >>> 8);
        data[3] = (byte) sel;
        provider.writeTo(data, 4 + 12);
        putLong(data, 4 + 32, purpose);
        putLong(data, 4 + 64, amountCents);
        return data;
    }

    private static void putLong(byte[] data, int wordStart, long v) {
        for (int i = 0; i < 8; i++) {
            data[wordStart + 31 - i] = (byte) (v >>> (8 * i));
        }
    }
}
