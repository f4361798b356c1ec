package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

class TxAdaptersTest {
    @Test
    void accessList_ofType2Transaction_isRenderedAsSigned() {
        String key = "0x" + "11".repeat(32);
        AccessListObject entry = new AccessListObject("0x0000000000000000000000000000000000001000", List.of(key));
        RawTransaction tx = RawTransaction.createTransaction(1337, BigInteger.ONE, BigInteger.valueOf(100_000),
                "0x0000000000000000000000000000000000001000", BigInteger.ZERO, "0x", BigInteger.ZERO, BigInteger.ZERO,
                List.of(entry));
        byte[] raw = TransactionEncoder.signMessage(tx, 1337, TestNetwork.ALICE);

        JsonArray rendered = TxAdapters.accessList(raw);

        assertThat(rendered).hasSize(1);
        JsonObject first = rendered.getJsonObject(0);
        assertThat(first.getString("address")).isEqualTo("0x0000000000000000000000000000000000001000");
        assertThat(first.getJsonArray("storageKeys").getString(0)).isEqualTo(key);
        assertThat(Numeric.toHexString(raw)).startsWith("0x02");
    }
}
