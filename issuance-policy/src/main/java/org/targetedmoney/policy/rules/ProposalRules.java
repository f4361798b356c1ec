package org.targetedmoney.policy.rules;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.targetedmoney.policy.call.ActionDecoder;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.ProposalStatus;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.Body;
import org.targetedmoney.policy.state.Entity.GovernanceMeta;
import org.targetedmoney.policy.state.Entity.Proposal;

/**
 * Proposals: a member of a body proposes an action (any ledger call a body may decide), members vote, and
 * once the quorum approves, the action runs as the body, at once or after its delay and from its effective
 * epoch. Nothing runs in the background: an action runs in the transaction of the approving vote when it
 * is ready then, otherwise in a later {@code executeProposal} that anyone may send.
 */
final class ProposalRules {
    private ProposalRules() {}

    static Outcome propose(Overlay tx, TxContext ctx, Call.Propose c, ActionDecoder actions) {
        Body b = tx.body(c.body());
        if (b == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_BODY, "no body %d", c.body());
        }
        if (!b.members().contains(ctx.sender())) {
            return Outcome.reject(RejectionCode.NOT_BODY_MEMBER, "%s is not a member of body %d", ctx.sender(), b.id());
        }
        Outcome.Rejected invalid = validateTiming(c);
        if (invalid != null) {
            return invalid;
        }
        Call action;
        try {
            action = decode(c.actionHex(), actions);
        } catch (ActionDecoder.InvalidActionException e) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "the action is not a ledger call: %s", e.getMessage());
        }
        if (!governable(action)) {
            return Outcome.reject(RejectionCode.NOT_GOVERNABLE, "a body does not decide %s",
                    action.getClass().getSimpleName());
        }
        Outcome.Rejected incompetent = competence(tx, ctx, b, action, actions);
        if (incompetent != null) {
            return incompetent;
        }
        List<Long> agenda = openAgenda(tx, ctx, b.id());
        if (agenda.size() >= Limits.MAX_OPEN_PROPOSALS_PER_BODY) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "body %d has %d proposals open to votes", b.id(),
                    agenda.size());
        }
        GovernanceMeta g = tx.governanceMeta();
        long id = Math.addExact(g.proposalCount(), 1);
        agenda.add(id);
        tx.put(new Entity.BodyAgenda(b.id(), agenda));
        tx.put(new GovernanceMeta(g.bodyCount(), id));
        Proposal p = new Proposal(id, b.id(), ctx.sender(), c.actionHex(), c.effectiveFromEpoch(), c.delaySeconds(),
                ctx.timeEpoch() + c.votingEpochs() - 1, List.of(ctx.sender()), List.of(),
                ProposalStatus.OPEN.code(), 0, "");
        tx.emit(new LedgerEvent.ProposalCreated(id, b.id(), ctx.sender(), c.effectiveFromEpoch(), c.delaySeconds(),
                p.lastVotingEpoch()));
        tx.emit(new LedgerEvent.Voted(id, ctx.sender(), true));
        settle(tx, ctx, b, p, actions);
        return tx.applied();
    }

    private static Outcome.Rejected validateTiming(Call.Propose c) {
        if (c.delaySeconds() < 0 || c.delaySeconds() > Limits.MAX_PROPOSAL_DELAY_SECONDS) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "delay %d s is outside 0..%d", c.delaySeconds(),
                    Limits.MAX_PROPOSAL_DELAY_SECONDS);
        }
        if (c.votingEpochs() < 1 || c.votingEpochs() > Limits.MAX_VOTING_EPOCHS) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "voting period %d epochs is outside 1..%d",
                    c.votingEpochs(), Limits.MAX_VOTING_EPOCHS);
        }
        if (c.effectiveFromEpoch() < 0) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "effective epoch %d is negative",
                    c.effectiveFromEpoch());
        }
        return null;
    }

    static Outcome vote(Overlay tx, TxContext ctx, Call.Vote c, ActionDecoder actions) {
        Proposal p = tx.proposal(c.proposal());
        if (p == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PROPOSAL, "no proposal %d", c.proposal());
        }
        Body b = tx.body(p.body());
        if (!b.members().contains(ctx.sender())) {
            return Outcome.reject(RejectionCode.NOT_BODY_MEMBER, "%s is not a member of body %d", ctx.sender(), b.id());
        }
        if (p.status() != ProposalStatus.OPEN.code()) {
            return Outcome.reject(RejectionCode.PROPOSAL_CLOSED, "proposal %d is %s", p.id(),
                    ProposalStatus.ofCode(p.status()));
        }
        if (ctx.timeEpoch() > p.lastVotingEpoch()) {
            return Outcome.reject(RejectionCode.PROPOSAL_EXPIRED, "proposal %d took votes until epoch %d", p.id(),
                    p.lastVotingEpoch());
        }
        if (p.approvals().contains(ctx.sender()) || p.rejections().contains(ctx.sender())) {
            return Outcome.reject(RejectionCode.ALREADY_VOTED, "%s already voted on proposal %d", ctx.sender(), p.id());
        }
        // Votes of former members never count again: dropping them keeps both lists within the body's size.
        List<Address> approvals = new ArrayList<>(p.approvals().stream().filter(b.members()::contains).toList());
        List<Address> rejections = new ArrayList<>(p.rejections().stream().filter(b.members()::contains).toList());
        (c.approve() ? approvals : rejections).add(ctx.sender());
        tx.emit(new LedgerEvent.Voted(p.id(), ctx.sender(), c.approve()));
        settle(tx, ctx, b, p.withVotes(approvals, rejections), actions);
        return tx.applied();
    }

    static Outcome execute(Overlay tx, TxContext ctx, Call.ExecuteProposal c, ActionDecoder actions) {
        Proposal p = tx.proposal(c.proposal());
        if (p == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PROPOSAL, "no proposal %d", c.proposal());
        }
        if (p.status() == ProposalStatus.OPEN.code()) {
            return Outcome.reject(RejectionCode.PROPOSAL_NOT_READY, "proposal %d is not approved yet", p.id());
        }
        if (p.status() != ProposalStatus.APPROVED.code()) {
            return Outcome.reject(RejectionCode.PROPOSAL_CLOSED, "proposal %d is %s", p.id(),
                    ProposalStatus.ofCode(p.status()));
        }
        if (!ready(p, ctx)) {
            return Outcome.reject(RejectionCode.PROPOSAL_NOT_READY,
                    "proposal %d may run from time %d and epoch %d (now %d, epoch %d)", p.id(),
                    p.approvedAtSeconds() + p.delaySeconds(), p.effectiveFromEpoch(), ctx.timestampSeconds(),
                    ctx.timeEpoch());
        }
        run(tx, ctx, tx.body(p.body()), p, actions);
        return tx.applied();
    }

    /**
     * Counts the votes of current members: approve (and run if ready and {@code actions} is given), reject, or
     * keep collecting. A decided
     * proposal leaves the agenda and is stored before its action runs, so an action that changes the body's
     * members (which settles the agenda again) never settles it twice.
     */
    private static void settle(Overlay tx, TxContext ctx, Body b, Proposal p, ActionDecoder actions) {
        long approvals = p.approvals().stream().filter(b.members()::contains).count();
        long rejections = p.rejections().stream().filter(b.members()::contains).count();
        if (approvals >= b.quorum()) {
            Proposal approved = p.withStatus(ProposalStatus.APPROVED.code(), ctx.timestampSeconds(), "");
            leaveAgenda(tx, p);
            tx.put(approved);
            tx.emit(new LedgerEvent.ProposalStatusChanged(p.id(), ProposalStatus.APPROVED.code(), ""));
            if (actions != null && ready(approved, ctx)) {
                run(tx, ctx, b, approved, actions);
            }
        } else if (rejections > b.members().size() - b.quorum()) {
            leaveAgenda(tx, p);
            tx.put(p.withStatus(ProposalStatus.REJECTED.code(), 0, ""));
            tx.emit(new LedgerEvent.ProposalStatusChanged(p.id(), ProposalStatus.REJECTED.code(), ""));
        } else {
            tx.put(p);
        }
    }

    /**
     * After a change of members or quorum: every proposal still open to votes is counted again. Those now
     * approved are not run here but by a later {@code executeProposal}: an action runs at most one level deep,
     * so no chain of proposals changing members can make a transaction's work or stack depth unbounded.
     */
    static void settleAgenda(Overlay tx, TxContext ctx, Body changed) {
        for (long id : openAgenda(tx, ctx, changed.id())) {
            settle(tx, ctx, changed, tx.proposal(id), null);
        }
    }

    /** The body's proposals still open to votes (expired and decided ones are dropped as they are met). */
    private static List<Long> openAgenda(Overlay tx, TxContext ctx, int body) {
        List<Long> open = new ArrayList<>();
        for (long id : tx.bodyAgenda(body).openProposals()) {
            Proposal p = tx.proposal(id);
            if (p.status() == ProposalStatus.OPEN.code() && ctx.timeEpoch() <= p.lastVotingEpoch()) {
                open.add(id);
            }
        }
        return open;
    }

    private static void leaveAgenda(Overlay tx, Proposal p) {
        List<Long> open = new ArrayList<>(tx.bodyAgenda(p.body()).openProposals());
        if (open.remove(p.id())) {
            tx.put(new Entity.BodyAgenda(p.body(), open));
        }
    }

    private static boolean ready(Proposal p, TxContext ctx) {
        return ctx.timestampSeconds() >= p.approvedAtSeconds() + p.delaySeconds()
                && ctx.timeEpoch() >= p.effectiveFromEpoch();
    }

    /** Applies the action as the body; a refusal is recorded on the proposal, not raised. */
    private static void run(Overlay tx, TxContext ctx, Body b, Proposal p, ActionDecoder actions) {
        Call action;
        try {
            action = decode(p.actionHex(), actions);
        } catch (ActionDecoder.InvalidActionException e) {
            throw new IllegalStateException("a stored action no longer decodes: " + e.getMessage(), e);
        }
        Outcome outcome = Rules.apply(tx, asBody(ctx, b), action, actions);
        Proposal done = switch (outcome) {
            case Outcome.Applied applied -> {
                applied.writes().forEach(tx::put);
                applied.events().forEach(tx::emit);
                yield p.withStatus(ProposalStatus.EXECUTED.code(), p.approvedAtSeconds(), "");
            }
            case Outcome.Rejected rejected -> p.withStatus(ProposalStatus.FAILED.code(), p.approvedAtSeconds(),
                    rejected.rejection().reasonText());
        };
        tx.put(done);
        tx.emit(new LedgerEvent.ProposalStatusChanged(p.id(), done.status(), done.outcome()));
    }

    /**
     * Refuses at once an action the body could never perform (wrong role, another territory): a dry run as
     * the body, keeping only the refusals of competence. Other refusals may change by execution time.
     */
    private static Outcome.Rejected competence(Overlay tx, TxContext ctx, Body b, Call action, ActionDecoder actions) {
        if (Rules.apply(tx, asBody(ctx, b), action, actions) instanceof Outcome.Rejected r
                && (r.rejection().code() == RejectionCode.FORBIDDEN_ROLE
                || r.rejection().code() == RejectionCode.OUT_OF_SCOPE)) {
            return Outcome.reject(RejectionCode.OUT_OF_COMPETENCE, "body %d (%s, %s) cannot decide this: %s", b.id(),
                    b.name(), b.territory(), r.rejection().detail());
        }
        return null;
    }

    private static TxContext asBody(TxContext ctx, Body b) {
        return new TxContext(BodyKind.account(b.id()), ctx.blockNumber(), ctx.timestampSeconds(), ctx.timeEpoch());
    }

    private static Call decode(String actionHex, ActionDecoder actions) throws ActionDecoder.InvalidActionException {
        if (actionHex.length() > 2 * Limits.MAX_ACTION_BYTES) {
            throw new ActionDecoder.InvalidActionException("longer than " + Limits.MAX_ACTION_BYTES + " bytes");
        }
        byte[] data;
        try {
            data = HexFormat.of().parseHex(actionHex);
        } catch (IllegalArgumentException e) {
            throw new ActionDecoder.InvalidActionException("not hex");
        }
        return actions.decode(data);
    }

    /** What a body decides: everything but money movements and governance steps themselves. */
    static boolean governable(Call c) {
        return switch (c) {
            case Call.Pay p -> false;
            case Call.Redeem r -> false;
            case Call.FileClaim f -> false;
            case Call.Propose p -> false;
            case Call.Vote v -> false;
            case Call.ExecuteProposal e -> false;
            case Call.AttestSettlement a -> false;
            case Call.GrantRole g -> true;
            case Call.RevokeRole r -> true;
            case Call.AddPurpose a -> true;
            case Call.AddTerritory a -> true;
            case Call.EnrolMember e -> true;
            case Call.EnrolMembers e -> true;
            case Call.ConventionProvider cp -> true;
            case Call.SuspendConvention s -> true;
            case Call.ResumeConvention r -> true;
            case Call.SetAllowancePolicy s -> true;
            case Call.OpenEpoch o -> true;
            case Call.SetTariff s -> true;
            case Call.AddCategory ac -> true;
            case Call.RestrictConvention rc -> true;
            case Call.SetTerritoryBudget sb -> true;
            case Call.RecordNeeds rn -> true;
            case Call.SetCapitation sc -> true;
            case Call.ChoosePractitioner cp -> false;
            case Call.ClaimCapitation cc -> false;
            case Call.SetModulation sm -> true;
            case Call.RevokeConvention rc -> true;
            case Call.AddCriterion ac -> true;
            case Call.DescribeProvider dp -> true;
            case Call.CreateBody cb -> true;
            case Call.SetBodyMembers sm -> true;
        };
    }
}
