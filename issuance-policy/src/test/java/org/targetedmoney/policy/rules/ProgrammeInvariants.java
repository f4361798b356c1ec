package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.targetedmoney.policy.abi.CallDecoder;
import org.targetedmoney.policy.call.ActionDecoder;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.ProposalStatus;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.rules.Programmes.Step;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.Body;
import org.targetedmoney.policy.state.Entity.Bucket;
import org.targetedmoney.policy.state.Entity.ClaimsPaid;
import org.targetedmoney.policy.state.Entity.Convention;
import org.targetedmoney.policy.state.Entity.Member;
import org.targetedmoney.policy.state.Entity.Proposal;
import org.targetedmoney.policy.state.Entity.PurposeTotals;
import org.targetedmoney.policy.state.MemoryState;
import org.targetedmoney.policy.state.StateRoots;
import org.targetedmoney.policy.state.StateView;

/**
 * What must hold after every step of any programme. Each invariant judges one played {@link Step} against
 * the state before it, and keeps what it needs of the story so far (sums of events, claims already paid,
 * executions). They are written from the wording and the events, not from the rules' code, so that
 * they are a second opinion rather than a copy.
 */
final class ProgrammeInvariants {
    private ProgrammeInvariants() {}

    interface Invariant {
        /** The state the story starts from, before its first step. */
        default void start(MemoryState initial) {}

        void check(Step step);
    }

    // ------------------------------------------------------------------ conservation

    /**
     * Conservation per purpose. Allowance units: {@code issued = member balances + provider balances + redeemed
     * + expired}, recomputed from every member and provider ({@link Conservation#check}), and each total equal
     * to the sum of its events since the start (Issued, Payment, Redeemed, Expired). Entitlement units (claims,
     * health at 100 %) are issued and paid in the same step: {@code claimsPaid} equals the sum of ClaimPaid
     * events, and a claim touches no balance nor total, so the identity {@code issued (+ claims) =
     * members + providers + redeemed + expired (+ claims paid)} holds with both sides counted apart.
     */
    static final class UnitsConserved implements Invariant {
        private final Map<Integer, PurposeTotals> startTotals = new HashMap<>();
        private final Map<Integer, ClaimsPaid> startClaims = new HashMap<>();
        /** Per purpose: issued, expired, paid to providers, redeemed, claims paid, claim count. */
        private final Map<Integer, long[]> sums = new TreeMap<>();

        @Override
        public void start(MemoryState initial) {
            for (int p = 1; p <= initial.meta().purposeCount(); p++) {
                startTotals.put(p, initial.totals(p));
                startClaims.put(p, initial.claimsPaid(p));
            }
        }

        @Override
        public void check(Step step) {
            for (Conservation.PurposeReport r : Conservation.check(step.after())) {
                assertThat(r.problems()).as("conservation of %s after %s", r.symbol(), step).isEmpty();
            }
            for (LedgerEvent e : step.events()) {
                switch (e) {
                    case LedgerEvent.Issued i -> add(i.purpose(), 0, i.amountCents());
                    case LedgerEvent.Expired x -> add(x.purpose(), 1, x.amountCents());
                    case LedgerEvent.Payment p -> add(p.purpose(), 2, p.amountCents());
                    case LedgerEvent.Redeemed r -> add(r.purpose(), 3, r.amountCents());
                    case LedgerEvent.ClaimPaid c -> {
                        add(c.purpose(), 4, c.amountCents());
                        add(c.purpose(), 5, 1);
                    }
                    default -> { }
                }
            }
            StateView after = step.after();
            for (int p = 1; p <= after.meta().purposeCount(); p++) {
                PurposeTotals t = after.totals(p);
                PurposeTotals t0 = startTotals.getOrDefault(p, new PurposeTotals(p, 0, 0, 0, 0, 0));
                long[] s = sums.getOrDefault(p, new long[6]);
                assertThat(List.of(t.issuedCents(), t.expiredCents(), t.spentCents(), t.redeemedCents(),
                        t.providerBalancesCents()))
                        .as("purpose %d totals (issued, expired, spent, redeemed, provider balances) = the start "
                                + "plus the events since, after %s", p, step)
                        .containsExactly(t0.issuedCents() + s[0], t0.expiredCents() + s[1], t0.spentCents() + s[2],
                                t0.redeemedCents() + s[3], t0.providerBalancesCents() + s[2] - s[3]);
                ClaimsPaid c = after.claimsPaid(p);
                ClaimsPaid c0 = startClaims.getOrDefault(p, new ClaimsPaid(p, 0, 0));
                assertThat(List.of(c.paidCents(), c.count()))
                        .as("purpose %d claims paid (cents, count) = the ClaimPaid events, after %s", p, step)
                        .containsExactly(c0.paidCents() + s[4], c0.count() + s[5]);
            }
            if (step.applied() && step.call() instanceof Call.FileClaim) {
                assertThat(step.writes()).as("a claim is paid by the fund: no balance nor total moves (%s)", step)
                        .allMatch(w -> w instanceof ClaimsPaid || w instanceof Entity.ClaimRecord
                                || w instanceof Entity.TerritorySpending);
            }
        }

