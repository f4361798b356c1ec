package org.targetedmoney.wallet.governance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.core.TxResult;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * What a member of a governance body does: propose an action (any ledger call the body may decide, built
 * with {@code LedgerAbi}), vote, and execute an approved proposal once its delay has passed. The creation
 * of bodies is the authority's.
 */
public final class GovernanceClient {
    /** Kinds of body, as {@code createBody} numbers them. */
    public static final int NATIONAL = 0;
    public static final int LOCAL = 1;
    private static final String PROPOSAL_CREATED = EventEncoder.encode(new Event("ProposalCreated", List.of(
            new TypeReference<Uint64>(true) {}, new TypeReference<Uint32>(true) {}, new TypeReference<Address>(true) {},
            new TypeReference<Uint32>() {}, new TypeReference<Uint64>() {}, new TypeReference<Uint32>() {})));
    private static final String BODY_CREATED = EventEncoder.encode(new Event("BodyCreated", List.of(
            new TypeReference<Uint32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Utf8String>() {},
            new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {}, new TypeReference<Uint32>() {},
            new TypeReference<Uint32>() {})));

    private final LedgerConnection ledger;
    private final Credentials account;

    public GovernanceClient(LedgerConnection ledger, Credentials account) {
        this.ledger = ledger;
        this.account = account;
    }

    /** A body as {@code bodyOf} shows it; {@code account} is the address it acts through. */
    public record Body(int id, String name, String territory, int kind, String account, int quorum,
                       List<String> members) {}

    /** A proposal as {@code proposalOf} shows it; {@code status} is open, approved, executed, rejected, failed or expired. */
    public record Proposal(long id, int body, String proposer, String status, int effectiveFromEpoch,
                           long executableAtSeconds, int lastVotingEpoch, int approvals, int rejections,
                           String outcome) {}

    /** Creates a body (the authority only); returns its id. */
    public int createBody(String name, String territory, int kind, List<String> members, int quorum)
            throws LedgerRejectedException, LedgerRequestException {
        TxResult r = ledger.transact(account, new Function("createBody", List.of(new Utf8String(name),
                new Utf8String(territory), new Uint8(kind), addresses(members), new Uint32(quorum)), List.of()));
        return (int) firstTopicOf(r, BODY_CREATED);
    }

    /** Proposes that {@code body} performs {@code action}; the proposer's approval counts. Returns the proposal id. */
    public long propose(int body, Function action, int effectiveFromEpoch, long delaySeconds, int votingEpochs)
            throws LedgerRejectedException, LedgerRequestException {
        byte[] data = Numeric.hexStringToByteArray(FunctionEncoder.encode(action));
        TxResult r = ledger.transact(account, new Function("propose", List.of(new Uint32(body), new DynamicBytes(data),
                new Uint32(effectiveFromEpoch), new Uint64(delaySeconds), new Uint32(votingEpochs)), List.of()));
        return firstTopicOf(r, PROPOSAL_CREATED);
    }

    /** Proposes an action that runs as soon as the quorum approves, with votes taken this epoch and the next. */
    public long propose(int body, Function action) throws LedgerRejectedException, LedgerRequestException {
        return propose(body, action, 0, 0, 2);
    }

    public TxResult vote(long proposal, boolean approve) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, new Function("vote", List.of(new Uint64(proposal), new Bool(approve)),
                List.of()));
    }

    public TxResult execute(long proposal) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, new Function("executeProposal", List.of(new Uint64(proposal)), List.of()));
    }

    public TxResult setBodyMembers(int body, List<String> members, int quorum)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, new Function("setBodyMembers", List.of(new Uint32(body), addresses(members),
                new Uint32(quorum)), List.of()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public Body body(int id) throws LedgerRequestException {
        List<Type> out = ledger.call(new Function("bodyOf", List.of(new Uint32(id)), List.of(
                new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                new TypeReference<Address>() {}, new TypeReference<Uint32>() {},
                new TypeReference<DynamicArray<Address>>() {})));
        List<String> members = new ArrayList<>();
        for (Address a : ((DynamicArray<Address>) out.get(5)).getValue()) {
            members.add(a.getValue());
        }
        return new Body(id, (String) out.get(0).getValue(), (String) out.get(1).getValue(), intOf(out.get(2)),
                (String) out.get(3).getValue(), intOf(out.get(4)), members);
    }

    @SuppressWarnings("rawtypes")
    public Proposal proposal(long id) throws LedgerRequestException {
        List<Type> out = ledger.call(new Function("proposalOf", List.of(new Uint64(id)), List.of(
                new TypeReference<Uint32>() {}, new TypeReference<Address>() {}, new TypeReference<DynamicBytes>() {},
                new TypeReference<Uint8>() {}, new TypeReference<Uint32>() {}, new TypeReference<Uint64>() {},
                new TypeReference<Uint32>() {}, new TypeReference<Uint32>() {}, new TypeReference<Uint32>() {},
                new TypeReference<Utf8String>() {})));
        return new Proposal(id, intOf(out.get(0)), (String) out.get(1).getValue(), status(intOf(out.get(3))),
                intOf(out.get(4)), longOf(out.get(5)), intOf(out.get(6)), intOf(out.get(7)), intOf(out.get(8)),
                (String) out.get(9).getValue());
    }

    private static String status(int code) {
        String[] names = {"open", "approved", "executed", "rejected", "failed", "expired"};
        return code >= 0 && code < names.length ? names[code] : "unknown(" + code + ")";
    }

    private static DynamicArray<Address> addresses(List<String> members) {
        List<Address> list = new ArrayList<>(members.size());
        members.forEach(m -> list.add(new Address(m)));
        return new DynamicArray<>(Address.class, list);
    }

    /** The first indexed argument of the event {@code eventTopic} in an applied transaction's logs. */
    private static long firstTopicOf(TxResult r, String eventTopic) {
        for (Log log : r.logs()) {
            if (!log.getTopics().isEmpty() && log.getTopics().get(0).equalsIgnoreCase(eventTopic)) {
                return Numeric.toBigInt(log.getTopics().get(1)).longValueExact();
            }
        }
        throw new IllegalStateException("applied transaction " + r.txHash() + " has no log with topic " + eventTopic);
    }

    @SuppressWarnings("rawtypes")
    private static int intOf(Type t) {
        return ((BigInteger) t.getValue()).intValueExact();
    }

    @SuppressWarnings("rawtypes")
    private static long longOf(Type t) {
        return ((BigInteger) t.getValue()).longValueExact();
    }
}
