package org.targetedmoney.netconfig.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.netconfig.json.Problem;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;

class GenesisReaderTest {
    private final ObjectNode tree = GenesisFixtures.demoTree();

    private List<Problem> problemsOf(String json) {
        GenesisException e = catchThrowableOfType(GenesisException.class, () -> GenesisReader.parse(json));
        assertThat(e).as("the genesis should be refused").isNotNull();
        return e.problems();
    }

    private List<Problem> problems() {
        return problemsOf(tree.toString());
    }

    /** Exactly one problem, at {@code path}, whose message contains {@code fragment}. */
    private void assertOnlyProblem(String path, String fragment) {
        List<Problem> problems = problems();
        assertThat(problems).as(problems.toString()).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo(path);
        assertThat(problems.get(0).message()).contains(fragment);
    }

    private ObjectNode account(int i) {
        return (ObjectNode) tree.withArray("accounts").get(i);
    }

    private ObjectNode policy(int i) {
        return (ObjectNode) tree.withArray("allowancePolicies").get(i);
    }

    private ObjectNode purpose(int i) {
        return (ObjectNode) tree.withArray("purposes").get(i);
    }

    /** Body 0 is the national body (3 members, quorum 2), body 1 the SSA committee of Hérault. */
    private ObjectNode body(int i) {
        return (ObjectNode) tree.withArray("bodies").get(i);
    }

    /** Tariffs 0 to 3 are HEALTH's G, MD, AMI and IFD. */
    private ObjectNode tariff(int i) {
        return (ObjectNode) tree.withArray("tariffs").get(i);
    }

    @Test
    void parse_demoGenesis_givesTheDemoValues() throws GenesisException {
        Genesis genesis = GenesisReader.parse(tree.toString());
        assertThat(genesis).isEqualTo(GenesisFixtures.demoGenesis());
        assertThat(genesis.epochScheme()).isEqualTo(EpochScheme.monthly(genesis.timestampSeconds()));
        assertThat(genesis.allowancePolicies().get(0).effectiveFromEpoch()).isEqualTo(682);
        assertThat(genesis.accounts().get(2).roles()).containsExactly(Role.COMMITTEE);
        assertThat(genesis.accounts().get(2).scopeTerritory()).isEqualTo("FR-OCC-34");
    }

    @Test
    void parse_fixedEpoch_anchorsSchemeAtGenesisTimestamp() throws GenesisException {
        tree.putObject("epoch").put("kind", "FIXED").put("seconds", 60);
        Genesis genesis = GenesisReader.parse(tree.toString());
        assertThat(genesis.epochScheme())
                .isEqualTo(new EpochScheme(EpochScheme.Kind.FIXED, 60, genesis.timestampSeconds()));
    }

    @Test
    void read_unknownRole_namesPathAndExpectedRoles() {
        account(2).putArray("roles").add("AUTORITY");
        assertThat(problems()).extracting(Problem::toString).contains("genesis.accounts[2].roles[0]: unknown role"
                + " \"AUTORITY\" (expected one of AUTHORITY, REGISTRAR, COMMITTEE, AUDITOR, VALIDATOR, BRIDGE)");
    }

    @Test
    void read_severalMistakes_reportsAllOfThem() {
        tree.put("chainId", 0);
        account(1).putArray("roles").add("REGISTRAR").add("REGISTRAR");
        policy(0).put("expiryEpochs", 0);
        // The duplicated REGISTRAR does not also count as "no registrar": one mistake, one problem.
        assertThat(problems()).extracting(Problem::path).containsExactly("genesis.chainId",
                "genesis.accounts[1].roles[1]", "genesis.allowancePolicies[0].expiryEpochs");
    }

    @Test
    void read_wrongFormatTag_namesExpectedTag() {
        tree.put("format", "targeted-money-genesis/2");
        assertOnlyProblem("genesis.format", "expected \"targeted-money-genesis/1\"");
    }

    @Test
    void read_unknownRootField_isRefused() {
        tree.put("chainID", 5);
        assertOnlyProblem("genesis.chainID", "unknown field (expected one of format, chainId,");
    }

