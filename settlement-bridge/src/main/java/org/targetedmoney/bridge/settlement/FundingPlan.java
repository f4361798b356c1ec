package org.targetedmoney.bridge.settlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.targetedmoney.bridge.funding.SourceKind;

/**
 * The declared funding waterfall (configuration, a value).
 *
 * <p>For each purpose, a batch is funded from the accounts covering that purpose, kinds in waterfall order
 * (contributions, then public accounts, then monetary creation) and, within a kind, in declared order.
 *
 * <p>The creation ceiling is one amount per month for all purposes together: the authorised debt-free creation
 * of a period is one decision for the whole scheme. Which purposes creation may fund is the creation account's
 * earmark. A batch uses the ceiling of its window's {@linkplain WindowId#fundingMonth() funding month}.
 *
 * @param accounts                      the accounts, in declared order; ids unique; at most one creation account
 * @param creationCeilingCentsPerMonth  creation allowed per month, 0 to {@link FundingBook#MAX_BALANCE_CENTS};
 *                                      above 0 only with a creation account
 */
public record FundingPlan(List<FundingAccount> accounts, long creationCeilingCentsPerMonth) {
    public static final int MAX_ACCOUNTS = 100;

    public FundingPlan {
        accounts = List.copyOf(accounts);
        if (accounts.size() > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("a funding plan has at most " + MAX_ACCOUNTS + " accounts");
        }
        Set<String> ids = new HashSet<>();
        long creationAccounts = 0;
        for (FundingAccount a : accounts) {
            if (!ids.add(a.id())) {
                throw new IllegalArgumentException("funding account " + a.id() + " is declared twice");
            }
            creationAccounts += a.kind() == SourceKind.MONETARY_CREATION ? 1 : 0;
        }
        if (creationAccounts > 1) {
            throw new IllegalArgumentException("a funding plan has at most one monetary creation account");
        }
        if (creationCeilingCentsPerMonth < 0 || creationCeilingCentsPerMonth > FundingBook.MAX_BALANCE_CENTS) {
            throw new IllegalArgumentException("creation ceiling " + creationCeilingCentsPerMonth + " is outside 0.."
                    + FundingBook.MAX_BALANCE_CENTS);
        }
        if (creationCeilingCentsPerMonth > 0 && creationAccounts == 0) {
            throw new IllegalArgumentException("a creation ceiling needs a monetary creation account");
        }
    }

    /** The accounts in the order the waterfall draws on them: by kind (enum order), then declared order. */
    public List<FundingAccount> waterfallOrder() {
        List<FundingAccount> ordered = new ArrayList<>(accounts);
        ordered.sort(Comparator.comparing(FundingAccount::kind)); // stable: declared order within a kind
        return ordered;
    }

    /** The account with this id, if declared. */
    public Optional<FundingAccount> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
