package org.targetedmoney.bridge.settlement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.targetedmoney.bridge.line.LedgerLine;

/**
 * The lines one provider is owed for one closed window (or one numbered part of them, see
 * {@link BatchBuilder#MAX_LINES_PER_BATCH}), paid in one credit transfer (NET) or one per line (GROSS). Built
 * only by {@link BatchBuilder}; immutable; equal when id and hash are.
 *
 * <p><b>Id</b>: {@code "B" + window text + "-" + the first 14 lower-case hex digits of
 * SHA-256(UTF-8(provider + "|" + window text + "|" + part))}, e.g. {@code B2026-W48-3f9a1c2b4d5e6f}: at most 26
 * characters, SEPA charset, usable as an ISO 20022 identifier. It does not depend on the mode, so a
 * configuration change cannot give the same lines a second id.
 *
 * <p><b>End-to-end ids</b> ({@link #endToEndId(int, int)}): {@code id + "-" + attempt} in NET mode,
 * {@code id + "-" + attempt + "-" + line index} in GROSS mode: at most 26 + 2 + 6 = 34 characters, new for
 * each attempt so that the bank never sees a retry as a duplicate.
 */
public final class Batch {
    /** Longest ISO 20022 identifier (Max35Text). */
    public static final int MAX_ID_LENGTH = 35;
    /** The SEPA character set, without a leading or trailing '/' nor "//" (EPC guidance on identifiers). */
    private static final Pattern SEPA_ID = Pattern.compile("(?!/)(?!.*//)[A-Za-z0-9/?:().,'+ -]{1,35}(?<!/)");

    private final String id;
    private final String provider;
    private final WindowId window;
    private final int part;
    private final SettlementMode mode;
    private final List<LedgerLine> lines;
    private final SortedMap<Integer, Long> subtotalsByPurposeCents;
    private final long totalCents;
    private final byte[] hash;