        private void add(int purpose, int index, long amount) {
            sums.computeIfAbsent(purpose, k -> new long[6])[index] += amount;
        }
    }

    // ------------------------------------------------------------------ no negative balance

    /**
     * No member bucket, member balance, provider balance, total or epoch counter is ever negative, and money
     * moves exactly: a payment takes its amount from the member's balance (which covered it) to the
     * provider's; a redemption takes it from the provider's balance (which covered it).
     */
    static final class NothingNegative implements Invariant {
        @Override
        public void check(Step step) {
            MemoryState after = step.after();
            for (Entity e : after.all()) {
                switch (e) {
                    case Member m -> {
                        for (Bucket b : m.buckets()) {
                            assertThat(b.amountCents()).as("stored bucket %s of %s after %s", b, m.address(), step)
                                    .isPositive();
                        }
                        for (Bucket b : MemberCredit.liveBuckets(after, m)) {
                            assertThat(b.amountCents()).as("live bucket %s of %s after %s", b, m.address(), step)
                                    .isNotNegative();
                        }
                    }
                    case Entity.ProviderBalance b -> assertThat(b.amountCents())
                            .as("balance of provider %s for purpose %d after %s", b.provider(), b.purpose(), step)
                            .isNotNegative();
                    case PurposeTotals t -> assertThat(List.of(t.issuedCents(), t.spentCents(), t.redeemedCents(),
                            t.expiredCents(), t.providerBalancesCents(), t.memberBalancesCents()))
                            .as("totals %s after %s", t, step).allMatch(v -> v >= 0);
                    case Entity.EpochCounters c -> assertThat(List.of(c.issuedCents(), c.spentCents(),
                            c.expiredCents(), c.unspentCents()))
                            .as("epoch counters %s after %s", c, step).allMatch(v -> v >= 0);
                    case ClaimsPaid c -> assertThat(List.of(c.paidCents(), c.count()))
                            .as("claims paid %s after %s", c, step).allMatch(v -> v >= 0);
                    default -> { }
                }
            }
            MemoryState before = step.before();
            for (LedgerEvent.Payment p : step.events(LedgerEvent.Payment.class)) {
                long had = MemberCredit.balance(before, before.member(p.member()), p.purpose());
                assertThat(had).as("the balance covered %s (%s)", p, step).isGreaterThanOrEqualTo(p.amountCents());
                assertThat(MemberCredit.balance(after, after.member(p.member()), p.purpose()))
                        .as("member balance after %s", step).isEqualTo(had - p.amountCents());
                assertThat(after.providerBalance(p.provider(), p.purpose())).as("provider balance after %s", step)
                        .isEqualTo(before.providerBalance(p.provider(), p.purpose()) + p.amountCents());
            }
            for (LedgerEvent.Redeemed r : step.events(LedgerEvent.Redeemed.class)) {
                long had = before.providerBalance(r.provider(), r.purpose());
                assertThat(had).as("the provider balance covered %s", step).isGreaterThanOrEqualTo(r.amountCents());
                assertThat(after.providerBalance(r.provider(), r.purpose())).as("provider balance after %s", step)
                        .isEqualTo(had - r.amountCents());
            }
        }
    }

