package org.targetedmoney.policy.rules;

import org.targetedmoney.policy.call.ActionDecoder;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.StateView;

/**
 * The state transition function: {@code (state view, context, call) -> effects | rejection}. The node
 * applies its effects; the auditor replays it. It never mutates the view.
 */
public final class Rules {
    private Rules() {}

    /**
     * Applies one call. {@code actions} decodes the actions stored in governance proposals; the node and
     * the auditor pass the ABI decoder.
     */
    public static Outcome apply(StateView view, TxContext ctx, Call call, ActionDecoder actions) {
        Overlay tx = new Overlay(view);
        Outcome outcome = switch (call) {
            case Call.GrantRole c -> RegistryRules.grantRole(tx, ctx, c);
            case Call.RevokeRole c -> RegistryRules.revokeRole(tx, ctx, c);
            case Call.AddPurpose c -> RegistryRules.addPurpose(tx, ctx, c);
            case Call.AddTerritory c -> RegistryRules.addTerritory(tx, ctx, c);
            case Call.EnrolMember c -> MembershipRules.enrol(tx, ctx, c);
            case Call.EnrolMembers c -> MembershipRules.enrolAll(tx, ctx, c);
            case Call.ConventionProvider c -> ConventionRules.convention(tx, ctx, c);
            case Call.SuspendConvention c -> ConventionRules.suspend(tx, ctx, c.provider(), c.purpose(), true);
            case Call.ResumeConvention c -> ConventionRules.suspend(tx, ctx, c.provider(), c.purpose(), false);
            case Call.SetAllowancePolicy c -> IssuanceRules.setPolicy(tx, ctx, c);
            case Call.OpenEpoch c -> IssuanceRules.openEpoch(tx, ctx, c);
            case Call.Pay c -> PaymentRules.pay(tx, ctx, c);
            case Call.Redeem c -> PaymentRules.redeem(tx, ctx, c);
            case Call.SetTariff c -> ClaimRules.setTariff(tx, ctx, c);
            case Call.FileClaim c -> ClaimRules.fileClaim(tx, ctx, c);
            case Call.AddCategory c -> RegistryRules.addCategory(tx, ctx, c);
            case Call.RestrictConvention c -> ConventionRules.restrict(tx, ctx, c);
            case Call.SetTerritoryBudget c -> PlanningRules.setBudget(tx, ctx, c);
            case Call.RecordNeeds c -> PlanningRules.recordNeeds(tx, ctx, c);
            case Call.SetCapitation c -> CapitationRules.setRate(tx, ctx, c);
            case Call.ChoosePractitioner c -> CapitationRules.choose(tx, ctx, c);
            case Call.ClaimCapitation c -> CapitationRules.claim(tx, ctx, c);
            case Call.SetModulation c -> PlanningRules.setModulation(tx, ctx, c);
            case Call.RevokeConvention c -> ConventionRules.revoke(tx, ctx, c);
            case Call.AddCriterion c -> DirectoryRules.addCriterion(tx, ctx, c);
            case Call.DescribeProvider c -> DirectoryRules.describeProvider(tx, ctx, c);
            case Call.CreateBody c -> BodyRules.create(tx, ctx, c);
            case Call.SetBodyMembers c -> BodyRules.setMembers(tx, ctx, c);
            case Call.Propose c -> ProposalRules.propose(tx, ctx, c, actions);
            case Call.Vote c -> ProposalRules.vote(tx, ctx, c, actions);
            case Call.ExecuteProposal c -> ProposalRules.execute(tx, ctx, c, actions);
            case Call.AttestSettlement c -> SettlementRules.attest(tx, ctx, c);
        };
        if (outcome instanceof Outcome.Applied applied) {
            checkTotals(applied);
        }
        return outcome;
    }

    /**
     * Executes a whole transaction: the nonce must be the sender's next one (the node checks it before),
     * and it advances whether the call is applied or rejected, as in Ethereum.
     */
    public static Execution execute(StateView view, TxContext ctx, long nonce, Call call, ActionDecoder actions) {
        long expected = view.nonce(ctx.sender());
        if (nonce != expected) {
            throw new IllegalArgumentException("nonce " + nonce + " is not the next nonce " + expected + " of "
                    + ctx.sender() + ": the node must not order such a transaction");
        }
        Outcome outcome = apply(view, ctx, call, actions);
        return new Execution(outcome, new Entity.Nonce(ctx.sender(), Math.addExact(nonce, 1)));
    }

    /** The outcome of a transaction plus the sender's advanced nonce, always written. */
    public record Execution(Outcome outcome, Entity.Nonce nonceWrite) {}

    /** Cheap conservation checks on every purpose total a call wrote. */
    private static void checkTotals(Outcome.Applied applied) {
        for (Entity e : applied.writes()) {
            if (e instanceof Entity.PurposeTotals t) {
                Conservation.checkTotals(t);
            } else if (e instanceof Entity.EpochCounters c) {
                Conservation.checkCounters(c);
            }
        }
    }
}
