package org.targetedmoney.policy.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity.Account;
import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.Bucket;
import org.targetedmoney.policy.state.Entity.Convention;
import org.targetedmoney.policy.state.Entity.EnrolmentCount;
import org.targetedmoney.policy.state.Entity.Epoch;
import org.targetedmoney.policy.state.Entity.EpochCounters;
import org.targetedmoney.policy.state.Entity.EpochPolicy;
import org.targetedmoney.policy.state.Entity.Member;
import org.targetedmoney.policy.state.Entity.Meta;
import org.targetedmoney.policy.state.Entity.Nonce;
import org.targetedmoney.policy.state.Entity.ProviderBalance;
import org.targetedmoney.policy.state.Entity.Purpose;
import org.targetedmoney.policy.state.Entity.PurposeTotals;
import org.targetedmoney.policy.state.Entity.TerritoryEntry;

/**
 * The canonical encoding stores every entity and gives it back unchanged; corrupt bytes are reported as
 * {@link IllegalArgumentException} ("corrupt entity encoding"), never as another exception.
 */
class EntityCodecProperties {

    @Property(tries = 500)
    void decode_ofEncode_isTheSameEntity(@ForAll("entities") Entity e) {
        byte[] encoded = EntityCodec.encode(e);

        assertThat(EntityCodec.decode(encoded)).isEqualTo(e);
        assertThat(encoded[0]).as("the value starts with the kind byte of its key").isEqualTo(e.key().kind());
    }

    @Property(tries = 500)
    void decode_ofRandomBytes_failsOnlyWithIllegalArgument(@ForAll @Size(max = 120) byte[] bytes) {
        decodesOrReportsCorruption(bytes);
    }

    @Property(tries = 500)
    void decode_ofACorruptedEncoding_failsOnlyWithIllegalArgument(@ForAll("entities") Entity e,
            @ForAll("positions") int position, @ForAll byte value, @ForAll boolean truncate) {
        byte[] encoded = EntityCodec.encode(e);
        int at = position % encoded.length;
        byte[] corrupt = truncate ? Arrays.copyOf(encoded, at) : encoded.clone();
        if (!truncate) {
            corrupt[at] = value;
        }
        decodesOrReportsCorruption(corrupt);
    }

    private static void decodesOrReportsCorruption(byte[] bytes) {
        try {
            EntityCodec.decode(bytes);
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageContaining("corrupt entity encoding");
        }
    }