    // ------------------------------------------------------------------ payments and claims

    /** A convention lets {@code provider} be paid for {@code purpose} for this member in this epoch. */
    static boolean conventionAllows(StateView view, Address provider, int purpose, Member member, int epoch) {
        Convention c = view.convention(provider, purpose);
        return c != null && !c.suspended() && c.validFromEpoch() <= epoch && epoch <= c.validUntilEpoch()
                && Territory.covers(c.territory(), member.territory());
    }

    /**
     * Every applied Payment goes from the sending member to a provider whose convention for that purpose was,
     * in the state before the step, in force in the block's epoch, not suspended, and over a territory covering
     * the member's. And the other way round, so that the rule is not met by refusing everything: a payment is
     * applied exactly when the member is enrolled, the amount positive, the purpose known, the provider not the
     * member, the convention allows it and the balance covers it.
     */
    static final class PaymentsToConventionedProviders implements Invariant {
        @Override
        public void check(Step step) {
            MemoryState before = step.before();
            int epoch = step.ctx().timeEpoch();
            for (LedgerEvent.Payment p : step.events(LedgerEvent.Payment.class)) {
                assertThat(p.member()).as("the payer of %s", step).isEqualTo(step.tx().sender());
                Member m = before.member(p.member());
                assertThat(m).as("the payer was enrolled (%s)", step).isNotNull();
                assertThat(conventionAllows(before, p.provider(), p.purpose(), m, epoch))
                        .as("%s was conventioned for purpose %d, in force in epoch %d, not suspended, covering %s:"
                                + " %s (%s)", p.provider(), p.purpose(), epoch, m.territory(),
                                before.convention(p.provider(), p.purpose()), step).isTrue();
            }
            if (step.call() instanceof Call.Pay pay) {
                Member m = before.member(step.tx().sender());
                boolean allowed = m != null && pay.amountCents() > 0 && before.purpose(pay.purpose()) != null
                        && !pay.provider().equals(step.tx().sender())
                        && conventionAllows(before, pay.provider(), pay.purpose(), m, epoch)
                        && MemberCredit.balance(before, m, pay.purpose()) >= pay.amountCents();
                assertThat(step.applied()).as("a payment is applied exactly when it is allowed: %s", step)
                        .isEqualTo(allowed);
            }
        }
    }

    /**
     * Every ClaimPaid goes to the sending provider, conventioned for the purpose for the member (as for a
     * payment), for an enrolled member other than itself, for an act that had a tariff, paid a positive amount
     * no higher than that tariff, never twice for the same provider and claim reference, with claim ids
     * counting up. And a claim is applied exactly when all that allows it.
     */
    static final class ClaimsWithinTariff implements Invariant {
        private final Set<String> paid = new HashSet<>();

        @Override
        public void start(MemoryState initial) {
            for (Entity e : initial.all()) {
                if (e instanceof Entity.ClaimRecord r) {
                    paid.add(r.provider() + "/" + r.claimRefHex());
                }
            }
        }

