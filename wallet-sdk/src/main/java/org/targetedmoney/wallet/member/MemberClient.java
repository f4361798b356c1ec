package org.targetedmoney.wallet.member;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.wallet.auditor.EventDecoder;
import org.targetedmoney.wallet.auditor.EventQuery;
import org.targetedmoney.wallet.auditor.LedgerEvent;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.core.TxResult;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;

/** What a member does: read credit per purpose (with expiry) and pay conventioned providers. */
public final class MemberClient {
    private final LedgerConnection ledger;
    private final Credentials member;

    public MemberClient(LedgerConnection ledger, Credentials member) {
        this.ledger = ledger;
        this.member = member;
    }

    public String address() {
        return member.getAddress();
    }

    /** Spendable credit for a purpose, in cents (credit not yet touched included: issuance is lazy). */
    public long balance(int purpose) throws LedgerRequestException {
        return LedgerAbi.asLong(ledger.call(LedgerAbi.balanceOf(member.getAddress(), purpose)).get(0));
    }

    /** Live credit per epoch, oldest first: the order in which payments spend it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<Bucket> buckets(int purpose) throws LedgerRequestException {
        List<Type> out = ledger.call(LedgerAbi.bucketsOf(member.getAddress(), purpose));
        List<Type> epochs = ((DynamicArray) out.get(0)).getValue();
        List<Type> amounts = ((DynamicArray) out.get(1)).getValue();
        List<Type> expiries = ((DynamicArray) out.get(2)).getValue();
        List<Bucket> buckets = new ArrayList<>(epochs.size());
        for (int i = 0; i < epochs.size(); i++) {
            buckets.add(new Bucket((int) LedgerAbi.asLong(epochs.get(i)), LedgerAbi.asLong(amounts.get(i)),
                    (int) LedgerAbi.asLong(expiries.get(i))));
        }
        return buckets;
    }

    /** This member's payments, oldest first (Payment events where the member is the payer). */
    public List<LedgerEvent> payments() throws LedgerRequestException {
        return EventQuery.events(ledger, null, null, EventDecoder.PAYMENT_TOPIC, EventQuery.topic(member.getAddress()));
    }

    /** Pays a provider conventioned for {@code purpose}; {@code paymentRef} is 32 bytes (an invoice id). */
    public TxResult pay(String provider, int purpose, long amountCents, byte[] paymentRef)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(member, LedgerAbi.pay(provider, purpose, amountCents, paymentRef));
    }

    /** Chooses the provider paid by capitation for a purpose (the member's "médecin traitant"). */
    public TxResult choosePractitioner(String provider, int purpose)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(member, LedgerAbi.choosePractitioner(provider, purpose));
    }

    /** Pays for a product category: a shop conventioned for some categories only accepts those. */
    public TxResult payInCategory(String provider, int purpose, int category, long amountCents, byte[] paymentRef)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(member, LedgerAbi.payInCategory(provider, purpose, category, amountCents, paymentRef));
    }
}
