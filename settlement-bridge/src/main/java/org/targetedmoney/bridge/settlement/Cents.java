package org.targetedmoney.bridge.settlement;

/** Exact euro-cent arithmetic: an overflow is a clear error naming what was being added, never a wrap. */
final class Cents {
    private Cents() {}

    static long add(long a, long b, String what) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " overflows a long number of cents: " + a + " + " + b, e);
        }
    }

    /** "1234.56" for 123456: integer arithmetic only, for people reading reports. */
    static String format(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        long units = abs / 100;
        long rest = abs % 100;
        return sign + units + "." + (rest < 10 ? "0" : "") + rest;
    }
}
