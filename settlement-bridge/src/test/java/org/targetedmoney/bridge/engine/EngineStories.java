package org.targetedmoney.bridge.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.targetedmoney.bridge.contribution.ContributionCalendar;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.contribution.InterEnterpriseFund;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.receipt.BankReceipt;
import org.targetedmoney.bridge.receipt.CreditConfirmation;
import org.targetedmoney.bridge.receipt.ExpectedCredit;
import org.targetedmoney.bridge.receipt.ReceiptReport;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.settlement.BankOutcome;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.SettlementWindow;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * Random engine stories for properties: a configuration (windows, mode, batch size, ceiling, payees, fund) and a
 * list of operations, turned into concrete {@link BridgeInput}s by running them on a reference engine (a bank
 * message names transfers the engine really instructed, an attestation a batch really settled). Built from the
 * fixtures of {@link BridgeEngineTest} and {@link InterEnterpriseBookTest}.
 */
final class EngineStories {
    static final String[] ACCOUNTS = {"ssa-members", "state", "creation", "nobody"};
    static final String[] FIRMS = {InterEnterpriseBookTest.FIRM_A, InterEnterpriseBookTest.FIRM_B,
            InterEnterpriseBookTest.FIRM_C};
    /** Bank details of firms: without a mandate, with one, with one signed after the collection date. */
    static final FirmPayee[] FIRM_PAYEES = {InterEnterpriseBookTest.PAYEE_A, InterEnterpriseBookTest.PAYEE_B,
            InterEnterpriseBookTest.PAYEE_C,
            new FirmPayee("Atelier A", "FR7630006000011234567890189", "",
                    Optional.of(new FirmPayee.Mandate("MANDATE-A-1", LocalDate.of(2025, 3, 1)))),
            new FirmPayee("Boulangerie B", "DE89370400440532013000", "COBADEFFXXX",
                    Optional.of(new FirmPayee.Mandate("MANDATE-B-1", LocalDate.of(2026, 6, 30)))),
            new FirmPayee("Cooperative C", "FR1420041010050500013M02606", "PSSTFRPPMON",
                    Optional.of(new FirmPayee.Mandate("MANDATE-C-9", LocalDate.of(2027, 1, 1))))};
    /** Bank details an operator may give a provider (valid IBANs, so the service could write them). */
    static final String[][] NEW_BANK_DETAILS = {{"FR1420041010050500013M02606", "PSSTFRPPMON"},
            {"DE89370400440532013000", "COBADEFFXXX"}, {"FR7630006000011234567890189", ""}};
    /** Operations: lines read 0-2, credits 3-4, cut-off or cut 5-7, bank news 8, attestation 9, declarations
     *  10-11, bank receipts 12-13, fund bank news 14-15, payee change 16, reissue 17, abandon 18. */
    static final int KINDS = 19;
    /** Late window 0: a month's fund period closes as soon as the ledger's clock enters the next month. */
    static final ContributionCalendar CALENDAR = new ContributionCalendar(0, 1);

    /** How an engine is configured; {@code fund}: 0 none, 1 equal share, 2 fixed allowance. */
    record Config(SettlementWindow window, SettlementMode mode, int maxLinesPerBatch, long ceilingCents,
                  boolean doctorPayable, int fund, CreditConfirmation confirmation) {
        BridgeEngine engine() {
            Map<String, Payee> payees = new TreeMap<>(BridgeEngineTest.bothPayees());
            if (!doctorPayable) {
                payees.remove(BridgeEngineTest.DOCTOR);
            }
            Optional<InterEnterpriseBook> book = switch (fund) {
                case 0 -> Optional.empty();
                case 1 -> Optional.of(new InterEnterpriseBook(InterEnterpriseFund.equalShare("ief", 2_500), CALENDAR));
                default -> Optional.of(new InterEnterpriseBook(InterEnterpriseFund.fixed("ief", 2_500, 150_000),
                        CALENDAR));
            };
            return new BridgeEngine(window, new BatchBuilder(mode, maxLinesPerBatch),
                    new FundingBook(BridgeEngineTest.plan(ceilingCents)), payees, book, confirmation);
        }
    }

