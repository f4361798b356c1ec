package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.LongMode;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.ProposalStatus;
import org.targetedmoney.policy.rules.ProgrammeInvariants.Invariant;
import org.targetedmoney.policy.rules.Programmes.Op;
import org.targetedmoney.policy.rules.Programmes.Player;
import org.targetedmoney.policy.rules.Programmes.Step;
import org.targetedmoney.policy.rules.Programmes.Tx;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityCodec;

/**
 * Whole programmes at once: the food social security (allowances, payments, redemptions), health at 100 %
 * (tariffs, claims) and democratic governance (bodies, proposals, votes, executions), mixed in random stories
 * ({@link Programmes}). Each property checks its invariant ({@link ProgrammeInvariants}) after every step, not
 * only at the end, and collects statistics that show the stories reach the applied and the refused paths of
 * what it checks; a coverage check fails the property if they do not, because a property that only ever sees
 * refusals proves nothing.
 *
 * <p>By default each property tries 200 to 500 stories of 1..50 steps (seconds in all); long mode, e.g.
 * {@code -Dprops.tries=10000}, is described in {@link LongMode}. A failure prints the shrunk story and the
 * seed; {@code -Dprops.seed=S} replays it.
 */
@AddLifecycleHook(LongMode.class)
class GovernanceProperties {
    /** Tries of most properties; stories are cheap to play (about a millisecond). */
    private static final int TRIES = 300;
    /** Governance needs rarer sequences (a change of members between votes): more stories. */
    private static final int GOVERNANCE_TRIES = 500;
    /** Determinism hashes the state after every applied step of two ledgers: fewer, costlier stories. */
    private static final int DETERMINISM_TRIES = 200;

    @Provide
    Arbitrary<List<Op>> programmes() {
        return Programmes.stories();
    }

    /** Plays a story from the starting ledger, judging every step with the invariants, and returns the player. */
    private static Player play(List<Op> story, Consumer<Step> collect, Invariant... invariants) {
        Player player = new Player(Programmes.startingLedger());
        for (Invariant i : invariants) {
            i.start(Programmes.copy(player.ledger.state));
        }
        for (Op op : story) {
            Step step = player.play(op);
            for (Invariant i : invariants) {
                i.check(step);
            }
            collect.accept(step);
        }
        return player;
    }

    /** Calls that every programme must see both applied and refused (time passing is neither). */
    private static final List<String> CALL_KINDS = List.of("EnrolMember", "ConventionProvider", "SuspendConvention",
            "Pay", "Redeem", "SetAllowancePolicy", "OpenEpoch", "SetTariff", "FileClaim", "CreateBody",
            "SetBodyMembers", "Propose", "Vote", "ExecuteProposal");

    private static void atLeastOnce(StatisticsCoverage coverage, Object... values) {
        coverage.check(values).count(n -> n > 0);
    }

