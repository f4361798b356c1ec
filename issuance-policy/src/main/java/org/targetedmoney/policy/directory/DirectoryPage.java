package org.targetedmoney.policy.directory;

import java.util.List;

/**
 * One page of the directory, providers in directory order (the territory asked, the territories below it,
 * then, when asked, those above it from the nearest), each listed once. {@code next} is the cursor of the
 * following page, or null when there is no more; a page may hold fewer providers than asked, even none,
 * when it stopped at the work a page may do ({@link ProviderDirectory#MAX_ENTRIES_PER_PAGE}).
 */
public record DirectoryPage(List<ProviderListing> providers, String next) {
    public DirectoryPage {
        providers = List.copyOf(providers);
    }
}
