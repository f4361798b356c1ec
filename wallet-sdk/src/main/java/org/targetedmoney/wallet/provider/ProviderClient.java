package org.targetedmoney.wallet.provider;

import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.core.TxResult;
import org.web3j.crypto.Credentials;

/** What a conventioned provider does: see what it was paid, and redeem units for euro settlement. */
public final class ProviderClient {
    private final LedgerConnection ledger;
    private final Credentials provider;

    public ProviderClient(LedgerConnection ledger, Credentials provider) {
        this.ledger = ledger;
        this.provider = provider;
    }

    public String address() {
        return provider.getAddress();
    }

    /** Units received for a purpose and not yet redeemed, in cents. */
    public long balance(int purpose) throws LedgerRequestException {
        return LedgerAbi.asLong(ledger.call(LedgerAbi.balanceOf(provider.getAddress(), purpose)).get(0));
    }

    /** Redeems units; the {@code Redeemed} event is what the settlement bridge pays in euros. */
    public TxResult redeem(int purpose, long amountCents) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(provider, LedgerAbi.redeem(purpose, amountCents));
    }
}
