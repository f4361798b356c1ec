package org.targetedmoney.bridge.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.targetedmoney.bridge.engine.Payee;

/**
 * The bridge's configuration, read from one JSON file by {@link BridgeConfigReader}: where the ledger is, which
 * windows and mode settle providers, the funding accounts of the waterfall and the creation ceiling, the
 * contribution schemes, the payer's bank account and the providers' bank details.
 *
 * @param dataDir      the bridge's RocksDB store
 * @param outDir       where pain.001 files are written
 * @param ledger       the node followed and the bridge's account
 * @param http         the contribution and bank-file API
 * @param settlement   windows and netting mode
 * @param debtor       the account that pays providers
 * @param funding      the waterfall's accounts and ceiling
 * @param interEnterpriseFund the inter-enterprise fund (seed 001), if this bridge runs one
 * @param memberContributions the members' sliding-scale contributions (seed 003), if this bridge collects them
 * @param lateMonths   how many months before the ledger's current month still accept contributions
 * @param payees       providers' bank details, by ledger address (lower-case 0x form, sorted)
 */
public record BridgeConfig(Path dataDir, Path outDir, Ledger ledger, Http http, Settlement settlement, BankAccount debtor,
                           Funding funding, Optional<InterEnterpriseFund> interEnterpriseFund,
                           Optional<MemberContributions> memberContributions, int lateMonths, Map<String, Payee> payees) {

    /** @param keyFile a file holding the bridge account's private key (hex), the account with the BRIDGE role */
    public record Ledger(URI rpcUrl, Path keyFile, int confirmations, long pollMillis, int maxBlockRange) {}

    /**
     * @param tokensFile the API's bearer tokens ({@link org.targetedmoney.bridge.http.ApiTokens}: role, name and
     *                   SHA-256 per line, readable by its owner only); without it the API is open, which the
     *                   server allows only on a loopback host
     */
    public record Http(String host, int port, Optional<Path> tokensFile) {}

    /** @param window "daily", "weekly" or "monthly"; @param mode "net" or "gross" */
    public record Settlement(String window, String mode) {}

    /** @param bic may be empty (SEPA allows IBAN-only) */
    public record BankAccount(String name, String iban, String bic) {}

    /**
     * @param kind     "contributions", "public-account" or "monetary-creation" (at most one, bounded by the ceiling)
     * @param earmarks ledger purposes it may fund, empty = any
     */
    public record FundingAccount(String id, String name, String kind, Set<Integer> earmarks) {}

    /**
     * @param accounts           in waterfall order within each kind
     * @param creditConfirmation "declared" (a credit posted to the API funds at once) or "bank" (it funds once a
     *                           booked bank credit on a collection account matches it)
     * @param collectionIbans    the accounts declared credits arrive on (upper case, no spaces); empty: the
     *                           debtor's account
     */
    public record Funding(List<FundingAccount> accounts, long creationCeilingCentsPerMonth, String creditConfirmation,
                          List<String> collectionIbans) {
        public Funding {
            accounts = List.copyOf(accounts);
            collectionIbans = List.copyOf(collectionIbans);
        }

        /** Declared credits fund at once; collected on the debtor's account. */
        public Funding(List<FundingAccount> accounts, long creationCeilingCentsPerMonth) {
            this(accounts, creationCeilingCentsPerMonth, "declared", List.of());
        }
    }

    /** The IBANs of the collection accounts: those configured, else the debtor's. */
    public Set<String> collectionIbans() {
        return funding.collectionIbans().isEmpty() ? Set.of(debtor.iban()) : Set.copyOf(funding.collectionIbans());
    }

    /**
     * @param accountId       the fund's funding account: a "contributions" account of the waterfall, credited with
     *                        the dues collected from firms
     * @param rateBasisPoints share of value added mutualised (2 500 = 25 %)
     * @param fixedAllowanceCentsPerFte empty: equal share of the period's contributions per FTE
     * @param fundAccount     the fund's own bank account, debited by its payout orders to firms and credited by its
     *                        direct debits of firms
     * @param creditorId      the fund's SEPA creditor identifier (e.g. FR72ZZZ123456), named in its pain.008 files
     */
    public record InterEnterpriseFund(String accountId, int rateBasisPoints, Optional<Long> fixedAllowanceCentsPerFte,
                                      BankAccount fundAccount, String creditorId) {}

    /** @param scaleFile a CSV sliding scale; empty: the SSA example scale shipped with the bridge */
    public record MemberContributions(String accountId, Optional<Path> scaleFile) {}

    /** The payee of a provider address (lower-case 0x form), if its bank details are known. */
    public Optional<Payee> payeeOf(String provider) {
        return Optional.ofNullable(payees.get(provider.toLowerCase(java.util.Locale.ROOT)));
    }
}
