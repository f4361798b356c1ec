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

    @Test
    void decode_governanceAndCapitationLogs_givesTheirFields() {
        var voted = EventLogs.toLogs(new org.targetedmoney.policy.rules.LedgerEvent.Voted(12, MEMBER, false));
        var status = EventLogs.toLogs(new org.targetedmoney.policy.rules.LedgerEvent.ProposalStatusChanged(12, 4,
                "ALREADY_EXISTS: territory FR exists"));
        var capitation = EventLogs.toLogs(new org.targetedmoney.policy.rules.LedgerEvent.CapitationPaid(SHOP, 1, 682,
                3, 1_500, 9));

        assertThat(EventDecoder.decode(web3jLog(voted.get(0))))
                .isEqualTo(new LedgerEvent.Voted(7, 12, MEMBER.toHex(), false));
        assertThat(EventDecoder.decode(web3jLog(status.get(0))))
                .isEqualTo(new LedgerEvent.ProposalStatusChanged(7, 12, 4, "ALREADY_EXISTS: territory FR exists"));
        assertThat(EventDecoder.decode(web3jLog(capitation.get(0))))
                .isEqualTo(new LedgerEvent.CapitationPaid(7, SHOP.toHex(), 1, 682, 3, 1_500));
    }

    @Test
    void decode_settlementAttestedLog_givesHashBridgeAndEveryFigure() {
        String hash = "ab".repeat(32);
        var logs = EventLogs.toLogs(new org.targetedmoney.policy.rules.LedgerEvent.SettlementAttested(hash, SHOP,
                "B-2026-11-0001", "2026-11", 10_000, 6_000, 3_000, 1_000, 4, 17, 42));

        assertThat(EventDecoder.decode(web3jLog(logs.get(0)))).isEqualTo(new LedgerEvent.SettlementAttested(7,
                "0x" + hash, SHOP.toHex(), "B-2026-11-0001", "2026-11", 10_000, 6_000, 3_000, 1_000, 4, 17, 42));
        assertThat(logs.get(0).topics().get(0)).isEqualTo(Numeric.hexStringToByteArray(
                EventDecoder.SETTLEMENT_ATTESTED_TOPIC));
    }
}
