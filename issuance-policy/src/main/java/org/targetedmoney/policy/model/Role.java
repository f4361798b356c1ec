package org.targetedmoney.policy.model;

/**
 * A role granted to an account on-ledger. The bit of each role is part of the protocol
 * (it is the {@code uint8 role} argument of {@code grantRole}): never renumber.
 * Being a member is not a role but an enrolment; being a provider comes with a convention.
 */
public enum Role {
    AUTHORITY(0),
    REGISTRAR(1),
    COMMITTEE(2),
    PROVIDER(3),
    AUDITOR(4),
    VALIDATOR(5),
    BRIDGE(6);

    private final int bit;

    Role(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public int mask() {
        return 1 << bit;
    }

    /** The role with this protocol bit, or null. */
    public static Role ofBit(int bit) {
        for (Role r : values()) {
            if (r.bit == bit) {
                return r;
            }
        }
        return null;
    }
}
