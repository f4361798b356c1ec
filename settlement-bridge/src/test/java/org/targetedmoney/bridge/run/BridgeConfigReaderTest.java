package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.targetedmoney.netconfig.json.ConfigException;

class BridgeConfigReaderTest {
    private static final Path BASE = Path.of("/srv/bridge");

    static final String VALID = """
            {
              "dataDir": "data",
              "ledger": {"rpcUrl": "http://127.0.0.1:8545", "keyFile": "keys/bridge.key"},
              "settlement": {"window": "weekly", "mode": "gross"},
              "debtor": {"name": "Caisse commune", "iban": "FR76 3000 6000 0112 3456 7890 189", "bic": "agrifrpp"},
              "funding": {
                "accounts": [
                  {"id": "ssa-members", "kind": "contributions", "earmarks": [2]},
                  {"id": "employers", "kind": "contributions"},
                  {"id": "state", "name": "Etat", "kind": "public-account", "earmarks": [1, 2]},
                  {"id": "creation", "kind": "monetary-creation"}
                ],
                "creationCeilingCentsPerMonth": 5000000
              },
              "interEnterpriseFund": {"accountId": "inter-enterprise-fund", "rateBasisPoints": 2500,
                "fundAccount": {"name": "Caisse interentreprises", "iban": "FR1420041010050500013M02606"},
                "creditorId": "FR72ZZZ123456"},
              "memberContributions": {"accountId": "ssa-members"},
              "payees": [{"provider": "0x00000000000000000000000000000000000000AA", "name": "Epicerie",
                          "iban": "DE89370400440532013000"}]
            }
            """;

    @Test
    void parse_validFile_resolvesPathsAndDefaults() throws ConfigException {
        BridgeConfig c = BridgeConfigReader.parse(VALID, BASE);

        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/bridge/data"));
        assertThat(c.outDir()).isEqualTo(Path.of("/srv/bridge/data/out"));
        assertThat(c.ledger().keyFile()).isEqualTo(Path.of("/srv/bridge/keys/bridge.key"));
        assertThat(c.ledger().confirmations()).isZero();
        assertThat(c.http().port()).isEqualTo(8645);
        assertThat(c.settlement().window()).isEqualTo("weekly");
        assertThat(c.debtor().iban()).isEqualTo("FR7630006000011234567890189");
        assertThat(c.debtor().bic()).isEqualTo("AGRIFRPP");
        assertThat(c.funding().accounts()).extracting(BridgeConfig.FundingAccount::id)
                .containsExactly("ssa-members", "employers", "state", "creation");
        assertThat(c.interEnterpriseFund().orElseThrow().fixedAllowanceCentsPerFte()).isEmpty();
        assertThat(c.interEnterpriseFund().orElseThrow().creditorId()).isEqualTo("FR72ZZZ123456");
        assertThat(c.lateMonths()).isEqualTo(2);
        assertThat(c.payeeOf("0x00000000000000000000000000000000000000aa")).isPresent();
    }

