package org.targetedmoney.wallet.authority;

import java.util.List;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.core.TxResult;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;

/**
 * What the monetary authority, a registrar or a committee does; the ledger checks the role of the
 * account behind it (a registrar enrols, a committee conventions within its territory, the authority
 * sets policies and opens epochs).
 */
public final class AuthorityClient {
    private final LedgerConnection ledger;
    private final Credentials account;

    public AuthorityClient(LedgerConnection ledger, Credentials account) {
        this.ledger = ledger;
        this.account = account;
    }

    /** Enrols a member: only an address, a territory and a household size go on the public ledger. */
    public TxResult enrolMember(String member, String territory, int householdSize)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.enrolMember(member, territory, householdSize));
    }

    /**
     * Enrols a registrar's list of members of one territory and household size (at most 500 per call;
     * members already enrolled are skipped, so a list can be sent again after a failure).
     */
    public TxResult enrolMembers(List<String> members, String territory, int householdSize)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.enrolMembers(members, territory, householdSize));
    }

    public TxResult conventionProvider(String provider, List<Integer> purposes, String territory, int validFromEpoch,
                                       int validUntilEpoch) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account,
                LedgerAbi.conventionProvider(provider, purposes, territory, validFromEpoch, validUntilEpoch));
    }

    /** The authority declares a product category of a purpose (e.g. LOCAL, ORGANIC); ids are 1, 2, ... */
    public TxResult addCategory(int purpose, String code, String name)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.addCategory(purpose, code, name));
    }

    /** Restricts a convention to some product categories (a mixed shop for part of its shelves); empty = all. */
    public TxResult restrictConvention(String provider, int purpose, List<Integer> categories)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.restrictConvention(provider, purpose, categories));
    }

    /** The authority caps a territory's per-epoch issuance for a purpose; policies cannot exceed it. */
    public TxResult setTerritoryBudget(String territory, int purpose, long amountCentsPerEpoch)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.setTerritoryBudget(territory, purpose, amountCentsPerEpoch));
    }

    /** A committee records the needs it assessed for its territory (or a sub-territory) and an epoch. */
    public TxResult recordNeeds(String territory, int purpose, int epoch, long amountCents, String note)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.recordNeeds(territory, purpose, epoch, amountCents, note));
    }

    /** Capitation: the amount paid to a provider per registered patient per epoch (0 stops it). */
    public TxResult setCapitation(int purpose, long amountCentsPerPatient)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.setCapitation(purpose, amountCentsPerPatient));
    }

    /** Modulates a purpose's allowance for a territory (cost of living) from a future epoch, in basis points. */
    public TxResult setModulation(String territory, int purpose, int basisPoints, int effectiveFromEpoch)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.setModulation(territory, purpose, basisPoints, effectiveFromEpoch));
    }

    public TxResult suspendConvention(String provider, int purpose)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.suspendConvention(provider, purpose));
    }

    public TxResult resumeConvention(String provider, int purpose)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.resumeConvention(provider, purpose));
    }

    /** Ends a convention for good (unlike a suspension): it takes a new conventionProvider to bring it back. */
    public TxResult revokeConvention(String provider, int purpose)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.revokeConvention(provider, purpose));
    }

    /** The authority declares a social or ecological criterion (e.g. ORGANIC_SUPPLY); ids are 0, 1, ... 31. */
    public TxResult addCriterion(String code, String name) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.addCriterion(code, name));
    }

    /**
     * Describes a conventioned provider for the directory: name, specialty ("grocer") and the criteria it was
     * attested to meet (bit i = criterion i). By the authority or a committee of one of its conventions' areas.
     */
    public TxResult describeProvider(String provider, String name, String specialty, int criteriaMask)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.describeProvider(provider, name, specialty, criteriaMask));
    }

    public TxResult setAllowancePolicy(int purpose, List<Long> amountCentsByHouseholdSize, int expiryEpochs,
                                       int effectiveFromEpoch) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.setAllowancePolicy(purpose, amountCentsByHouseholdSize,
                expiryEpochs, effectiveFromEpoch));
    }

    /** Sets the most the fund pays for an act of an entitlement purpose (e.g. HEALTH, act "G"). */
    public TxResult setTariff(int purpose, String actCode, long maxAmountCents)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.setTariff(purpose, actCode, maxAmountCents));
    }

    /** Opens an epoch: one transaction issues the month's allowance to every member, whatever their number. */
    public TxResult openEpoch(int epoch) throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.openEpoch(epoch));
    }

    public TxResult grantRole(String target, int roleBit, String scopeTerritory)
            throws LedgerRejectedException, LedgerRequestException {
        return ledger.transact(account, LedgerAbi.grantRole(target, roleBit, scopeTerritory));
    }

    /** The epoch of the latest block time, and the last opened epoch. */
    public record Epochs(int timeEpoch, int lastOpenedEpoch) {}

    @SuppressWarnings("rawtypes")
    public Epochs currentEpoch() throws LedgerRequestException {
        List<Type> out = ledger.call(LedgerAbi.currentEpoch());
        return new Epochs((int) LedgerAbi.asLong(out.get(0)), (int) LedgerAbi.asLong(out.get(1)));
    }

    /** Whether {@code member} is enrolled (so scripts can be re-run). */
    @SuppressWarnings("rawtypes")
    public boolean isEnrolled(String member) throws LedgerRequestException {
        List<Type> out = ledger.call(LedgerAbi.memberOf(member));
        return (Boolean) out.get(0).getValue();
    }

    /** Whether {@code account} holds {@code role} (so a tool can say so before sending anything). */
    @SuppressWarnings("rawtypes")
    public boolean hasRole(String account, Role role) throws LedgerRequestException {
        List<Type> out = ledger.call(LedgerAbi.rolesOf(account));
        return (LedgerAbi.asLong(out.get(0)) & role.mask()) != 0;
    }

    /** The id of the purpose with this symbol ({@code FOOD}), or -1. */
    @SuppressWarnings("rawtypes")
    public int purposeId(String symbol) throws LedgerRequestException {
        long count = LedgerAbi.asLong(ledger.call(LedgerAbi.purposeCount()).get(0));
        for (int id = 1; id <= count; id++) {
            List<Type> info = ledger.call(LedgerAbi.purposeInfo(id));
            if (symbol.equals(info.get(0).getValue())) {
                return id;
            }
        }
        return -1;
    }
}
