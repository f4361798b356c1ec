package org.targetedmoney.wallet.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The functions of {@code ITargetedMoney.sol} as web3j {@link Function}s: the one place in the SDK that
 * knows the ABI. Amounts are cents ({@code long}), purposes and epochs are ints.
 */
public final class LedgerAbi {
    private LedgerAbi() {}

    static Address address(String a) {
        return new Address(a);
    }

    private static Function tx(String name, Type<?>... args) {
        return new Function(name, List.of(args), List.of());
    }

    public static Function enrolMember(String member, String territory, int householdSize) {
        return tx("enrolMember", address(member), new Utf8String(territory), new Uint8(householdSize));
    }

    public static Function enrolMembers(List<String> members, String territory, int householdSize) {
        List<Address> list = new ArrayList<>();
        members.forEach(m -> list.add(address(m)));
        return tx("enrolMembers", new DynamicArray<>(Address.class, list), new Utf8String(territory),
                new Uint8(householdSize));
    }

    public static Function conventionProvider(String provider, List<Integer> purposes, String territory,
                                              int validFromEpoch, int validUntilEpoch) {
        List<Uint32> ids = new ArrayList<>();
        purposes.forEach(p -> ids.add(new Uint32(p)));
        return tx("conventionProvider", address(provider), new DynamicArray<>(Uint32.class, ids),
                new Utf8String(territory), new Uint32(validFromEpoch), new Uint32(validUntilEpoch));
    }

    public static Function suspendConvention(String provider, int purpose) {
        return tx("suspendConvention", address(provider), new Uint32(purpose));
    }

    public static Function resumeConvention(String provider, int purpose) {
        return tx("resumeConvention", address(provider), new Uint32(purpose));
    }

    public static Function grantRole(String account, int roleBit, String scopeTerritory) {
        return tx("grantRole", address(account), new Uint8(roleBit), new Utf8String(scopeTerritory));
    }

    public static Function addPurpose(String symbol, String name) {
        return tx("addPurpose", new Utf8String(symbol), new Utf8String(name));
    }

    public static Function addTerritory(String code) {
        return tx("addTerritory", new Utf8String(code));
    }

    public static Function setAllowancePolicy(int purpose, List<Long> amountCentsByHouseholdSize, int expiryEpochs,
                                              int effectiveFromEpoch) {
        List<Uint256> amounts = new ArrayList<>();
        amountCentsByHouseholdSize.forEach(a -> amounts.add(new Uint256(a)));
        return tx("setAllowancePolicy", new Uint32(purpose), new DynamicArray<>(Uint256.class, amounts),
                new Uint32(expiryEpochs), new Uint32(effectiveFromEpoch));
    }

    public static Function openEpoch(int epoch) {
        return tx("openEpoch", new Uint32(epoch));
    }

    public static Function pay(String provider, int purpose, long amountCents, byte[] paymentRef) {
        return tx("pay", address(provider), new Uint32(purpose), new Uint256(amountCents), new Bytes32(paymentRef));
    }

    /** A payment for a product category (needed when the provider's convention covers some categories only). */
    public static Function payInCategory(String provider, int purpose, int category, long amountCents,
                                         byte[] paymentRef) {
        return tx("payInCategory", address(provider), new Uint32(purpose), new Uint32(category),
                new Uint256(amountCents), new Bytes32(paymentRef));
    }

    public static Function addCategory(int purpose, String code, String name) {
        return tx("addCategory", new Uint32(purpose), new Utf8String(code), new Utf8String(name));
    }

    /** The categories a convention covers; an empty list means every category. */
    public static Function restrictConvention(String provider, int purpose, List<Integer> categories) {
        List<Uint32> ids = new ArrayList<>();
        categories.forEach(c -> ids.add(new Uint32(c)));
        return tx("restrictConvention", address(provider), new Uint32(purpose), new DynamicArray<>(Uint32.class, ids));
    }

    /** Caps what {@code purpose} may issue per epoch to the members of {@code territory} (sub-territories included). */
    public static Function setTerritoryBudget(String territory, int purpose, long amountCentsPerEpoch) {
        return tx("setTerritoryBudget", new Utf8String(territory), new Uint32(purpose), new Uint256(amountCentsPerEpoch));
    }

    public static Function recordNeeds(String territory, int purpose, int epoch, long amountCents, String note) {
        return tx("recordNeeds", new Utf8String(territory), new Uint32(purpose), new Uint32(epoch),
                new Uint256(amountCents), new Utf8String(note));
    }

    public static Function setCapitation(int purpose, long amountCentsPerPatient) {
        return tx("setCapitation", new Uint32(purpose), new Uint256(amountCentsPerPatient));
    }

    public static Function choosePractitioner(String provider, int purpose) {
        return tx("choosePractitioner", address(provider), new Uint32(purpose));
    }

    public static Function claimCapitation(int purpose, int epoch) {
        return tx("claimCapitation", new Uint32(purpose), new Uint32(epoch));
    }

    /** Modulates an allowance for a territory from an epoch on, in basis points (10 000 = unchanged). */
    public static Function setModulation(String territory, int purpose, int basisPoints, int effectiveFromEpoch) {
        return tx("setModulation", new Utf8String(territory), new Uint32(purpose), new Uint32(basisPoints),
                new Uint32(effectiveFromEpoch));
    }

    /** Ends a convention for good: not paid, not resumable; a new conventionProvider decides it again. */
    public static Function revokeConvention(String provider, int purpose) {
        return tx("revokeConvention", address(provider), new Uint32(purpose));
    }

