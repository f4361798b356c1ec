package org.targetedmoney.policy.rules;

import java.util.regex.Pattern;
import org.targetedmoney.policy.Check;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.SettlementTotals;

/**
 * Settlement attestations: the settlement bridge, which pays providers in euros for what the ledger says they are
 * owed, posts each batch back on the ledger (its hash, totals per funding source, window and block range), so an
 * auditor can tie the bank's payments to ledger events. An attestation moves no units: it is a public record,
 * kept once per batch hash so that a bridge may resend it after a crash.
 */
final class SettlementRules {
    static final Pattern BATCH_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String ZERO_HASH = "0".repeat(64);

    private SettlementRules() {}

    static Outcome attest(Overlay tx, TxContext ctx, Call.AttestSettlement c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.BRIDGE);
        if (denied != null) {
            return denied;
        }
        Outcome.Rejected invalid = checkArguments(ctx, c);
        if (invalid != null) {
            return invalid;
        }
        if (tx.settlementAttestation(c.batchHashHex()) != null) {
            return Outcome.reject(RejectionCode.ALREADY_ATTESTED, "batch %s was already attested", c.batchHashHex());
        }
        SettlementTotals t = tx.settlementTotals();
        if (t.attestedCents() > Long.MAX_VALUE - c.totalCents() || t.batches() == Long.MAX_VALUE) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "the running settlement totals are full");
        }
        // Each source is at most the total (checked above), so none of these sums can overflow either.
        SettlementTotals after = new SettlementTotals(t.attestedCents() + c.totalCents(),
                t.contributionsCents() + c.contributionsCents(), t.publicAccountsCents() + c.publicAccountsCents(),
                t.monetaryCreationCents() + c.monetaryCreationCents(), t.batches() + 1);
        Check.that(after.attestedCents() == after.contributionsCents() + after.publicAccountsCents()
                + after.monetaryCreationCents(), "attested settlement = the sum of its funding sources");
        tx.put(new Entity.SettlementAttestation(c.batchHashHex(), c.batchId(), c.window(), c.totalCents(),
                c.contributionsCents(), c.publicAccountsCents(), c.monetaryCreationCents(), c.lineCount(),
                c.firstBlock(), c.lastBlock(), ctx.sender()));
        tx.put(after);
        tx.emit(new LedgerEvent.SettlementAttested(c.batchHashHex(), ctx.sender(), c.batchId(), c.window(),
                c.totalCents(), c.contributionsCents(), c.publicAccountsCents(), c.monetaryCreationCents(),
                c.lineCount(), c.firstBlock(), c.lastBlock()));
        return tx.applied();
    }

    /** Everything that can be judged from the call and the block alone. */
    private static Outcome.Rejected checkArguments(TxContext ctx, Call.AttestSettlement c) {
        if (!BATCH_HASH.matcher(c.batchHashHex()).matches() || c.batchHashHex().equals(ZERO_HASH)) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a batch hash is 32 bytes, not all zero");
        }
        Outcome.Rejected text = checkText("batch id", c.batchId(), Limits.MAX_BATCH_ID_LENGTH);
        if (text == null) {
            text = checkText("window", c.window(), Limits.MAX_WINDOW_LENGTH);
        }
        if (text != null) {
            return text;
        }
        Outcome.Rejected amounts = checkAmounts(c);
        if (amounts != null) {
            return amounts;
        }
        if (c.lineCount() <= 0) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a batch has at least one line, got %d",
                    c.lineCount());
        }
        if (c.firstBlock() < 0 || c.lastBlock() < c.firstBlock()) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "block range %d..%d is empty or negative",
                    c.firstBlock(), c.lastBlock());
        }
        // The attestation's own block cannot hold lines the bridge read before sending it.
        if (c.lastBlock() >= ctx.blockNumber()) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT,
                    "a batch covers blocks before this one (%d), not up to block %d", ctx.blockNumber(),
                    c.lastBlock());
        }
        return null;
    }

    private static Outcome.Rejected checkAmounts(Call.AttestSettlement c) {
        if (c.totalCents() <= 0 || c.totalCents() > Limits.MAX_ATTESTATION_CENTS) {
            return Outcome.reject(RejectionCode.INVALID_AMOUNT, "a batch total of %d cents is outside 1..%d",
                    c.totalCents(), Limits.MAX_ATTESTATION_CENTS);
        }
        if (c.contributionsCents() < 0 || c.publicAccountsCents() < 0 || c.monetaryCreationCents() < 0) {
            return Outcome.reject(RejectionCode.INVALID_AMOUNT, "a funding source's amount is negative");
        }
        // Each source is at most the total (<= MAX_ATTESTATION_CENTS) before they are added: no overflow.
        boolean addsUp = c.contributionsCents() <= c.totalCents() && c.publicAccountsCents() <= c.totalCents()
                && c.monetaryCreationCents() <= c.totalCents()
                && c.contributionsCents() + c.publicAccountsCents() + c.monetaryCreationCents() == c.totalCents();
        if (!addsUp) {
            return Outcome.reject(RejectionCode.ATTESTATION_TOTALS_MISMATCH,
                    "contributions %d + public accounts %d + monetary creation %d != total %d",
                    c.contributionsCents(), c.publicAccountsCents(), c.monetaryCreationCents(), c.totalCents());
        }
        return null;
    }

    /** 1..max printable ASCII characters: batch ids end up in SEPA files and bank statements. */
    private static Outcome.Rejected checkText(String what, String text, int max) {
        if (text.isEmpty() || text.length() > max) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a %s is 1..%d characters, got %d", what, max,
                    text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 || ch > 0x7E) {
                return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a %s is printable ASCII, found U+%04X at %d",
                        what, (int) ch, i);
            }
        }
        return null;
    }
}
