package org.targetedmoney.wallet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.abi.EventLogs;
import org.web3j.utils.Numeric;

class RevertReasonsTest {
    @Test
    void toException_ofEncodedErrorString_splitsCodeAndDetail() {
        String data = Numeric.toHexString(EventLogs.revertData("NOT_CONVENTIONED: provider 0xab has no convention"));

        LedgerRejectedException e = RevertReasons.toException(data, "0x01");

        assertThat(e.code()).isEqualTo("NOT_CONVENTIONED");
        assertThat(e.detail()).isEqualTo("provider 0xab has no convention");
        assertThat(e.txHash()).isEqualTo("0x01");
    }

    @Test
    void toException_withoutReason_isUnknown() {
        assertThat(RevertReasons.toException(null, "0x02").code()).isEqualTo("UNKNOWN");
    }

    @Test
    void amounts_formatAndParseExactly() {
        assertThat(Amounts.euros(4_250)).isEqualTo("42.50 €");
        assertThat(Amounts.euros(5)).isEqualTo("0.05 €");
        assertThat(Amounts.parseCents("42.5")).isEqualTo(4_250);
        assertThat(Amounts.parseCents("0.01")).isEqualTo(1);
        assertThatThrownBy(() -> Amounts.parseCents("1.001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amounts.parseCents("-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
