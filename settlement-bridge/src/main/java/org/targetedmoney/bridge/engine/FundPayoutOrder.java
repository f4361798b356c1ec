package org.targetedmoney.bridge.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One pain.001 file's worth of the inter-enterprise fund's payouts for a closed period, debited from the fund's
 * own bank account. Decided by the engine in the same input that closes the period (so it is a function of the
 * journal, like {@link PaymentOrder}); the adapter renders and writes it, and rewrites the same bytes after a crash.
 *
 * @param messageId        {@code IEF-<period>-<sequence>}, e.g. {@code IEF-2026-11-0001}
 * @param period           the fund period settled
 * @param createdAtSeconds the ledger head time that closed the period
 * @param executionDate    requested execution date (the day after {@code createdAtSeconds}, UTC)
 * @param items            the transfers, by firm id
 * @param totalCents       their sum (the file's control sum)
 */
public record FundPayoutOrder(String messageId, YearMonth period, long createdAtSeconds, LocalDate executionDate,
                              List<Item> items, long totalCents) {
    public FundPayoutOrder {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(executionDate, "executionDate");
        items = List.copyOf(items);
    }

    /**
     * One credit transfer to a firm.
     *
     * @param endToEndId the payout's reference {@code ief-<period>-<SIREN>} (with {@code -<part>} when an amount
     *                   above the SEPA ceiling is split)
     */
    public record Item(String firmId, String endToEndId, long amountCents, FirmPayee payee, String remittance) {
        public Item {
            Objects.requireNonNull(firmId, "firmId");
            Objects.requireNonNull(endToEndId, "endToEndId");
            Objects.requireNonNull(payee, "payee");
            Objects.requireNonNull(remittance, "remittance");
        }
    }
}
