package org.targetedmoney.wallet.auditor;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.Log;

/** Turns logs of the ledger contract into {@link LedgerEvent}s, with web3j's ABI decoder. */
public final class EventDecoder {
    static final Event ISSUED = new Event("Issued", List.of(new TypeReference<Uint32>(true) {},
            new TypeReference<Uint32>(true) {}, new TypeReference<Uint256>() {}, new TypeReference<Uint64>() {}));
    static final Event EXPIRED = new Event("Expired", List.of(new TypeReference<Uint32>(true) {},
            new TypeReference<Uint32>(true) {}, new TypeReference<Uint256>() {}));
    static final Event PAYMENT = new Event("Payment", List.of(new TypeReference<Address>(true) {},
            new TypeReference<Address>(true) {}, new TypeReference<Uint32>(true) {}, new TypeReference<Uint256>() {},
            new TypeReference<Bytes32>() {}, new TypeReference<Uint32>() {}));
    static final Event REDEEMED = new Event("Redeemed", List.of(new TypeReference<Address>(true) {},
            new TypeReference<Uint32>(true) {}, new TypeReference<Uint256>() {}, new TypeReference<Uint64>() {}));
    static final Event MEMBER_ENROLLED = new Event("MemberEnrolled", List.of(new TypeReference<Address>(true) {},
            new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {}, new TypeReference<Uint32>() {}));
    static final Event PROVIDER_CONVENTIONED = new Event("ProviderConventioned", List.of(
            new TypeReference<Address>(true) {}, new TypeReference<Uint32>(true) {}, new TypeReference<Utf8String>() {},
            new TypeReference<Uint32>() {}, new TypeReference<Uint32>() {}));

    static final Event CLAIM_PAID = new Event("ClaimPaid", List.of(new TypeReference<Address>(true) {},
            new TypeReference<Address>(true) {}, new TypeReference<Uint32>(true) {}, new TypeReference<Utf8String>() {},
            new TypeReference<Uint256>() {}, new TypeReference<Uint64>() {}, new TypeReference<Bytes32>() {}));
    public static final String CLAIM_PAID_TOPIC = EventEncoder.encode(CLAIM_PAID);

    static final Event CAPITATION_PAID = new Event("CapitationPaid", List.of(new TypeReference<Address>(true) {},
            new TypeReference<Uint32>(true) {}, new TypeReference<Uint32>(true) {}, new TypeReference<Uint64>() {},
            new TypeReference<Uint256>() {}, new TypeReference<Uint64>() {}));
    static final Event VOTED = new Event("Voted", List.of(new TypeReference<Uint64>(true) {},
            new TypeReference<Address>(true) {}, new TypeReference<org.web3j.abi.datatypes.Bool>() {}));
    static final Event PROPOSAL_STATUS_CHANGED = new Event("ProposalStatusChanged", List.of(
            new TypeReference<Uint64>(true) {}, new TypeReference<Uint8>() {}, new TypeReference<Utf8String>() {}));
    static final Event BUDGET_OVERRUN = new Event("BudgetOverrun", List.of(new TypeReference<Utf8String>() {},
            new TypeReference<Uint32>(true) {}, new TypeReference<Uint32>(true) {}, new TypeReference<Uint256>() {},
            new TypeReference<Uint256>() {}));

    static final Event SETTLEMENT_ATTESTED = new Event("SettlementAttested", List.of(
            new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Utf8String>() {},
            new TypeReference<Utf8String>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {},
            new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint64>() {},
            new TypeReference<Uint64>() {}, new TypeReference<Uint64>() {}));

    public static final String PAYMENT_TOPIC = EventEncoder.encode(PAYMENT);
    public static final String REDEEMED_TOPIC = EventEncoder.encode(REDEEMED);
    public static final String ISSUED_TOPIC = EventEncoder.encode(ISSUED);
    public static final String MEMBER_ENROLLED_TOPIC = EventEncoder.encode(MEMBER_ENROLLED);
    public static final String CAPITATION_PAID_TOPIC = EventEncoder.encode(CAPITATION_PAID);
    public static final String SETTLEMENT_ATTESTED_TOPIC = EventEncoder.encode(SETTLEMENT_ATTESTED);

    private EventDecoder() {}

