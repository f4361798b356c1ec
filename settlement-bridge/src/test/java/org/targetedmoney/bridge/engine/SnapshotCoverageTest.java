package org.targetedmoney.bridge.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.contribution.FirmNet;
import org.targetedmoney.bridge.contribution.FundPeriod;
import org.targetedmoney.bridge.contribution.FundSettlement;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.receipt.Arrival;
import org.targetedmoney.bridge.receipt.BankReceipt;
import org.targetedmoney.bridge.receipt.ExpectedCredit;
import org.targetedmoney.bridge.receipt.Match;
import org.targetedmoney.bridge.receipt.ReceiptBook;
import org.targetedmoney.bridge.settlement.Allocation;
import org.targetedmoney.bridge.settlement.AttemptStatus;
import org.targetedmoney.bridge.settlement.Batch;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.FollowUp;
import org.targetedmoney.bridge.settlement.FundingOutcome;
import org.targetedmoney.bridge.settlement.InstructedTransfer;
import org.targetedmoney.bridge.settlement.Reconciliation;
import org.targetedmoney.bridge.snapshot.SnapshotFrame;

/**
 * Guard: every field of every class whose state the snapshot holds is accounted for - written by the class's
 * {@code writeState} (or its codec), derived again on read, or configuration (in
 * {@link BridgeEngine#configurationFingerprint()}). A field added without being listed here fails this test, so a
 * new piece of state cannot be silently left out of snapshots (a restart would then lose it).
 */
class SnapshotCoverageTest {
    private static final String E = "encoded";
    private static final String D = "derived on read";
    private static final String C = "configuration (fingerprinted)";

    /** Per class, each non-static field and how the snapshot covers it. */
    static Map<Class<?>, Map<String, String>> covered() throws ClassNotFoundException {
        Map<Class<?>, Map<String, String>> m = new LinkedHashMap<>();
        m.put(BridgeEngine.class, fields("windows", C, "builder", C, "book", E, "reconciliation", E, "payees", E + " (configuration's + operators' changes)",
                "configuredPayees", C, "confirmation", C, "receipts", E,
                "interEnterprise", E + " + " + C, "nextBlock", E, "nextLogIndex", E, "headBlock", E,
                "headTimestampSeconds", E, "linesRead", E, "unbatched", E, "nextPart", E, "batches", E, "waiting", E,
                "toInstruct", E, "orders", E, "bankMessages", E, "attestations", E, "unattested", D,
                "creditReferences", E, "tally", D + " (every batch recorded, as recount() does)",
                "touched", "transient (empty between inputs: writeState checks it)", "escalations", E,
                "escalationNotes", E));
        m.put(FundingBook.class, fields("plan", C, "order", D, "indexById", D, "balances", E, "creationUsed", E,
                "creditedCents", E, "creationUsedTotalCents", D, "outstandingCents", E));
        m.put(Reconciliation.class, fields("byEndToEndId", E, "latest", D, "retries", D));
        m.put(InterEnterpriseBook.class, fields("fund", C, "calendar", C, "open", E, "settled", E, "orders", E,
                "carriedCents", E, "collectionOrders", E, "claims", E, "referenceByEndToEnd", E, "lastSequence", E,
                "bankMessages", E));
        m.put(Class.forName(InterEnterpriseBook.class.getName() + "$OpenPeriod"),
                fields("period", E, "carriedInCents", E, "payeeByDeclaration", E));
        m.put(Class.forName(InterEnterpriseBook.class.getName() + "$Closed"),
                fields("settlement", E, "payoutOrderIds", E));
        m.put(FundClaim.class, fields("reference", E, "flow", E, "period", E, "firmId", E, "amountCents", E,
                "payee", E, "remittance", E, "status", E, "attempt", E, "endToEndId", E, "orderId", E,
                "lastReason", E));
        m.put(FundCollectionOrder.class, fields("messageId", E, "period", E, "createdAtSeconds", E,
                "collectionDate", E, "items", E, "totalCents", E));
        m.put(FundCollectionOrder.Item.class, fields("firmId", E, "endToEndId", E, "amountCents", E, "payee", E,
                "remittance", E));
        m.put(FollowUp.Escalation.class, fields("batchId", E, "transferIndex", E, "endToEndId", E, "reasonCode", E,
                "cause", E));
        m.put(ReceiptBook.class, fields("expected", E, "matched", E, "unmatched", E, "unmatchedByMention", D,
                "receiptIds", E, "expectedCents", D, "confirmedCents", D, "unmatchedCents", D));
        m.put(ExpectedCredit.class, fields("credit", E, "declaredAtSeconds", E));
        m.put(Match.class, fields("credit", E, "receipt", E, "matchedAtSeconds", E));
        m.put(Arrival.class, fields("receipt", E, "receivedAtSeconds", E));
        m.put(BankReceipt.class, fields("id", E, "accountIban", E, "amountCents", E, "currency", E,
                "bookingDate", E, "endToEndId", E, "remittance", E));
        m.put(FundingCredit.class, fields("accountId", E, "kind", E, "period", E, "amountCents", E,
                "reference", E));
        m.put(FundPeriod.class, fields("fund", C, "calendar", C, "period", E, "carriedInCents", E, "inForce", E,
                "acceptedById", E, "poolCents", D, "fteHundredths", D, "fixedAllowancesCents", D, "settlement", D));
        m.put(Class.forName(FundPeriod.class.getName() + "$Entry"),
                fields("declaration", E, "contributionCents", D, "fixedAllowanceCents", D));
        m.put(Batch.class, fields("id", D, "provider", E, "window", E, "part", E, "mode", E, "lines", E,
                "subtotalsByPurposeCents", D, "totalCents", D, "hash", D));
        m.put(LedgerLine.class, fields("blockNumber", E, "logIndex", E, "transactionHash", E,
                "blockTimestampSeconds", E, "provider", E, "purpose", E, "kind", E, "amountCents", E, "reference", E));
        m.put(Allocation.class, fields("transferIndex", E, "accountId", E, "kind", E, "purpose", E, "fundingMonth", E,
                "amountCents", E));
        m.put(InstructedTransfer.class, fields("endToEndId", E, "batchId", E, "transferIndex", E, "attempt", E,
                "amountCents", E, "allocations", E));
        m.put(AttemptStatus.class, fields("transfer", E, "state", E, "decision", E, "bankReference", E,
                "reasonCode", E));
        m.put(FundingOutcome.Waiting.class, fields("code", E, "shortfallCents", E, "shortfallByPurposeCents", E));
        m.put(PaymentOrder.class, fields("messageId", E, "createdAtSeconds", E, "executionDate", E, "items", E,
                "totalCents", E));
        m.put(PaymentOrder.Item.class, fields("transfer", E + " (by end-to-end id: the reconciliation's attempt)",
                "payee", E + " (the one the order was cut with)", "remittance", D));
        m.put(Payee.class, fields("provider", E, "name", E, "iban", E, "bic", E));
        m.put(FirmPayee.class, fields("name", E, "iban", E, "bic", E, "mandate", E));
        m.put(FirmPayee.Mandate.class, fields("mandateId", E, "signedOn", E));
        m.put(FundPayoutOrder.class, fields("messageId", E, "period", E, "createdAtSeconds", E, "executionDate", E,
                "items", E, "totalCents", E));
        m.put(FundPayoutOrder.Item.class, fields("firmId", E, "endToEndId", E, "amountCents", E, "payee", E,
                "remittance", E));
        m.put(FirmDeclaration.class, fields("declarationId", E, "period", E, "firmId", E, "valueAddedCents", E,
                "fteHundredths", E));
        m.put(FundSettlement.class, fields("period", E, "fundAccountId", E, "allowanceMode", E,
                "allowancePerFteCents", E, "firms", E, "totalContributionsCents", E, "totalAllowancesCents", E,
                "carriedInCents", E, "carriedOutCents", E));
        m.put(FirmNet.class, fields("firmId", E, "declarationId", E, "fteHundredths", E, "contributionCents", E,
                "allowanceCents", E, "netCents", E));
        return m;
    }

