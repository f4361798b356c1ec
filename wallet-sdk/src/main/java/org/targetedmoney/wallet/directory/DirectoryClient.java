package org.targetedmoney.wallet.directory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * Reads the provider directory: {@code ledger_providers} pages (a JSON-RPC method of the node, sent through
 * the connection's web3j service) and the criteria declared on the ledger.
 */
public final class DirectoryClient {
    /** Pages followed by {@link #allProviders} before it gives up: 100 000 providers at the largest limit. */
    public static final int MAX_PAGES = 100;
    private static final String METHOD = "ledger_providers";

    private final LedgerConnection ledger;

    public DirectoryClient(LedgerConnection ledger) {
        this.ledger = ledger;
    }

    /**
     * A directory query; null members are left to the node's defaults (any purpose, any specialty, no
     * criteria, not covering, 100 per page, first page).
     */
    public record Query(String territory, Integer purpose, String specialty, Integer criteriaMask,
                        boolean includeCovering, Integer limit, String after) {
        public static Query of(String territory) {
            return new Query(territory, null, null, null, false, null, null);
        }

        public Query withPurpose(int p) {
            return new Query(territory, p, specialty, criteriaMask, includeCovering, limit, after);
        }

        public Query withSpecialty(String s) {
            return new Query(territory, purpose, s, criteriaMask, includeCovering, limit, after);
        }

        /** Providers attested to meet all these criteria (bit i = criterion i; see {@link #maskOf}). */
        public Query withCriteria(int mask) {
            return new Query(territory, purpose, specialty, mask, includeCovering, limit, after);
        }

        /** Also the providers conventioned for a territory above this one, who serve it too. */
        public Query withCovering() {
            return new Query(territory, purpose, specialty, criteriaMask, true, limit, after);
        }

        public Query withLimit(int n) {
            return new Query(territory, purpose, specialty, criteriaMask, includeCovering, n, after);
        }

        public Query withAfter(String cursor) {
            return new Query(territory, purpose, specialty, criteriaMask, includeCovering, limit, cursor);
        }

        Map<String, Object> toParams() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("territory", territory);
            putIfSet(p, "purpose", purpose);
            putIfSet(p, "specialty", specialty);
            putIfSet(p, "criteria", criteriaMask == null ? null : "0x" + Integer.toHexString(criteriaMask));
            p.put("includeCovering", includeCovering);
            putIfSet(p, "limit", limit);
            putIfSet(p, "after", after);
            return p;
        }

        private static void putIfSet(Map<String, Object> p, String name, Object value) {
            if (value != null) {
                p.put(name, value);
            }
        }
    }

    /** A convention of a listed provider; {@code status} is "in force", "suspended", "revoked" or "not in force". */
    public record Convention(int purpose, String symbol, String territory, int validFromEpoch, int validUntilEpoch,
                             String status, List<Integer> categories) {}

    /** A provider; {@code name} and {@code specialty} are null when it was never described. */
    public record Provider(String address, String name, String specialty, List<String> criteria,
                           List<Convention> conventions) {}

    /** A page, as of block {@code blockNumber}; {@code next} is null on the last page. */
    public record Page(long blockNumber, List<Provider> providers, String next) {}

    /** A social or ecological criterion; its id is its bit in criteria masks. */
    public record Criterion(int id, String code, String name) {}

    /** The raw answer of {@code ledger_providers}. */
    public static final class ProvidersResponse extends Response<Map<String, Object>> {}

    public Page providers(Query query) throws LedgerRequestException {
        try {
            ProvidersResponse r = new Request<>(METHOD, List.of(query.toParams()), ledger.service(),
                    ProvidersResponse.class).send();
            if (r.hasError()) {
                throw new LedgerRequestException(r.getError().getCode(), METHOD + ": " + r.getError().getMessage());
            }
            return page(r.getResult());
        } catch (IOException e) {
            throw new LedgerRequestException(METHOD + " failed: " + e.getMessage(), e);
        }
    }

    /** Every provider of the query, following the pages (at most {@link #MAX_PAGES}). */
    public List<Provider> allProviders(Query query) throws LedgerRequestException {
        List<Provider> out = new ArrayList<>();
        Query at = query;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page p = providers(at);
            out.addAll(p.providers());
            if (p.next() == null) {
                return out;
            }
            at = at.withAfter(p.next());
        }
        throw new LedgerRequestException(METHOD + ": more than " + MAX_PAGES + " pages; page by hand", null);
    }

    /** The criteria declared on the ledger, by id. */
    @SuppressWarnings("rawtypes")
    public List<Criterion> criteria() throws LedgerRequestException {
        long count = LedgerAbi.asLong(ledger.call(LedgerAbi.criterionCount()).get(0));
        List<Criterion> out = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            List<Type> info = ledger.call(LedgerAbi.criterionInfo(id));
            out.add(new Criterion(id, (String) info.get(1).getValue(), (String) info.get(2).getValue()));
        }
        return out;
    }

    /** The mask of criteria with these codes; an unknown code is an error rather than a silently wider query. */
    public int maskOf(String... codes) throws LedgerRequestException {
        List<Criterion> declared = criteria();
        int mask = 0;
        for (String code : codes) {
            Criterion c = declared.stream().filter(x -> x.code().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no criterion " + code + " on the ledger"));
            mask |= 1 << c.id();
        }
        return mask;
    }

    @SuppressWarnings("unchecked")
    private static Page page(Map<String, Object> result) {
        List<Provider> providers = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) result.get("providers")) {
            List<Convention> conventions = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) p.get("conventions")) {
                conventions.add(new Convention(num(c.get("purpose")), (String) c.get("symbol"),
                        (String) c.get("territory"), num(c.get("validFromEpoch")), num(c.get("validUntilEpoch")),
                        (String) c.get("status"), ((List<Object>) c.get("categories")).stream()
                        .map(DirectoryClient::num).toList()));
            }
            providers.add(new Provider((String) p.get("address"), (String) p.get("name"), (String) p.get("specialty"),
                    List.copyOf((List<String>) p.get("criteria")), conventions));
        }
        long block = Long.decode((String) result.get("blockNumber"));
        return new Page(block, providers, (String) result.get("next"));
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }
}
