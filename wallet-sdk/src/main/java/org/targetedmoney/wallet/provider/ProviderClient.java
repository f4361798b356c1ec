package org.targetedmoney.wallet.provider;

import java.util.List;
import org.targetedmoney.wallet.auditor.EventDecoder;
import org.targetedmoney.wallet.auditor.EventQuery;
import org.targetedmoney.wallet.auditor.LedgerEvent;
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

    /** Payments received, oldest first (Payment events where this account is the provider). */
    public List<LedgerEvent> incomingPayments() throws LedgerRequestException {
        return EventQuery.events(ledger, null, null, EventDecoder.PAYMENT_TOPIC, null,
                EventQuery.topic(provider.getAddress()));
    }

    /** Redemptions made, oldest first: what the settlement bridge owes in euros. */
    public List<LedgerEvent> redemptions() throws LedgerRequestException {
        return EventQuery.events(ledger, null, null, EventDecoder.REDEEMED_TOPIC,
                EventQuery.topic(provider.getAddress()));
    }

    /**
     * Files a claim for an act done for an enrolled member (health at 100 %): the fund pays it directly, up
     * to the act's tariff ({@code ABOVE_TARIFF} otherwise); {@code claimRef} (32 bytes) makes it payable once.
     */
    public TxResult fileClaim(String member, int purpose, String actCode, long amountCents, byte[] claimRef)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(provider, LedgerAbi.fileClaim(member, purpose, actCode, amountCents, claimRef));
    }

    /** Redeems units; the {@code Redeemed} event is what the settlement bridge pays in euros. */
    /** Claims the capitation of the current epoch: registered patients times the rate, paid once. */
    public TxResult claimCapitation(int purpose, int epoch) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(provider, LedgerAbi.claimCapitation(purpose, epoch));
    }

    public TxResult redeem(int purpose, long amountCents) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(provider, LedgerAbi.redeem(purpose, amountCents));
    }
}
