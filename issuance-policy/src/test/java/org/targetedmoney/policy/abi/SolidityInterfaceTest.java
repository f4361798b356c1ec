package org.targetedmoney.policy.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/**
 * The published Solidity interfaces and the code cannot drift: every function and event declared in
 * {@code /abi/*.sol} is implemented with the same canonical signature, and nothing is implemented that is
 * not published.
 */
class SolidityInterfaceTest {
    private static final Pattern DECLARATION =
            Pattern.compile("\\b(function|event)\\s+(\\w+)\\s*\\(([^)]*)\\)", Pattern.DOTALL);

    record Declaration(String kind, String signature) {}

    /** Canonical signatures ({@code name(type,type)}) of the functions or events of a .sol file. */
    static List<Declaration> declarations(String resource) throws IOException {
        String text;
        try (InputStream in = SolidityInterfaceTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("//[^\n]*", "");
        }
        List<Declaration> out = new ArrayList<>();
        Matcher m = DECLARATION.matcher(text);
        while (m.find()) {
            String types = Arrays.stream(m.group(3).split(","))
                    .map(String::trim)
                    .filter(p -> !p.isEmpty())
                    .map(p -> p.split("\\s+")[0])
                    .collect(Collectors.joining(","));
            out.add(new Declaration(m.group(1), m.group(2) + "(" + types + ")"));
        }
        return out;
    }

    private static Set<String> signatures(List<Declaration> ds, String kind) {
        return ds.stream().filter(d -> d.kind().equals(kind)).map(Declaration::signature)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** topic 0 of every event EventLogs can emit, as hex. */
    private static Set<String> eventTopics() throws IllegalAccessException {
        Set<String> topics = new LinkedHashSet<>();
        for (Field f : EventLogs.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == byte[].class) {
                topics.add("0x" + HexFormat.of().formatHex((byte[]) f.get(null)));
            }
        }
        return topics;
    }

    @Test
    void ledgerInterface_declaresExactlyTheLedgerFunctions() throws IOException {
        Set<String> published = signatures(declarations("/abi/ITargetedMoney.sol"), "function");
        Set<String> implemented = Arrays.stream(LedgerFunction.values()).map(LedgerFunction::signature)
                .collect(Collectors.toSet());

        assertThat(published).hasSize(LedgerFunction.values().length).containsExactlyInAnyOrderElementsOf(implemented);
    }

    @Test
    void tokenInterface_declaresExactlyTheTokenFunctions() throws IOException {
        Set<String> published = signatures(declarations("/abi/IPurposeToken.sol"), "function");
        Set<String> implemented = Arrays.stream(TokenFunction.values()).map(TokenFunction::signature)
                .collect(Collectors.toSet());

        assertThat(published).containsExactlyInAnyOrderElementsOf(implemented);
    }

    @Test
    void everyPublishedEvent_isEmittedWithTheSameTopic_andEveryEmittedEventIsPublished() throws Exception {
        Set<String> published = new LinkedHashSet<>();
        published.addAll(signatures(declarations("/abi/ITargetedMoney.sol"), "event"));
        published.addAll(signatures(declarations("/abi/IPurposeToken.sol"), "event"));
        Set<String> publishedTopics = published.stream().map(Hash::sha3String).collect(Collectors.toSet());

        assertThat(published).contains("Payment(address,address,uint32,uint256,bytes32,uint32)",
                "Transfer(address,address,uint256)");
        assertThat(eventTopics()).containsExactlyInAnyOrderElementsOf(publishedTopics);
    }

    @Test
    void viewFlag_matchesTheViewModifierOfThePublishedFunction() throws IOException {
        String text = new String(SolidityInterfaceTest.class.getResourceAsStream("/abi/ITargetedMoney.sol")
                .readAllBytes(), StandardCharsets.UTF_8);
        for (LedgerFunction f : LedgerFunction.values()) {
            Matcher m = Pattern.compile("function\\s+" + f.shortName() + "\\s*\\([^)]*\\)\\s*external\\b\\s*(view)?",
                    Pattern.DOTALL).matcher(text);
            assertThat(m.find()).as(f.shortName()).isTrue();
            assertThat(m.group(1) != null).as("%s is a view", f.shortName()).isEqualTo(f.isView());
        }
    }
}
