package org.targetedmoney.bench;

import java.util.ArrayList;
import java.util.List;
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

/**
 * A ledger state for benchmarks: FOOD allowance of 150 EUR a month, {@code members} members in one
 * territory, {@code providers} conventioned food shops, and one epoch opened.
 */
final class BenchLedger {
    static final long NOV_2026 = 1_793_491_200L;
    static final int EPOCH = 682;
    static final int FOOD = 2;
    static final Address AUTHORITY = address(0xA0, 1);
    static final Address REGISTRAR = address(0xA0, 2);

    final MemoryState state = new MemoryState();
    final List<Address> members = new ArrayList<>();
    final List<Address> providers = new ArrayList<>();

    BenchLedger(int memberCount, int providerCount) {
        Genesis g = new Genesis(1337, NOV_2026, EpochScheme.monthly(NOV_2026),
                List.of(new Genesis.PurposeSpec("HEALTH", "Health"), new Genesis.PurposeSpec("FOOD", "Food")),
                List.of("FR", "FR-OCC", "FR-OCC-34"),
                List.of(new Genesis.AccountSpec(AUTHORITY, List.of(Role.AUTHORITY), null, "authority"),
                        new Genesis.AccountSpec(REGISTRAR, List.of(Role.REGISTRAR), null, "registrar")),
                List.of(new Genesis.AllowanceSpec("FOOD", List.of(15_000L), 3, 0)), List.of(AUTHORITY));
        state.putAll(GenesisState.entities(g));
        for (int i = 0; i < providerCount; i++) {
            Address p = address(0xB0, i);
            providers.add(p);
            apply(AUTHORITY, new Call.ConventionProvider(p, List.of(FOOD), "FR-OCC", 0, 100_000));
        }
        for (int i = 0; i < memberCount; i++) {
            Address m = address(0xC0, i);
            members.add(m);
            apply(REGISTRAR, new Call.EnrolMember(m, "FR-OCC-34", 1));
        }
        apply(AUTHORITY, new Call.OpenEpoch(EPOCH));
    }

    static TxContext ctx(Address sender) {
        return new TxContext(sender, 1, NOV_2026 + 60, EPOCH);
    }

    void apply(Address sender, Call call) {
        Outcome o = Rules.apply(state, ctx(sender), call, org.targetedmoney.policy.abi.CallDecoder.ACTIONS);
        if (!(o instanceof Outcome.Applied a)) {
            throw new IllegalStateException("benchmark setup refused: " + o);
        }
        state.putAll(a.writes());
    }

    static Address address(int tag, int n) {
        byte[] b = new byte[20];
        b[0] = (byte) tag;
        b[16] = (byte) (n >>> 24);
        b[17] = (byte) (n >>> 16);
        b[18] = (byte) (n >>> 8);
        b[19] = (byte) n;
        return Address.of(b);
    }
}
