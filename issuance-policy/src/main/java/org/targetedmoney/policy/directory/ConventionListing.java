package org.targetedmoney.policy.directory;

import java.util.List;

/** One convention of a listed provider; {@code categories} empty means every product category. */
public record ConventionListing(int purpose, String symbol, String territory, int validFromEpoch,
                                int validUntilEpoch, ConventionStatus status, List<Integer> categories) {
    public ConventionListing {
        categories = List.copyOf(categories);
    }
}
