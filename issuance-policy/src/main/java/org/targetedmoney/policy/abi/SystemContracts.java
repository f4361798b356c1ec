package org.targetedmoney.policy.abi;

import org.targetedmoney.policy.model.Address;

/** Fixed addresses of the system contracts. Part of the protocol: never change them. */
public final class SystemContracts {
    /** The ledger's contract ({@code ITargetedMoney.sol}). */
    public static final Address LEDGER = Address.fromHex("0x0000000000000000000000000000000000001000");
    private static final int TOKEN_MARKER_BYTE = 16;
    private static final byte TOKEN_MARKER = 0x20;
    /** Purpose ids are encoded in the last 3 bytes of a token address. */
    public static final int MAX_TOKEN_PURPOSE = (1 << 24) - 1;

    private SystemContracts() {}

    /** The ERC-20 read facade of a purpose: {@code 0x00…0020} then the purpose id on 3 bytes. */
    public static Address tokenAddress(int purpose) {
        if (purpose < 1 || purpose > MAX_TOKEN_PURPOSE) {
            throw new IllegalArgumentException("purpose id out of range: " + purpose);
        }
        byte[] b = new byte[Address.LENGTH];
        b[TOKEN_MARKER_BYTE] = TOKEN_MARKER;
        b[17] = (byte) (purpose >>> 16);
        b[18] = (byte) (purpose >>> 8);
        b[19] = (byte) purpose;
        return Address.of(b);
    }

    /** The purpose whose facade lives at {@code a}, or -1 if {@code a} is not a token address. */
    public static int purposeOfToken(Address a) {
        byte[] b = a.toBytes();
        for (int i = 0; i < TOKEN_MARKER_BYTE; i++) {
            if (b[i] != 0) {
                return -1;
            }
        }
        if (b[TOKEN_MARKER_BYTE] != TOKEN_MARKER) {
            return -1;
        }
        int id = ((b[17] & 0xFF) << 16) | ((b[18] & 0xFF) << 8) | (b[19] & 0xFF);
        return id == 0 ? -1 : id;
    }
}
