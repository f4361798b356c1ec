package org.targetedmoney.bench.scale;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity;

/**
 * Member number {@code i} of a generated state, derived from {@code keccak256(DOMAIN || i)} alone, so
 * that the generator streams members and a benchmark finds any one of them again without a list.
 * Addresses are the hash's last 20 bytes, like Ethereum addresses: spread uniformly over the key
 * space, so storage sees them in no convenient order and shares no key prefixes between them.
 */
final class ScaleMembers {
    private static final byte[] DOMAIN = "targeted-money/scale-member/".getBytes(StandardCharsets.US_ASCII);
    private static final int ADDRESS_OFFSET = 32 - Address.LENGTH;
    /**
     * Cumulative percentages of households of 1..5 people, roughly France's (INSEE census: 37 % of
     * households are one person, 33 % two, 14 % three, 11 % four, 5 % five or more).
     */
    private static final int[] HOUSEHOLD_CUMULATIVE_PERCENT = {37, 70, 84, 95, 100};
    private static final int PERCENT = 100;

    private ScaleMembers() {}

    /** The member as enrolment writes it before any epoch is open: credit from the first opening. */
    static Entity.Member member(long index) {
        byte[] h = hash(index);
        ByteBuffer b = ByteBuffer.wrap(h);
        // The hash's first 12 bytes are not in the address: they pick the territory and household.
        int territory = Math.floorMod(b.getInt(0), ScaleGenesis.MEMBER_TERRITORIES.size());
        int percentile = Math.floorMod(b.getInt(4), PERCENT);
        int household = 1;
        while (percentile >= HOUSEHOLD_CUMULATIVE_PERCENT[household - 1]) {
            household++;
        }
        return new Entity.Member(Address.read(h, ADDRESS_OFFSET), ScaleGenesis.MEMBER_TERRITORIES.get(territory),
                household, 0, -1, List.of());
    }

    static Address address(long index) {
        return Address.read(hash(index), ADDRESS_OFFSET);
    }

    private static byte[] hash(long index) {
        byte[] input = ByteBuffer.allocate(DOMAIN.length + Long.BYTES).put(DOMAIN).putLong(index).array();
        return Keccak.hash(input);
    }
}
