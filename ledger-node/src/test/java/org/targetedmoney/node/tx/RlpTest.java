package org.targetedmoney.node.tx;

import org.targetedmoney.policy.tx.RlpException;
import org.targetedmoney.policy.tx.RlpReader;
import org.targetedmoney.policy.tx.RlpWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Positive;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/** RlpWriter and RlpReader against web3j's encoder (the reference), and the canonical rules. */
class RlpTest {
    private static final HexFormat HEX = HexFormat.of();

    @Property
    void encodeLong_matchesWeb3j(@ForAll @Positive long value) {
        assertThat(RlpWriter.encodeLong(value)).isEqualTo(RlpEncoder.encode(RlpString.create(value)));
    }

    @Test
    void encodeLong_zeroAndBoundaries_matchWeb3j() {
        for (long v : new long[] {0, 1, 0x7f, 0x80, 0xff, 0x100, Long.MAX_VALUE}) {
            assertThat(RlpWriter.encodeLong(v)).as("%d", v).isEqualTo(RlpEncoder.encode(RlpString.create(v)));
        }
        assertThatThrownBy(() -> RlpWriter.encodeLong(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void encodeBytes_matchesWeb3j(@ForAll @Size(max = 300) byte[] bytes) {
        assertThat(RlpWriter.encodeBytes(bytes)).isEqualTo(RlpEncoder.encode(RlpString.create(bytes)));
    }

    @Property(tries = 200)
    void listHeader_matchesWeb3j(@ForAll("strings") List<byte[]> items) {
        List<RlpType> rlp = items.stream().<RlpType>map(RlpString::create).toList();
        int payload = rlp.stream().mapToInt(i -> RlpEncoder.encode(i).length).sum();
        byte[] web3j = RlpEncoder.encode(new RlpList(rlp));
        byte[] header = RlpWriter.listHeader(payload);
        assertThat(web3j).hasSize(header.length + payload);
        assertThat(Arrays.copyOf(web3j, header.length)).isEqualTo(header);
    }

    @Property(tries = 300)
    void reader_readsBackWhatWeb3jEncodes(@ForAll("trees") RlpList tree) {
        byte[] encoded = RlpEncoder.encode(tree);
        RlpReader reader = new RlpReader(encoded);
        String read = readTree(reader.nextList());
        reader.requireEnd();
        assertThat(read).isEqualTo(describe(tree));
    }

    @Property
    void reader_readLongAndBigInteger_matchWeb3jScalars(@ForAll @Positive long value) {
        byte[] encoded = RlpEncoder.encode(RlpString.create(value));
        assertThat(new RlpReader(encoded).readLong()).isEqualTo(value);
        assertThat(new RlpReader(encoded).readBigInteger(8)).isEqualTo(BigInteger.valueOf(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "8105",          // a byte below 0x80 wrapped in a header
        "b80103",        // long form for a 1-byte string
        "b90038" + "00", // length with a leading zero byte
        "c8",            // list declaring 8 bytes, none present
        "b8",            // long form with its length missing
        "83aabb",        // string one byte short
        "",              // nothing at all
    })
    void reader_refusesNonCanonicalOrTruncated(String hex) {
        RlpReader reader = new RlpReader(HEX.parseHex(hex));
        assertThatThrownBy(() -> {
            reader.skip();
            reader.requireEnd();
            new RlpReader(HEX.parseHex(hex)).nextList().countRemaining();
        }).isInstanceOf(RlpException.class);
    }

    @Test
    void reader_innerItemCannotReachPastItsParent() {
        // Outer list holds [c2 80]; the inner c2 wants 2 bytes, the second lies outside the outer.
        RlpReader outer = new RlpReader(HEX.parseHex("c2c2800101"));
        RlpReader list = outer.nextList();
        assertThatThrownBy(list::nextList).isInstanceOf(RlpException.class).hasMessageContaining("remain");
    }

    @Test
    void reader_refusesNonCanonicalScalars() {
        assertThatThrownBy(() -> new RlpReader(HEX.parseHex("820001")).readLong())
                .isInstanceOf(RlpException.class).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> new RlpReader(HEX.parseHex("00")).readLong())
                .isInstanceOf(RlpException.class).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> new RlpReader(HEX.parseHex("888000000000000000")).readLong())
                .isInstanceOf(RlpException.class).hasMessageContaining("63 bits");
        assertThat(new RlpReader(HEX.parseHex("80")).readLong()).isZero();
        assertThat(new RlpReader(HEX.parseHex("887fffffffffffffff")).readLong()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void reader_refusesTrailingBytesAndTypeMismatch() {
        RlpReader reader = new RlpReader(HEX.parseHex("c0c0"));
        reader.nextList();
        assertThatThrownBy(reader::requireEnd).hasMessageContaining("trailing");
        assertThatThrownBy(() -> new RlpReader(HEX.parseHex("c0")).nextString()).hasMessageContaining("byte string");
        assertThatThrownBy(() -> new RlpReader(HEX.parseHex("80")).nextList()).hasMessageContaining("a list");
    }

    @Test
    void reader_hugeDeclaredLength_refusedWithoutOverflow() {
        // 8 length bytes of 0xff: must not wrap to a negative int and slip past the bounds check.
        byte[] input = HEX.parseHex("bfffffffffffffffff00");
        assertThatThrownBy(() -> new RlpReader(input).skip()).isInstanceOf(RlpException.class)
                .hasMessageContaining("more bytes than");
    }

    @Provide
    Arbitrary<List<byte[]>> strings() {
        Arbitrary<byte[]> bytes = Arbitraries.integers().between(0, 3000)
                .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
        return bytes.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<RlpList> trees() {
        Arbitrary<RlpType> leaf = Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(RlpString::create);
        Arbitrary<RlpType> inner = leaf.list().ofMaxSize(5).map(RlpList::new);
        Arbitrary<RlpType> middle = Arbitraries.oneOf(leaf, inner).list().ofMaxSize(5).map(RlpList::new);
        return Arbitraries.oneOf(leaf, inner, middle).list().ofMaxSize(6).map(RlpList::new);
    }

    private static String describe(RlpType item) {
        if (item instanceof RlpString s) {
            return HEX.formatHex(s.getBytes());
        }
        List<String> parts = new ArrayList<>();
        for (RlpType child : ((RlpList) item).getValues()) {
            parts.add(describe(child));
        }
        return parts.toString();
    }

    private static String readTree(RlpReader list) {
        List<String> parts = new ArrayList<>();
        while (list.hasNext()) {
            boolean isList = (list.data()[list.position()] & 0xff) >= 0xc0;
            parts.add(isList ? readTree(list.nextList()) : HEX.formatHex(list.readBytes()));
        }
        return parts.toString();
    }
}
