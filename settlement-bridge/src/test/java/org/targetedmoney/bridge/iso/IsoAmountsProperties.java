package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class IsoAmountsProperties {

    @Property
    void decimalThenCents_givesBackTheCents(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long cents) {
        BigDecimal decimal = IsoAmounts.decimal(cents);
        List<IsoRefusal> refusals = new ArrayList<>();

        assertThat(decimal.scale()).isEqualTo(2);
        assertThat(IsoAmounts.cents("Amt", decimal, "EUR", refusals)).hasValue(cents);
        assertThat(refusals).isEmpty();
    }

    @Property
    void centsOfAFractionOfACent_isRefused(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long cents,
                                           @ForAll @LongRange(min = 1, max = 9) long thousandths) {
        BigDecimal value = BigDecimal.valueOf(cents * 10 + thousandths, 3);
        List<IsoRefusal> refusals = new ArrayList<>();

        assertThat(IsoAmounts.cents("Amt", value, "EUR", refusals)).isEmpty();
        assertThat(refusals).extracting(IsoRefusal::code).containsExactly(IsoRefusal.INVALID_AMOUNT);
    }

    @Property
    void controlSum_isTheExactSumOrEmptyExactlyWhenItOverflows(
            @ForAll @Size(max = 20) List<@LongRange(min = 0, max = Long.MAX_VALUE / 4) Long> amounts) {
        List<CreditTransfer> transfers = new ArrayList<>();
        BigInteger exact = BigInteger.ZERO;
        for (long amount : amounts) {
            transfers.add(new CreditTransfer("T", amount, "N", "DE89370400440532013000", null, null));
            exact = exact.add(BigInteger.valueOf(amount));
        }

        OptionalLong sum = SepaRules.controlSumCents(transfers);

        if (exact.bitLength() < Long.SIZE) {
            assertThat(sum).hasValue(exact.longValueExact());
        } else {
            assertThat(sum).isEmpty();
        }
    }
}
