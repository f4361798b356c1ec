package org.targetedmoney.netconfig.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.netconfig.json.StrictJson;
import org.targetedmoney.policy.genesis.Genesis;

/** A valid genesis (the seeded demo) that tests break one field at a time. */
public final class GenesisFixtures {
    public static final Instant NOVEMBER_2026 = Instant.parse("2026-11-01T00:00:00Z");
    private static final DemoNetwork.Demo DEMO = DemoNetwork.generate(
            new DemoNetwork.Options(DemoNetwork.DEFAULT_CHAIN_ID, NOVEMBER_2026, null, "fixture"));

    private GenesisFixtures() {}

    public static Genesis demoGenesis() {
        return DEMO.genesis();
    }

    public static String demoJson() {
        return GenesisWriter.toJson(DEMO.genesis());
    }

    /** A fresh mutable tree of the demo genesis. */
    public static ObjectNode demoTree() {
        try {
            return (ObjectNode) StrictJson.mapper().readTree(demoJson());
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
