package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SepaRulesProperties {
    private static final String SEPA_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ";

    @Provide
    Arbitrary<String> sepaStrings() {
        return Arbitraries.strings().withChars(SEPA_CHARACTERS.toCharArray()).ofMinLength(1).ofMaxLength(35);
    }

    @Property
    void identifier_anySepaStringWithoutSlashRules_isAccepted(@ForAll("sepaStrings") String id) {
        Assume.that(!id.startsWith("/") && !id.endsWith("/") && !id.contains("//"));
        assertThat(SepaRules.identifier("id", id)).isEmpty();
    }

    @Property
    void identifier_anyNonSepaCharacter_isRefused(@ForAll("sepaStrings") String id, @ForAll char other) {
        Assume.that(SEPA_CHARACTERS.indexOf(other) < 0);
        String withOther = (other + id).substring(0, Math.min(35, id.length() + 1));
        assertThat(SepaRules.identifier("id", withOther)).map(IsoRefusal::code).hasValue(IsoRefusal.INVALID_IDENTIFIER);
        assertThat(SepaRules.name("name", withOther)).map(IsoRefusal::code).hasValue(IsoRefusal.INVALID_TEXT);
    }
}
