package org.targetedmoney.netconfig.genesis;

import static org.targetedmoney.netconfig.json.Fields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.targetedmoney.netconfig.json.Fields;
import org.targetedmoney.netconfig.json.Problems;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.Genesis.AllowanceSpec;
import org.targetedmoney.policy.genesis.Genesis.PurposeSpec;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;

/**
 * Checks one genesis tree and builds the {@link Genesis}. One instance per parse: it accumulates problems and
 * the names seen so far. Cross-references (a committee's territory, a policy's purpose) are checked against
 * every name written in the file, even a malformed one, so one typo gives one problem, not a cascade.
 */
final class GenesisParser {
    static final String ROOT = "genesis";
    static final List<String> ROOT_FIELDS = List.of("format", "chainId", "timestamp", "epoch", "purposes",
            "territories", "accounts", "bodies", "allowancePolicies", "tariffs", "validators");
    static final List<String> EPOCH_FIELDS = List.of("kind", "seconds");
    static final List<String> PURPOSE_FIELDS = List.of("symbol", "name");
    static final List<String> ALLOWANCE_FIELDS = List.of("purpose", "amountCentsByHouseholdSize", "expiryEpochs",
            "effectiveFromEpoch");

    private final Problems problems = new Problems();
    private final Set<String> purposeSymbolsSeen = new HashSet<>();
    private final Set<String> territoriesSeen = new HashSet<>();
    private AccountsParser accounts;

    Genesis parse(JsonNode root) throws GenesisException {
        JsonNode obj = Fields.object(root, ROOT, ROOT_FIELDS, problems);
        if (obj == null) {
            throw new GenesisException(problems.list());
        }
        format(field(obj, "format"));
        Long chainId = Fields.integer(field(obj, "chainId"), path("chainId"),
                GenesisLimits.MIN_CHAIN_ID, GenesisLimits.MAX_CHAIN_ID, problems);
        Long timestamp = timestamp(field(obj, "timestamp"));
        EpochScheme epoch = epoch(field(obj, "epoch"), timestamp == null ? 0 : timestamp);
        List<PurposeSpec> purposes = purposes(field(obj, "purposes"));
        List<String> territories = territories(field(obj, "territories"));
        accounts = new AccountsParser(problems, territoriesSeen);
        List<Genesis.AccountSpec> accountSpecs = accounts.accounts(field(obj, "accounts"), path("accounts"));
        // Optional sections (absent: none), so files written before they existed stay valid.
        List<Genesis.BodySpec> bodies = new BodiesParser(problems, territoriesSeen)
                .bodies(obj.get("bodies"), path("bodies"));
        List<AllowanceSpec> allowances = allowances(field(obj, "allowancePolicies"));
        List<Genesis.TariffSpec> tariffs = new TariffsParser(problems, purposeSymbolsSeen)
                .tariffs(obj.get("tariffs"), path("tariffs"));
        List<Address> validators = validators(field(obj, "validators"));
        if (!problems.isEmpty()) {
            throw new GenesisException(problems.list());
        }
        return new Genesis(chainId, timestamp, epoch, purposes, territories, accountSpecs, allowances, validators,
                bodies, tariffs);
    }

    private JsonNode field(JsonNode obj, String name) {
        return Fields.required(obj, name, ROOT, problems);
    }

    private static String path(String field) {
        return ROOT + "." + field;
    }

    private void format(JsonNode node) {
        String format = Fields.text(node, path("format"), problems);
        if (format != null && !format.equals(GenesisLimits.FORMAT)) {
            problems.add(path("format"), "unsupported format " + quote(format)
                    + " (expected " + quote(GenesisLimits.FORMAT) + ")");
        }
    }

    private Long timestamp(JsonNode node) {
        String text = Fields.text(node, path("timestamp"), problems);
        if (text == null) {
            return null;
        }
        if (!GenesisLimits.TIMESTAMP.matcher(text).matches()) {
            problems.add(path("timestamp"), quote(text)
                    + " is not an ISO-8601 UTC time in whole seconds (expected e.g. \"2026-11-01T00:00:00Z\")");
            return null;
        }
        try {
            long seconds = Instant.parse(text).getEpochSecond();
            if (seconds < 0) {
                problems.add(path("timestamp"), quote(text) + " is before 1970-01-01T00:00:00Z");
                return null;
            }
            return seconds;
        } catch (DateTimeParseException e) {
            problems.add(path("timestamp"), quote(text) + " is not a valid date and time");
            return null;
        }
    }

