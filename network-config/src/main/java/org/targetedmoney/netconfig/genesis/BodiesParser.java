package org.targetedmoney.netconfig.genesis;

import static org.targetedmoney.netconfig.json.Fields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.targetedmoney.netconfig.json.Fields;
import org.targetedmoney.netconfig.json.Problems;
import org.targetedmoney.policy.genesis.Genesis.BodySpec;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;

/**
 * Checks the optional {@code genesis.bodies}: what {@code createBody} would accept, so a genesis body is one the
 * authority could have created on-ledger. A body's id is its position plus one.
 */
final class BodiesParser {
    static final List<String> BODY_FIELDS = List.of("name", "territory", "kind", "members", "quorum");

    private final Problems problems;
    private final Set<String> territoriesSeen;

    BodiesParser(Problems problems, Set<String> territoriesSeen) {
        this.problems = problems;
        this.territoriesSeen = territoriesSeen;
    }

    /** The bodies of {@code node}; an absent field (null) is no bodies. */
    List<BodySpec> bodies(JsonNode node, String path) {
        List<JsonNode> items = Fields.array(node, path, 0, GenesisLimits.MAX_BODIES, problems);
        List<BodySpec> result = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            BodySpec body = body(items.get(i), path + "[" + i + "]");
            if (body != null) {
                result.add(body);
            }
        }
        return result;
    }

    private BodySpec body(JsonNode node, String path) {
        int before = problems.size();
        JsonNode obj = Fields.object(node, path, BODY_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        String name = Fields.text(Fields.required(obj, "name", path, problems), path + ".name", problems);
        if (name != null) {
            checkName(name, path + ".name");
        }
        String territory = Fields.text(Fields.required(obj, "territory", path, problems), path + ".territory",
                problems);
        if (territory != null && !territoriesSeen.contains(territory)) {
            problems.add(path + ".territory", "territory " + quote(territory) + " is not in genesis.territories");
        }
        BodyKind kind = kind(Fields.required(obj, "kind", path, problems), path + ".kind");
        List<Address> members = members(Fields.required(obj, "members", path, problems), path + ".members");
        Integer quorum = quorum(Fields.required(obj, "quorum", path, problems), path + ".quorum", members);
        return problems.size() == before ? new BodySpec(name, territory, kind, members, quorum) : null;
    }

    private void checkName(String name, String path) {
        if (name.isBlank() || name.length() > GenesisLimits.MAX_BODY_NAME_CHARS) {
            problems.add(path, "a body name has 1 to " + GenesisLimits.MAX_BODY_NAME_CHARS + " characters (UTF-16"
                    + " units, as the ledger counts them) and is not blank, got " + name.length() + ": " + quote(name));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(path, "control characters are not allowed in a name: " + quote(name));
        }
    }

    private BodyKind kind(JsonNode node, String path) {
        String text = Fields.text(node, path, problems);
        if (text == null) {
            return null;
        }
        BodyKind kind = Arrays.stream(BodyKind.values()).filter(k -> k.name().equals(text)).findFirst().orElse(null);
        if (kind == null) {
            problems.add(path, "unknown body kind " + quote(text) + " (expected " + Arrays.stream(BodyKind.values())
                    .map(BodyKind::name).collect(Collectors.joining(" or ")) + ")");
        }
        return kind;
    }

    /**
     * The members, or null when the list or one of its addresses is unreadable: the quorum is then only checked
     * against the largest body, so one mistyped address is not also reported as a wrong quorum.
     */
    private List<Address> members(JsonNode node, String path) {
        List<JsonNode> items = Fields.array(node, path, 1, GenesisLimits.MAX_BODY_MEMBERS, problems);
        if (items == null) {
            return null;
        }
        List<Address> result = new ArrayList<>();
        Map<Address, Integer> firstIndex = new HashMap<>();
        boolean malformed = false;
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Address member = AccountsParser.address(items.get(i), itemPath, problems);
            if (member == null) {
                malformed = true;
                continue;
            }
            Integer first = firstIndex.putIfAbsent(member, i);
            if (member.equals(Address.ZERO)) {
                problems.add(itemPath, "the zero address cannot be a body member (nobody holds its key)");
            } else if (first != null) {
                problems.add(itemPath, "duplicate member " + member + " (already at " + path + "[" + first + "])");
            }
            result.add(member);
        }
        return malformed ? null : result;
    }

    private Integer quorum(JsonNode node, String path, List<Address> members) {
        Long quorum = Fields.integer(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE, problems);
        if (quorum == null) {
            return null;
        }
        int most = members == null ? GenesisLimits.MAX_BODY_MEMBERS : members.size();
        if (quorum < 1 || quorum > most) {
            problems.add(path, "quorum " + quorum + " is outside 1 to " + most + (members == null
                    ? " (the most members a body may have)" : " (the number of members)"));
            return null;
        }
        return quorum.intValue();
    }
}
