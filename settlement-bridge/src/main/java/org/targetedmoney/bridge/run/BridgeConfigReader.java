package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.targetedmoney.bridge.engine.Payee;
import org.targetedmoney.bridge.iso.SepaRules;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Fields;
import org.targetedmoney.netconfig.json.Problems;
import org.targetedmoney.netconfig.json.StrictJson;

/**
 * Reads a {@link BridgeConfig} strictly: unknown fields, wrong types and out-of-range values are all reported at
 * once, each with its JSON path. Relative paths in the file are resolved against the file's directory.
 */
public final class BridgeConfigReader {
    public static final long MAX_CONFIG_BYTES = 4L * 1024 * 1024;
    public static final int MAX_FUNDING_ACCOUNTS = 64;
    public static final int MAX_PAYEES = 100_000;
    public static final int MAX_EARMARKS = 64;
    public static final int MAX_ID_CHARS = 64;
    public static final int MAX_NAME_CHARS = 70;
    public static final int MAX_LATE_MONTHS = 24;
    public static final long MAX_CEILING_CENTS = 1_000_000_000_000_00L;
    public static final int MAX_COLLECTION_ACCOUNTS = 16;

    private static final Pattern ACCOUNT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_ID_CHARS - 1) + "}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private static final List<String> TOP = List.of("dataDir", "outDir", "ledger", "http", "settlement", "debtor",
            "funding", "interEnterpriseFund", "memberContributions", "lateMonths", "payees");

    private BridgeConfigReader() {}

    public static BridgeConfig read(Path file) throws ConfigException {
        String text = StrictJson.readText(file, MAX_CONFIG_BYTES, "bridge config");
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base);
    }

    /** Parses config text; relative paths are resolved against {@code base}. */
    public static BridgeConfig parse(String text, Path base) throws ConfigException {
        JsonNode root = StrictJson.parse(text, MAX_CONFIG_BYTES, "bridge config");
        Problems p = new Problems();
        if (Fields.object(root, "config", TOP, p) == null) {
            throw new ConfigException("bridge config", p.list());
        }
        Path dataDir = path(Fields.required(root, "dataDir", "config", p), "config.dataDir", base, p);
        Path outDir = root.has("outDir") ? path(root.get("outDir"), "config.outDir", base, p)
                : dataDir == null ? null : dataDir.resolve("out");
        BridgeConfig.Ledger ledger = ledger(Fields.required(root, "ledger", "config", p), base, p);
        BridgeConfig.Http http = http(root.get("http"), base, p);
        BridgeConfig.Settlement settlement = settlement(root.get("settlement"), p);
        BridgeConfig.BankAccount debtor = bankAccount(Fields.required(root, "debtor", "config", p), "config.debtor", p);
        BridgeConfig.Funding funding = funding(Fields.required(root, "funding", "config", p), p);
        Optional<BridgeConfig.InterEnterpriseFund> ief = root.has("interEnterpriseFund")
                ? Optional.ofNullable(ief(root.get("interEnterpriseFund"), p)) : Optional.empty();
        Optional<BridgeConfig.MemberContributions> members = root.has("memberContributions")
                ? Optional.ofNullable(members(root.get("memberContributions"), base, p)) : Optional.empty();
        Long late = root.has("lateMonths") ? Fields.integer(root.get("lateMonths"), "config.lateMonths", 0,
                MAX_LATE_MONTHS, p) : Long.valueOf(2);
        Map<String, Payee> payees = payees(root.get("payees"), p);
        if (funding != null) {
            checkSchemeAccounts(funding, ief, members, p);
        }
        if (!p.isEmpty()) {
            throw new ConfigException("bridge config", p.list());
        }
        return new BridgeConfig(dataDir, outDir, ledger, http, settlement, debtor, funding, ief, members,
                late.intValue(), payees);
    }

    private static BridgeConfig.Ledger ledger(JsonNode node, Path base, Problems p) {
        String at = "config.ledger";
        if (node == null || Fields.object(node, at, List.of("rpcUrl", "keyFile", "confirmations", "pollMillis",
                "maxBlockRange"), p) == null) {
            return null;
        }
        URI rpc = uri(Fields.text(Fields.required(node, "rpcUrl", at, p), at + ".rpcUrl", p), at + ".rpcUrl", p);
        Path key = path(Fields.required(node, "keyFile", at, p), at + ".keyFile", base, p);
        Long confirmations = optionalInt(node, "confirmations", at, 0, 1_000, 0, p);
        Long poll = optionalInt(node, "pollMillis", at, 50, 60_000, 1_000, p);
        Long range = optionalInt(node, "maxBlockRange", at, 1, 10_000, 1_000, p);
        if (rpc == null || key == null || confirmations == null || poll == null || range == null) {
            return null;
        }
        return new BridgeConfig.Ledger(rpc, key, confirmations.intValue(), poll, range.intValue());
    }

    private static BridgeConfig.Http http(JsonNode node, Path base, Problems p) {
        if (node == null) {
            return new BridgeConfig.Http("127.0.0.1", 8645, Optional.empty());
        }
        String at = "config.http";
        if (Fields.object(node, at, List.of("host", "port", "tokensFile"), p) == null) {
            return null;
        }
        String host = node.has("host") ? Fields.text(node.get("host"), at + ".host", p) : "127.0.0.1";
        Long port = optionalInt(node, "port", at, 0, 65_535, 8_645, p);
        Path tokens = node.has("tokensFile") ? path(node.get("tokensFile"), at + ".tokensFile", base, p) : null;
        if (host == null || port == null || node.has("tokensFile") && tokens == null) {
            return null;
        }
        return new BridgeConfig.Http(host, port.intValue(), Optional.ofNullable(tokens));
    }

    private static BridgeConfig.Settlement settlement(JsonNode node, Problems p) {
        if (node == null) {
            return new BridgeConfig.Settlement("daily", "net");
        }
        String at = "config.settlement";
        if (Fields.object(node, at, List.of("window", "mode"), p) == null) {
            return null;
        }
        String window = node.has("window") ? oneOf(node.get("window"), at + ".window",
                List.of("daily", "weekly", "monthly"), p) : "daily";
        String mode = node.has("mode") ? oneOf(node.get("mode"), at + ".mode", List.of("net", "gross"), p) : "net";
        return window == null || mode == null ? null : new BridgeConfig.Settlement(window, mode);
    }

    static BridgeConfig.BankAccount bankAccount(JsonNode node, String at, Problems p) {
        if (node == null || Fields.object(node, at, List.of("name", "iban", "bic"), p) == null) {
            return null;
        }
        return bankFields(node, at, p);
    }

    /** The name, IBAN and BIC fields of an object that may hold others (a payee). */
    private static BridgeConfig.BankAccount bankFields(JsonNode node, String at, Problems p) {
        String name = bounded(Fields.required(node, "name", at, p), at + ".name", MAX_NAME_CHARS, p);
        String iban = Fields.text(Fields.required(node, "iban", at, p), at + ".iban", p);
        String bic = node.has("bic") ? Fields.text(node.get("bic"), at + ".bic", p) : "";
        if (name == null || iban == null || bic == null) {
            return null;
        }
        BridgeConfig.BankAccount account = new BridgeConfig.BankAccount(name,
                iban.replace(" ", "").toUpperCase(Locale.ROOT), bic.toUpperCase(Locale.ROOT));
        // Checked here, once, so that a payment file is never refused for its bank details when it is written.
        int before = p.size();
        SepaRules.name(at + ".name", account.name()).ifPresent(r -> p.add(at + ".name", r.message()));
        SepaRules.iban(at + ".iban", account.iban()).ifPresent(r -> p.add(at + ".iban", r.message()));
        if (!account.bic().isEmpty()) {
            SepaRules.bic(at + ".bic", account.bic()).ifPresent(r -> p.add(at + ".bic", r.message()));
        }
        return p.size() == before ? account : null;
    }

    private static BridgeConfig.Funding funding(JsonNode node, Problems p) {
        String at = "config.funding";
        if (node == null || Fields.object(node, at, List.of("accounts", "creationCeilingCentsPerMonth",
                "creditConfirmation", "collectionIbans"), p) == null) {
            return null;
        }
        String confirmation = node.has("creditConfirmation") ? oneOf(node.get("creditConfirmation"),
                at + ".creditConfirmation", List.of("declared", "bank"), p) : "declared";
        List<String> collection = collectionIbans(node.get("collectionIbans"), at + ".collectionIbans", p);
        List<JsonNode> list = Fields.array(Fields.required(node, "accounts", at, p), at + ".accounts", 1,
                MAX_FUNDING_ACCOUNTS, p);
        Long ceiling = Fields.integer(Fields.required(node, "creationCeilingCentsPerMonth", at, p),
                at + ".creationCeilingCentsPerMonth", 0, MAX_CEILING_CENTS, p);
        if (list == null || ceiling == null) {
            return null;
        }
        List<BridgeConfig.FundingAccount> accounts = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            BridgeConfig.FundingAccount a = fundingAccount(list.get(i), at + ".accounts[" + i + "]", p);
            if (a != null && !seen.add(a.id())) {
                p.add(at + ".accounts[" + i + "].id", "duplicate account id " + Fields.quote(a.id()));
            } else if (a != null) {
                accounts.add(a);
            }
        }
        long creation = accounts.stream().filter(a -> a.kind().equals("monetary-creation")).count();
        if (creation > 1) {
            p.add(at + ".accounts", "at most one account of kind \"monetary-creation\" (there are " + creation + ")");
        } else if (creation == 0 && ceiling > 0) {
            p.add(at + ".creationCeilingCentsPerMonth", "a ceiling above 0 needs an account of kind"
                    + " \"monetary-creation\" (its earmarks say which purposes creation may fund)");
        }
        return new BridgeConfig.Funding(List.copyOf(accounts), ceiling, confirmation == null ? "declared"
                : confirmation, collection);
    }

    /** The collection accounts' IBANs, SEPA-checked like the others; absent: none (the debtor's account is used). */
    private static List<String> collectionIbans(JsonNode node, String at, Problems p) {
        if (node == null) {
            return List.of();
        }
        List<JsonNode> list = Fields.array(node, at, 1, MAX_COLLECTION_ACCOUNTS, p);
        if (list == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = at + "[" + i + "]";
            String v = Fields.text(list.get(i), path, p);
            if (v == null) {
                continue;
            }
            String iban = v.replace(" ", "").toUpperCase(Locale.ROOT);
            int before = p.size();
            SepaRules.iban(path, iban).ifPresent(r -> p.add(path, r.message()));
            if (p.size() == before && out.contains(iban)) {
                p.add(path, "IBAN " + iban + " is listed twice");
            } else if (p.size() == before) {
                out.add(iban);
            }
        }
        return List.copyOf(out);
    }

    private static BridgeConfig.FundingAccount fundingAccount(JsonNode node, String at, Problems p) {
        if (Fields.object(node, at, List.of("id", "name", "kind", "earmarks"), p) == null) {
            return null;
        }
        String id = accountId(Fields.required(node, "id", at, p), at + ".id", p);
        String name = node.has("name") ? bounded(node.get("name"), at + ".name", MAX_NAME_CHARS, p) : id;
        String kind = oneOf(Fields.required(node, "kind", at, p), at + ".kind",
                List.of("contributions", "public-account", "monetary-creation"), p);
        Set<Integer> earmarks = new TreeSet<>();
        List<JsonNode> marks = node.has("earmarks")
                ? Fields.array(node.get("earmarks"), at + ".earmarks", 0, MAX_EARMARKS, p) : List.of();
        if (marks != null) {
            for (int i = 0; i < marks.size(); i++) {
                Long purpose = Fields.integer(marks.get(i), at + ".earmarks[" + i + "]", 1, 0xFFFF_FFFFL, p);
                if (purpose != null && !earmarks.add(purpose.intValue())) {
                    p.add(at + ".earmarks[" + i + "]", "purpose " + purpose + " is listed twice");
                }
            }
        }
        return id == null || name == null || kind == null ? null
                : new BridgeConfig.FundingAccount(id, name, kind, Set.copyOf(earmarks));
    }

    private static BridgeConfig.InterEnterpriseFund ief(JsonNode node, Problems p) {
        String at = "config.interEnterpriseFund";
        if (Fields.object(node, at, List.of("accountId", "rateBasisPoints", "fixedAllowanceCentsPerFte",
                "fundAccount", "creditorId"), p) == null) {
            return null;
        }
        String account = accountId(Fields.required(node, "accountId", at, p), at + ".accountId", p);
        Long rate = Fields.integer(Fields.required(node, "rateBasisPoints", at, p), at + ".rateBasisPoints", 1,
                10_000, p);
        Optional<Long> fixed = node.has("fixedAllowanceCentsPerFte")
                ? Optional.ofNullable(Fields.integer(node.get("fixedAllowanceCentsPerFte"),
                        at + ".fixedAllowanceCentsPerFte", 0, 100_000_000L, p)) : Optional.empty();
        BridgeConfig.BankAccount fundAccount = bankAccount(Fields.required(node, "fundAccount", at, p),
                at + ".fundAccount", p);
        String creditorId = Fields.text(Fields.required(node, "creditorId", at, p), at + ".creditorId", p);
        if (creditorId != null) {
            int before = p.size();
            SepaRules.creditorId(at + ".creditorId", creditorId).ifPresent(r -> p.add(at + ".creditorId", r.message()));
            creditorId = p.size() == before ? creditorId : null;
        }
        return account == null || rate == null || fundAccount == null || creditorId == null ? null
                : new BridgeConfig.InterEnterpriseFund(account, rate.intValue(), fixed, fundAccount, creditorId);
    }

    private static BridgeConfig.MemberContributions members(JsonNode node, Path base, Problems p) {
        String at = "config.memberContributions";
        if (Fields.object(node, at, List.of("accountId", "scaleFile"), p) == null) {
            return null;
        }
        String account = accountId(Fields.required(node, "accountId", at, p), at + ".accountId", p);
        Optional<Path> scale = node.has("scaleFile")
                ? Optional.ofNullable(path(node.get("scaleFile"), at + ".scaleFile", base, p)) : Optional.empty();
        return account == null ? null : new BridgeConfig.MemberContributions(account, scale);
    }

    /**
     * Members' contributions fund providers: their account is a "contributions" account of the waterfall. The
     * inter-enterprise fund's money belongs to firms: its account must not be one.
     */
    private static void checkSchemeAccounts(BridgeConfig.Funding funding,
                                            Optional<BridgeConfig.InterEnterpriseFund> ief,
                                            Optional<BridgeConfig.MemberContributions> members, Problems p) {
        // The fund's money belongs to firms (their allowances): the waterfall that pays providers must not spend it.
        ief.ifPresent(f -> {
            if (funding.accounts().stream().anyMatch(a -> a.id().equals(f.accountId()))) {
                p.add("config.interEnterpriseFund.accountId", Fields.quote(f.accountId())
                        + " is a funding account of the waterfall: the fund's money pays firms, not providers");
            }
        });
        members.ifPresent(m -> requireContributionAccount(funding, m.accountId(),
                "config.memberContributions.accountId", p));
    }

    private static void requireContributionAccount(BridgeConfig.Funding funding, String id, String at, Problems p) {
        boolean ok = funding.accounts().stream().anyMatch(a -> a.id().equals(id) && a.kind().equals("contributions"));
        if (!ok) {
            p.add(at, Fields.quote(id) + " is not a funding account of kind \"contributions\" in config.funding.accounts");
        }
    }

    private static Map<String, Payee> payees(JsonNode node, Problems p) {
        Map<String, Payee> out = new TreeMap<>();
        List<JsonNode> list = node == null ? List.of() : Fields.array(node, "config.payees", 0, MAX_PAYEES, p);
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "config.payees[" + i + "]";
            JsonNode n = list.get(i);
            if (Fields.object(n, at, List.of("provider", "name", "iban", "bic"), p) == null) {
                continue;
            }
            String provider = Fields.text(Fields.required(n, "provider", at, p), at + ".provider", p);
            BridgeConfig.BankAccount bank = bankFields(n, at, p);
            if (provider != null && !ADDRESS.matcher(provider).matches()) {
                p.add(at + ".provider", Fields.quote(provider) + " is not a 0x-prefixed 20-byte address");
            } else if (provider != null && bank != null) {
                String key = provider.toLowerCase(Locale.ROOT);
                if (out.put(key, new Payee(key, bank.name(), bank.iban(), bank.bic())) != null) {
                    p.add(at + ".provider", "provider " + key + " has bank details twice");
                }
            }
        }
        return out;
    }

    private static Long optionalInt(JsonNode node, String field, String at, long min, long max, long dflt, Problems p) {
        return node.has(field) ? Fields.integer(node.get(field), at + "." + field, min, max, p) : Long.valueOf(dflt);
    }

    private static String oneOf(JsonNode node, String at, List<String> allowed, Problems p) {
        String v = Fields.text(node, at, p);
        if (v != null && !allowed.contains(v)) {
            p.add(at, Fields.quote(v) + " is not one of " + String.join(", ", allowed));
            return null;
        }
        return v;
    }

    private static String accountId(JsonNode node, String at, Problems p) {
        String v = Fields.text(node, at, p);
        if (v != null && !ACCOUNT_ID.matcher(v).matches()) {
            p.add(at, Fields.quote(v) + " is not an account id (lower-case letters, digits and '-', up to "
                    + MAX_ID_CHARS + " characters)");
            return null;
        }
        return v;
    }

    private static String bounded(JsonNode node, String at, int maxChars, Problems p) {
        String v = Fields.text(node, at, p);
        if (v != null && (v.isBlank() || v.length() > maxChars)) {
            p.add(at, "must be 1 to " + maxChars + " characters, got " + v.length());
            return null;
        }
        return v;
    }

    private static Path path(JsonNode node, String at, Path base, Problems p) {
        String v = Fields.text(node, at, p);
        if (v == null) {
            return null;
        }
        if (v.isBlank()) {
            p.add(at, "empty path");
            return null;
        }
        Path path = Path.of(v);
        return path.isAbsolute() ? path : base.resolve(path).normalize();
    }

    private static URI uri(String v, String at, Problems p) {
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                p.add(at, Fields.quote(v) + " is not an http(s) URL with a host");
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            p.add(at, Fields.quote(v) + " is not a URL: " + e.getReason());
            return null;
        }
    }
}