        @Override
        public void check(Step step) {
            MemoryState before = step.before();
            int epoch = step.ctx().timeEpoch();
            if (step.call() instanceof Call.FileClaim c) {
                Address provider = step.tx().sender();
                Entity.Account account = before.account(provider);
                Member m = before.member(c.member());
                Entity.Tariff tariff = before.tariff(c.purpose(), c.actCode());
                boolean allowed = account != null && account.has(Role.PROVIDER)
                        && before.purpose(c.purpose()) != null && m != null && !c.member().equals(provider)
                        && c.claimRefHex().matches("[0-9a-f]{64}")
                        && conventionAllows(before, provider, c.purpose(), m, epoch)
                        && tariff != null && c.amountCents() > 0 && c.amountCents() <= tariff.maxAmountCents()
                        && !paid.contains(provider + "/" + c.claimRefHex());
                assertThat(step.applied()).as("a claim is paid exactly when it is allowed: %s", step)
                        .isEqualTo(allowed);
            }
            for (LedgerEvent.ClaimPaid c : step.events(LedgerEvent.ClaimPaid.class)) {
                assertThat(c.provider()).as("the claimant of %s", step).isEqualTo(step.tx().sender());
                Member m = before.member(c.member());
                assertThat(m).as("the patient was enrolled (%s)", step).isNotNull();
                assertThat(c.member()).as("a provider never claims for itself").isNotEqualTo(c.provider());
                assertThat(conventionAllows(before, c.provider(), c.purpose(), m, epoch))
                        .as("%s was conventioned for purpose %d covering %s in epoch %d (%s)", c.provider(),
                                c.purpose(), m.territory(), epoch, step).isTrue();
                Entity.Tariff tariff = before.tariff(c.purpose(), c.actCode());
                assertThat(tariff).as("act %s had a tariff (%s)", c.actCode(), step).isNotNull();
                assertThat(c.amountCents()).as("claim paid within the tariff %s (%s)", tariff, step)
                        .isPositive().isLessThanOrEqualTo(tariff.maxAmountCents());
                assertThat(paid.add(c.provider() + "/" + c.claimRefHex()))
                        .as("claim %s of %s paid only once (%s)", c.claimRefHex(), c.provider(), step).isTrue();
                assertThat(c.claimId()).as("claim ids count up").isEqualTo(before.claimsPaid(c.purpose()).count() + 1);
            }
        }
    }

    // ------------------------------------------------------------------ rejections and failures

    /**
     * A rejected call changes nothing: the state after it is, entity for entity, the state before it (the
     * rules read the live state, so this would catch a rule writing into it), hence the same state root (the
     * root itself is compared at the first refusal of each story; computing it at every step would make the
     * property slow, and the determinism property compares roots after every step). And a proposal whose
     * action the rules refuse at execution is recorded as FAILED with the refusal's code, while nothing of its
     * action is kept: the step writes only proposals (and the proposal counter) and announces only governance
     * events.
     */
    static final class RejectionsLeaveNoTrace implements Invariant {
        private boolean rootCompared;

        @Override
        public void check(Step step) {
            if (step.rejected()) {
                assertThat(List.copyOf(step.after().all())).as("the state after the rejected %s", step)
                        .isEqualTo(List.copyOf(step.before().all()));
                if (!rootCompared) {
                    assertThat(StateRoots.root(step.after().all())).as("state root after the rejected %s", step)
                            .isEqualTo(StateRoots.root(step.before().all()));
                    rootCompared = true;
                }
                Rejection r = ((Outcome.Rejected) step.outcome()).rejection();
                assertThat(r.reasonText()).startsWith(r.code().name() + ": ");
            }
            List<LedgerEvent.ProposalStatusChanged> changes = step.events(LedgerEvent.ProposalStatusChanged.class);
            for (LedgerEvent.ProposalStatusChanged f : changes) {
                if (f.status() == ProposalStatus.FAILED.code()) {
                    assertThat(f.reason()).as("why proposal %d failed (%s)", f.proposal(), step)
                            .matches("[A-Z_]+: .+");
                    assertThat(RejectionCode.valueOf(f.reason().substring(0, f.reason().indexOf(':')))).isNotNull();
                }
            }
            boolean failed = changes.stream().anyMatch(e -> e.status() == ProposalStatus.FAILED.code());
            boolean executed = changes.stream().anyMatch(e -> e.status() == ProposalStatus.EXECUTED.code());
            if (failed && !executed) {
                // No action ran to its end in this step: besides proposals, only the call itself may have
                // written (a change of members, which settles the body's open proposals).
                boolean membersChanged = step.call() instanceof Call.SetBodyMembers;
                assertThat(step.writes()).as("a failed action leaves only its proposal (%s)", step)
                        .allMatch(w -> w instanceof Proposal || w instanceof Entity.GovernanceMeta
                                || w instanceof Entity.BodyAgenda || membersChanged && w instanceof Body);
                assertThat(step.events()).as("a failed action announces only governance (%s)", step)
                        .allMatch(e -> e instanceof LedgerEvent.ProposalCreated || e instanceof LedgerEvent.Voted
                                || e instanceof LedgerEvent.ProposalStatusChanged
                                || membersChanged && e instanceof LedgerEvent.BodyMembersChanged);
            }
        }
    }

