package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.ref;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;

/**
 * The food social security makes products eligible, not only shops: the authority declares product
 * categories, a committee restricts a mixed shop's convention to some of them, and a payment names the
 * category it pays for.
 */
class CategoryRulesTest {
    static final int LOCAL = 1;
    static final int ORGANIC = 2;
    static final int OTHER = 3;

    private final LedgerFixture ledger = withCategories(LedgerFixture.fresh());

    /** Alice (Sète) with a month of food, the grocer conventioned, and three FOOD categories. */
    static LedgerFixture withCategories(LedgerFixture l) {
        l.enrol(ALICE, "FR-OCC-34-172", 1).convention(GROCER, "FR-OCC-34", FOOD);
        l.open(0);
        l.ok(AUTHORITY, new Call.AddCategory(FOOD, "LOCAL", "Local produce"));
        l.ok(AUTHORITY, new Call.AddCategory(FOOD, "ORGANIC", "Organic farming"));
        l.ok(AUTHORITY, new Call.AddCategory(FOOD, "OTHER", "Other products"));
        return l;
    }

    static Call.Pay payIn(int category, long cents) {
        return new Call.Pay(GROCER, FOOD, cents, ref(category), category);
    }

    @Test
    void addCategory_givesIdsInOrderAndCountsThemOnThePurpose() {
        assertThat(ledger.state.purpose(FOOD).categoryCount()).isEqualTo(3);
        assertThat(ledger.state.category(FOOD, ORGANIC).code()).isEqualTo("ORGANIC");
    }

    @Test
    void addCategory_twiceOrBadlyNamedOrNotByTheAuthority_isRejected() {
        ledger.rejected(AUTHORITY, new Call.AddCategory(FOOD, "LOCAL", "again"), RejectionCode.ALREADY_EXISTS);
        ledger.rejected(AUTHORITY, new Call.AddCategory(FOOD, "bio", "lower case"), RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(AUTHORITY, new Call.AddCategory(99, "X1", "x"), RejectionCode.UNKNOWN_PURPOSE);
        ledger.rejected(COMMITTEE_34, new Call.AddCategory(FOOD, "FAIR", "Fair trade"), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void unrestrictedConvention_acceptsAnyCategoryAndPaymentsNamingNone() {
        ledger.ok(ALICE, payIn(OTHER, 100));
        ledger.ok(ALICE, new Call.Pay(GROCER, FOOD, 100, ref(1)));

        assertThat(ledger.state.providerBalance(GROCER, FOOD)).isEqualTo(200);
    }

    @Test
    void restrictedConvention_acceptsItsCategoriesOnly() {
        ledger.ok(COMMITTEE_34, new Call.RestrictConvention(GROCER, FOOD, List.of(ORGANIC, LOCAL)));

        Outcome.Applied paid = ledger.ok(ALICE, payIn(LOCAL, 250));
        Rejection other = ledger.rejected(ALICE, payIn(OTHER, 100), RejectionCode.CATEGORY_NOT_CONVENTIONED);
        ledger.rejected(ALICE, new Call.Pay(GROCER, FOOD, 100, ref(2)), RejectionCode.CATEGORY_NOT_CONVENTIONED);

        assertThat(ledger.state.convention(GROCER, FOOD).categories()).containsExactly(LOCAL, ORGANIC);
        assertThat(LedgerFixture.events(paid, LedgerEvent.Payment.class).get(0).category()).isEqualTo(LOCAL);
        assertThat(other.detail()).contains("[1, 2]").contains("category 3");
        ledger.assertConserved();
    }

    @Test
    void restrictConvention_withAnEmptyList_coversEveryCategoryAgain() {
        ledger.ok(COMMITTEE_34, new Call.RestrictConvention(GROCER, FOOD, List.of(ORGANIC)));
        ledger.ok(COMMITTEE_34, new Call.RestrictConvention(GROCER, FOOD, List.of()));

        ledger.ok(ALICE, payIn(OTHER, 100));
    }

    @Test
    void renewingAConvention_keepsItsCategories() {
        ledger.ok(COMMITTEE_34, new Call.RestrictConvention(GROCER, FOOD, List.of(ORGANIC)));
        ledger.convention(GROCER, "FR-OCC-34", FOOD);

        assertThat(ledger.state.convention(GROCER, FOOD).categories()).containsExactly(ORGANIC);
    }

    @Test
    void restrictConvention_badInput_isRejected() {
        ledger.rejected(COMMITTEE_34, new Call.RestrictConvention(GROCER, FOOD, List.of(9)),
                RejectionCode.UNKNOWN_CATEGORY);
        ledger.rejected(COMMITTEE_34, new Call.RestrictConvention(GROCER, FOOD, List.of(1, 1)),
                RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(COMMITTEE_34, new Call.RestrictConvention(ALICE, FOOD, List.of(1)),
                RejectionCode.NOT_CONVENTIONED);
        ledger.rejected(ALICE, new Call.RestrictConvention(GROCER, FOOD, List.of(1)), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void payInAnUnknownCategory_rejectsUnknownCategory() {
        ledger.rejected(ALICE, payIn(4, 100), RejectionCode.UNKNOWN_CATEGORY);
    }
}
