package org.targetedmoney.policy.state;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity.Account;
import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.Convention;
import org.targetedmoney.policy.state.Entity.EnrolmentCount;
import org.targetedmoney.policy.state.Entity.Epoch;
import org.targetedmoney.policy.state.Entity.EpochCounters;
import org.targetedmoney.policy.state.Entity.Member;
import org.targetedmoney.policy.state.Entity.Meta;
import org.targetedmoney.policy.state.Entity.Nonce;
import org.targetedmoney.policy.state.Entity.ProviderBalance;
import org.targetedmoney.policy.state.Entity.Purpose;
import org.targetedmoney.policy.state.Entity.PurposeTotals;

/**
 * Read access to a ledger state: the in-memory state of the applying thread, a storage snapshot for
 * RPC reads, or the auditor's replay. Typed getters return null for absent entities.
 */
public interface StateView {

    /** The entity stored under {@code key}, or null. */
    Entity get(EntityKey key);

    /** Visits, in key order, every entity whose key starts with {@code prefix}. */
    void scan(byte[] prefix, Consumer<Entity> visitor);

    /**
     * Visits, in key order, the entities whose key starts with {@code prefix} and sorts after {@code after}
     * (null: from the first), while the visitor answers true: paged reads resume where they stopped and stop
     * early. This default walks the whole prefix; stores override it to seek.
     */
    default void scanAfter(byte[] prefix, byte[] after, Predicate<Entity> visitor) {
        boolean[] going = {true};
        scan(prefix, e -> {
            if (going[0] && (after == null || Arrays.compareUnsigned(e.key().toBytes(), after) > 0)) {
                going[0] = visitor.test(e);
            }
        });
    }

    default Meta meta() {
        Meta m = (Meta) get(Keys.META);
        if (m == null) {
            throw new IllegalStateException("state has no genesis (meta entity missing)");
        }
        return m;
    }

    default Account account(Address a) {
        return (Account) get(Keys.account(a));
    }

    default long nonce(Address a) {
        Nonce n = (Nonce) get(Keys.nonce(a));
        return n == null ? 0 : n.next();
    }

    default Member member(Address a) {
        return (Member) get(Keys.member(a));
    }

    default Convention convention(Address provider, int purpose) {
        return (Convention) get(Keys.convention(provider, purpose));
    }

    default long providerBalance(Address provider, int purpose) {
        ProviderBalance b = (ProviderBalance) get(Keys.providerBalance(provider, purpose));
        return b == null ? 0 : b.amountCents();
    }

    default Purpose purpose(int id) {
        return (Purpose) get(Keys.purpose(id));
    }

    default boolean hasTerritory(String code) {
        return get(Keys.territory(code)) != null;
    }

    default AllowancePolicy policy(int purpose, int version) {
        return (AllowancePolicy) get(Keys.policy(purpose, version));
    }

    default Epoch epoch(int epoch) {
        return (Epoch) get(Keys.epoch(epoch));
    }

    default EpochCounters epochCounters(int epoch, int purpose) {
        return (EpochCounters) get(Keys.epochCounters(epoch, purpose));
    }

    default PurposeTotals totals(int purpose) {
        return (PurposeTotals) get(Keys.purposeTotals(purpose));
    }

    default Entity.Tariff tariff(int purpose, String actCode) {
        return (Entity.Tariff) get(Keys.tariff(purpose, actCode));
    }

    default Entity.ClaimsPaid claimsPaid(int purpose) {
        Entity.ClaimsPaid c = (Entity.ClaimsPaid) get(Keys.claimsPaid(purpose));
        return c == null ? new Entity.ClaimsPaid(purpose, 0, 0) : c;
    }

    default long enrolmentCount(String territory, int householdSize) {
        EnrolmentCount c = (EnrolmentCount) get(Keys.enrolmentCount(territory, householdSize));
        return c == null ? 0 : c.count();
    }

    default Entity.Category category(int purpose, int id) {
        return (Entity.Category) get(Keys.category(purpose, id));
    }

    default Entity.TerritoryBudget territoryBudget(int purpose, String territory) {
        return (Entity.TerritoryBudget) get(Keys.territoryBudget(purpose, territory));
    }

