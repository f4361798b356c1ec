package org.targetedmoney.netconfig.genesis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.targetedmoney.netconfig.json.StrictJson;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;

/**
 * Writes a {@link Genesis} in canonical form: fields in the documented order, two-space indentation, LF line
 * ends, lower-case addresses, a final newline. The same genesis always gives the same bytes, so a genesis can
 * be compared or hashed as text. The writer refuses a genesis its reader would refuse.
 */
public final class GenesisWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GenesisWriter() {}

    /**
     * The canonical JSON text of {@code genesis}.
     *
     * @throws IllegalArgumentException if the genesis is invalid or not representable (e.g. an epoch scheme
     *     anchored at another time than the genesis timestamp); the message lists the problems
     */
    public static String toJson(Genesis genesis) {
        String json = render(genesis);
        Genesis reread;
        try {
            reread = GenesisReader.parse(json);
        } catch (GenesisException e) {
            throw new IllegalArgumentException("cannot write an invalid " + e.getMessage(), e);
        }
        if (!reread.equals(genesis)) {
            throw new IllegalArgumentException("this genesis cannot be represented in the genesis format (its epoch"
                    + " scheme must start at the genesis timestamp and a MONTH scheme has no seconds)");
        }
        return json;
    }

    /** Writes the canonical JSON of {@code genesis} to {@code file} in UTF-8. */
    public static void write(Genesis genesis, Path file) throws IOException {
        Files.writeString(file, toJson(genesis), StandardCharsets.UTF_8);
    }

    private static String render(Genesis genesis) {
        ObjectNode root = NODES.objectNode();
        root.put("format", GenesisLimits.FORMAT);
        root.put("chainId", genesis.chainId());
        root.put("timestamp", Instant.ofEpochSecond(genesis.timestampSeconds()).toString());
        root.set("epoch", epoch(genesis.epochScheme()));
        ArrayNode purposes = root.putArray("purposes");
        genesis.purposes().forEach(p -> purposes.addObject().put("symbol", p.symbol()).put("name", p.name()));
        ArrayNode territories = root.putArray("territories");
        genesis.territories().forEach(territories::add);
        ArrayNode accounts = root.putArray("accounts");
        genesis.accounts().forEach(a -> accounts.add(account(a)));
        // Optional sections are left out when empty: a genesis without them keeps the bytes it had before they
        // existed, hence its id (a node refuses a data directory whose stored genesis hash differs).
        if (!genesis.bodies().isEmpty()) {
            ArrayNode bodies = root.putArray("bodies");
            genesis.bodies().forEach(b -> bodies.add(body(b)));
        }
        ArrayNode allowances = root.putArray("allowancePolicies");
        genesis.allowancePolicies().forEach(a -> allowances.add(allowance(a)));
        if (!genesis.tariffs().isEmpty()) {
            ArrayNode tariffs = root.putArray("tariffs");
            genesis.tariffs().forEach(t -> tariffs.addObject().put("purpose", t.purposeSymbol())
                    .put("actCode", t.actCode()).put("maxAmountCents", t.maxAmountCents()));
        }
        ArrayNode validators = root.putArray("validators");
        genesis.validators().forEach(v -> validators.add(v.toHex()));
        return StrictJson.toCanonicalText(root);
    }

    private static ObjectNode epoch(EpochScheme scheme) {
        ObjectNode epoch = NODES.objectNode().put("kind", scheme.kind().name());
        if (scheme.kind() == EpochScheme.Kind.FIXED) {
            epoch.put("seconds", scheme.fixedSeconds());
        }
        return epoch;
    }

    private static ObjectNode account(Genesis.AccountSpec account) {
        ObjectNode node = NODES.objectNode().put("address", hex(account.address()));
        if (account.label() != null) {
            node.put("label", account.label());
        }
        ArrayNode roles = node.putArray("roles");
        account.roles().stream().map(Role::name).forEach(roles::add);
        if (account.scopeTerritory() != null) {
            node.put("scopeTerritory", account.scopeTerritory());
        }
        return node;
    }

    private static ObjectNode body(Genesis.BodySpec body) {
        ObjectNode node = NODES.objectNode().put("name", body.name()).put("territory", body.territory())
                .put("kind", body.kind() == null ? null : body.kind().name());
        ArrayNode members = node.putArray("members");
        body.members().forEach(m -> members.add(hex(m)));
        return node.put("quorum", body.quorum());
    }

    private static ObjectNode allowance(Genesis.AllowanceSpec spec) {
        ObjectNode node = NODES.objectNode().put("purpose", spec.purposeSymbol());
        ArrayNode amounts = node.putArray("amountCentsByHouseholdSize");
        spec.amountCentsByHouseholdSize().forEach(amounts::add);
        return node.put("expiryEpochs", spec.expiryEpochs()).put("effectiveFromEpoch", spec.effectiveFromEpoch());
    }

    private static String hex(Address address) {
        return address == null ? null : address.toHex();
    }
}
