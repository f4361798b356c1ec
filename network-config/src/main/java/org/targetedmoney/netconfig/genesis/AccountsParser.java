package org.targetedmoney.netconfig.genesis;

import static org.targetedmoney.netconfig.json.Fields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.targetedmoney.netconfig.json.Fields;
import org.targetedmoney.netconfig.json.Problems;
import org.targetedmoney.policy.genesis.Genesis.AccountSpec;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.Role;

/** Checks {@code genesis.accounts} and remembers each account's roles for the validator checks. */
final class AccountsParser {
    static final List<String> ACCOUNT_FIELDS = List.of("address", "label", "roles", "scopeTerritory");
    /** PROVIDER comes with a convention (purposes, territory, validity), which a bare role grant cannot carry. */
    static final Set<Role> GRANTABLE_IN_GENESIS = EnumSet.complementOf(EnumSet.of(Role.PROVIDER));
    static final List<Role> REQUIRED_ROLES = List.of(Role.AUTHORITY, Role.REGISTRAR);

    private final Problems problems;
    private final Set<String> territoriesSeen;
    private final Map<Address, String> pathByAddress = new HashMap<>();
    private final Map<Address, List<Role>> rolesByAddress = new HashMap<>();
    private final Map<String, String> pathByLabel = new HashMap<>();
    private final Set<Role> rolesSeen = EnumSet.noneOf(Role.class);

    AccountsParser(Problems problems, Set<String> territoriesSeen) {
        this.problems = problems;
        this.territoriesSeen = territoriesSeen;
    }

    List<AccountSpec> accounts(JsonNode node, String path) {
        List<JsonNode> items = Fields.array(node, path, 1, GenesisLimits.MAX_ACCOUNTS, problems);
        if (items == null) {
            return List.of();
        }
        List<AccountSpec> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AccountSpec account = account(items.get(i), path + "[" + i + "]");
            if (account != null) {
                result.add(account);
            }
        }
        for (Role required : REQUIRED_ROLES) {
            if (!rolesSeen.contains(required)) {
                problems.add(path, "no account has role " + required + " (a genesis needs at least one)");
            }
        }
        return result;
    }

    /** Records a problem unless {@code address} is an account holding the VALIDATOR role. */
    void checkValidator(Address address, String path) {
        String accountPath = pathByAddress.get(address);
        List<Role> roles = rolesByAddress.get(address);
        if (accountPath == null) {
            problems.add(path, address + " is not in genesis.accounts (a validator must be an account with role"
                    + " VALIDATOR)");
        } else if (roles != null && !roles.contains(Role.VALIDATOR)) {
            problems.add(path, "account " + address + " (" + accountPath + ") lacks role VALIDATOR");
        }
    }

    private AccountSpec account(JsonNode node, String path) {
        int before = problems.size();
        JsonNode obj = Fields.object(node, path, ACCOUNT_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        Address address = address(Fields.required(obj, "address", path, problems), path + ".address", problems);
        String label = obj.has("label") ? label(obj.get("label"), path + ".label") : null;
        List<Role> roles = roles(Fields.required(obj, "roles", path, problems), path + ".roles");
        String scope = obj.has("scopeTerritory")
                ? Fields.text(obj.get("scopeTerritory"), path + ".scopeTerritory", problems) : null;
        if (roles != null) {
            checkScope(roles, scope, obj.has("scopeTerritory"), path);
        }
        // Refused for every body id, not only the genesis bodies': creating that body later would replace its roles.
        int body = address == null ? 0 : BodyKind.bodyIdOf(address);
        if (body > 0) {
            problems.add(path + ".address", address + " is the account of governance body " + body + ": the ledger"
                    + " makes it with the body (list the body in genesis.bodies instead)");
        } else if (address != null) {
            String first = pathByAddress.putIfAbsent(address, path);
            if (first != null) {
                problems.add(path + ".address", "duplicate address " + address + " (already at " + first + ")");
            } else if (roles != null) {
                rolesByAddress.put(address, roles);
            }
        }
        return problems.size() == before ? new AccountSpec(address, roles, scope, label) : null;
    }

    private String label(JsonNode node, String path) {
        String label = Fields.text(node, path, problems);
        if (label == null) {
            return null;
        }
        if (!GenesisLimits.LABEL.matcher(label).matches()) {
            problems.add(path, quote(label) + " is not a label (1 to 64 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit)");
        } else if (pathByLabel.putIfAbsent(label, path) != null) {
            problems.add(path, "duplicate label " + quote(label) + " (already at " + pathByLabel.get(label) + ")");
        }
        return label;
    }

    private List<Role> roles(JsonNode node, String path) {
        if (node != null && node.isArray() && node.isEmpty()) {
            problems.add(path, "an account in genesis needs at least one role (members and providers are"
                    + " enrolled on-ledger, not listed in genesis)");
            return null;
        }
        List<JsonNode> items = Fields.array(node, path, 1, Role.values().length, problems);
        if (items == null) {
            return null;
        }
        int before = problems.size();
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Role role = role(items.get(i), path + "[" + i + "]");
            if (role == null) {
                continue;
            }
            int first = roles.indexOf(role);
            if (first >= 0) {
                problems.add(path + "[" + i + "]", "duplicate role " + role + " (already at " + path + "[" + first + "])");
            }
            roles.add(role);
            rolesSeen.add(role);
        }
        return problems.size() == before ? roles : null;
    }

    private Role role(JsonNode node, String path) {
        String name = Fields.text(node, path, problems);
        if (name == null) {
            return null;
        }
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
        if (role == null) {
            problems.add(path, "unknown role " + quote(name) + " (expected one of " + grantableNames() + ")");
        } else if (!GRANTABLE_IN_GENESIS.contains(role)) {
            problems.add(path, "role " + role + " cannot be granted in genesis (it comes with a convention,"
                    + " made on-ledger)");
            return null;
        }
        return role;
    }

    private static String grantableNames() {
        return GRANTABLE_IN_GENESIS.stream().map(Role::name).collect(Collectors.joining(", "));
    }

    private void checkScope(List<Role> roles, String scope, boolean hasScopeField, String path) {
        boolean committee = roles.contains(Role.COMMITTEE);
        if (hasScopeField && !committee) {
            problems.add(path + ".scopeTerritory", "only a COMMITTEE account has a scope territory");
        } else if (committee && !hasScopeField) {
            problems.add(path + ".scopeTerritory", "missing field: a COMMITTEE account needs the territory it"
                    + " decides for");
        } else if (scope != null && !territoriesSeen.contains(scope)) {
            problems.add(path + ".scopeTerritory", "territory " + quote(scope) + " is not in genesis.territories");
        }
    }

    /** Parses {@code 0x} + 40 hex digits; a mixed-case address must pass its EIP-55 checksum (it catches typos). */
    static Address address(JsonNode node, String path, Problems problems) {
        return Fields.address(node, path, problems);
    }
}