    default Entity.PurposeBudgets purposeBudgets(int purpose) {
        Entity.PurposeBudgets b = (Entity.PurposeBudgets) get(Keys.purposeBudgets(purpose));
        return b == null ? new Entity.PurposeBudgets(purpose, java.util.List.of()) : b;
    }

    default Entity.NeedsAssessment needs(int purpose, int epoch, String territory) {
        return (Entity.NeedsAssessment) get(Keys.needs(purpose, epoch, territory));
    }

    default Entity.TerritorySpending territorySpending(int epoch, int purpose, String territory) {
        Entity.TerritorySpending s = (Entity.TerritorySpending) get(Keys.territorySpending(epoch, purpose, territory));
        return s == null ? new Entity.TerritorySpending(epoch, purpose, territory, 0, 0) : s;
    }

    default Entity.CapitationRate capitationRate(int purpose) {
        return (Entity.CapitationRate) get(Keys.capitationRate(purpose));
    }

    default Entity.PatientChoice patientChoice(Address member, int purpose) {
        return (Entity.PatientChoice) get(Keys.patientChoice(member, purpose));
    }

    /** The provider's patients for {@code epoch} and after (a choice made in an epoch counts from the next). */
    default Entity.PatientCount patientCount(Address provider, int purpose, int epoch) {
        Entity.PatientCount c = (Entity.PatientCount) get(Keys.patientCount(provider, purpose));
        return c == null ? new Entity.PatientCount(provider, purpose, 0, 0, epoch) : c.asOf(epoch);
    }

    default Entity.TerritoryModulation territoryModulation(int purpose, String territory) {
        return (Entity.TerritoryModulation) get(Keys.territoryModulation(purpose, territory));
    }

    default Entity.ModulatedTerritories modulatedTerritories(int purpose) {
        Entity.ModulatedTerritories m = (Entity.ModulatedTerritories) get(Keys.modulatedTerritories(purpose));
        return m == null ? new Entity.ModulatedTerritories(purpose, java.util.List.of()) : m;
    }

    default Entity.BodyAgenda bodyAgenda(int body) {
        Entity.BodyAgenda a = (Entity.BodyAgenda) get(Keys.bodyAgenda(body));
        return a == null ? new Entity.BodyAgenda(body, java.util.List.of()) : a;
    }

    default Entity.Body body(int id) {
        return (Entity.Body) get(Keys.body(id));
    }

    default Entity.Proposal proposal(long id) {
        return (Entity.Proposal) get(Keys.proposal(id));
    }

    default Entity.GovernanceMeta governanceMeta() {
        Entity.GovernanceMeta g = (Entity.GovernanceMeta) get(Keys.GOVERNANCE_META);
        return g == null ? new Entity.GovernanceMeta(0, 0) : g;
    }

    default Entity.Criterion criterion(int id) {
        return (Entity.Criterion) get(Keys.criterion(id));
    }

    default Entity.ProviderProfile providerProfile(Address provider) {
        return (Entity.ProviderProfile) get(Keys.providerProfile(provider));
    }

    default Entity.DirectoryEntry directoryEntry(String territory, Address provider, int purpose) {
        return (Entity.DirectoryEntry) get(Keys.directoryEntry(territory, provider, purpose));
    }

    default Entity.DirectoryMeta directoryMeta() {
        Entity.DirectoryMeta d = (Entity.DirectoryMeta) get(Keys.DIRECTORY_META);
        return d == null ? new Entity.DirectoryMeta(0) : d;
    }

    /** The batch attested under this hash (64 lower-case hex digits), or null. */
    default Entity.SettlementAttestation settlementAttestation(String batchHashHex) {
        return (Entity.SettlementAttestation) get(Keys.settlementAttestation(batchHashHex));
    }

    /** Totals of every attested settlement batch; zero before the first one (genesis writes none). */
    default Entity.SettlementTotals settlementTotals() {
        Entity.SettlementTotals t = (Entity.SettlementTotals) get(Keys.SETTLEMENT_TOTALS);
        return t == null ? Entity.SettlementTotals.ZERO : t;
    }
}
