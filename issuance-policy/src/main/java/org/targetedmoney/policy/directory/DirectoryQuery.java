package org.targetedmoney.policy.directory;

/**
 * What a directory reader asks: the providers with a convention in {@code territory} or below it (and, with
 * {@code includeCovering}, in the territories above it, which serve it too).
 *
 * @param purpose only conventions of this purpose; 0 for every purpose
 * @param specialty only providers of this specialty, compared case aside; null for any
 * @param criteriaMask only providers attested to meet all these criteria (bit i = criterion i); 0 for any
 * @param limit how many providers a page holds, 1..{@link ProviderDirectory#MAX_LIMIT}
 * @param after the {@code next} cursor of the previous page; null for the first page
 */
public record DirectoryQuery(String territory, int purpose, String specialty, int criteriaMask,
                             boolean includeCovering, int limit, String after) {

    /** The first page of every provider of a territory and below, {@link ProviderDirectory#DEFAULT_LIMIT} at a time. */
    public static DirectoryQuery of(String territory) {
        return new DirectoryQuery(territory, 0, null, 0, false, ProviderDirectory.DEFAULT_LIMIT, null);
    }

    public DirectoryQuery withPurpose(int p) {
        return new DirectoryQuery(territory, p, specialty, criteriaMask, includeCovering, limit, after);
    }

    public DirectoryQuery withSpecialty(String s) {
        return new DirectoryQuery(territory, purpose, s, criteriaMask, includeCovering, limit, after);
    }

    public DirectoryQuery withCriteria(int mask) {
        return new DirectoryQuery(territory, purpose, specialty, mask, includeCovering, limit, after);
    }

    public DirectoryQuery withCovering(boolean covering) {
        return new DirectoryQuery(territory, purpose, specialty, criteriaMask, covering, limit, after);
    }

    public DirectoryQuery withLimit(int n) {
        return new DirectoryQuery(territory, purpose, specialty, criteriaMask, includeCovering, n, after);
    }

    public DirectoryQuery withAfter(String cursor) {
        return new DirectoryQuery(territory, purpose, specialty, criteriaMask, includeCovering, limit, cursor);
    }
}
