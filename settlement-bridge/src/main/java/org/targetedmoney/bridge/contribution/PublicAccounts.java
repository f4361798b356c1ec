package org.targetedmoney.bridge.contribution;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The declared public funding accounts, by id. Configuration: an invalid list is refused with an exception. */
public final class PublicAccounts {
    public static final int MAX_ACCOUNTS = 1_000;

    private final TreeMap<String, PublicAccount> byId = new TreeMap<>();

    private PublicAccounts(List<PublicAccount> accounts) {
        if (accounts.size() > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("more than " + MAX_ACCOUNTS + " public accounts");
        }
        for (PublicAccount a : accounts) {
            if (byId.putIfAbsent(a.id(), a) != null) {
                throw new IllegalArgumentException("public account " + a.id() + " is declared twice");
            }
        }
    }

    public static PublicAccounts of(List<PublicAccount> accounts) {
        return new PublicAccounts(accounts);
    }

    public Optional<PublicAccount> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The accounts, by id. */
    public List<PublicAccount> accounts() {
        return List.copyOf(byId.values());
    }
}