    // ------------------------------------------------------------------ governance

    static boolean ended(int status) {
        return status == ProposalStatus.EXECUTED.code() || status == ProposalStatus.REJECTED.code()
                || status == ProposalStatus.FAILED.code();
    }

    static long countIn(List<Address> votes, Body body) {
        return votes.stream().filter(body.members()::contains).count();
    }

    /**
     * Proposals follow their life cycle, whatever the calls: OPEN -> APPROVED or REJECTED, APPROVED -> EXECUTED
     * or FAILED, nothing else, and every change of status is announced. A proposal is approved (hence executed)
     * only when the approvals of the body's current members reach its quorum, and never by a refusing vote;
     * rejected only when the refusals of current members make the quorum unreachable, and never by an
     * approving vote; it is run only once its delay and effective epoch have come; it is executed at most once;
     * once EXECUTED, REJECTED or FAILED it never changes again (not even its votes). Only a current member, who
     * has not voted yet, may propose or vote, and only while the proposal is open and within its voting period;
     * a vote that leaves it open leaves it below the quorum, with the quorum still reachable.
     */
    static final class ProposalLifeCycle implements Invariant {
        private final Map<Long, Integer> executions = new HashMap<>();

        @Override
        public void check(Step step) {
            MemoryState before = step.before();
            MemoryState after = step.after();
            for (Entity e : before.all()) {
                if (e instanceof Proposal p && ended(p.status())) {
                    assertThat(after.proposal(p.id())).as("an ended proposal never changes (%s)", step).isEqualTo(p);
                }
            }
            Map<Long, Integer> status = new HashMap<>();
            for (LedgerEvent e : step.events()) {
                switch (e) {
                    case LedgerEvent.ProposalCreated c -> {
                        assertThat(before.proposal(c.proposal())).as("a new proposal id").isNull();
                        assertThat(c.proposer()).isEqualTo(step.tx().sender());
                        assertThat(Programmes.membersOf(before, c.body())).as("only a member proposes (%s)", step)
                                .contains(c.proposer());
                        status.put(c.proposal(), ProposalStatus.OPEN.code());
                    }
                    case LedgerEvent.Voted v -> {
                        assertThat(v.voter()).isEqualTo(step.tx().sender());
                        Proposal p = before.proposal(v.proposal());
                        if (p != null) {
                            assertThat(Programmes.membersOf(before, p.body())).as("only a member votes (%s)", step)
                                    .contains(v.voter());
                            assertThat(p.status()).as("votes go to open proposals (%s)", step)
                                    .isEqualTo(ProposalStatus.OPEN.code());
                            assertThat(step.ctx().timeEpoch()).as("votes come in the voting period (%s)", step)
                                    .isLessThanOrEqualTo(p.lastVotingEpoch());
                            assertThat(p.approvals()).as("one vote per member (%s)", step).doesNotContain(v.voter());
                            assertThat(p.rejections()).as("one vote per member (%s)", step).doesNotContain(v.voter());
                        }
                    }
                    case LedgerEvent.ProposalStatusChanged c -> {
                        long id = c.proposal();
                        int from = status.containsKey(id) ? status.get(id) : before.proposal(id).status();
                        assertThat(allowed(from, c.status())).as("proposal %d went from %s to %s (%s)", id,
                                ProposalStatus.ofCode(from), ProposalStatus.ofCode(c.status()), step).isTrue();
                        status.put(id, c.status());
                        judge(step, after.proposal(id), c.status());
                    }
                    default -> { }
                }
            }
            for (Map.Entry<Long, Integer> s : status.entrySet()) {
                assertThat(after.proposal(s.getKey()).status())
                        .as("stored status of proposal %d (%s)", s.getKey(), step)
                        .isEqualTo(s.getValue());
            }
            for (Entity w : step.writes()) {
                if (w instanceof Proposal p && !status.containsKey(p.id())) {
                    assertThat(p.status()).as("a status changes only with an event (%s)", step)
                            .isEqualTo(before.proposal(p.id()).status());
                }
            }
            long voted = step.call() instanceof Call.Vote v ? v.proposal()
                    : step.call() instanceof Call.Propose ? before.governanceMeta().proposalCount() + 1 : 0;
            Proposal stillOpen = step.applied() ? after.proposal(voted) : null;
            if (stillOpen != null && stillOpen.status() == ProposalStatus.OPEN.code()) {
                Body b = before.body(stillOpen.body());
                assertThat(countIn(stillOpen.approvals(), b)).as("still open: below the quorum (%s)", step)
                        .isLessThan(b.quorum());
                assertThat(countIn(stillOpen.rejections(), b)).as("still open: the quorum is reachable (%s)", step)
                        .isLessThanOrEqualTo(b.members().size() - b.quorum());
            }
        }

