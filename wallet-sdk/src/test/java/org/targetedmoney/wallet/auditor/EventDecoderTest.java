package org.targetedmoney.wallet.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.rules.LedgerEvent.Payment;
import org.targetedmoney.policy.rules.LedgerEvent.Redeemed;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** The SDK decodes the logs the ledger's own encoder writes (issuance-policy's EventLogs). */
class EventDecoderTest {
    static final Address MEMBER = Address.fromHex("0x00000000000000000000000000000000000000aa");
    static final Address SHOP = Address.fromHex("0x00000000000000000000000000000000000000bb");

    static Log web3jLog(org.targetedmoney.policy.abi.Log log) {
        List<String> topics = new ArrayList<>();
        log.topics().forEach(t -> topics.add(Numeric.toHexString(t)));
        Log l = new Log();
        l.setTopics(topics);
        l.setData(Numeric.toHexString(log.data()));
        l.setBlockNumber("0x7");
        l.setAddress(log.address().toHex());
        return l;
    }

    @Test
    void decode_paymentLog_givesMemberProviderPurposeAndAmount() {
        var logs = EventLogs.toLogs(new Payment(MEMBER, SHOP, 2, 4_250, new byte[32], 5));

        LedgerEvent e = EventDecoder.decode(web3jLog(logs.get(0)));

        assertThat(e).isEqualTo(new LedgerEvent.Payment(7, MEMBER.toHex(), SHOP.toHex(), 2, 4_250, 5));
    }

    @Test
    void decode_redeemedLog_givesTheRedemptionId() {
        var logs = EventLogs.toLogs(new Redeemed(SHOP, 2, 1_000, 42));

        assertThat(EventDecoder.decode(web3jLog(logs.get(0))))
                .isEqualTo(new LedgerEvent.Redeemed(7, SHOP.toHex(), 2, 1_000, 42));
    }

    @Test
    void decode_tokenTransferLog_isOther() {
        var logs = EventLogs.toLogs(new Payment(MEMBER, SHOP, 2, 1, new byte[32], 0));

        assertThat(EventDecoder.decode(web3jLog(logs.get(1)))).isInstanceOf(LedgerEvent.Other.class);
        assertThat(new BigInteger(1, logs.get(1).data())).isEqualTo(BigInteger.ONE);
    }
}
