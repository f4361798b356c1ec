package org.targetedmoney.netconfig.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {
    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    @Test
    void contains_addressesInsideAndOutsideTheBlock() throws Exception {
        assertThat(cidr("127.0.0.0/8").contains(InetAddress.getByName("127.1.2.3"))).isTrue();
        assertThat(cidr("127.0.0.0/8").contains(InetAddress.getByName("128.0.0.1"))).isFalse();
        assertThat(cidr("10.1.2.3/32").contains(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(cidr("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(cidr("::1/128").contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(cidr("::1/128").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(cidr("fd00::/8").contains(InetAddress.getByName("fd12:3456::1"))).isTrue();
    }

    @Test
    void problem_namesWhatIsWrong() {
        assertThat(Cidr.problem("127.0.0.1")).startsWith("missing /prefix-length");
        assertThat(Cidr.problem("localhost/8")).isEqualTo("not an IPv4 or IPv6 address before the /");
        assertThat(Cidr.problem("10.0.0.0/33")).isEqualTo("prefix length must be 0 to 32");
        assertThat(Cidr.problem("10.0.0.5/8")).isEqualTo("host bits are set after the first 8 bits (did you mean"
                + " 10.0.0.0/8?)");
        assertThat(Cidr.problem("::ffff:10.0.0.1/128")).startsWith("an IPv4-mapped IPv6 address");
        assertThat(Cidr.problem("fd00::/8")).isNull();
    }

    @Test
    void equals_sameBlockWrittenDifferently() {
        assertThat(cidr("::1/128")).isEqualTo(cidr("0:0:0:0:0:0:0:1/128")).hasToString("::1/128");
    }
}
