package org.targetedmoney.policy.abi;

import java.util.HashMap;
import java.util.Map;

/** The read-only functions of IPurposeToken.sol (the ERC-20 facade of a purpose). */
public enum TokenFunction {
    NAME("name()"),
    SYMBOL("symbol()"),
    DECIMALS("decimals()"),
    TOTAL_SUPPLY("totalSupply()"),
    BALANCE_OF("balanceOf(address)");

    private static final Map<Integer, TokenFunction> BY_SELECTOR = new HashMap<>();

    static {
        for (TokenFunction f : values()) {
            BY_SELECTOR.put(f.selector, f);
        }
    }

    private final String signature;
    private final int selector;

    TokenFunction(String signature) {
        this.signature = signature;
        this.selector = Selectors.of(signature);
    }

    public String signature() {
        return signature;
    }

    public int selector() {
        return selector;
    }

    static TokenFunction bySelector(int selector) {
        return BY_SELECTOR.get(selector);
    }
}