    @Test
    void parse_severalMistakes_reportsEachWithItsPath() {
        String bad = VALID.replace("\"weekly\"", "\"hourly\"")
                .replace("\"kind\": \"public-account\"", "\"kind\": \"loan\"")
                .replace("\"rateBasisPoints\": 2500", "\"rateBasisPoints\": 25000")
                .replace("\"accountId\": \"ssa-members\"", "\"accountId\": \"nobody\"")
                .replace("0x00000000000000000000000000000000000000AA", "0x12");

        assertThatThrownBy(() -> BridgeConfigReader.parse(bad, BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.settlement.window: \"hourly\" is not one of daily, weekly, monthly")
                .hasMessageContaining("config.funding.accounts[2].kind: \"loan\"")
                .hasMessageContaining("config.interEnterpriseFund.rateBasisPoints: 25000 is out of range")
                .hasMessageContaining("config.memberContributions.accountId: \"nobody\" is not a funding account")
                .hasMessageContaining("config.payees[0].provider: \"0x12\" is not a 0x-prefixed 20-byte address");
    }

    @Test
    void parse_unknownFieldAndDuplicateAccount_refused() {
        String bad = VALID.replace("\"dataDir\": \"data\",", "\"dataDir\": \"data\", \"dataDirectory\": \"x\",")
                .replace("{\"id\": \"employers\", \"kind\": \"contributions\"}",
                        "{\"id\": \"employers\", \"kind\": \"contributions\"},"
                                + "{\"id\": \"state\", \"kind\": \"contributions\"}");

        assertThatThrownBy(() -> BridgeConfigReader.parse(bad, BASE))
                .hasMessageContaining("config.dataDirectory: unknown field")
                .hasMessageContaining("duplicate account id \"state\"");
    }

    @Test
    void parse_fundAccountInWaterfall_refused() {
        String bad = VALID.replace("\"accountId\": \"inter-enterprise-fund\"", "\"accountId\": \"employers\"");

        assertThatThrownBy(() -> BridgeConfigReader.parse(bad, BASE))
                .hasMessageContaining("config.interEnterpriseFund.accountId: \"employers\" is a funding account of the"
                        + " waterfall");
    }

    @Test
    void parse_creditorIdWithWrongCheckDigits_refused() {
        String bad = VALID.replace("FR72ZZZ123456", "FR73ZZZ123456");

        assertThatThrownBy(() -> BridgeConfigReader.parse(bad, BASE))
                .hasMessageContaining("config.interEnterpriseFund.creditorId")
                .hasMessageContaining("wrong check digits");
    }

    @Test
    void parse_creditorIdMalformedOrMissing_refused() {
        String malformed = VALID.replace("FR72ZZZ123456", "FR72-ZZZ");
        String missing = VALID.replace("\"creditorId\": \"FR72ZZZ123456\"", "\"creditor\": \"FR72ZZZ123456\"");

        assertThatThrownBy(() -> BridgeConfigReader.parse(malformed, BASE))
                .hasMessageContaining("config.interEnterpriseFund.creditorId")
                .hasMessageContaining("is not a country code, 2 check digits");
        assertThatThrownBy(() -> BridgeConfigReader.parse(missing, BASE))
                .hasMessageContaining("config.interEnterpriseFund.creditorId: ")
                .hasMessageContaining("config.interEnterpriseFund.creditor: unknown field");
    }

    @Test
    void parse_badBankDetails_refusedBeforeAnyFileIsWritten() {
        String bad = VALID.replace("DE89370400440532013000", "DE89370400440532013001").replace("agrifrpp", "AGRI");

        assertThatThrownBy(() -> BridgeConfigReader.parse(bad, BASE))
                .hasMessageContaining("config.payees[0].iban")
                .hasMessageContaining("config.debtor.bic");
    }

    @Test
    void parse_notJson_namesLineAndColumn() {
        assertThatThrownBy(() -> BridgeConfigReader.parse("{\"dataDir\": }", BASE))
                .hasMessageContaining("not valid JSON at line 1");
    }

    @Test
    void parse_noCreditConfirmation_declaredAndCollectedOnTheDebtorAccount() throws ConfigException {
        BridgeConfig c = BridgeConfigReader.parse(VALID, BASE);

        assertThat(c.funding().creditConfirmation()).isEqualTo("declared");
        assertThat(c.funding().collectionIbans()).isEmpty();
        assertThat(c.collectionIbans()).containsExactly("FR7630006000011234567890189");
    }

    @Test
    void parse_bankConfirmationWithCollectionAccounts_normalisesTheIbans() throws ConfigException {
        BridgeConfig c = BridgeConfigReader.parse(VALID.replace("\"creationCeilingCentsPerMonth\": 5000000",
                "\"creationCeilingCentsPerMonth\": 5000000, \"creditConfirmation\": \"bank\","
                        + " \"collectionIbans\": [\"fr14 2004 1010 0505 0001 3M02 606\", \"FR7630006000011234567890189\"]"),
                BASE);

        assertThat(c.funding().creditConfirmation()).isEqualTo("bank");
        assertThat(c.collectionIbans()).containsExactlyInAnyOrder("FR1420041010050500013M02606",
                "FR7630006000011234567890189");
    }

    @Test
    void parse_badCreditConfirmationOrCollectionIbans_refusedWithPaths() {
        String bad = VALID.replace("\"creationCeilingCentsPerMonth\": 5000000",
                "\"creationCeilingCentsPerMonth\": 5000000, \"creditConfirmation\": \"trust\","
                        + " \"collectionIbans\": [\"DE89370400440532013001\", \"DE89370400440532013000\","
                        + " \"DE89 3704 0044 0532 0130 00\", 7]");

        assertThatThrownBy(() -> BridgeConfigReader.parse(bad, BASE))
                .hasMessageContaining("config.funding.creditConfirmation: \"trust\" is not one of declared, bank")
                .hasMessageContaining("config.funding.collectionIbans[0]")
                .hasMessageContaining("config.funding.collectionIbans[2]: IBAN DE89370400440532013000 is listed twice")
                .hasMessageContaining("config.funding.collectionIbans[3]");
        assertThatThrownBy(() -> BridgeConfigReader.parse(VALID.replace("\"creationCeilingCentsPerMonth\": 5000000",
                "\"creationCeilingCentsPerMonth\": 5000000, \"collectionIbans\": []"), BASE))
                .hasMessageContaining("config.funding.collectionIbans");
    }
}