        private static boolean allowed(int from, int to) {
            int open = ProposalStatus.OPEN.code();
            int approved = ProposalStatus.APPROVED.code();
            return from == open && (to == approved || to == ProposalStatus.REJECTED.code())
                    || from == approved && (to == ProposalStatus.EXECUTED.code() || to == ProposalStatus.FAILED.code());
        }

        /**
         * The memberships (members and quorum) a body had during a step: before it, after it, and any set in
         * between by the step's own setBodyMembers or by an action run in the step (when a change of members
         * settles open proposals, one of them may change the members again).
         */
        private static List<Body> membershipsDuring(Step step, int body) {
            List<Body> out = new ArrayList<>();
            List<Call> calls = new ArrayList<>();
            calls.add(step.call());
            for (LedgerEvent.ProposalStatusChanged c : step.events(LedgerEvent.ProposalStatusChanged.class)) {
                if (c.status() == ProposalStatus.EXECUTED.code()) {
                    calls.add(decode(step.after().proposal(c.proposal()).actionHex()));
                }
            }
            for (Call call : calls) {
                if (call instanceof Call.SetBodyMembers m && m.body() == body && m.quorum() >= 1
                        && m.quorum() <= m.members().size()) {
                    out.add(new Body(body, "", "", 0, m.members(), m.quorum()));
                }
            }
            out.add(step.before().body(body));
            out.add(step.after().body(body));
            return out;
        }

        private static Call decode(String actionHex) {
            try {
                return CallDecoder.ACTIONS.decode(HexFormat.of().parseHex(actionHex));
            } catch (ActionDecoder.InvalidActionException e) {
                throw new AssertionError("an executed action decodes: " + e.getMessage(), e);
            }
        }

        /**
         * Judges a change of status. "Current members" are those the body had at some moment of the step
         * ({@link #membershipsDuring}): a decision must be justified by a membership that held then.
         */
        private void judge(Step step, Proposal p, int to) {
            List<Body> memberships = membershipsDuring(step, p.body());
            if (to == ProposalStatus.APPROVED.code()) {
                assertThat(step.call() instanceof Call.Vote v && !v.approve())
                        .as("a refusing vote never approves proposal %d (%s)", p.id(), step).isFalse();
                assertThat(memberships.stream().anyMatch(b -> countIn(p.approvals(), b) >= b.quorum()))
                        .as("approvals %s of proposal %d reach the quorum of the current members: %s (%s)",
                                p.approvals(), p.id(), memberships, step)
                        .isTrue();
                assertThat(p.approvedAtSeconds()).isEqualTo(step.ctx().timestampSeconds());
            } else if (to == ProposalStatus.REJECTED.code()) {
                assertThat(step.call() instanceof Call.Vote v && v.approve())
                        .as("an approving vote never rejects proposal %d (%s)", p.id(), step).isFalse();
                assertThat(memberships.stream()
                        .anyMatch(b -> countIn(p.rejections(), b) > b.members().size() - b.quorum()))
                        .as("refusals %s of proposal %d make the quorum of the current members unreachable: %s (%s)",
                                p.rejections(), p.id(), memberships, step)
                        .isTrue();
            } else {
                assertThat(step.ctx().timestampSeconds()).as("run after its delay (%s)", step)
                        .isGreaterThanOrEqualTo(p.approvedAtSeconds() + p.delaySeconds());
                assertThat(step.ctx().timeEpoch()).as("run from its effective epoch (%s)", step)
                        .isGreaterThanOrEqualTo(p.effectiveFromEpoch());
                if (to == ProposalStatus.EXECUTED.code()) {
                    assertThat(executions.merge(p.id(), 1, Integer::sum)).as("proposal %d executed once", p.id())
                            .isEqualTo(1);
                }
            }
        }
    }

