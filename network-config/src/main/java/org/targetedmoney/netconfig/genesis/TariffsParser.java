package org.targetedmoney.netconfig.genesis;

import static org.targetedmoney.netconfig.json.Fields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.targetedmoney.netconfig.json.Fields;
import org.targetedmoney.netconfig.json.Problems;
import org.targetedmoney.policy.genesis.Genesis.TariffSpec;

/** Checks the optional {@code genesis.tariffs}: what {@code setTariff} would accept, one tariff per act of a purpose. */
final class TariffsParser {
    static final List<String> TARIFF_FIELDS = List.of("purpose", "actCode", "maxAmountCents");

    private final Problems problems;
    private final Set<String> purposeSymbolsSeen;
    /** The first path of each (purpose, act code), keyed by {@code purpose + " " + actCode} (a space is in neither). */
    private final Map<String, String> firstPathByAct = new HashMap<>();

    TariffsParser(Problems problems, Set<String> purposeSymbolsSeen) {
        this.problems = problems;
        this.purposeSymbolsSeen = purposeSymbolsSeen;
    }

    /** The tariffs of {@code node}; an absent field (null) is no tariffs. */
    List<TariffSpec> tariffs(JsonNode node, String path) {
        List<JsonNode> items = Fields.array(node, path, 0, GenesisLimits.MAX_TARIFFS, problems);
        List<TariffSpec> result = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            TariffSpec tariff = tariff(items.get(i), path + "[" + i + "]");
            if (tariff != null) {
                result.add(tariff);
            }
        }
        return result;
    }

    private TariffSpec tariff(JsonNode node, String path) {
        int before = problems.size();
        JsonNode obj = Fields.object(node, path, TARIFF_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        String purpose = Fields.text(Fields.required(obj, "purpose", path, problems), path + ".purpose", problems);
        if (purpose != null && !purposeSymbolsSeen.contains(purpose)) {
            problems.add(path + ".purpose", "unknown purpose " + quote(purpose) + " (not in genesis.purposes)");
        }
        String act = Fields.text(Fields.required(obj, "actCode", path, problems), path + ".actCode", problems);
        if (act != null && !GenesisLimits.ACT_CODE.matcher(act).matches()) {
            problems.add(path + ".actCode", quote(act) + " does not match " + GenesisLimits.ACT_CODE
                    + " (an upper-case letter or digit, then up to 15 upper-case letters, digits, '_', '.' or '-')");
        } else if (act != null && purpose != null) {
            String first = firstPathByAct.putIfAbsent(purpose + " " + act, path);
            if (first != null) {
                problems.add(path + ".actCode", "a second tariff for act " + quote(act) + " of purpose "
                        + quote(purpose) + " (already at " + first + ")");
            }
        }
        Long cents = Fields.integer(Fields.required(obj, "maxAmountCents", path, problems), path + ".maxAmountCents",
                1, GenesisLimits.MAX_TARIFF_CENTS, problems);
        return problems.size() == before ? new TariffSpec(purpose, act, cents) : null;
    }
}
