package org.targetedmoney.policy.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.abi.CallDecoder;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.genesis.Genesis.BodySpec;
import org.targetedmoney.policy.genesis.Genesis.TariffSpec;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.rules.Outcome;
import org.targetedmoney.policy.rules.Rules;
import org.targetedmoney.policy.rules.TxContext;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.MemoryState;
import org.targetedmoney.policy.state.StateRoots;

/** The state at block 0 of a genesis with governance bodies and a tariff schedule. */
class GenesisStateTest {
    static final List<Address> NATIONAL_MEMBERS =
            List.of(LedgerFixture.address(0x3001), LedgerFixture.address(0x3002), LedgerFixture.address(0x3003));
    static final List<Address> HERAULT_MEMBERS =
            List.of(LedgerFixture.address(0x3101), LedgerFixture.address(0x3102));
    static final List<BodySpec> BODIES = List.of(
            new BodySpec("Conseil national", "FR", BodyKind.NATIONAL, NATIONAL_MEMBERS, 2),
            new BodySpec("Comité SSA Hérault", "FR-OCC-34", BodyKind.LOCAL, HERAULT_MEMBERS, 1));
    static final List<TariffSpec> TARIFFS =
            List.of(new TariffSpec("HEALTH", "G", 2_650), new TariffSpec("HEALTH", "AMI", 315));

    private final Genesis genesis = LedgerFixture.genesis().withBodiesAndTariffs(BODIES, TARIFFS);

    private static MemoryState stateOf(Genesis g) {
        MemoryState state = new MemoryState();
        state.putAll(GenesisState.entities(g));
        return state;
    }

    @Test
    void bodies_haveIdsInOrder_andActThroughAccountsWithTheRoleOfTheirKind() {
        MemoryState state = stateOf(genesis);

        assertThat(state.body(1)).isEqualTo(new Entity.Body(1, "Conseil national", "FR", BodyKind.NATIONAL.code(),
                NATIONAL_MEMBERS, 2));
        assertThat(state.body(2).territory()).isEqualTo("FR-OCC-34");
        assertThat(state.body(2).kind()).isEqualTo(BodyKind.LOCAL.code());
        assertThat(state.body(3)).isNull();
        assertThat(state.account(BodyKind.account(1)))
                .isEqualTo(new Entity.Account(BodyKind.account(1), Role.AUTHORITY.mask(), null));
        assertThat(state.account(BodyKind.account(2)))
                .isEqualTo(new Entity.Account(BodyKind.account(2), Role.COMMITTEE.mask(), "FR-OCC-34"));
        assertThat(state.governanceMeta()).isEqualTo(new Entity.GovernanceMeta(2, 0));
    }

    @Test
    void tariffs_areSetForTheirPurposeId() {
        MemoryState state = stateOf(genesis);

        assertThat(state.tariff(HEALTH, "G")).isEqualTo(new Entity.Tariff(HEALTH, "G", 2_650));
        assertThat(state.tariff(HEALTH, "AMI").maxAmountCents()).isEqualTo(315);
        assertThat(state.tariff(LedgerFixture.FOOD, "G")).isNull();
    }

    /** Whatever a genesis body or tariff is, it is exactly what the authority's calls would have made. */
    @Test
    void bodiesAndTariffs_giveTheStateThatCreateBodyAndSetTariffCallsGive() {
        MemoryState viaCalls = stateOf(LedgerFixture.genesis());
        for (BodySpec b : BODIES) {
            apply(viaCalls, AUTHORITY, new Call.CreateBody(b.name(), b.territory(), b.kind().code(), b.members(),
                    b.quorum()));
        }
        for (TariffSpec t : TARIFFS) {
            apply(viaCalls, AUTHORITY, new Call.SetTariff(HEALTH, t.actCode(), t.maxAmountCents()));
        }

        assertThat(StateRoots.root(GenesisState.entities(genesis))).isEqualTo(StateRoots.root(viaCalls.all()));
    }

    @Test
    void aBodyCreatedOnLedgerAfterGenesisBodies_getsTheNextId() {
        MemoryState state = stateOf(genesis);

        apply(state, AUTHORITY, new Call.CreateBody("Comité SSA Paris", "FR-IDF-75", BodyKind.LOCAL.code(),
                List.of(LedgerFixture.address(0x3201)), 1));

        assertThat(state.body(3).name()).isEqualTo("Comité SSA Paris");
        assertThat(state.governanceMeta()).isEqualTo(new Entity.GovernanceMeta(3, 0));
    }

    /** Block 0 of a genesis without bodies keeps the state root it had before bodies existed. */
    @Test
    void noBodiesNorTariffs_writeNoGovernanceOrTariffEntities() {
        assertThat(GenesisState.entities(LedgerFixture.genesis()))
                .noneMatch(e -> e instanceof Entity.GovernanceMeta || e instanceof Entity.Body
                        || e instanceof Entity.Tariff);
    }

    @Test
    void bodyInUnknownTerritory_orAccountListedAtABodyAddress_isRefused() {
        Genesis unknownTerritory = LedgerFixture.genesis().withBodiesAndTariffs(
                List.of(new BodySpec("Comité", "FR-BRE", BodyKind.LOCAL, HERAULT_MEMBERS, 1)), List.of());
        assertThatThrownBy(() -> GenesisState.entities(unknownTerritory))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown territory FR-BRE");

        Genesis g = LedgerFixture.genesis();
        List<Genesis.AccountSpec> accounts = new java.util.ArrayList<>(g.accounts());
        accounts.add(new Genesis.AccountSpec(BodyKind.account(1), List.of(Role.AUDITOR), null, null));
        Genesis clash = new Genesis(g.chainId(), g.timestampSeconds(), g.epochScheme(), g.purposes(),
                g.territories(), accounts, g.allowancePolicies(), g.validators(), BODIES, List.of());
        assertThatThrownBy(() -> GenesisState.entities(clash))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the account of body 1");
    }

    @Test
    void tariffForUnknownPurpose_isRefused() {
        Genesis g = LedgerFixture.genesis().withBodiesAndTariffs(List.of(), List.of(new TariffSpec("DENTAL", "G", 1)));
        assertThatThrownBy(() -> GenesisState.entities(g))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown purpose DENTAL");
    }

    private static void apply(MemoryState state, Address sender, Call call) {
        Outcome outcome = Rules.apply(state, new TxContext(sender, 1, LedgerFixture.GENESIS_TIMESTAMP + 1, 0), call,
                CallDecoder.ACTIONS);
        assertThat(outcome).as("%s", outcome).isInstanceOf(Outcome.Applied.class);
        state.putAll(((Outcome.Applied) outcome).writes());
    }
}