    /**
     * A local committee never touches a territory outside its scope, whether it acts in person (an account
     * with the COMMITTEE role) or as a local body executing a proposal: every convention it writes covers only
     * territories under its own, it never overrides or suspends a convention decided for a wider or another
     * area, and it writes nothing else but the PROVIDER role of a provider it conventions and its own members.
     */
    static final class LocalBodiesStayInTheirTerritory implements Invariant {
        @Override
        public void check(Step step) {
            if (!step.applied()) {
                return;
            }
            MemoryState before = step.before();
            for (LedgerEvent.ProposalStatusChanged c : step.events(LedgerEvent.ProposalStatusChanged.class)) {
                if (c.status() != ProposalStatus.EXECUTED.code()) {
                    continue;
                }
                Body body = before.body(step.after().proposal(c.proposal()).body());
                if (body.kind() == BodyKind.LOCAL.code()) {
                    withinScope(step, body.territory(), body.id());
                }
            }
            Entity.Account sender = before.account(step.tx().sender());
            boolean committee = sender != null && sender.has(Role.COMMITTEE) && !sender.has(Role.AUTHORITY);
            if (committee && !(step.call() instanceof Call.Vote || step.call() instanceof Call.Propose
                    || step.call() instanceof Call.ExecuteProposal)) {
                withinScope(step, sender.scopeTerritory(), 0);
            }
        }

        private static void withinScope(Step step, String scope, int ownBody) {
            MemoryState before = step.before();
            Set<Address> conventioned = new HashSet<>();
            for (Entity w : step.writes()) {
                if (w instanceof Convention c) {
                    conventioned.add(c.provider());
                    assertThat(Territory.covers(scope, c.territory()))
                            .as("the committee of %s wrote a convention in %s (%s)", scope, c.territory(), step)
                            .isTrue();
                    Convention old = before.convention(c.provider(), c.purpose());
                    assertThat(old == null || Territory.covers(scope, old.territory()))
                            .as("the committee of %s changed a convention of %s (%s)", scope,
                                    old == null ? "" : old.territory(), step).isTrue();
                }
            }
            for (Entity w : step.writes()) {
                switch (w) {
                    case Convention c -> { }
                    case Proposal p -> { }
                    case Entity.GovernanceMeta g -> { }
                    case Entity.Account a -> assertThat(conventioned)
                            .as("the committee of %s changed the roles of %s (%s)", scope, a.address(), step)
                            .contains(a.address());
                    case Body b -> assertThat(b.id())
                            .as("the committee of %s changed body %d (%s)", scope, b.id(), step)
                            .isEqualTo(ownBody);
                    case Entity.BodyAgenda a -> assertThat(a.body())
                            .as("the committee of %s changed the agenda of body %d (%s)", scope, a.body(), step)
                            .isEqualTo(ownBody);
                    case Entity.DirectoryEntry d -> assertThat(Territory.covers(scope, d.territory()))
                            .as("the committee of %s filed a convention in %s (%s)", scope, d.territory(), step)
                            .isTrue();
                    default -> throw new AssertionError(
                            "the committee of " + scope + " wrote " + w + " (" + step + ")");
                }
            }
        }
    }
}