    @Test
    void read_unknownAccountField_typoIsRefused() {
        account(2).set("scopeTerritroy", account(2).remove("scopeTerritory"));
        List<Problem> problems = problems();
        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                "genesis.accounts[2].scopeTerritroy: unknown field (expected one of address, label, roles,"
                        + " scopeTerritory)",
                "genesis.accounts[2].scopeTerritory: missing field: a COMMITTEE account needs the territory it"
                        + " decides for");
    }

    @Test
    void read_missingField_namesIt() {
        tree.remove("validators");
        assertOnlyProblem("genesis.validators", "missing field");
    }

    @Test
    void read_chainIdZero_isOutOfRange() {
        tree.put("chainId", 0);
        assertOnlyProblem("genesis.chainId", "0 is out of range (expected 1 to 9007199254740991)");
    }

    @Test
    void read_chainIdAboveJavaScriptSafeInteger_isOutOfRange() {
        tree.put("chainId", 1L << 53);
        assertOnlyProblem("genesis.chainId", "out of range");
    }

    @Test
    void read_chainIdHuge_isOutOfRangeNotOverflowed() {
        String json = tree.toString().replace("\"chainId\":1337", "\"chainId\":123456789012345678901234567890");
        assertThat(problemsOf(json)).extracting(Problem::path).containsExactly("genesis.chainId");
    }

    @Test
    void read_chainIdAsFloatOrString_isNotAnInteger() {
        tree.put("chainId", 1337.5);
        assertOnlyProblem("genesis.chainId", "expected an integer, got number 1337.5");
        tree.put("chainId", "1337");
        assertOnlyProblem("genesis.chainId", "expected an integer, got string \"1337\"");
    }

    @Test
    void read_timestampWithOffset_isNotUtc() {
        tree.put("timestamp", "2026-11-01T01:00:00+01:00");
        assertOnlyProblem("genesis.timestamp", "is not an ISO-8601 UTC time in whole seconds");
    }

    @Test
    void read_timestampWithFraction_isRefused() {
        tree.put("timestamp", "2026-11-01T00:00:00.5Z");
        assertOnlyProblem("genesis.timestamp", "whole seconds");
    }

    @Test
    void read_timestampImpossibleDate_isRefused() {
        tree.put("timestamp", "2026-02-30T00:00:00Z");
        assertOnlyProblem("genesis.timestamp", "is not a valid date and time");
    }

    @Test
    void read_timestampBefore1970_isRefused() {
        tree.put("timestamp", "1969-12-31T23:59:59Z");
        assertOnlyProblem("genesis.timestamp", "before 1970");
    }

    @Test
    void read_unknownEpochKind_namesKinds() {
        tree.putObject("epoch").put("kind", "WEEK");
        assertOnlyProblem("genesis.epoch.kind", "unknown epoch kind \"WEEK\" (expected MONTH or FIXED)");
    }

    @Test
    void read_fixedEpochWithoutSeconds_isMissingField() {
        tree.putObject("epoch").put("kind", "FIXED");
        assertOnlyProblem("genesis.epoch.seconds", "missing field");
    }

    @Test
    void read_fixedEpochOfZeroSeconds_isOutOfRange() {
        tree.putObject("epoch").put("kind", "FIXED").put("seconds", 0);
        assertOnlyProblem("genesis.epoch.seconds", "out of range (expected 1 to 31622400)");
    }

    @Test
    void read_monthEpochWithSeconds_isRefused() {
        tree.putObject("epoch").put("kind", "MONTH").put("seconds", 60);
        assertOnlyProblem("genesis.epoch.seconds", "only a FIXED epoch has seconds");
    }

    @Test
    void read_noPurposes_isRefused() {
        tree.putArray("purposes");
        List<Problem> problems = problems();
        assertThat(problems.get(0)).hasToString("genesis.purposes: has 0 elements (expected 1 to 256)");
    }

    @Test
    void read_257Purposes_isRefused() {
        ArrayNode purposes = tree.putArray("purposes");
        for (int i = 0; i < 257; i++) {
            purposes.addObject().put("symbol", "P" + i).put("name", "purpose " + i);
        }
        assertThat(problems().get(0)).hasToString("genesis.purposes: has 257 elements (expected 1 to 256)");
    }

    @Test
    void read_lowerCasePurposeSymbol_showsPattern() {
        purpose(2).put("symbol", "housing"); // HOUSING: no policy or tariff refers to it
        assertOnlyProblem("genesis.purposes[2].symbol", "\"housing\" does not match [A-Z][A-Z0-9_]{1,15}");
    }

    @Test
    void read_purposeSymbolTooLong_isRefused() {
        purpose(2).put("symbol", "H23456789ABCDEFGH");
        assertOnlyProblem("genesis.purposes[2].symbol", "does not match");
    }

    @Test
    void read_duplicatePurposeSymbol_pointsToFirst() {
        purpose(7).put("symbol", "FOOD");
        assertOnlyProblem("genesis.purposes[7].symbol", "duplicate symbol \"FOOD\" (already at genesis.purposes[1])");
    }

    @Test
    void read_blankPurposeName_isRefused() {
        purpose(0).put("name", "  ");
        assertOnlyProblem("genesis.purposes[0].name", "1 to 64 characters and is not blank");
    }

    @Test
    void read_purposeName65Characters_isRefused() {
        purpose(0).put("name", "é".repeat(65));
        assertOnlyProblem("genesis.purposes[0].name", "got 65");
    }

    @Test
    void read_purposeNameWithControlCharacter_isEscapedInMessage() {
        purpose(0).put("name", "Health\nsanté");
        assertOnlyProblem("genesis.purposes[0].name", "control characters are not allowed in a name:"
                + " \"Health\\u000asanté\"");
    }

    @Test
    void read_malformedTerritory_explainsTheForm() {
        tree.withArray("territories").set(6, "FR-idf-75");
        assertOnlyProblem("genesis.territories[6]", "invalid territory code \"FR-idf-75\"");
    }

    @Test
    void read_duplicateTerritory_pointsToFirst() {
        tree.withArray("territories").add("FR-OCC");
        assertOnlyProblem("genesis.territories[7]", "duplicate territory \"FR-OCC\" (already at genesis.territories[1])");
    }

    @Test
    void read_territoryBeforeItsParent_saysWhereTheParentIs() {
        ArrayNode territories = tree.putArray("territories");
        territories.add("FR").add("FR-OCC-34").add("FR-OCC").add("FR-OCC-34-172").add("FR-OCC-34-142")
                .add("FR-IDF").add("FR-IDF-75");
        assertOnlyProblem("genesis.territories[1]", "parent territory \"FR-OCC\" must be listed before \"FR-OCC-34\""
                + " (it is at genesis.territories[2])");
    }

    @Test
    void read_territoryWithUnlistedParent_isRefused() {
        tree.withArray("territories").add("FR-BRE-29");
        assertOnlyProblem("genesis.territories[7]", "parent territory \"FR-BRE\" of \"FR-BRE-29\" is not listed");
    }

    @Test
    void read_tooManyTerritories_isRefused() {
        ArrayNode territories = tree.withArray("territories");
        for (int i = 0; i < GenesisLimits.MAX_TERRITORIES; i++) {
            territories.add("FR-T" + i);
        }
        assertThat(problems().get(0)).hasToString("genesis.territories: has 10007 elements (expected 0 to 10000)");
    }

    @Test
    void read_shortAddress_isRefused() {
        account(0).put("address", "0x1234");
        assertOnlyProblem("genesis.accounts[0].address", "not an address: \"0x1234\" (expected 0x followed by 40");
    }

    @Test
    void read_mixedCaseAddressWithBadChecksum_isRefused() {
        account(0).put("address", "0xAbcdef0123456789abcdef0123456789ABCDEF01");
        assertOnlyProblem("genesis.accounts[0].address", "fails its EIP-55 checksum");
    }

    @Test
    void read_validChecksumOrUpperCaseAddress_isAccepted() throws GenesisException {
        String lower = account(0).get("address").textValue();
        account(0).put("address", org.web3j.crypto.Keys.toChecksumAddress(lower));
        assertThat(GenesisReader.parse(tree.toString()).accounts().get(0).address().toHex()).isEqualTo(lower);
    }

    @Test
    void read_duplicateAccountAddress_pointsToFirst() {
        account(3).put("address", account(0).get("address").textValue());
        assertOnlyProblem("genesis.accounts[3].address", "(already at genesis.accounts[0])");
    }

    @Test
    void read_duplicateLabel_pointsToFirst() {
        account(3).put("label", "authority");
        assertOnlyProblem("genesis.accounts[3].label", "duplicate label \"authority\" (already at genesis.accounts[0].label)");
    }

    @Test
    void read_accountWithoutRoles_explainsEnrolment() {
        account(3).putArray("roles");
        assertOnlyProblem("genesis.accounts[3].roles", "needs at least one role (members and providers are enrolled");
    }

    @Test
    void read_duplicateRole_pointsToFirst() {
        account(3).withArray("roles").add("AUDITOR");
        assertOnlyProblem("genesis.accounts[3].roles[1]", "duplicate role AUDITOR (already at genesis.accounts[3].roles[0])");
    }

    @Test
    void read_providerRole_isNotGrantableInGenesis() {
        account(3).withArray("roles").add("PROVIDER");
        assertOnlyProblem("genesis.accounts[3].roles[1]", "role PROVIDER cannot be granted in genesis");
    }

    @Test
    void read_scopeOnNonCommittee_isRefused() {
        account(3).put("scopeTerritory", "FR");
        assertOnlyProblem("genesis.accounts[3].scopeTerritory", "only a COMMITTEE account has a scope territory");
    }

    @Test
    void read_committeeWithoutScope_isRefused() {
        account(2).remove("scopeTerritory");
        assertOnlyProblem("genesis.accounts[2].scopeTerritory", "a COMMITTEE account needs the territory");
    }

    @Test
    void read_committeeScopeNotListed_isRefused() {
        account(2).put("scopeTerritory", "FR-OCC-30");
        assertOnlyProblem("genesis.accounts[2].scopeTerritory", "territory \"FR-OCC-30\" is not in genesis.territories");
    }

    @Test
    void read_noAuthority_isRefused() {
        account(0).putArray("roles").add("AUDITOR");
        assertOnlyProblem("genesis.accounts", "no account has role AUTHORITY");
    }

    @Test
    void read_noRegistrar_isRefused() {
        account(1).putArray("roles").add("BRIDGE");
        assertOnlyProblem("genesis.accounts", "no account has role REGISTRAR");
    }

    @Test
    void read_policyForUnknownPurpose_isRefused() {
        policy(0).put("purpose", "FOOOD");
        assertOnlyProblem("genesis.allowancePolicies[0].purpose", "unknown purpose \"FOOOD\" (not in genesis.purposes)");
    }

    @Test
    void read_twoPoliciesForOnePurpose_isRefused() {
        policy(1).put("purpose", "FOOD");
        assertOnlyProblem("genesis.allowancePolicies[1].purpose", "a second policy for purpose \"FOOD\"");
    }

    @Test
    void read_noAmounts_isRefused() {
        policy(0).putArray("amountCentsByHouseholdSize");
        assertOnlyProblem("genesis.allowancePolicies[0].amountCentsByHouseholdSize", "has 0 elements (expected 1 to 16)");
    }

    @Test
    void read_seventeenAmounts_isRefused() {
        ArrayNode amounts = policy(0).putArray("amountCentsByHouseholdSize");
        for (int i = 0; i < 17; i++) {
            amounts.add(100);
        }
        assertOnlyProblem("genesis.allowancePolicies[0].amountCentsByHouseholdSize", "has 17 elements");
    }

    @Test
    void read_amountAboveLimitOrNegative_namesTheElement() {
        policy(0).withArray("amountCentsByHouseholdSize").set(2, 1_000_000_001L);
        policy(0).withArray("amountCentsByHouseholdSize").set(3, -1);
        assertThat(problems()).extracting(Problem::toString).containsExactly(
                "genesis.allowancePolicies[0].amountCentsByHouseholdSize[2]: 1000000001 is out of range (expected 0 to 1000000000)",
                "genesis.allowancePolicies[0].amountCentsByHouseholdSize[3]: -1 is out of range (expected 0 to 1000000000)");
    }

    @Test
    void read_expiryOutOfRange_isRefused() {
        policy(0).put("expiryEpochs", 121);
        assertOnlyProblem("genesis.allowancePolicies[0].expiryEpochs", "121 is out of range (expected 1 to 120)");
    }

    @Test
    void read_negativeEffectiveEpoch_isRefused() {
        policy(0).put("effectiveFromEpoch", -1);
        assertOnlyProblem("genesis.allowancePolicies[0].effectiveFromEpoch", "-1 is out of range");
    }

    @Test
    void read_noValidators_isRefused() {
        tree.putArray("validators");
        assertOnlyProblem("genesis.validators", "has 0 elements (expected 1 to 256)");
    }

    @Test
    void read_duplicateValidator_isRefused() {
        tree.withArray("validators").add(tree.withArray("validators").get(0).textValue());
        assertOnlyProblem("genesis.validators[1]", "duplicate validator");
    }

    @Test
    void read_validatorNotAnAccount_isRefused() {
        tree.withArray("validators").set(0, "0x" + "ab".repeat(20));
        assertOnlyProblem("genesis.validators[0]", "is not in genesis.accounts");
    }

    @Test
    void read_validatorAccountWithoutRole_namesTheAccount() {
        tree.withArray("validators").set(0, account(3).get("address").textValue());
        assertOnlyProblem("genesis.validators[0]", "(genesis.accounts[3]) lacks role VALIDATOR");
    }

    @Test
    void read_invalidValidatorAddress_isRefused() {
        tree.withArray("validators").set(0, "validator-1");
        assertOnlyProblem("genesis.validators[0]", "not an address: \"validator-1\"");
    }

    @Test
    void read_wrongTypes_nameTheType() {
        tree.put("purposes", "FOOD");
        tree.set("territories", tree.objectNode());
        assertThat(problems()).extracting(Problem::toString).contains(
                "genesis.purposes: expected an array, got string",
                "genesis.territories: expected an array, got object");
    }

    @Test
    void parse_rootNotAnObject_isRefused() {
        assertThat(problemsOf("[1, 2]")).extracting(Problem::toString)
                .containsExactly("genesis: expected an object, got array");
    }

    @Test
    void parse_syntaxError_givesLineAndColumn() {
        List<Problem> problems = problemsOf("{\n  \"format\": \"targeted-money-genesis/1\",\n  \"chainId\": 13 37\n}");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("genesis");
        assertThat(problems.get(0).message()).startsWith("not valid JSON at line 3, column");
    }

    @Test
    void parse_duplicateKey_isRefused() {
        String json = tree.toString().replace("\"chainId\":1337", "\"chainId\":1337,\"chainId\":1");
        assertThat(problemsOf(json).get(0).message()).contains("not valid JSON").contains("Duplicate field 'chainId'");
    }

    @Test
    void parse_trailingContent_isRefused() {
        assertThat(problemsOf(tree + " {}").get(0).message()).contains("not valid JSON");
    }

    @Test
    void parse_comments_areRefused() {
        assertThat(problemsOf("// a comment\n" + tree).get(0).message()).contains("not valid JSON at line 1");
    }

    @Test
    void parse_emptyText_isRefused() {
        assertThat(problemsOf("  ")).extracting(Problem::toString)
                .containsExactly("genesis: empty input: expected a JSON object");
    }

    @Test
    void parse_deepNesting_isRefusedNotStackOverflow() {
        String json = "[".repeat(5000) + "]".repeat(5000);
        assertThat(problemsOf(json).get(0).message()).contains("not valid JSON");
    }

    @Test
    void read_nullValue_isAWrongType() {
        tree.set("timestamp", JsonNode.class.cast(tree.nullNode()));
        assertOnlyProblem("genesis.timestamp", "expected a string, got null");
    }

    // ---------------------------------------------------------------- bodies

    @Test
    void parse_demoBodies_inOrderWithKindMembersAndQuorum() throws GenesisException {
        Genesis genesis = GenesisReader.parse(tree.toString());
        assertThat(genesis.bodies()).extracting(Genesis.BodySpec::name)
                .containsExactly("Conseil national", "Comité SSA Hérault");
        Genesis.BodySpec herault = genesis.bodies().get(1);
        assertThat(herault.kind()).isEqualTo(BodyKind.LOCAL);
        assertThat(herault.territory()).isEqualTo("FR-OCC-34");
        assertThat(herault.members()).hasSize(3);
        assertThat(herault.quorum()).isEqualTo(2);
        assertThat(genesis.bodies().get(0).kind()).isEqualTo(BodyKind.NATIONAL);
    }

    @Test
    void read_withoutBodiesAndTariffs_isValidWithNone() throws GenesisException {
        tree.remove("bodies");
        tree.remove("tariffs");
        Genesis genesis = GenesisReader.parse(tree.toString());
        assertThat(genesis.bodies()).isEmpty();
        assertThat(genesis.tariffs()).isEmpty();
        tree.putArray("bodies");
        tree.putArray("tariffs");
        assertThat(GenesisReader.parse(tree.toString())).isEqualTo(genesis);
    }

    @Test
    void read_bodyInUnknownTerritory_isRefused() {
        body(1).put("territory", "FR-OCC-30");
        assertOnlyProblem("genesis.bodies[1].territory", "territory \"FR-OCC-30\" is not in genesis.territories");
    }

    @Test
    void read_unknownBodyKind_namesKinds() {
        body(0).put("kind", "REGIONAL");
        assertOnlyProblem("genesis.bodies[0].kind", "unknown body kind \"REGIONAL\" (expected NATIONAL or LOCAL)");
    }

    @Test
    void read_quorumZeroOrAboveMembers_isRefusedNamingTheMemberCount() {
        body(0).put("quorum", 0);
        assertOnlyProblem("genesis.bodies[0].quorum", "quorum 0 is outside 1 to 3 (the number of members)");
        body(0).put("quorum", 4);
        assertOnlyProblem("genesis.bodies[0].quorum", "quorum 4 is outside 1 to 3 (the number of members)");
        body(0).put("quorum", "2");
        assertOnlyProblem("genesis.bodies[0].quorum", "expected an integer, got string \"2\"");
    }

    @Test
    void read_bodyWithoutMembers_isRefusedOnce() {
        body(0).putArray("members");
        assertOnlyProblem("genesis.bodies[0].members", "has 0 elements (expected 1 to 101)");
    }

    @Test
    void read_bodyWithMoreThanMaxMembers_isRefused() {
        ArrayNode members = body(0).putArray("members");
        for (int i = 1; i <= GenesisLimits.MAX_BODY_MEMBERS + 1; i++) {
            members.add(String.format("0x%040x", i));
        }
        assertOnlyProblem("genesis.bodies[0].members", "has 102 elements (expected 1 to 101)");
    }

    @Test
    void read_duplicateMember_pointsToFirst() {
        ArrayNode members = body(1).withArray("members");
        members.set(2, members.get(0).textValue());
        assertOnlyProblem("genesis.bodies[1].members[2]", "duplicate member " + members.get(0).textValue()
                + " (already at genesis.bodies[1].members[0])");
    }

    @Test
    void read_zeroAddressMember_isRefused() {
        body(1).withArray("members").set(1, "0x" + "00".repeat(20));
        assertOnlyProblem("genesis.bodies[1].members[1]", "the zero address cannot be a body member");
    }

    @Test
    void read_malformedMember_isOneProblemNotAlsoAWrongQuorum() {
        body(0).put("quorum", 3);
        body(0).withArray("members").set(2, "national-3");
        assertOnlyProblem("genesis.bodies[0].members[2]", "not an address: \"national-3\"");
    }

    @Test
    void read_bodyNameEmptyOrTooLong_isRefused() {
        body(0).put("name", "");
        assertOnlyProblem("genesis.bodies[0].name", "a body name has 1 to 64 characters");
        body(0).put("name", "é".repeat(65));
        assertOnlyProblem("genesis.bodies[0].name", "got 65");
    }

    @Test
    void read_bodyNameLength_isCountedAsTheLedgerCountsIt() throws GenesisException {
        body(0).put("name", "\uD83C\uDF3E".repeat(32)); // 32 sheaves of rice: 64 UTF-16 units, accepted
        assertThat(GenesisReader.parse(tree.toString()).bodies().get(0).name()).hasSize(64);
        body(0).put("name", "\uD83C\uDF3E".repeat(32) + "x");
        assertOnlyProblem("genesis.bodies[0].name", "got 65");
    }

    @Test
    void read_bodyNameWithControlCharacter_isRefused() {
        body(0).put("name", "Conseil\tnational");
        assertOnlyProblem("genesis.bodies[0].name", "control characters are not allowed");
    }

    @Test
    void read_bodyMissingOrUnknownField_isRefused() {
        body(0).remove("quorum");
        assertOnlyProblem("genesis.bodies[0].quorum", "missing field");
        body(0).put("quorum", 2).put("quorom", 2);
        assertOnlyProblem("genesis.bodies[0].quorom", "unknown field (expected one of name, territory, kind, members,"
                + " quorum)");
    }

    @Test
    void read_bodiesNotAnArray_isRefused() {
        tree.putObject("bodies");
        assertOnlyProblem("genesis.bodies", "expected an array, got object");
    }

    @Test
    void read_accountAtABodyAddress_isRefused() {
        account(3).put("address", "0x000000000000000000000000b0d1000000000007");
        assertOnlyProblem("genesis.accounts[3].address", "is the account of governance body 7");
    }

    // ---------------------------------------------------------------- tariffs

    @Test
    void parse_demoTariffs_inOrder() throws GenesisException {
        assertThat(GenesisReader.parse(tree.toString()).tariffs()).containsExactly(
                new Genesis.TariffSpec("HEALTH", "G", 2_650), new Genesis.TariffSpec("HEALTH", "MD", 1_000),
                new Genesis.TariffSpec("HEALTH", "AMI", 315), new Genesis.TariffSpec("HEALTH", "IFD", 275));
    }

    @Test
    void read_tariffForUnknownPurpose_isRefused() {
        tariff(2).put("purpose", "DENTAL");
        assertOnlyProblem("genesis.tariffs[2].purpose", "unknown purpose \"DENTAL\" (not in genesis.purposes)");
    }

    @Test
    void read_tariffAmountZeroOrAboveLimit_isOutOfRange() {
        tariff(0).put("maxAmountCents", 0);
        assertOnlyProblem("genesis.tariffs[0].maxAmountCents", "0 is out of range (expected 1 to 100000000)");
        tariff(0).put("maxAmountCents", GenesisLimits.MAX_TARIFF_CENTS + 1);
        assertOnlyProblem("genesis.tariffs[0].maxAmountCents", "100000001 is out of range (expected 1 to 100000000)");
    }

    @Test
    void read_secondTariffForTheSameActAndPurpose_pointsToFirst() {
        tariff(3).put("actCode", "G");
        assertOnlyProblem("genesis.tariffs[3].actCode", "a second tariff for act \"G\" of purpose \"HEALTH\""
                + " (already at genesis.tariffs[0])");
    }

    @Test
    void read_sameActForAnotherPurpose_isAccepted() throws GenesisException {
        tariff(3).put("purpose", "CULTURE").put("actCode", "G");
        assertThat(GenesisReader.parse(tree.toString()).tariffs().get(3))
                .isEqualTo(new Genesis.TariffSpec("CULTURE", "G", 275));
    }

    @Test
    void read_malformedActCode_showsPattern() {
        tariff(1).put("actCode", "md");
        assertOnlyProblem("genesis.tariffs[1].actCode", "\"md\" does not match [A-Z0-9][A-Z0-9_.-]{0,15}");
    }

    @Test
    void read_tariffMissingOrUnknownField_isRefused() {
        tariff(0).remove("maxAmountCents");
        assertOnlyProblem("genesis.tariffs[0].maxAmountCents", "missing field");
        tariff(0).put("maxAmountCents", 2_650).put("currency", "EUR");
        assertOnlyProblem("genesis.tariffs[0].currency", "unknown field (expected one of purpose, actCode,"
                + " maxAmountCents)");
    }
}
