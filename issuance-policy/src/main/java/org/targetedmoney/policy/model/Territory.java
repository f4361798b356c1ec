package org.targetedmoney.policy.model;

import java.util.regex.Pattern;

/**
 * Hierarchical territory codes: {@code FR}, {@code FR-OCC}, {@code FR-OCC-34}, {@code FR-OCC-34-172}.
 * A code covers itself and every code below it (a convention in {@code FR-OCC-34} serves members of
 * {@code FR-OCC-34-172}), so "local first" is a matter of choosing the narrowest code.
 */
public final class Territory {
    public static final int MAX_CODE_LENGTH = 64;
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,8})*");

    private Territory() {}

    public static boolean isValidCode(String code) {
        return code != null && code.length() <= MAX_CODE_LENGTH && CODE.matcher(code).matches();
    }

    /** True if {@code area} is {@code place} or one of its ancestors. */
    public static boolean covers(String area, String place) {
        return place.equals(area) || (place.startsWith(area) && place.charAt(area.length()) == '-');
    }

    /** The code of {@code place}'s ancestor one level below {@code area} (which covers it strictly). */
    public static String childOn(String area, String place) {
        int end = place.indexOf('-', area.length() + 1);
        return end < 0 ? place : place.substring(0, end);
    }

    /** The parent code, or null for a top-level (country) code. */
    public static String parentOf(String code) {
        int dash = code.lastIndexOf('-');
        return dash < 0 ? null : code.substring(0, dash);
    }
}