    /** {@link ProgrammeInvariants.UnitsConserved}; every kind of call is seen both applied and refused. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void conservation_holdsPerPurpose_includingClaimsPaid_afterEveryStep_ofAnyProgramme(
            @ForAll("programmes") List<Op> story) {
        play(story, step -> {
            if (step.call() != null) {
                Statistics.label("calls").collect(step.kind(), step.applied() ? "applied" : "rejected");
            }
        }, new ProgrammeInvariants.UnitsConserved());

        Statistics.label("calls").coverage(c -> CALL_KINDS.forEach(kind -> {
            atLeastOnce(c, kind, "applied");
            atLeastOnce(c, kind, "rejected");
        }));
    }

    /** {@link ProgrammeInvariants.NothingNegative}; stories pay, redeem and let credit expire. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void noMemberBucketNorProviderBalance_isEverNegative_andMoneyMovesExactly(@ForAll("programmes") List<Op> story) {
        boolean[] moved = new boolean[3];
        play(story, step -> {
            moved[0] |= !step.events(LedgerEvent.Payment.class).isEmpty();
            moved[1] |= !step.events(LedgerEvent.Redeemed.class).isEmpty();
            moved[2] |= step.events(LedgerEvent.Expired.class).stream().anyMatch(e -> e.amountCents() > 0);
        }, new ProgrammeInvariants.NothingNegative());

        Statistics.label("a payment was applied").collect(moved[0]);
        Statistics.label("a redemption was applied").collect(moved[1]);
        Statistics.label("credit expired").collect(moved[2]);
        Statistics.label("a payment was applied").coverage(c -> c.check(true).percentage(p -> p > 30));
        Statistics.label("a redemption was applied").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("credit expired").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    /** {@link ProgrammeInvariants.PaymentsToConventionedProviders}; each reason to refuse a payment is seen. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void payments_goOnlyToProvidersWhoseConventionWasInForce_forTheMembersTerritory_andNotSuspended(
            @ForAll("programmes") List<Op> story) {
        play(story, step -> {
            if (step.call() instanceof Call.Pay) {
                Statistics.label("payments").collect(step.result());
            }
        }, new ProgrammeInvariants.PaymentsToConventionedProviders());

        Statistics.label("payments").coverage(c -> List.of("applied", "NOT_CONVENTIONED", "CONVENTION_SUSPENDED",
                "CONVENTION_NOT_IN_FORCE", "TERRITORY_NOT_COVERED", "INSUFFICIENT_BALANCE", "NOT_MEMBER")
                .forEach(r -> atLeastOnce(c, r)));
    }

    /** {@link ProgrammeInvariants.ClaimsWithinTariff}; claims above the tariff and duplicates are seen. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void claims_arePaidOnlyToConventionedProviders_neverAboveTheTariffInForce_andNeverTwice(
            @ForAll("programmes") List<Op> story) {
        play(story, step -> {
            if (step.call() instanceof Call.FileClaim) {
                Statistics.label("claims").collect(step.result());
            }
        }, new ProgrammeInvariants.ClaimsWithinTariff());

        Statistics.label("claims").coverage(c -> List.of("applied", "ABOVE_TARIFF", "DUPLICATE_CLAIM", "NO_TARIFF",
                "NOT_CONVENTIONED", "TERRITORY_NOT_COVERED", "NOT_MEMBER", "FORBIDDEN_ROLE", "INVALID_AMOUNT")
                .forEach(r -> atLeastOnce(c, r)));
    }

    /** {@link ProgrammeInvariants.RejectionsLeaveNoTrace}; proposals that fail at execution are seen. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void aRejectedCall_changesNothing_andAFailedProposal_keepsNothingOfItsAction(
            @ForAll("programmes") List<Op> story) {
        play(story, step -> {
            if (step.call() != null) {
                Statistics.label("outcomes").collect(step.applied() ? "applied" : "rejected");
            }
            if (!step.events(LedgerEvent.ProposalStatusChanged.class).stream()
                    .filter(e -> e.status() == ProposalStatus.FAILED.code()).toList().isEmpty()) {
                Statistics.label("outcomes").collect("applied, with a failed proposal");
            }
        }, new ProgrammeInvariants.RejectionsLeaveNoTrace());

        Statistics.label("outcomes").coverage(c -> {
            c.check("rejected").percentage(p -> p > 10);
            c.check("applied").percentage(p -> p > 10);
            atLeastOnce(c, "applied, with a failed proposal");
        });
    }

    /**
     * {@link ProgrammeInvariants.ProposalLifeCycle}; proposals end executed, failed, rejected, or stay open or
     * approved, and each refusal of a governance call is seen.
     */
    @Property(tries = GOVERNANCE_TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void proposals_runOnlyOnceApprovedByAQuorumOfCurrentMembers_andNeverChangeAfterTheyEnd(
            @ForAll("programmes") List<Op> story) {
        Player player = play(story, step -> {
            if (step.call() instanceof Call.Propose || step.call() instanceof Call.Vote
                    || step.call() instanceof Call.ExecuteProposal || step.call() instanceof Call.CreateBody
                    || step.call() instanceof Call.SetBodyMembers) {
                Statistics.label("governance calls").collect(step.kind() + " " + step.result());
            }
            if (step.call() instanceof Call.ExecuteProposal && step.applied()) {
                Statistics.label("governance calls").collect("ExecuteProposal ran it: "
                        + ProposalStatus.ofCode(step.after().proposal(((Call.ExecuteProposal) step.call()).proposal())
                        .status()));
            }
        }, new ProgrammeInvariants.ProposalLifeCycle());

        for (Entity e : player.ledger.state.all()) {
            if (e instanceof Entity.Proposal p) {
                Statistics.label("proposals at the end").collect(ProposalStatus.ofCode(p.status()));
            }
        }
        Statistics.label("proposals at the end").coverage(c -> {
            for (ProposalStatus s : List.of(ProposalStatus.OPEN, ProposalStatus.APPROVED, ProposalStatus.EXECUTED,
                    ProposalStatus.REJECTED, ProposalStatus.FAILED)) {
                c.check(s).count(n -> n >= 3);
            }
        });
        Statistics.label("governance calls").coverage(c -> List.of("Propose applied", "Vote applied",
                "ExecuteProposal ran it: EXECUTED", "ExecuteProposal ran it: FAILED", "Vote NOT_BODY_MEMBER",
                "Vote ALREADY_VOTED", "Vote PROPOSAL_CLOSED", "Vote PROPOSAL_EXPIRED", "Propose NOT_BODY_MEMBER",
                "Propose OUT_OF_COMPETENCE", "Propose NOT_GOVERNABLE", "Propose UNKNOWN_BODY",
                "ExecuteProposal PROPOSAL_NOT_READY", "CreateBody applied", "CreateBody INVALID_QUORUM",
                "CreateBody INVALID_ARGUMENT", "SetBodyMembers applied").forEach(r -> atLeastOnce(c, r)));
    }

    /** {@link ProgrammeInvariants.LocalBodiesStayInTheirTerritory}; local bodies convention, and are refused. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void aLocalCommittee_neverActsOutsideItsTerritory_inPersonOrAsABody(@ForAll("programmes") List<Op> story) {
        play(story, step -> {
            for (LedgerEvent.ProposalStatusChanged c : step.events(LedgerEvent.ProposalStatusChanged.class)) {
                Entity.Body body = step.before().body(step.after().proposal(c.proposal()).body());
                if (body.kind() == BodyKind.LOCAL.code() && c.status() == ProposalStatus.EXECUTED.code()) {
                    Statistics.label("local bodies").collect("executed: " + step.events().stream()
                            .filter(e -> !(e instanceof LedgerEvent.Voted
                                    || e instanceof LedgerEvent.ProposalStatusChanged
                                    || e instanceof LedgerEvent.ProposalCreated))
                            .map(e -> e.getClass().getSimpleName()).distinct().sorted().toList());
                }
            }
            if (step.call() instanceof Call.Propose p && step.before().body(p.body()) != null
                    && step.before().body(p.body()).kind() == BodyKind.LOCAL.code()) {
                Statistics.label("local bodies").collect("propose: " + step.result());
            }
        }, new ProgrammeInvariants.LocalBodiesStayInTheirTerritory());

        Statistics.label("local bodies").coverage(c -> {
            atLeastOnce(c, "executed: [ProviderConventioned]");
            atLeastOnce(c, "propose: applied");
            atLeastOnce(c, "propose: OUT_OF_COMPETENCE");
        });
    }

    /**
     * Determinism: the log of a story (its calls with their block times) applied to a second ledger built from
     * genesis in the same way gives the same outcome (writes, events or refusal) and the same state root after
     * every step. And the log of the applied calls alone, replayed on a third ledger that is restarted midway
     * from its encoded state (as a node reloads its storage), ends in the same state root with the same
     * events: refused calls leave no trace, and nothing outside the stored entities (no clock, no cache)
     * influences the rules.
     */
    @Property(tries = DETERMINISM_TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void theSameLog_onFreshLedgers_givesTheSameEventsAndStateRoot_afterEveryStep(
            @ForAll("programmes") List<Op> story) {
        Player first = new Player(Programmes.buildStartingLedger());
        Player second = new Player(Programmes.buildStartingLedger());
        assertThat(second.ledger.root()).as("state root at the start").isEqualTo(first.ledger.root());
        for (Op op : story) {
            Step a = first.play(op);
            Step b = second.submit(a.tx());
            assertThat(b.outcome()).as("outcome of %s", a).isEqualTo(a.outcome());
            if (a.applied()) {
                assertThat(second.ledger.root()).as("state root after %s", a).isEqualTo(first.ledger.root());
            } else {
                // Nothing written on either side: both states are still those whose roots were compared after
                // the previous step (checked entity by entity, which is much cheaper than hashing them again).
                assertThat(List.copyOf(first.ledger.state.all())).isEqualTo(List.copyOf(a.before().all()));
                assertThat(List.copyOf(second.ledger.state.all())).isEqualTo(List.copyOf(b.before().all()));
            }
        }

        List<Step> applied = first.steps.stream().filter(Step::applied).toList();
        Player replay = new Player(Programmes.startingLedger());
        List<LedgerEvent> replayed = new ArrayList<>();
        for (int i = 0; i < applied.size(); i++) {
            if (i == applied.size() / 2) {
                replay = restarted(replay);
            }
            Tx tx = applied.get(i).tx();
            Step r = replay.submit(tx);
            assertThat(r.applied()).as("replayed %s: %s", applied.get(i), r).isTrue();
            replayed.addAll(r.events());
        }
        assertThat(replay.ledger.root()).as("root of the replayed applied calls").isEqualTo(first.ledger.root());
        assertThat(replayed).isEqualTo(applied.stream().flatMap(s -> s.events().stream()).toList());
    }

    /** A ledger whose state went through the storage encoding, at the same block time. */
    private static Player restarted(Player player) {
        LedgerFixture reloaded = LedgerFixture.fresh();
        for (Entity e : player.ledger.state.all()) {
            reloaded.state.put(EntityCodec.decode(EntityCodec.encode(e)));
        }
        reloaded.atEpoch(player.ledger.timeEpoch());
        assertThat(reloaded.root()).isEqualTo(player.ledger.root());
        return new Player(reloaded);
    }

    // ------------------------------------------------------------------ found by the properties

    /*
     * The proposals property found that a change of a body's members or quorum (setBodyMembers) does not
     * settle the body's open proposals: their votes are counted again only at the next vote, whatever its
     * direction. So a refusing vote can approve (and execute) a proposal, an approving vote can reject one,
     * and a proposal approved by all the current members stays open until it expires if none of them is left
     * to vote (executeProposal answers "not approved yet"). Shrunk by jqwik to two steps: the authority sets
     * the national body to persons 0 and 1 with quorum 1 while person 1's proposal is open, then person 0
     * votes against it, and the proposal is approved. The examples below are the smallest stories, one per
     * symptom. A fix that makes them and the property pass: setBodyMembers settles (counts again, and runs
     * if ready) the body's proposals still open to votes, and settle stores the APPROVED proposal before
     * running its action, so that a change of members made by that action does not settle it again.
     */

    private static final int HERAULT = 2;

    /** The Hérault committee proposes to convention provider 1 for FOOD in Hérault. */
    private static Call.Propose shopInHerault(LedgerFixture l) {
        return new Call.Propose(HERAULT, Programmes.action(l.state, HERAULT,
                new Programmes.ConventionAct(1, true, 0, List.of(LedgerFixture.FOOD), 0, 24)), 0, 0, 2);
    }

    private static List<Integer> statusChanges(Outcome outcome) {
        return outcome instanceof Outcome.Applied a
                ? LedgerFixture.events(a, LedgerEvent.ProposalStatusChanged.class).stream()
                        .map(LedgerEvent.ProposalStatusChanged::status).toList()
                : List.of();
    }

    /** The id the next proposal will get. */
    private static long nextProposal(LedgerFixture l) {
        return l.state.governanceMeta().proposalCount() + 1;
    }

    @Example
    void aRefusingVote_neverApprovesAProposal_evenAfterTheQuorumWasLowered() {
        LedgerFixture l = Programmes.startingLedger();
        long id = nextProposal(l);
        l.ok(Programmes.person(2), shopInHerault(l));
        l.ok(LedgerFixture.AUTHORITY, new Call.SetBodyMembers(HERAULT, Programmes.people(List.of(2, 3, 4)), 1));

        Outcome no = l.apply(Programmes.person(3), new Call.Vote(id, false));

        assertThat(statusChanges(no)).as("statuses set by a refusing vote")
                .doesNotContain(ProposalStatus.APPROVED.code(), ProposalStatus.EXECUTED.code());
    }

    @Example
    void anApprovingVote_neverRejectsAProposal_evenAfterTheQuorumWasRaised() {
        LedgerFixture l = Programmes.startingLedger();
        l.ok(LedgerFixture.AUTHORITY, new Call.SetBodyMembers(HERAULT, Programmes.people(List.of(2, 3, 4)), 2));
        long id = nextProposal(l);
        l.ok(Programmes.person(2), shopInHerault(l));
        l.ok(Programmes.person(3), new Call.Vote(id, false));
        l.ok(LedgerFixture.AUTHORITY, new Call.SetBodyMembers(HERAULT, Programmes.people(List.of(2, 3, 4)), 3));

        Outcome yes = l.apply(Programmes.person(4), new Call.Vote(id, true));

        assertThat(statusChanges(yes)).as("statuses set by an approving vote")
                .doesNotContain(ProposalStatus.REJECTED.code());
    }

    @Example
    void aProposalApprovedByAllItsCurrentMembers_runs_afterTheOthersLeftTheBody() {
        LedgerFixture l = Programmes.startingLedger();
        l.ok(LedgerFixture.AUTHORITY, new Call.SetBodyMembers(HERAULT, Programmes.people(List.of(2, 3, 4)), 3));
        long id = nextProposal(l);
        l.ok(Programmes.person(2), shopInHerault(l));
        l.ok(Programmes.person(3), new Call.Vote(id, true));
        l.ok(LedgerFixture.AUTHORITY, new Call.SetBodyMembers(HERAULT, Programmes.people(List.of(2, 3)), 2));

        if (l.state.proposal(id).status() != ProposalStatus.EXECUTED.code()) {
            l.apply(LedgerFixture.STRANGER, new Call.ExecuteProposal(id));
        }

        assertThat(ProposalStatus.ofCode(l.state.proposal(id).status()))
                .as("both remaining members approved, the quorum is 2").isEqualTo(ProposalStatus.EXECUTED);
        assertThat(l.state.convention(Programmes.provider(1), LedgerFixture.FOOD)).isNotNull();
    }
}