    /** A social or ecological criterion of the directory (code like ORGANIC_SUPPLY); ids are 0..31. */
    public static Function addCriterion(String code, String name) {
        return tx("addCriterion", new Utf8String(code), new Utf8String(name));
    }

    /** A provider's directory profile; {@code criteriaMask} has bit i set for criterion i. */
    public static Function describeProvider(String provider, String name, String specialty, int criteriaMask) {
        return tx("describeProvider", address(provider), new Utf8String(name), new Utf8String(specialty),
                new Uint32(Integer.toUnsignedLong(criteriaMask)));
    }

    public static Function redeem(int purpose, long amountCents) {
        return tx("redeem", new Uint32(purpose), new Uint256(amountCents));
    }

    public static Function setTariff(int purpose, String actCode, long maxAmountCents) {
        return tx("setTariff", new Uint32(purpose), new Utf8String(actCode), new Uint256(maxAmountCents));
    }

    public static Function fileClaim(String member, int purpose, String actCode, long amountCents, byte[] claimRef) {
        return tx("fileClaim", address(member), new Uint32(purpose), new Utf8String(actCode), new Uint256(amountCents),
                new Bytes32(claimRef));
    }

    /**
     * The settlement bridge attests a euro settlement batch ({@code batchHash}: 32 bytes); the three sources must
     * add up to {@code totalCents}, and {@code lastBlock} must be before the block the attestation lands in.
     */
    public static Function attestSettlement(byte[] batchHash, String batchId, String window, long totalCents,
                                            long contributionsCents, long publicAccountsCents,
                                            long monetaryCreationCents, long lineCount, long firstBlock,
                                            long lastBlock) {
        return tx("attestSettlement", new Bytes32(batchHash), new Utf8String(batchId), new Utf8String(window),
                new Uint256(totalCents), new Uint256(contributionsCents), new Uint256(publicAccountsCents),
                new Uint256(monetaryCreationCents), new Uint64(lineCount), new Uint64(firstBlock),
                new Uint64(lastBlock));
    }

    // --- views ---

    private static Function view(String name, List<Type> args, List<TypeReference<?>> outputs) {
        return new Function(name, args, outputs);
    }

    public static Function balanceOf(String account, int purpose) {
        return view("balanceOf", List.of(address(account), new Uint32(purpose)), List.of(new TypeReference<Uint256>() {}));
    }

    public static Function bucketsOf(String member, int purpose) {
        return view("bucketsOf", List.of(address(member), new Uint32(purpose)), List.of(
                new TypeReference<DynamicArray<Uint32>>() {}, new TypeReference<DynamicArray<Uint256>>() {},
                new TypeReference<DynamicArray<Uint32>>() {}));
    }

    public static Function memberOf(String member) {
        return view("memberOf", List.of(address(member)), List.of(new TypeReference<Bool>() {},
                new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {}, new TypeReference<Uint32>() {}));
    }

    public static Function rolesOf(String account) {
        return view("rolesOf", List.of(address(account)), List.of(new TypeReference<Uint8>() {},
                new TypeReference<Utf8String>() {}));
    }

    public static Function currentEpoch() {
        return view("currentEpoch", List.of(), List.of(new TypeReference<Uint32>() {}, new TypeReference<Uint32>() {}));
    }

    public static Function purposeCount() {
        return view("purposeCount", List.of(), List.of(new TypeReference<Uint32>() {}));
    }

    public static Function purposeInfo(int purpose) {
        return view("purposeInfo", List.of(new Uint32(purpose)), List.of(new TypeReference<Utf8String>() {},
                new TypeReference<Utf8String>() {}, new TypeReference<Address>() {}));
    }

    public static Function purposeTotals(int purpose) {
        List<TypeReference<?>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(new TypeReference<Uint256>() {});
        }
        return view("purposeTotals", List.of(new Uint32(purpose)), six);
    }

    public static Function epochCounters(int epoch, int purpose) {
        return view("epochCounters", List.of(new Uint32(epoch), new Uint32(purpose)), List.of(
                new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}));
    }

    public static Function criterionCount() {
        return view("criterionCount", List.of(), List.of(new TypeReference<Uint8>() {}));
    }

    public static Function criterionInfo(int criterion) {
        return view("criterionInfo", List.of(new Uint8(criterion)), List.of(new TypeReference<Bool>() {},
                new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}));
    }

    public static Function providerProfile(String provider) {
        return view("providerProfile", List.of(address(provider)), List.of(new TypeReference<Bool>() {},
                new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Uint32>() {}));
    }

    public static Function conventionRevoked(String provider, int purpose) {
        return view("conventionRevoked", List.of(address(provider), new Uint32(purpose)),
                List.of(new TypeReference<Bool>() {}));
    }

    /**
     * The batch attested under {@code batchHash}: exists, batchId, window, totalCents, contributionsCents,
     * publicAccountsCents, monetaryCreationCents, lineCount, firstBlock, lastBlock, bridge.
     */
    public static Function attestationOf(byte[] batchHash) {
        return view("attestationOf", List.of(new Bytes32(batchHash)), List.of(new TypeReference<Bool>() {},
                new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {},
                new TypeReference<Uint64>() {}, new TypeReference<Uint64>() {}, new TypeReference<Uint64>() {},
                new TypeReference<Address>() {}));
    }

    /** attestedCents, contributionsCents, publicAccountsCents, monetaryCreationCents, batches. */
    public static Function settlementTotals() {
        return view("settlementTotals", List.of(), List.of(new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {},
                new TypeReference<Uint64>() {}));
    }

    /** The long value of a decoded uint output. */
    @SuppressWarnings("rawtypes")
    public static long asLong(Type t) {
        return ((BigInteger) t.getValue()).longValueExact();
    }
}