    /** Lines are those of one provider in {@code window}, sorted by position, without duplicates (checked by the builder). */
    Batch(String provider, WindowId window, int part, SettlementMode mode, List<LedgerLine> lines) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.window = Objects.requireNonNull(window, "window");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.part = part;
        this.lines = List.copyOf(lines);
        Check.that(!lines.isEmpty() && part >= 0, "a batch has lines and a part number >= 0");
        TreeMap<Integer, Long> subtotals = new TreeMap<>();
        long total = 0;
        LedgerLine previous = null;
        for (LedgerLine l : this.lines) {
            Check.that(l.provider().equals(provider) && window.contains(l.blockTimestampSeconds())
                    && (previous == null || BatchBuilder.POSITION.compare(previous, l) < 0),
                    "batch of %s in %s: line %s is the provider's, in the window, after the previous one",
                    provider, window, l.id());
            previous = l;
            subtotals.merge(l.purpose(), l.amountCents(), (a, b) -> Cents.add(a, b, "purpose subtotal"));
            total = Cents.add(total, l.amountCents(), "batch total");
        }
        this.subtotalsByPurposeCents = Collections.unmodifiableSortedMap(subtotals);
        this.totalCents = total;
        this.id = BatchEncoding.batchId(provider, window, part);
        this.hash = BatchEncoding.hash(id, window, provider, mode, this.lines);
        Check.that(isSepaIdentifier(endToEndId(transferCount() - 1, Reconciliation.MAX_ATTEMPT_NUMBER)),
                "batch %s: its longest end-to-end id is a SEPA identifier", id);
    }

    /** Whether text is usable as a SEPA identifier: 1 to 35 characters of the SEPA set, no leading, trailing or double '/'. */
    public static boolean isSepaIdentifier(String text) {
        return SEPA_ID.matcher(text).matches();
    }

    public String id() {
        return id;
    }

    /** 0x-prefixed lower-case address of the provider paid. */
    public String provider() {
        return provider;
    }

    public WindowId window() {
        return window;
    }

    /** 0 unless the provider's lines in the window exceed the batch limit: then 0, 1, 2... in position order. */
    public int part() {
        return part;
    }

    public SettlementMode mode() {
        return mode;
    }

    /** Its lines, sorted by position (block number, then log index). */
    public List<LedgerLine> lines() {
        return lines;
    }

    /** Sum of its lines per ledger purpose, purposes ascending. */
    public SortedMap<Integer, Long> subtotalsByPurposeCents() {
        return subtotalsByPurposeCents;
    }

    public long totalCents() {
        return totalCents;
    }

    /**
     * SHA-256 of the batch's canonical encoding: the bytes32 attested on the ledger. To recompute it, hash the
     * concatenation of, in this order (integers big-endian two's complement; "string" = its UTF-8 byte length as
     * a 4-byte integer, then those bytes):
     * <ol>
     *   <li>string {@code "targeted-money/settlement-batch/v1"} (domain and version);</li>
     *   <li>string batch id (e.g. {@code "B2026-W48-3f9a1c2b4d5e6f"});</li>
     *   <li>string window text ({@code "2026-11-30"}, {@code "2026-W48"} or {@code "2026-11"});</li>
     *   <li>the provider address, 20 raw bytes;</li>
     *   <li>string mode code ({@code "net"} or {@code "gross"});</li>
     *   <li>4-byte number of lines;</li>
     *   <li>for each line in position order: 8-byte block number, 4-byte log index, the transaction hash as 32
     *       raw bytes, string kind code ({@code "redemption"}, {@code "claim"}, {@code "capitation"}), 4-byte
     *       purpose, 8-byte amount in cents, 8-byte reference.</li>
     * </ol>
     *
     * @return a copy of the 32 bytes
     */
    public byte[] hash() {
        return hash.clone();
    }

    /** {@link #hash()} as 0x-prefixed lower-case hex. */
    public String hashHex() {
        return "0x" + HexFormat.of().formatHex(hash);
    }

    /** 1 in NET mode, the number of lines in GROSS mode. */
    public int transferCount() {
        return mode == SettlementMode.NET ? 1 : lines.size();
    }

    /** The transfer at {@code index} (0 in NET mode; the line's index in GROSS mode). */
    public CreditTransfer transfer(int index) {
        Objects.checkIndex(index, transferCount());
        if (mode == SettlementMode.NET) {
            return new CreditTransfer(0, totalCents, subtotalsByPurposeCents);
        }
        LedgerLine l = lines.get(index);
        return new CreditTransfer(index, l.amountCents(), new TreeMap<>(Map.of(l.purpose(), l.amountCents())));
    }

    /** All its transfers, by index. */
    public List<CreditTransfer> transfers() {
        List<CreditTransfer> out = new ArrayList<>(transferCount());
        for (int i = 0; i < transferCount(); i++) {
            out.add(transfer(i));
        }
        return out;
    }

    /**
     * The end-to-end id of one attempt at one transfer (see the class comment): deterministic, at most 34
     * characters, SEPA charset.
     *
     * @param attempt 1 for the first instruction, up to {@link Reconciliation#MAX_ATTEMPT_NUMBER}
     */
    public String endToEndId(int transferIndex, int attempt) {
        Objects.checkIndex(transferIndex, transferCount());
        if (attempt < 1 || attempt > Reconciliation.MAX_ATTEMPT_NUMBER) {
            throw new IllegalArgumentException("attempt " + attempt + " is outside 1.." + Reconciliation.MAX_ATTEMPT_NUMBER);
        }
        return mode == SettlementMode.NET ? id + "-" + attempt : id + "-" + attempt + "-" + transferIndex;
    }

    /**
     * What the bridge instructs the bank for one attempt at one transfer, with the allocations that fund it
     * (from {@link FundingOutcome.Funded#allocationsFor(int)} or a retry's funding).
     *
     * @throws IllegalArgumentException if the allocations are not all for this transfer or do not sum to its amount
     */
    public InstructedTransfer instruct(int transferIndex, int attempt, List<Allocation> allocations) {
        CreditTransfer t = transfer(transferIndex);
        return new InstructedTransfer(endToEndId(transferIndex, attempt), id, transferIndex, attempt,
                t.amountCents(), allocations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Batch b && id.equals(b.id) && Arrays.equals(hash, b.hash);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Batch[" + id + " " + provider + " " + window.text() + " " + mode.code() + " " + lines.size()
                + " lines " + Cents.format(totalCents) + " EUR " + hashHex() + "]";
    }
}