    /** One operation: {@code kind} picks what, the other numbers how. */
    record Op(int kind, int a, int b, long c) {}

    static Arbitrary<Config> configs() {
        return Combinators.combine(Arbitraries.of(SettlementWindow.DAILY, SettlementWindow.WEEKLY),
                Arbitraries.of(SettlementMode.class), Arbitraries.integers().between(1, 4),
                Arbitraries.longs().between(0, 60_000), Arbitraries.of(true, false), Arbitraries.integers().between(0, 2),
                Arbitraries.of(CreditConfirmation.class))
                .as(Config::new);
    }

    static Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, KINDS - 1), Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99), Arbitraries.longs().between(1, 5_000))
                .as(Op::new).list().ofMinSize(5).ofMaxSize(40);
    }

    /** Configurations running the fund (equal share or fixed allowance). */
    static Arbitrary<Config> fundConfigs() {
        return configs().filter(c -> c.fund() != 0);
    }

    /**
     * Stories of the fund's bank: a first read (the engine's clock), then firms declare (so this month's period has firms), then any operations,
     * with reads up to a week each so the period closes and its payouts and dues meet the bank.
     */
    static Arbitrary<List<Op>> fundOps() {
        Arbitrary<List<Op>> declarations = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(1, 99).filter(b -> b % 4 != 0), Arbitraries.longs().between(1, 5_000))
                .as((a, b, c) -> new Op(10, a, b, c)).list().ofMinSize(2).ofMaxSize(6);
        Arbitrary<List<Op>> closing = Arbitraries.longs().between(3_000, 6_000).map(c -> new Op(0, 0, 0, c)).list()
                .ofMinSize(2).ofMaxSize(3);
        Arbitrary<List<Op>> rest = Combinators.combine(Arbitraries.of(14, 15, 14, 15, 0, 12, 3, 10),
                        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99),
                        Arbitraries.longs().between(1, 5_000)).as(Op::new).list().ofMinSize(3).ofMaxSize(25);
        return Combinators.combine(declarations, closing, rest).as((d, c, r) -> {
            List<Op> all = new ArrayList<>(List.of(new Op(0, 0, 0, 1))); // the engine learns the ledger's time
            all.addAll(d);
            all.addAll(c);
            all.addAll(r);
            return all;
        });
    }

    /** The concrete inputs of a story, each as the reference engine met it (refused ones included). */
    static List<BridgeInput> inputs(Config config, List<Op> ops) {
        return new Materializer(config.engine()).run(ops);
    }

    /** The engine's encoding. */
    static byte[] encode(BridgeEngine e) {
        StateWriter out = new StateWriter();
        e.writeState(out);
        return out.toByteArray();
    }

    /** Everything a reader of the engine can see. */
    record Picture(BridgeView view, List<BridgeView.BatchSummary> batches, FundingBook.Snapshot funding,
                   List<Attestation> toAttest, boolean payable, List<PaymentOrder> orders, long nextBlock,
                   BridgeStatus status, ReceiptReport receipts, List<EscalationView> escalations, List<Payee> payees,
                   Optional<Fund> fund) {}

    record Fund(List<YearMonth> open, List<YearMonth> settled, List<InterEnterpriseBook.Statement> statements,
                List<FundPayoutOrder> orders, List<FundCollectionOrder> collectionOrders, List<FundClaim> claims,
                List<FundClaim> escalated, long carriedCents) {}

    static Picture picture(BridgeEngine e) {
        return new Picture(e.view(), e.batches(null, Integer.MAX_VALUE), e.funding(), e.toAttest(), e.hasPayable(),
                e.newestOrders(Integer.MAX_VALUE), e.nextBlock(), e.status(),
                e.receipts().report(e.headTimestampSeconds(), Integer.MAX_VALUE), e.escalations(Integer.MAX_VALUE),
                e.payees(), e.interEnterprise().map(book -> {
                    List<InterEnterpriseBook.Statement> statements = new ArrayList<>();
                    List<FundClaim> claims = new ArrayList<>();
                    book.settledPeriods().forEach(m -> {
                        statements.add(book.statement(m).orElseThrow());
                        claims.addAll(book.claimsOf(m));
                    });
                    book.openPeriods().forEach(m -> statements.add(book.statement(m).orElseThrow()));
                    return new Fund(book.openPeriods(), book.settledPeriods(), statements, book.orders(),
                            book.collectionOrders(), claims, book.escalated(), book.carriedCents());
                }));
    }

    private static final class Materializer {
        private final BridgeEngine engine;
        private final List<BridgeInput> inputs = new ArrayList<>();
        private long block = 10;
        /** 2026-11-24: the fund's November closes a few reads in. */
        private long headSeconds = BridgeEngineTest.MONDAY + 22 * 86_400L;
        private int orders;
        private int bankMessages;
        private int receiptMessages;
        private int fundMessages;

        Materializer(BridgeEngine engine) {
            this.engine = engine;
        }

        List<BridgeInput> run(List<Op> ops) {
            for (Op op : ops) {
                BridgeInput in = input(op);
                if (in != null) {
                    engine.apply(in);
                    inputs.add(in);
                }
            }
            return inputs;
        }

        private BridgeInput input(Op op) {
            return switch (op.kind()) {
                case 0, 1, 2 -> read(op);
                case 3, 4 -> credit(op);
                case 5 -> op.a() < 30 ? new BridgeInput.Cutoff("operator") : cut(op);
                case 6, 7 -> cut(op);
                case 8 -> bank(op);
                case 9 -> attest(op);
                case 10, 11 -> declare(op);
                case 12, 13 -> receipts(op);
                case 14, 15 -> hasFundOrders() ? fundBank(op) : declare(op); // more declarations: more periods close
                case 16 -> payeeChange(op);
                case 17 -> escalated(op) == null ? bank(op) : reissue(op); // more bank news: more escalations
                default -> escalated(op) == null ? bank(op) : abandon(op);
            };
        }

        /** Some lines up to a new head, up to about three days later. */
        private BridgeInput read(Op op) {
            long newHead = headSeconds + op.c() * 100; // up to ~5.8 days
            List<LedgerLine> lines = new ArrayList<>();
            int count = op.a() % 5;
            for (int i = 0; i < count; i++) {
                long ts = headSeconds + (newHead - headSeconds) * i / Math.max(1, count);
                String provider = (op.b() + i) % 3 == 0 ? BridgeEngineTest.DOCTOR : BridgeEngineTest.SHOP;
                int purpose = provider.equals(BridgeEngineTest.DOCTOR) ? BridgeEngineTest.HEALTH : BridgeEngineTest.FOOD;
                lines.add(BridgeEngineTest.line(block++, 0, ts, provider, purpose, 1 + (op.c() * (i + 7)) % 3_000));
            }
            headSeconds = newHead;
            block++;
            return new BridgeInput.LinesRead(lines, block, 0, block - 1, headSeconds);
        }

        private BridgeInput credit(Op op) {
            String account = ACCOUNTS[op.a() % ACCOUNTS.length];
            boolean publicKind = account.equals("state") ^ op.b() % 7 == 0; // now and then the wrong kind
            SourceKind kind = publicKind ? SourceKind.PUBLIC_ACCOUNT : SourceKind.CONTRIBUTIONS;
            return BridgeEngineTest.credit(account, kind, op.c() * 3, "ref-" + op.b() % 30);
        }

        private BridgeInput cut(Op op) {
            int n = op.b() % 10 == 0 && orders > 0 ? orders : ++orders; // now and then an id already used
            return new BridgeInput.CutPayments("TM-" + n, headSeconds, LocalDate.of(2026, 12, 1));
        }

        /** The bank's news about transfers really instructed (and now and then about an unknown one). */
        private BridgeInput bank(Op op) {
            List<PaymentOrder.Item> items = engine.newestOrders(Integer.MAX_VALUE).stream()
                    .flatMap(o -> o.items().stream()).toList();
            List<BankOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 1 + op.a() % 4; i++) {
                int fate = (int) ((op.c() + i * 13L) % 10);
                if (items.isEmpty() || fate == 9) {
                    outcomes.add(new BankOutcome.Booked("UNKNOWN-" + i, 100, "X"));
                    continue;
                }
                var t = items.get((op.b() + i) % items.size()).transfer();
                outcomes.add(switch (fate) {
                    case 0, 1, 2, 3 -> new BankOutcome.Booked(t.endToEndId(), t.amountCents(), "R" + Integer.toHexString(t.endToEndId().hashCode()));
                    case 4, 5 -> new BankOutcome.Rejected(t.endToEndId(), "AM04");
                    case 6 -> new BankOutcome.Rejected(t.endToEndId(), "AC04");
                    case 7 -> new BankOutcome.Returned(t.endToEndId(), t.amountCents(), "MS03");
                    default -> new BankOutcome.Booked(t.endToEndId(), t.amountCents() + 1, "WRONG");
                });
            }
            String id = op.b() % 9 == 0 && bankMessages > 0 ? "CAMT-" + bankMessages : "CAMT-" + ++bankMessages;
            return new BridgeInput.BankOutcomes(id, "camt.054", outcomes);
        }

        private BridgeInput attest(Op op) {
            List<Attestation> todo = engine.toAttest();
            if (todo.isEmpty()) {
                return null;
            }
            return new BridgeInput.Attested(todo.get(op.a() % todo.size()).batchId(), "0x" + Integer.toHexString(op.b()));
        }

        /** A firm's declaration or correction for this month or the last (which may be closed already). */
        private BridgeInput declare(Op op) {
            YearMonth now = ContributionCalendar.monthOf(headSeconds);
            YearMonth period = op.b() % 4 == 0 ? now.minusMonths(1) : now;
            int firm = op.a() % FIRMS.length;
            boolean correction = op.kind() == 11;
            String id = "d-" + firm + "-" + period + "-" + (correction ? op.b() % 3 : 0);
            long valueAdded = (op.c() - 1_000) * 1_000; // losses too
            return new BridgeInput.FirmDeclared(new FirmDeclaration(id, period, FIRMS[firm], valueAdded, op.a() * 10L),
                    correction, FIRM_PAYEES[(firm + op.b()) % FIRM_PAYEES.length]);
        }

        /**
         * Bank receipts on a collection account: for credits really expected (by end-to-end id or in the
         * remittance, now and then of another amount), or for a reference of the stories that may come later;
         * receipt ids from a small range, so an entry is reported twice and a smaller id can displace a match.
         */
        private BridgeInput receipts(Op op) {
            List<ExpectedCredit> expected = List.copyOf(engine.receipts().expected().values());
            List<BankReceipt> list = new ArrayList<>();
            for (int i = 0; i < 1 + op.a() % 3; i++) {
                String id = "RC-" + (op.c() + i * 7L) % 40;
                int fate = (op.b() + i) % 6;
                if (!expected.isEmpty() && fate < 4) {
                    FundingCredit c = expected.get((op.a() + i) % expected.size()).credit();
                    long cents = fate == 3 ? c.amountCents() + 1 : c.amountCents();
                    list.add(fate == 1 ? receipt(id, cents, null, "Cotisation " + c.reference() + ".")
                            : receipt(id, cents, c.reference(), null));
                } else {
                    list.add(receipt(id, op.c() * 3, "ref-" + (op.b() + i) % 30, null));
                }
            }
            String messageId = op.b() % 8 == 0 && receiptMessages > 0 ? "C54-" + receiptMessages
                    : "C54-" + ++receiptMessages;
            return new BridgeInput.ReceiptsBooked(messageId, list);
        }

        private static BankReceipt receipt(String id, long cents, String endToEndId, String remittance) {
            return new BankReceipt(id, "FR7630006000011234567890189", cents, "EUR", LocalDate.of(2026, 11, 3),
                    endToEndId, remittance);
        }

        /**
         * The bank's news about the fund's payouts and direct debits really ordered: booked (now and then of another
         * amount), refused, returned; now and then an unknown id, or a message id already used.
         */
        private BridgeInput fundBank(Op op) {
            Optional<InterEnterpriseBook> book = engine.interEnterprise();
            List<String[]> ordered = new ArrayList<>(); // end-to-end id, amount
            book.ifPresent(b -> {
                b.orders().forEach(o -> o.items().forEach(it -> ordered.add(
                        new String[] {it.endToEndId(), Long.toString(it.amountCents())})));
                b.collectionOrders().forEach(o -> o.items().forEach(it -> ordered.add(
                        new String[] {it.endToEndId(), Long.toString(it.amountCents())})));
            });
            List<BankOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 1 + op.a() % 4; i++) {
                int fate = (int) ((op.c() + i * 11L) % 10);
                if (ordered.isEmpty() || fate == 9) {
                    outcomes.add(new BankOutcome.Booked("ief-unknown-" + i, 100, "X"));
                    continue;
                }
                String[] pick = ordered.get((op.b() + i) % ordered.size());
                long cents = Long.parseLong(pick[1]);
                outcomes.add(switch (fate) {
                    case 0, 1, 2, 3 -> new BankOutcome.Booked(pick[0], cents, "B" + pick[0].hashCode());
                    case 4, 5 -> new BankOutcome.Rejected(pick[0], "AM04");
                    case 6, 7 -> new BankOutcome.Returned(pick[0], cents, "MD06");
                    default -> new BankOutcome.Booked(pick[0], cents + 1, "WRONG");
                });
            }
            String id = op.b() % 9 == 0 && fundMessages > 0 ? "FUND-" + fundMessages : "FUND-" + ++fundMessages;
            return new BridgeInput.FundBankOutcomes(id, op.a() % 2 == 0 ? "camt.054" : "pain.002", outcomes);
        }

        private boolean hasFundOrders() {
            return engine.interEnterprise().map(b -> !b.orders().isEmpty() || !b.collectionOrders().isEmpty())
                    .orElse(true); // no fund: its bank news is refused NOT_CONFIGURED, which is a story too
        }

        /** An operator gives a provider (new) bank details, now and then the ones it already has. */
        private BridgeInput payeeChange(Op op) {
            String provider = op.a() % 2 == 0 ? BridgeEngineTest.DOCTOR : BridgeEngineTest.SHOP;
            String[] details = NEW_BANK_DETAILS[op.b() % NEW_BANK_DETAILS.length];
            return new BridgeInput.PayeeChanged(new Payee(provider, "Provider " + op.b() % 3, details[0], details[1]),
                    "operator-" + op.a() % 2);
        }

        /** An operator re-issues an escalated transfer (or, now and then, one of a batch or index that is not). */
        private BridgeInput reissue(Op op) {
            EscalationView e = escalated(op);
            return e == null ? null : new BridgeInput.Reissue(e.batchId(), transferIndex(op, e), "operator");
        }

        private BridgeInput abandon(Op op) {
            EscalationView e = escalated(op);
            return e == null ? null : new BridgeInput.Abandon(e.batchId(), transferIndex(op, e),
                    "bank account closed", "operator-" + op.b() % 2);
        }

        private EscalationView escalated(Op op) {
            List<EscalationView> list = engine.escalations(Integer.MAX_VALUE);
            return list.isEmpty() ? null : list.get(op.a() % list.size());
        }

        private static int transferIndex(Op op, EscalationView e) {
            return op.b() % 10 == 0 ? e.transferIndex() + 1 : e.transferIndex(); // now and then a wrong index
        }
    }

    private EngineStories() {}
}
