package org.targetedmoney.bridge.contribution;

import java.util.Objects;

/**
 * Why a contribution input (a firm's declaration, a member's contribution, a public credit, a contribution
 * scale) was refused: a stable code, the field (or line and field) it is about, and a message for people that
 * names the field and the value. A refusal changes nothing; the service keeps the input for inspection.
 *
 * @param code    stable UPPER_SNAKE code, stored and returned by the API
 * @param field   the field refused, e.g. {@code firmId}, or {@code line 4: contribution_cents} for a scale
 * @param message for people: field, value, and why
 */
public record ContributionRejection(Code code, String field, String message) {

    /** Stable refusal codes. Never rename one: clients and stored refusals hold them. */
    public enum Code {
        /** An id or reference is empty, too long, or has characters outside its allowed set. */
        INVALID_ID,
        /** The firm id is not a SIREN: 9 digits whose Luhn checksum holds. */
        INVALID_FIRM_ID,
        /** The member reference is not an opaque token (it must carry no personal data). */
        INVALID_MEMBER_REF,
        /** A free-text reference is blank, too long, or holds control characters. */
        INVALID_REFERENCE,
        NEGATIVE_FTE,
        FTE_TOO_LARGE,
        NEGATIVE_INCOME,
        /** An amount (or a running period total) is beyond the limits of exact cents arithmetic. */
        AMOUNT_OVERFLOW,
        NON_POSITIVE_AMOUNT,
        /** The period is older than the calendar's late window, or its fund period is already settled. */
        PERIOD_CLOSED,
        /** The period is beyond the calendar's horizon. */
        PERIOD_NOT_OPEN,
        /** The declaration is for another period than the fund period it was given to. */
        WRONG_PERIOD,
        /** The firm already declared for this period under another id; send it as a correction. */
        DUPLICATE_DECLARATION,
        /** A correction for a firm that has no declaration for this period. */
        NOTHING_TO_CORRECT,
        /** The same input id was already used for a different input. */
        ID_REUSED,
        /** The fund period holds as many declarations as it may. */
        TOO_MANY_DECLARATIONS,
        /** The amount paid does not fit the sliding scale for the declared income. */
        SCALE_MISMATCH,
        UNKNOWN_ACCOUNT,
        /** Scale text is not well-formed (header, columns, numbers, encoding, JSON shape). */
        SCALE_MALFORMED,
        SCALE_TOO_LARGE,
        SCALE_EMPTY,
        SCALE_TOO_MANY_BANDS,
        SCALE_FIRST_BAND_NOT_ZERO,
        /** Income floors must be strictly increasing. */
        SCALE_NOT_INCREASING,
        /** Contributions must not decrease as income rises. */
        SCALE_CONTRIBUTION_DECREASING,
        /** A band's contribution is outside the configured [minimum, maximum]. */
        SCALE_CONTRIBUTION_OUT_OF_RANGE
    }

    /** Longest echo of a refused value in a message: refused input can be arbitrarily long. */
    static final int MAX_ECHOED_CHARS = 80;

    public ContributionRejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** A refusal whose message reads {@code field=value: why}. */
    static ContributionRejection of(Code code, String field, Object value, String why) {
        return new ContributionRejection(code, field, field + "=" + echo(value) + ": " + why);
    }

    /** The stable code as text (the enum constant's name). */
    public String codeText() {
        return code.name();
    }

    /** A refused value as it can be shown: quoted if text, control characters escaped, long text cut. */
    static String echo(Object value) {
        if (!(value instanceof String s)) {
            return String.valueOf(value);
        }
        StringBuilder b = new StringBuilder("\"");
        int n = Math.min(s.length(), MAX_ECHOED_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > n) {
            b.append("...(").append(s.length()).append(" chars)");
        }
        return b.append('"').toString();
    }
}
