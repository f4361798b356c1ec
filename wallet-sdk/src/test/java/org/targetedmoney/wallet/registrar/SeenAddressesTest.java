package org.targetedmoney.wallet.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeenAddressesTest {
    static String address(long n) {
        return String.format("0x%040x", n);
    }

    @Test
    void addIfAbsent_manyAddresses_growsAndReturnsTheFirstLineOfEachDuplicate() {
        SeenAddresses seen = new SeenAddresses();
        int count = 200_000;

        for (int i = 1; i <= count; i++) {
            assertThat(seen.addIfAbsent(address(i), i)).isZero();
        }
        for (int i = 1; i <= count; i += 997) {
            assertThat(seen.addIfAbsent(address(i), count + i)).isEqualTo(i);
        }
        assertThat(seen.size()).isEqualTo(count);
    }

    @Test
    void addIfAbsent_addressesDifferingOnlyInTheirLastBytes_areDistinct() {
        SeenAddresses seen = new SeenAddresses();
        String base = "0xffffffffffffffffffffffffffffffff";

        assertThat(seen.addIfAbsent(base + "00000001", 1)).isZero();
        assertThat(seen.addIfAbsent(base + "00000002", 2)).isZero();
        assertThat(seen.addIfAbsent("0x" + "0".repeat(32) + "00000001", 3)).isZero();
        assertThat(seen.addIfAbsent(base + "00000001", 4)).isEqualTo(1);
    }

    @Test
    void addIfAbsent_lineNumberBeyond32Bits_isRefused() {
        assertThatThrownBy(() -> new SeenAddresses().addIfAbsent(address(1), SeenAddresses.MAX_LINE_NUMBER + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
