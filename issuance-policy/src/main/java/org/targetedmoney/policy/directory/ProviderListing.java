package org.targetedmoney.policy.directory;

import java.util.List;
import org.targetedmoney.policy.model.Address;

/**
 * A provider as the directory shows it. {@code name} and {@code specialty} are null when nobody described
 * it yet; {@code criteria} are the codes of the criteria it was attested to meet; {@code conventions} are
 * those that matched the query, by purpose.
 */
public record ProviderListing(Address address, String name, String specialty, List<String> criteria,
                              List<ConventionListing> conventions) {
    public ProviderListing {
        criteria = List.copyOf(criteria);
        conventions = List.copyOf(conventions);
    }
}