    private EpochScheme epoch(JsonNode node, long genesisTimestamp) {
        String path = path("epoch");
        JsonNode obj = node == null ? null : Fields.object(node, path, EPOCH_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        String kind = Fields.text(Fields.required(obj, "kind", path, problems), path + ".kind", problems);
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case "MONTH" -> {
                if (obj.has("seconds")) {
                    problems.add(path + ".seconds", "only a FIXED epoch has seconds (a MONTH epoch is a calendar month)");
                }
                return EpochScheme.monthly(genesisTimestamp);
            }
            case "FIXED" -> {
                Long seconds = Fields.integer(Fields.required(obj, "seconds", path, problems), path + ".seconds",
                        EpochScheme.MIN_FIXED_SECONDS, GenesisLimits.MAX_FIXED_EPOCH_SECONDS, problems);
                return seconds == null ? null : new EpochScheme(EpochScheme.Kind.FIXED, seconds, genesisTimestamp);
            }
            default -> {
                problems.add(path + ".kind", "unknown epoch kind " + quote(kind) + " (expected MONTH or FIXED)");
                return null;
            }
        }
    }

    private List<PurposeSpec> purposes(JsonNode node) {
        String path = path("purposes");
        List<JsonNode> items = Fields.array(node, path, 1, GenesisLimits.MAX_PURPOSES, problems);
        List<PurposeSpec> result = new ArrayList<>();
        Map<String, String> firstPathBySymbol = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            PurposeSpec purpose = purpose(items.get(i), path + "[" + i + "]", firstPathBySymbol);
            if (purpose != null) {
                result.add(purpose);
            }
        }
        return result;
    }

    private PurposeSpec purpose(JsonNode node, String path, Map<String, String> firstPathBySymbol) {
        int before = problems.size();
        JsonNode obj = Fields.object(node, path, PURPOSE_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        String symbol = Fields.text(Fields.required(obj, "symbol", path, problems), path + ".symbol", problems);
        String name = Fields.text(Fields.required(obj, "name", path, problems), path + ".name", problems);
        if (symbol != null) {
            purposeSymbolsSeen.add(symbol);
            if (!GenesisLimits.PURPOSE_SYMBOL.matcher(symbol).matches()) {
                problems.add(path + ".symbol", quote(symbol) + " does not match " + GenesisLimits.PURPOSE_SYMBOL
                        + " (2 to 16 characters: an upper-case letter, then upper-case letters, digits or _)");
            } else if (firstPathBySymbol.putIfAbsent(symbol, path) != null) {
                problems.add(path + ".symbol", "duplicate symbol " + quote(symbol)
                        + " (already at " + firstPathBySymbol.get(symbol) + ")");
            }
        }
        if (name != null) {
            checkName(name, path + ".name");
        }
        return problems.size() == before ? new PurposeSpec(symbol, name) : null;
    }

    private void checkName(String name, String path) {
        int length = name.codePointCount(0, name.length());
        if (name.isBlank() || length > GenesisLimits.MAX_PURPOSE_NAME_CODE_POINTS) {
            problems.add(path, "a name has 1 to " + GenesisLimits.MAX_PURPOSE_NAME_CODE_POINTS
                    + " characters and is not blank, got " + length + ": " + quote(name));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(path, "control characters are not allowed in a name: " + quote(name));
        }
    }

    private List<String> territories(JsonNode node) {
        String path = path("territories");
        List<JsonNode> items = Fields.array(node, path, 0, GenesisLimits.MAX_TERRITORIES, problems);
        if (items == null) {
            return List.of();
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        List<String> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String code = Fields.text(items.get(i), path + "[" + i + "]", problems);
            if (code != null) {
                territoriesSeen.add(code);
                if (territory(code, i, items, firstIndex)) {
                    result.add(code);
                }
            }
        }
        return result;
    }

    /** Checks the code at index {@code i}: well formed, new, and its parent listed before it. */
    private boolean territory(String code, int i, List<JsonNode> items, Map<String, Integer> firstIndex) {
        String path = path("territories") + "[" + i + "]";
        if (code.length() > GenesisLimits.MAX_TERRITORY_CHARS || !GenesisLimits.TERRITORY.matcher(code).matches()) {
            problems.add(path, "invalid territory code " + quote(code) + " (expected a 2-letter country code, then"
                    + " -SEGMENT parts of 1 to 8 upper-case letters or digits, e.g. FR-OCC-34; at most "
                    + GenesisLimits.MAX_TERRITORY_CHARS + " characters)");
            return false;
        }
        Integer first = firstIndex.putIfAbsent(code, i);
        if (first != null) {
            problems.add(path, "duplicate territory " + quote(code) + " (already at genesis.territories[" + first + "])");
            return false;
        }
        int dash = code.lastIndexOf('-');
        if (dash < 0 || firstIndex.containsKey(code.substring(0, dash))) {
            return true;
        }
        String parent = code.substring(0, dash);
        int later = indexOf(items, parent, i + 1);
        problems.add(path, later >= 0
                ? "parent territory " + quote(parent) + " must be listed before " + quote(code)
                        + " (it is at genesis.territories[" + later + "])"
                : "parent territory " + quote(parent) + " of " + quote(code) + " is not listed");
        return false;
    }

    private static int indexOf(List<JsonNode> items, String text, int from) {
        for (int j = from; j < items.size(); j++) {
            if (items.get(j).isTextual() && items.get(j).textValue().equals(text)) {
                return j;
            }
        }
        return -1;
    }

    private List<AllowanceSpec> allowances(JsonNode node) {
        String path = path("allowancePolicies");
        List<JsonNode> items = Fields.array(node, path, 0, GenesisLimits.MAX_PURPOSES, problems);
        List<AllowanceSpec> result = new ArrayList<>();
        Map<String, String> firstPathByPurpose = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            AllowanceSpec spec = allowance(items.get(i), path + "[" + i + "]", firstPathByPurpose);
            if (spec != null) {
                result.add(spec);
            }
        }
        return result;
    }

    private AllowanceSpec allowance(JsonNode node, String path, Map<String, String> firstPathByPurpose) {
        int before = problems.size();
        JsonNode obj = Fields.object(node, path, ALLOWANCE_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        String purpose = Fields.text(Fields.required(obj, "purpose", path, problems), path + ".purpose", problems);
        if (purpose != null && !purposeSymbolsSeen.contains(purpose)) {
            problems.add(path + ".purpose", "unknown purpose " + quote(purpose) + " (not in genesis.purposes)");
        } else if (purpose != null && firstPathByPurpose.putIfAbsent(purpose, path) != null) {
            problems.add(path + ".purpose", "a second policy for purpose " + quote(purpose) + " (already at "
                    + firstPathByPurpose.get(purpose) + "; a genesis has at most one policy per purpose)");
        }
        List<Long> amounts = amounts(Fields.required(obj, "amountCentsByHouseholdSize", path, problems),
                path + ".amountCentsByHouseholdSize");
        Long expiry = Fields.integer(Fields.required(obj, "expiryEpochs", path, problems), path + ".expiryEpochs",
                GenesisLimits.MIN_EXPIRY_EPOCHS, GenesisLimits.MAX_EXPIRY_EPOCHS, problems);
        Long from = Fields.integer(Fields.required(obj, "effectiveFromEpoch", path, problems),
                path + ".effectiveFromEpoch", 0, Integer.MAX_VALUE, problems);
        return problems.size() == before
                ? new AllowanceSpec(purpose, amounts, expiry.intValue(), from.intValue()) : null;
    }

    private List<Long> amounts(JsonNode node, String path) {
        List<JsonNode> items = Fields.array(node, path, 1, GenesisLimits.MAX_HOUSEHOLD_SIZES, problems);
        List<Long> result = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            Long cents = Fields.integer(items.get(i), path + "[" + i + "]", 0, GenesisLimits.MAX_ALLOWANCE_CENTS,
                    problems);
            result.add(cents);
        }
        return result;
    }

    private List<Address> validators(JsonNode node) {
        String path = path("validators");
        List<JsonNode> items = Fields.array(node, path, 1, GenesisLimits.MAX_VALIDATORS, problems);
        List<Address> result = new ArrayList<>();
        Map<Address, Integer> firstIndex = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Address address = AccountsParser.address(items.get(i), itemPath, problems);
            if (address == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(address, i);
            if (first != null) {
                problems.add(itemPath, "duplicate validator " + address + " (already at " + path + "[" + first + "])");
            } else {
                accounts.checkValidator(address, itemPath);
                result.add(address);
            }
        }
        return result;
    }
}
