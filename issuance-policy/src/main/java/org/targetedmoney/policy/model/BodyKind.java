package org.targetedmoney.policy.model;

/**
 * What a governance body may decide, as the role its on-ledger account holds. The code is part of the
 * protocol (the {@code uint8 kind} of {@code createBody}): never renumber.
 */
public enum BodyKind {
    /** The national body: acts as the monetary AUTHORITY, anywhere. */
    NATIONAL(0, Role.AUTHORITY),
    /** A local committee: acts as a COMMITTEE within its territory and the territories under it. */
    LOCAL(1, Role.COMMITTEE);

    private final int code;
    private final Role role;

    BodyKind(int code, Role role) {
        this.code = code;
        this.role = role;
    }

    public int code() {
        return code;
    }

    public Role role() {
        return role;
    }

    /** The kind with this protocol code, or null. */
    public static BodyKind ofCode(int code) {
        for (BodyKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }

    /**
     * The account a body acts through: {@code 0x000000000000000000000000b0d10000} then the body id. Nobody
     * holds its key; it acts only when one of the body's proposals is executed.
     */
    public static Address account(int bodyId) {
        byte[] a = new byte[Address.LENGTH];
        a[12] = (byte) 0xB0;
        a[13] = (byte) 0xD1;
        a[16] = (byte) (bodyId >>> 24);
        a[17] = (byte) (bodyId >>> 16);
        a[18] = (byte) (bodyId >>> 8);
        a[19] = (byte) bodyId;
        return Address.of(a);
    }

    /** The body id whose account {@code address} is (the inverse of {@link #account}), or 0 if it is no body's. */
    public static int bodyIdOf(Address address) {
        byte[] a = address.toBytes();
        int id = ((a[16] & 0xFF) << 24) | ((a[17] & 0xFF) << 16) | ((a[18] & 0xFF) << 8) | (a[19] & 0xFF);
        return id > 0 && account(id).equals(address) ? id : 0;
    }
}