    public static LedgerEvent decode(Log log) {
        long block = log.getBlockNumber().longValueExact();
        String topic0 = log.getTopics().get(0);
        if (topic0.equals(ISSUED_TOPIC)) {
            List<Type> d = data(log, ISSUED);
            return new LedgerEvent.Issued(block, topicInt(log, 1), topicInt(log, 2), num(d.get(0)), num(d.get(1)));
        } else if (topic0.equals(EventEncoder.encode(EXPIRED))) {
            return new LedgerEvent.Expired(block, topicInt(log, 1), topicInt(log, 2), num(data(log, EXPIRED).get(0)));
        } else if (topic0.equals(PAYMENT_TOPIC)) {
            var data = data(log, PAYMENT);
            return new LedgerEvent.Payment(block, topicAddress(log, 1), topicAddress(log, 2), topicInt(log, 3),
                    num(data.get(0)), (int) num(data.get(2)));
        } else if (topic0.equals(REDEEMED_TOPIC)) {
            List<Type> d = data(log, REDEEMED);
            return new LedgerEvent.Redeemed(block, topicAddress(log, 1), topicInt(log, 2), num(d.get(0)), num(d.get(1)));
        } else if (topic0.equals(MEMBER_ENROLLED_TOPIC)) {
            List<Type> d = data(log, MEMBER_ENROLLED);
            return new LedgerEvent.MemberEnrolled(block, topicAddress(log, 1), (String) d.get(0).getValue(),
                    (int) num(d.get(1)), (int) num(d.get(2)));
        } else if (topic0.equals(EventEncoder.encode(PROVIDER_CONVENTIONED))) {
            List<Type> d = data(log, PROVIDER_CONVENTIONED);
            return new LedgerEvent.ProviderConventioned(block, topicAddress(log, 1), topicInt(log, 2),
                    (String) d.get(0).getValue());
        }
        if (topic0.equals(CLAIM_PAID_TOPIC)) {
            List<Type> d = data(log, CLAIM_PAID);
            return new LedgerEvent.ClaimPaid(block, topicAddress(log, 1), topicAddress(log, 2), topicInt(log, 3),
                    (String) d.get(0).getValue(), num(d.get(1)), num(d.get(2)));
        }
        return decodeLater(log, block, topic0);
    }

    /** Events of capitation, governance, planning and settlement. */
    @SuppressWarnings("rawtypes")
    private static LedgerEvent decodeLater(Log log, long block, String topic0) {
        if (topic0.equals(CAPITATION_PAID_TOPIC)) {
            List<Type> d = data(log, CAPITATION_PAID);
            return new LedgerEvent.CapitationPaid(block, topicAddress(log, 1), topicInt(log, 2), topicInt(log, 3),
                    num(d.get(0)), num(d.get(1)));
        } else if (topic0.equals(EventEncoder.encode(VOTED))) {
            return new LedgerEvent.Voted(block, topicLong(log, 1), topicAddress(log, 2),
                    (Boolean) data(log, VOTED).get(0).getValue());
        } else if (topic0.equals(EventEncoder.encode(PROPOSAL_STATUS_CHANGED))) {
            List<Type> d = data(log, PROPOSAL_STATUS_CHANGED);
            return new LedgerEvent.ProposalStatusChanged(block, topicLong(log, 1), (int) num(d.get(0)),
                    (String) d.get(1).getValue());
        } else if (topic0.equals(EventEncoder.encode(BUDGET_OVERRUN))) {
            List<Type> d = data(log, BUDGET_OVERRUN);
            return new LedgerEvent.BudgetOverrun(block, (String) d.get(0).getValue(), topicInt(log, 1),
                    topicInt(log, 2), num(d.get(1)), num(d.get(2)));
        }
        if (topic0.equals(SETTLEMENT_ATTESTED_TOPIC)) {
            return settlementAttested(log, block);
        }
        return new LedgerEvent.Other(block, topic0);
    }

    @SuppressWarnings("rawtypes")
    private static LedgerEvent settlementAttested(Log log, long block) {
        List<Type> d = data(log, SETTLEMENT_ATTESTED);
        return new LedgerEvent.SettlementAttested(block, log.getTopics().get(1).toLowerCase(java.util.Locale.ROOT),
                topicAddress(log, 2), (String) d.get(0).getValue(), (String) d.get(1).getValue(), num(d.get(2)),
                num(d.get(3)), num(d.get(4)), num(d.get(5)), num(d.get(6)), num(d.get(7)), num(d.get(8)));
    }

    @SuppressWarnings("rawtypes")
    private static List<Type> data(Log log, Event event) {
        return FunctionReturnDecoder.decode(log.getData(), event.getNonIndexedParameters());
    }

    @SuppressWarnings("rawtypes")
    private static long num(Type t) {
        return ((BigInteger) t.getValue()).longValueExact();
    }

    private static int topicInt(Log log, int i) {
        return new BigInteger(log.getTopics().get(i).substring(2), 16).intValueExact();
    }

    private static long topicLong(Log log, int i) {
        return new BigInteger(log.getTopics().get(i).substring(2), 16).longValueExact();
    }

    private static String topicAddress(Log log, int i) {
        return "0x" + log.getTopics().get(i).substring(26);
    }
}
