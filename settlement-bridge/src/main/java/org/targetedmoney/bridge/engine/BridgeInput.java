package org.targetedmoney.bridge.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.receipt.BankReceipt;
import org.targetedmoney.bridge.settlement.BankOutcome;

/** What the bridge journals, in order; {@link BridgeEngine#apply} turns each into state. */
public sealed interface BridgeInput {
    /** Most lines one read carries (the follower reads bounded block ranges). */
    int MAX_LINES = 200_000;
    /** Most outcomes one bank file carries. */
    int MAX_OUTCOMES = 1_000_000;
    /** Longest reason an operator gives for abandoning a transfer. */
    int MAX_REASON_CHARS = 500;
    /** Longest name of the operator who gave an input (a token's name). */
    int MAX_OPERATOR_CHARS = 64;

    /**
     * Lines read from the ledger up to (not including) position ({@code nextBlock}, {@code nextLogIndex}), with
     * the head the reader saw: the head's timestamp closes settlement windows.
     */
    record LinesRead(List<LedgerLine> lines, long nextBlock, int nextLogIndex, long headBlock,
                     long headTimestampSeconds) implements BridgeInput {
        public LinesRead {
            lines = List.copyOf(lines);
            if (lines.size() > MAX_LINES || nextBlock < 0 || nextLogIndex < 0 || headTimestampSeconds < 0) {
                throw new IllegalArgumentException("lines read: " + lines.size() + " lines, next " + nextBlock + ":"
                        + nextLogIndex + ", head stamped " + headTimestampSeconds);
            }
        }
    }

    /** Euros received into a funding account (a member's contribution, a public account's credit). */
    record CreditReceived(FundingCredit credit) implements BridgeInput {
        public CreditReceived {
            Objects.requireNonNull(credit, "credit");
        }
    }

    /** An operator closes every window read so far now, without waiting for the ledger to pass their end. */
    record Cutoff(String reason) implements BridgeInput {
        public Cutoff {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Puts every funded, not yet instructed transfer whose payee is known into one payment order (one pain.001
     * file) with this message id, creation time and execution date: all three given, never read from a clock.
     */
    record CutPayments(String messageId, long createdAtSeconds, LocalDate executionDate) implements BridgeInput {
        public CutPayments {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(executionDate, "executionDate");
        }
    }

    /** What the bank said about instructed transfers (a camt.053/054 or pain.002 message). */
    record BankOutcomes(String messageId, String messageKind, List<BankOutcome> outcomes) implements BridgeInput {
        public BankOutcomes {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(messageKind, "messageKind");
            outcomes = List.copyOf(outcomes);
            if (outcomes.size() > MAX_OUTCOMES) {
                throw new IllegalArgumentException("at most " + MAX_OUTCOMES + " outcomes per bank message");
            }
        }
    }

    /** A settled batch's attestation is on the ledger (or was already: a resend after a crash). */
    record Attested(String batchId, String transactionHash) implements BridgeInput {
        public Attested {
            Objects.requireNonNull(batchId, "batchId");
            Objects.requireNonNull(transactionHash, "transactionHash");
        }
    }

    /**
     * A firm's monthly declaration to the inter-enterprise fund (or, with {@code correction}, its replacement),
     * with the bank account the fund pays if the firm's allowance exceeds its contribution. The declaration is
     * checked by the fund's rules when applied; the payee was checked by SEPA rules where it entered.
     */
    record FirmDeclared(FirmDeclaration declaration, boolean correction, FirmPayee payee) implements BridgeInput {
        public FirmDeclared {
            Objects.requireNonNull(declaration, "declaration");
            Objects.requireNonNull(payee, "payee");
        }
    }

    /**
     * Booked incoming credits on the collection accounts, from one bank message (applied right after that
     * message's {@link BankOutcomes}, in the same commit): matched to declared credits, or kept as unmatched
     * receipts. In "bank" confirmation mode a match puts the declared credit in the funding book.
     */
    record ReceiptsBooked(String messageId, List<BankReceipt> receipts) implements BridgeInput {
        public ReceiptsBooked {
            Objects.requireNonNull(messageId, "messageId");
            receipts = List.copyOf(receipts);
            if (receipts.size() > MAX_OUTCOMES) {
                throw new IllegalArgumentException("at most " + MAX_OUTCOMES + " receipts per bank message");
            }
        }
    }

    /**
     * An operator sets or replaces a provider's bank details (checked by SEPA rules where they entered): they
     * take precedence over the configuration's from then on, and funded transfers waiting for bank details are
     * paid by the next payment order.
     *
     * @param operator who asked (the name of the API token; "" when the API runs without tokens)
     */
    record PayeeChanged(Payee payee, String operator) implements BridgeInput {
        public PayeeChanged {
            Objects.requireNonNull(payee, "payee");
            checkOperator(operator);
        }
    }

    /**
     * An operator re-issues an escalated transfer (typically after changing the payee's bank details): it is
     * funded again from exactly the sources its last attempt was refunded to, then paid by the next payment
     * order under a new end-to-end id.
     */
    record Reissue(String batchId, int transferIndex, String operator) implements BridgeInput {
        public Reissue {
            Objects.requireNonNull(batchId, "batchId");
            checkOperator(operator);
            if (transferIndex < 0) {
                throw new IllegalArgumentException("transfer index " + transferIndex + " < 0");
            }
        }
    }

    /**
     * What the bank said about the inter-enterprise fund's own account: its payouts to firms (pain.001) and its
     * direct debits of firms (pain.008), from a camt.053/054 on the fund's account or a pain.002 about a fund
     * order. A group rejection is given as one rejection per end-to-end id of the order.
     */
    record FundBankOutcomes(String messageId, String messageKind, List<BankOutcome> outcomes) implements BridgeInput {
        public FundBankOutcomes {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(messageKind, "messageKind");
            outcomes = List.copyOf(outcomes);
            if (outcomes.size() > MAX_OUTCOMES) {
                throw new IllegalArgumentException("at most " + MAX_OUTCOMES + " outcomes per bank message");
            }
        }
    }

    /**
     * An operator gives up an escalated transfer, for a reason: it is not paid, its funding stays with the
     * sources it was refunded to.
     */
    record Abandon(String batchId, int transferIndex, String reason, String operator) implements BridgeInput {
        public Abandon {
            Objects.requireNonNull(batchId, "batchId");
            Objects.requireNonNull(reason, "reason");
            checkOperator(operator);
            if (transferIndex < 0 || reason.isBlank() || reason.length() > MAX_REASON_CHARS) {
                throw new IllegalArgumentException("abandon transfer " + transferIndex + ": a reason of 1 to "
                        + MAX_REASON_CHARS + " characters is needed");
            }
        }
    }

    private static void checkOperator(String operator) {
        Objects.requireNonNull(operator, "operator");
        if (operator.length() > MAX_OPERATOR_CHARS) {
            throw new IllegalArgumentException("an operator's name has at most " + MAX_OPERATOR_CHARS + " characters");
        }
    }
}