    @Test
    void everyFieldOfTheSnapshottedClasses_isEncodedDerivedOrConfiguration() throws Exception {
        List<String> problems = new ArrayList<>();
        covered().forEach((type, listed) -> {
            Set<String> declared = new TreeSet<>();
            Arrays.stream(type.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                    .map(Field::getName).forEach(declared::add);
            Set<String> missing = new TreeSet<>(declared);
            missing.removeAll(listed.keySet());
            Set<String> gone = new TreeSet<>(listed.keySet());
            gone.removeAll(declared);
            if (!missing.isEmpty()) {
                problems.add(type.getName() + " has field(s) " + missing + " that the engine snapshot does not cover");
            }
            if (!gone.isEmpty()) {
                problems.add(type.getName() + " no longer has field(s) " + gone + " listed here");
            }
        });
        assertThat(problems).as("""
                The engine snapshot must hold the whole engine state, or a restart from a snapshot loses what a \
                journal replay keeps. For each new field: write it in the class's writeState (or its codec: \
                SettlementCodec, ContributionCodec, EngineCodec) and read it back in readState; or rebuild it in \
                readState if it is derived from encoded fields; or add it to BridgeEngine.configurationFingerprint() \
                if it comes from the configuration. Then bump SnapshotFrame.FORMAT_VERSION (now %d) so that older \
                snapshots are ignored, extend EngineStories so the property EngineSnapshotProperties exercises it, \
                and list the field in SnapshotCoverageTest.covered(). Problems:""", SnapshotFrame.FORMAT_VERSION)
                .isEmpty();
    }

    private static Map<String, String> fields(String... nameThenHow) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenHow.length; i += 2) {
            m.put(nameThenHow[i], nameThenHow[i + 1]);
        }
        return m;
    }
}