    @Test
    void decode_negativeStringLength_isCorruption() {
        byte[] territory = {Keys.TERRITORY, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 'F', 'R'};

        assertThatThrownBy(() -> EntityCodec.decode(territory)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode_stringLengthNearIntMax_isCorruption() {
        byte[] territory = {Keys.TERRITORY, (byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 'F', 'R'};

        assertThatThrownBy(() -> EntityCodec.decode(territory)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode_memberWithAnEmptyBucket_isCorruption() {
        Member m = new Member(Address.ZERO, "FR", 1, 0, 0, List.of(new Bucket(0, 1, 5, 3)));
        byte[] encoded = EntityCodec.encode(m);
        Arrays.fill(encoded, encoded.length - 12, encoded.length - 4, (byte) 0); // amount of the bucket := 0

        assertThatThrownBy(() -> EntityCodec.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode_empty_orUnknownKind_isCorruption() {
        assertThatThrownBy(() -> EntityCodec.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityCodec.decode(new byte[] {99})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown kind");
    }

    @Test
    void decode_trailingBytes_isCorruption() {
        byte[] encoded = EntityCodec.encode(new Nonce(Address.ZERO, 3));

        assertThatThrownBy(() -> EntityCodec.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    static Arbitrary<Address> addresses() {
        return Arbitraries.bytes().array(byte[].class).ofSize(Address.LENGTH).map(Address::of);
    }

    /** Codes, symbols and names, including multi-byte UTF-8 (Hérault, Île-de-France). */
    static Arbitrary<String> texts() {
        return Arbitraries.strings().alpha().numeric().withChars('-', ' ', 'é', 'Î', '€').ofMaxLength(30);
    }

    static Arbitrary<Integer> ints() {
        return Arbitraries.integers();
    }

    static Arbitrary<Long> longs() {
        return Arbitraries.longs();
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 255);
    }

    @Provide
    Arbitrary<Entity> entities() {
        Arbitrary<Bucket> bucket = Combinators.combine(ints(), ints(), Arbitraries.longs().greaterOrEqual(1), ints())
                .as(Bucket::new);
        return Arbitraries.oneOf(
                Combinators.combine(addresses(), ints(), texts().injectNull(0.3)).as(Account::new),
                Combinators.combine(addresses(), longs()).as(Nonce::new),
                Combinators.combine(addresses(), texts(), u8(), ints(), ints(), bucket.list().ofMaxSize(5))
                        .as(Member::new),
                Combinators.combine(addresses(), ints(), texts(), ints(), ints(), Arbitraries.of(true, false))
                        .as(Convention::new),
                Combinators.combine(addresses(), ints(), longs()).as(ProviderBalance::new),
                Combinators.combine(ints(), texts(), texts(), ints()).as(Purpose::new),
                texts().map(TerritoryEntry::new),
                Combinators.combine(ints(), ints(), ints(), longs().list().ofMaxSize(16), ints())
                        .as(AllowancePolicy::new),
                Combinators.combine(ints(), longs(),
                        Combinators.combine(ints(), ints()).as(EpochPolicy::new).list().ofMaxSize(5)).as(Epoch::new),
                Combinators.combine(ints(), ints(), longs(), longs(), longs(), ints(), Arbitraries.of(true, false))
                        .as(EpochCounters::new),
                Combinators.combine(ints(), longs(), longs(), longs(), longs(), longs()).as(PurposeTotals::new),
                Combinators.combine(texts(), u8(), longs()).as(EnrolmentCount::new),
                Combinators.combine(ints(), ints(), ints(), longs(), longs()).as(Meta::new),
                laterEntities());
    }

    /** Entities of the governance, product-category and planning features. */
    private static Arbitrary<Entity> laterEntities() {
        Arbitrary<List<Address>> members = addresses().list().ofMinSize(1).ofMaxSize(5);
        return Arbitraries.oneOf(
                Combinators.combine(addresses(), ints(), texts(), ints(), ints(), Arbitraries.of(true, false),
                        ints().list().ofMaxSize(5), Arbitraries.of(true, false)).as(Convention::new),
                Combinators.combine(u8(), texts(), texts()).as(Entity.Criterion::new),
                Combinators.combine(addresses(), texts(), texts(), ints()).as(Entity.ProviderProfile::new),
                Combinators.combine(texts(), addresses(), ints(), Arbitraries.of(true, false))
                        .as(Entity.DirectoryEntry::new),
                ints().map(Entity.DirectoryMeta::new),
                Combinators.combine(ints(), texts(), texts(), ints(), ints()).as(Purpose::new),
                Combinators.combine(ints(), ints(), texts(), texts()).as(Entity.Category::new),
                Combinators.combine(ints(), texts(), texts(), u8(), members).flatAs((id, name, territory, kind, m) ->
                        Arbitraries.integers().between(1, m.size()).map(q -> new Entity.Body(id, name, territory,
                                kind, m, q))),
                Combinators.combine(ints(), longs()).as(Entity.GovernanceMeta::new),
                Combinators.combine(longs(), ints(), addresses(), texts(), ints(), longs(), ints(), members)
                        .flatAs((id, body, proposer, action, from, delay, last, approvals) -> Combinators.combine(
                                addresses().list().ofMaxSize(3), u8(), longs(), texts()).as((rejections, status,
                                at, outcome) -> new Entity.Proposal(id, body, proposer, action, from, delay, last,
                                approvals, rejections, status, at, outcome))),
                Combinators.combine(texts(), ints(), longs()).as(Entity.TerritoryBudget::new),
                Combinators.combine(ints(), texts().list().ofMaxSize(4)).as(Entity.PurposeBudgets::new),
                Combinators.combine(texts(), ints(), ints(), longs(), texts(), addresses())
                        .as(Entity.NeedsAssessment::new),
                Combinators.combine(ints(), ints(), texts(), longs(), longs(), longs().list().ofMaxSize(3))
                        .as(Entity.TerritorySpending::new),
                Combinators.combine(ints(), longs()).as(Entity.CapitationRate::new),
                Combinators.combine(addresses(), ints(), addresses()).as(Entity.PatientChoice::new),
                Combinators.combine(addresses(), ints(), longs(), longs(), ints()).as(Entity.PatientCount::new),
                Combinators.combine(addresses(), ints(), ints(), longs(), longs()).as(Entity.CapitationClaim::new),
                Combinators.combine(texts(), ints(), Combinators.combine(ints(), ints()).as(Entity.ModulationStep::new)
                        .list().ofMaxSize(4)).as(Entity.TerritoryModulation::new),
                Combinators.combine(ints(), texts().list().ofMaxSize(4)).as(Entity.ModulatedTerritories::new),
                Combinators.combine(ints(), longs().list().ofMaxSize(4)).as(Entity.BodyAgenda::new),
                settlementEntities());
    }

    /** Entities of settlement attestations; a batch hash is 64 lower-case hex digits (its key is built from it). */
    private static Arbitrary<Entity> settlementEntities() {
        Arbitrary<String> hashes = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        return Arbitraries.oneOf(
                Combinators.combine(hashes, texts(), texts(), longs(), longs(), longs(), longs(), longs())
                        .flatAs((hash, id, window, total, contributions, publicAccounts, creation, lines) ->
                                Combinators.combine(longs(), longs(), addresses()).as((first, last, bridge) ->
                                        new Entity.SettlementAttestation(hash, id, window, total, contributions,
                                                publicAccounts, creation, lines, first, last, bridge))),
                Combinators.combine(longs(), longs(), longs(), longs(), longs()).as(Entity.SettlementTotals::new));
    }
}
