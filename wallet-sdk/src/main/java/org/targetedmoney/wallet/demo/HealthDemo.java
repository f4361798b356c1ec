package org.targetedmoney.wallet.demo;

import static org.targetedmoney.wallet.core.Amounts.euros;

import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.TxResult;
import org.targetedmoney.wallet.member.MemberClient;
import org.targetedmoney.wallet.provider.ProviderClient;

/**
 * The health-at-100 % part of the demo: no member balance; the doctor is paid directly against the tariff
 * schedule of the genesis (never above it), or by capitation for the patients who chose it.
 */
final class HealthDemo {
    private final LedgerConnection ledger;
    private final DemoKeys keys;
    private final int health;
    private final int epoch;

    HealthDemo(LedgerConnection ledger, DemoKeys keys, int health, int epoch) {
        this.ledger = ledger;
        this.keys = keys;
        this.health = health;
        this.epoch = epoch;
    }

    void run() throws Exception {
        DemoScenario.heading("Health at 100 %: medecin-sete is paid directly for a consultation (tariff G: 26.50 €)");
        String doctor = keys.byLabel("medecin-sete").address().toHex();
        String alice = keys.byLabel("alice").address().toHex();
        AuthorityClient authority = new AuthorityClient(ledger, keys.byLabel("authority").credentials());
        authority.conventionProvider(doctor, java.util.List.of(health), "FR-OCC-34", epoch, epoch + 24);
        ProviderClient medecin = new ProviderClient(ledger, keys.byLabel("medecin-sete").credentials());
        // A fresh claim reference per run: the same claim is never paid twice (DUPLICATE_CLAIM).
        String run = Long.toString(ledger.web3j().ethBlockNumber().send().getBlockNumber().longValueExact());
        TxResult paid = medecin.fileClaim(alice, health, "G", 2_650, DemoScenario.ref("consultation-" + run));
        System.out.printf("   claim for alice's consultation paid: 26.50 € (block %d); alice paid nothing%n",
                paid.blockNumber());
        DemoScenario.refused("medecin-sete claims 30 € for a G consultation (fee overrun)",
                () -> medecin.fileClaim(alice, health, "G", 3_000, DemoScenario.ref("overrun-" + run)));
        capitation(authority, medecin, doctor);
    }

    private void capitation(AuthorityClient authority, ProviderClient medecin, String doctor) throws Exception {
        DemoScenario.heading("Capitation: 5 € per patient per month to the doctor alice and bob chose");
        authority.setCapitation(health, 500);
        for (String who : java.util.List.of("alice", "bob")) {
            try {
                new MemberClient(ledger, keys.byLabel(who).credentials()).choosePractitioner(doctor, health);
                System.out.printf("   %s chooses medecin-sete%n", who);
            } catch (LedgerRejectedException e) {
                System.out.printf("   %s: %s (already chosen)%n", who, e.code());
            }
        }
        try {
            TxResult r = medecin.claimCapitation(health, epoch);
            System.out.printf("   medecin-sete is paid %s for epoch %d (block %d)%n", euros(1_000), epoch,
                    r.blockNumber());
        } catch (LedgerRejectedException e) {
            System.out.printf("   capitation of epoch %d: %s (paid once per epoch)%n", epoch, e.code());
        }
    }
}
