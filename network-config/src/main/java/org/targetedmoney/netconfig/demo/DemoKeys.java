package org.targetedmoney.netconfig.demo;

import static org.targetedmoney.netconfig.json.Fields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Fields;
import org.targetedmoney.netconfig.json.Problems;
import org.targetedmoney.netconfig.json.StrictJson;
import org.targetedmoney.policy.model.Address;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The keys of a demo network ({@code demo-keys.json}), read by the wallet-sdk demo:
 * {@code {"chainId": 1337, "accounts": [{"label", "address", "privateKey", "kind"}]}}.
 * The reader checks that each address is the one of its private key, so a hand-edited file cannot make a
 * demo sign as one account while believing it is another. {@code toString} never shows private keys.
 */
public record DemoKeys(long chainId, List<Account> accounts) {
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    static final String ROOT = "demoKeys";
    private static final Pattern PRIVATE_KEY = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final int MAX_ACCOUNTS = 10_000;

    /**
     * What a demo account is for; members and providers get no role in genesis, they are enrolled on-ledger. A
     * body member has no role either: it proposes and votes in a governance body, which acts through its own account.
     * The bridge is the settlement bridge's account (role BRIDGE): it attests euro settlement batches.
     */
    public enum Kind {
        MEMBER, PROVIDER, AUTHORITY, REGISTRAR, COMMITTEE, AUDITOR, VALIDATOR, BODY_MEMBER, BRIDGE;

        /** The name used in the file: lower case, words joined by '-' ({@code body-member}). */
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind ofJson(String text) {
            for (Kind kind : values()) {
                if (kind.json().equals(text)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** One demo account; {@code privateKey} is {@code 0x} and 64 hex digits. */
    public record Account(String label, Address address, String privateKey, Kind kind) {
        /** The web3j credentials that sign as this account. */
        public Credentials credentials() {
            return Credentials.create(privateKey);
        }

        @Override
        public String toString() {
            return "Account[label=" + label + ", address=" + address + ", kind=" + kind + ", privateKey=<hidden>]";
        }
    }

    public DemoKeys {
        accounts = List.copyOf(accounts);
    }

    /** The account labelled {@code label}; throws, naming the known labels, if there is none. */
    public Account byLabel(String label) {
        return accounts.stream().filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no demo account " + quote(label) + " (known: "
                        + accounts.stream().map(Account::label).collect(Collectors.joining(", ")) + ")"));
    }

    /** The accounts of one kind, in file order. */
    public List<Account> ofKind(Kind kind) {
        return accounts.stream().filter(a -> a.kind() == kind).toList();
    }

    /** Reads and checks a demo-keys file. */
    public static DemoKeys read(Path file) throws ConfigException {
        return parse(StrictJson.readText(file, MAX_FILE_BYTES, ROOT));
    }

    /** Checks the text of a demo-keys file; every problem is reported with its JSON path. */
    public static DemoKeys parse(String json) throws ConfigException {
        JsonNode root = StrictJson.parse(json, MAX_FILE_BYTES, ROOT);
        Problems problems = new Problems();
        JsonNode obj = Fields.object(root, ROOT, List.of("chainId", "accounts"), problems);
        Long chainId = null;
        List<Account> accounts = List.of();
        if (obj != null) {
            chainId = Fields.integer(Fields.required(obj, "chainId", ROOT, problems), ROOT + ".chainId",
                    1, (1L << 53) - 1, problems);
            accounts = accounts(Fields.required(obj, "accounts", ROOT, problems), problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(ROOT, problems.list());
        }
        return new DemoKeys(chainId, accounts);
    }

    /** The JSON text of this file, two-space indented, with a final newline. */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("chainId", chainId);
        ArrayNode list = root.putArray("accounts");
        for (Account a : accounts) {
            list.addObject().put("label", a.label()).put("address", a.address().toHex())
                    .put("privateKey", a.privateKey()).put("kind", a.kind().json());
        }
        return StrictJson.toCanonicalText(root);
    }

    @Override
    public String toString() {
        return "DemoKeys[chainId=" + chainId + ", accounts=" + accounts + "]";
    }

    private static List<Account> accounts(JsonNode node, Problems problems) {
        String path = ROOT + ".accounts";
        List<JsonNode> items = Fields.array(node, path, 1, MAX_ACCOUNTS, problems);
        if (items == null) {
            return List.of();
        }
        Map<String, String> pathByLabel = new HashMap<>();
        return java.util.stream.IntStream.range(0, items.size())
                .mapToObj(i -> account(items.get(i), path + "[" + i + "]", pathByLabel, problems))
                .filter(java.util.Objects::nonNull).toList();
    }

    private static Account account(JsonNode node, String path, Map<String, String> pathByLabel, Problems problems) {
        int before = problems.size();
        JsonNode obj = Fields.object(node, path, List.of("label", "address", "privateKey", "kind"), problems);
        if (obj == null) {
            return null;
        }
        String label = Fields.text(Fields.required(obj, "label", path, problems), path + ".label", problems);
        String address = Fields.text(Fields.required(obj, "address", path, problems), path + ".address", problems);
        String key = Fields.text(Fields.required(obj, "privateKey", path, problems), path + ".privateKey", problems);
        String kindText = Fields.text(Fields.required(obj, "kind", path, problems), path + ".kind", problems);
        if (label != null && pathByLabel.putIfAbsent(label, path) != null) {
            problems.add(path + ".label", "duplicate label " + quote(label) + " (already at " + pathByLabel.get(label) + ")");
        }
        Kind kind = kindText == null ? null : Kind.ofJson(kindText);
        if (kindText != null && kind == null) {
            problems.add(path + ".kind", "unknown kind " + quote(kindText) + " (expected one of "
                    + java.util.Arrays.stream(Kind.values()).map(Kind::json).collect(Collectors.joining(", ")) + ")");
        }
        Address derived = key == null ? null : addressOfKey(key, path + ".privateKey", problems);
        if (derived != null && address != null && !derived.toHex().equalsIgnoreCase(address)) {
            problems.add(path + ".address", address + " is not the address of this privateKey");
        }
        return problems.size() == before ? new Account(label, derived, key, kind) : null;
    }

    private static Address addressOfKey(String key, String path, Problems problems) {
        BigInteger value = PRIVATE_KEY.matcher(key).matches() ? new BigInteger(key.substring(2), 16) : null;
        if (value == null || value.signum() == 0 || value.compareTo(DemoKeyFactory.ORDER) >= 0) {
            // The key itself is never echoed: this text may end up in a log.
            problems.add(path, "not a secp256k1 private key (expected 0x followed by 64 hex digits, nonzero and"
                    + " below the curve order)");
            return null;
        }
        return Address.fromHex(Keys.getAddress(ECKeyPair.create(value)));
    }
}
