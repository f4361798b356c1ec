package org.targetedmoney.bridge.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One pain.008 file's worth of the inter-enterprise fund's direct debits (SEPA CORE) for a closed period: what firms
 * with a positive net owe, collected into the fund's own bank account under their mandates. Decided by the engine
 * (at the period's close, or when the bank refuses or returns a collection, for the retry), like
 * {@link FundPayoutOrder}: the adapter renders and writes it, and rewrites the same bytes after a crash.
 *
 * @param messageId        {@code IEC-<period>-<sequence>}, e.g. {@code IEC-2026-11-0001}
 * @param period           the fund period settled
 * @param createdAtSeconds the ledger head time that decided the order
 * @param collectionDate   requested collection date ({@link InterEnterpriseBook#COLLECTION_DELAY_DAYS} days after
 *                         {@code createdAtSeconds}, UTC)
 * @param items            the debits, by reference
 * @param totalCents       their sum (the file's control sum)
 */
public record FundCollectionOrder(String messageId, YearMonth period, long createdAtSeconds, LocalDate collectionDate,
                                  List<Item> items, long totalCents) {
    public FundCollectionOrder {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(collectionDate, "collectionDate");
        items = List.copyOf(items);
    }

    /**
     * One direct debit of a firm.
     *
     * @param endToEndId the attempt's id: the due's reference {@code ief-<period>-<SIREN>[-<part>]}, with
     *                   {@code -r<attempt>} from the second attempt on
     * @param payee      the firm's account and mandate (present)
     */
    public record Item(String firmId, String endToEndId, long amountCents, FirmPayee payee, String remittance) {
        public Item {
            Objects.requireNonNull(firmId, "firmId");
            Objects.requireNonNull(endToEndId, "endToEndId");
            Objects.requireNonNull(payee, "payee");
            Objects.requireNonNull(remittance, "remittance");
            if (payee.mandate().isEmpty()) {
                throw new IllegalArgumentException("a direct debit of " + firmId + " needs the firm's mandate");
            }
        }
    }
}
