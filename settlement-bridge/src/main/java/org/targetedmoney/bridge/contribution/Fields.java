package org.targetedmoney.bridge.contribution;

import java.util.Optional;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;

/**
 * Checks of the fields every contribution input shares: ids, opaque references, free-text references.
 * Each returns the refusal, or empty if the field is acceptable.
 */
final class Fields {
    private Fields() {}

    /** Longest input id (declaration, contribution, credit, account). */
    static final int MAX_ID_LENGTH = 64;
    /** Longest member reference: room for a prefixed hex SHA-256 such as {@code sha256:<64 hex digits>}. */
    static final int MAX_MEMBER_REF_LENGTH = 100;
    /** Longest free-text reference: the SEPA unstructured remittance information length. */
    static final int MAX_REFERENCE_LENGTH = 140;

    /**
     * An id: 1 to {@link #MAX_ID_LENGTH} characters among {@code A-Z a-z 0-9 . _ : -}, starting with a letter or
     * digit. The set keeps ids safe to echo, store as keys and print; it excludes spaces and {@code @}.
     */
    static Optional<ContributionRejection> id(String field, String value) {
        return token(Code.INVALID_ID, field, value, MAX_ID_LENGTH);
    }

    /**
     * A member reference: the same character set as ids, up to {@link #MAX_MEMBER_REF_LENGTH}. It must be opaque
     * (e.g. a hash of the member id): refusing spaces and {@code @} keeps names and e-mail addresses out.
     */
    static Optional<ContributionRejection> memberRef(String field, String value) {
        return token(Code.INVALID_MEMBER_REF, field, value, MAX_MEMBER_REF_LENGTH);
    }

    /** A free-text reference: not blank, at most {@link #MAX_REFERENCE_LENGTH} characters, no control characters. */
    static Optional<ContributionRejection> reference(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(ContributionRejection.of(Code.INVALID_REFERENCE, field, value, "must not be blank"));
        }
        if (value.length() > MAX_REFERENCE_LENGTH) {
            return Optional.of(ContributionRejection.of(Code.INVALID_REFERENCE, field, value,
                    "longer than " + MAX_REFERENCE_LENGTH + " characters"));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(ContributionRejection.of(Code.INVALID_REFERENCE, field, value,
                    "holds control characters"));
        }
        return Optional.empty();
    }

    private static Optional<ContributionRejection> token(Code code, String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return Optional.of(ContributionRejection.of(code, field, value, "must not be empty"));
        }
        if (value.length() > maxLength) {
            return Optional.of(ContributionRejection.of(code, field, value,
                    "longer than " + maxLength + " characters"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            boolean punct = c == '.' || c == '_' || c == ':' || c == '-';
            if (!alnum && !(punct && i > 0)) {
                return Optional.of(ContributionRejection.of(code, field, value, "character " + (i + 1)
                        + " is not allowed (letters, digits, and . _ : - after the first character)"));
            }
        }
        return Optional.empty();
    }
}
