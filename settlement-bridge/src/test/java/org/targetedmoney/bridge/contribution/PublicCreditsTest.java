package org.targetedmoney.bridge.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;

class PublicCreditsTest {
    private static final YearMonth MAY = YearMonth.of(2025, 5);
    private static final int FOOD = 1;
    private static final int HEALTH = 2;
    private final PublicAccounts accounts = PublicAccounts.of(List.of(
            PublicAccount.of("state", "État", Set.of()),
            PublicAccount.of("region-occ", "Région Occitanie", Set.of(FOOD))));
    private final PublicCredits intake = new PublicCredits(accounts, new ContributionCalendar(0, 0));

    static PublicCredit credit(String accountId, long amountCents) {
        return new PublicCredit("pc-2025-05-01", accountId, MAY, amountCents, "Délibération CP/2025-114");
    }

    static ContributionRejection rejection(Outcome<FundingCredit> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<FundingCredit>) outcome).rejection();
    }

    @Test
    void validate_declaredAccount_publicAccountCredit() {
        assertThat(intake.validate(credit("region-occ", 250_000_000L), MAY)).isEqualTo(Outcome.accepted(
                new FundingCredit("region-occ", SourceKind.PUBLIC_ACCOUNT, MAY, 250_000_000L, "pc-2025-05-01")));
    }

    @Test
    void validate_undeclaredAccount_unknownAccount() {
        ContributionRejection r = rejection(intake.validate(credit("region-idf", 100), MAY));

        assertThat(r.code()).isEqualTo(Code.UNKNOWN_ACCOUNT);
        assertThat(r.message()).isEqualTo("accountId=\"region-idf\": not a declared public account");
    }

    @Test
    void validate_zeroOrNegativeAmount_nonPositiveAmount() {
        assertThat(rejection(intake.validate(credit("state", 0), MAY)).code()).isEqualTo(Code.NON_POSITIVE_AMOUNT);
        assertThat(rejection(intake.validate(credit("state", -5), MAY)).message()).startsWith("amountCents=-5:");
    }

    @Test
    void validate_amountBeyondLimit_amountOverflow() {
        assertThat(rejection(intake.validate(credit("state", Long.MAX_VALUE), MAY)).code())
                .isEqualTo(Code.AMOUNT_OVERFLOW);
    }

    @Test
    void validate_blankReference_invalidReference() {
        PublicCredit c = new PublicCredit("pc-1", "state", MAY, 100, "  ");

        assertThat(rejection(intake.validate(c, MAY)).code()).isEqualTo(Code.INVALID_REFERENCE);
    }

    @Test
    void validate_closedOrFutureMonth_refused() {
        assertThat(rejection(intake.validate(credit("state", 100), MAY.plusMonths(1))).code())
                .isEqualTo(Code.PERIOD_CLOSED);
        assertThat(rejection(intake.validate(credit("state", 100), MAY.minusMonths(1))).code())
                .isEqualTo(Code.PERIOD_NOT_OPEN);
    }

    @Test
    void funds_earmarkedAccount_onlyItsPurposes() {
        PublicAccount region = accounts.find("region-occ").orElseThrow();
        PublicAccount state = accounts.find("state").orElseThrow();

        assertThat(region.kind()).isEqualTo(SourceKind.PUBLIC_ACCOUNT);
        assertThat(region.funds(FOOD)).isTrue();
        assertThat(region.funds(HEALTH)).isFalse();
        assertThat(state.funds(HEALTH)).isTrue();
        assertThat(accounts.accounts()).extracting(PublicAccount::id).containsExactly("region-occ", "state");
    }

    @Test
    void of_accountDeclaredTwice_refused() {
        assertThatThrownBy(() -> PublicAccounts.of(List.of(PublicAccount.of("state", "État", Set.of()),
                PublicAccount.of("state", "État bis", Set.of())))).hasMessageContaining("declared twice");
    }

    @Test
    void new_invalidAccountDeclaration_refused() {
        assertThatThrownBy(() -> PublicAccount.of("the state", "État", Set.of())).hasMessageContaining("id=");
        assertThatThrownBy(() -> PublicAccount.of("state", " ", Set.of())).hasMessageContaining("name");
        assertThatThrownBy(() -> PublicAccount.of("state", "État", Set.of(-1))).hasMessageContaining("purpose");
    }
}
