package org.targetedmoney.bench.scale;

import java.util.List;
import org.targetedmoney.policy.abi.CallDecoder;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.GenesisState;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.rules.Outcome;
import org.targetedmoney.policy.rules.Rules;
import org.targetedmoney.policy.rules.TxContext;
import org.targetedmoney.policy.state.MemoryState;
import org.web3j.crypto.Credentials;

/**
 * The ledger the scale benchmarks run on, members aside: purposes HEALTH and FOOD, three French regions
 * with five departments, an authority, a registrar, a FOOD allowance and one food shop conventioned for
 * the whole country (so it covers every member's territory).
 */
public final class ScaleGenesis {
    static final long CHAIN_ID = 1337;
    /** 2026-11-01T00:00:00Z, in epoch 682 (months since January 1970). */
    static final long GENESIS_TIMESTAMP = 1_793_491_200L;
    static final int FIRST_EPOCH = 682;
    static final EpochScheme EPOCHS = EpochScheme.monthly(GENESIS_TIMESTAMP);
    static final int HEALTH = 1;
    static final int FOOD = 2;
    static final String COUNTRY = "FR";
    /** Where members live; every one is under {@link #COUNTRY}, which the food shop's convention covers. */
    static final List<String> MEMBER_TERRITORIES =
            List.of("FR-OCC-34", "FR-OCC-31", "FR-IDF-75", "FR-IDF-93", "FR-ARA-69");
    /**
     * 150 EUR a month for one person, scaled like the OECD-modified equivalence scale (0.5 for the second
     * person, 0.3 for each further one), for households of 1..5; larger ones get the last amount.
     */
    static final List<Long> FOOD_CENTS_BY_HOUSEHOLD = List.of(15_000L, 22_500L, 27_000L, 31_500L, 36_000L);
    /** Unspent food credit dies three months after issue, so steady-state openings also expire an epoch. */
    static final int FOOD_EXPIRY_EPOCHS = 3;
    /** The shop's convention runs ten years from the first epoch. */
    static final int CONVENTION_EPOCHS = 120;

    /**
     * The key that signs every benchmark transaction (the well-known web3j documentation key). The applier
     * never recovers signatures, admission did, so members' transactions may carry it too.
     */
    static final Credentials SIGNER =
            Credentials.create("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    static final Address AUTHORITY = Address.fromHex(SIGNER.getAddress());
    static final Address REGISTRAR = Address.fromHex("0x00000000000000000000000000000000000a0002");
    static final Address FOOD_SHOP = Address.fromHex("0x00000000000000000000000000000000000b0001");

    private ScaleGenesis() {}

    static Genesis genesis() {
        List<String> territories = List.of(COUNTRY, "FR-OCC", "FR-OCC-34", "FR-OCC-31", "FR-IDF", "FR-IDF-75",
                "FR-IDF-93", "FR-ARA", "FR-ARA-69");
        return new Genesis(CHAIN_ID, GENESIS_TIMESTAMP, EPOCHS,
                List.of(new Genesis.PurposeSpec("HEALTH", "Health"), new Genesis.PurposeSpec("FOOD", "Food")),
                territories,
                List.of(new Genesis.AccountSpec(AUTHORITY, List.of(Role.AUTHORITY), null, "authority"),
                        new Genesis.AccountSpec(REGISTRAR, List.of(Role.REGISTRAR), null, "registrar")),
                List.of(new Genesis.AllowanceSpec("FOOD", FOOD_CENTS_BY_HOUSEHOLD, FOOD_EXPIRY_EPOCHS, 0)),
                List.of(AUTHORITY));
    }

    /**
     * Block 0 without its members: the genesis entities, then the food shop's convention as the rules
     * write it (no epoch is open yet, so members enrolled now get credit from the first opening).
     */
    static MemoryState baseState() {
        MemoryState state = new MemoryState();
        state.putAll(GenesisState.entities(genesis()));
        Call convention = new Call.ConventionProvider(FOOD_SHOP, List.of(FOOD), COUNTRY, FIRST_EPOCH,
                FIRST_EPOCH + CONVENTION_EPOCHS);
        TxContext ctx = new TxContext(AUTHORITY, 0, GENESIS_TIMESTAMP, FIRST_EPOCH);
        Outcome o = Rules.apply(state, ctx, convention, CallDecoder.ACTIONS);
        if (!(o instanceof Outcome.Applied applied)) {
            throw new IllegalStateException("the food shop's convention was refused: " + o);
        }
        state.putAll(applied.writes());
        return state;
    }
}
