package org.targetedmoney.policy.abi;

import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.StateView;

/** The ERC-20 read facade of one purpose: name, symbol, decimals (2: cents), supply in circulation, balances. */
final class TokenViews {
    static final int DECIMALS = 2;

    private TokenViews() {}

    static byte[] call(StateView view, int purpose, byte[] data) throws AbiException {
        Entity.Purpose p = view.purpose(purpose);
        if (p == null) {
            throw new AbiException("UNKNOWN_PURPOSE: no purpose " + purpose + " behind this token address");
        }
        if (data.length < 4) {
            throw new AbiException("call data of " + data.length + " bytes has no 4-byte function selector");
        }
        TokenFunction f = TokenFunction.bySelector(Selectors.read(data));
        if (f == null) {
            throw new AbiException(String.format(
                    "unknown function selector 0x%08x for a purpose token (read-only ERC-20 facade)",
                    Selectors.read(data)));
        }
        AbiReader r = new AbiReader(data, 4, f.signature());
        return switch (f) {
            case NAME -> new AbiWriter().string(p.name()).toBytes();
            case SYMBOL -> new AbiWriter().string(p.symbol()).toBytes();
            case DECIMALS -> new AbiWriter().uint(DECIMALS).toBytes();
            case TOTAL_SUPPLY -> new AbiWriter().uint(circulating(view.totals(purpose))).toBytes();
            case BALANCE_OF -> new AbiWriter().uint(Views.balance(view, r.address(0), purpose)).toBytes();
        };
    }

    /** Units in circulation: held by members or providers, i.e. issued - redeemed - expired. */
    private static long circulating(Entity.PurposeTotals t) {
        return t.issuedCents() - t.redeemedCents() - t.expiredCents();
    }
}
