package org.targetedmoney.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyKindTest {
    @Test
    void bodyIdOf_isTheInverseOfAccount() {
        for (int id : new int[] {1, 2, 255, 256, 10_000, Integer.MAX_VALUE}) {
            assertThat(BodyKind.bodyIdOf(BodyKind.account(id))).as("body %d", id).isEqualTo(id);
        }
    }

    @Test
    void bodyIdOf_anyOtherAddress_isZero() {
        assertThat(BodyKind.bodyIdOf(Address.ZERO)).isZero();
        assertThat(BodyKind.bodyIdOf(BodyKind.account(0))).isZero();
        assertThat(BodyKind.bodyIdOf(Address.fromHex("0x00000000000000000000000000000000000000b1"))).isZero();
        assertThat(BodyKind.bodyIdOf(Address.fromHex("0x100000000000000000000000b0d1000000000001"))).isZero();
    }
}
