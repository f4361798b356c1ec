package org.targetedmoney.bridge.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.settlement.AttemptStatus.Decision;
import org.targetedmoney.bridge.settlement.AttemptStatus.State;

class BatchStateTest {
    private static AttemptStatus attempt(State state, Decision decision) {
        InstructedTransfer t = new InstructedTransfer("B2026-11-00000000000000-1", "B2026-11-00000000000000", 0, 1, 5,
                List.of(new Allocation(0, "ssa", SourceKind.CONTRIBUTIONS, 1, YearMonth.of(2026, 11), 5)));
        return new AttemptStatus(t, state, decision, "", "");
    }

    @Test
    void transition_happyPath_isAllowed() {
        BatchState s = BatchState.WAITING_FUNDING;
        for (BatchState next : List.of(BatchState.FUNDED, BatchState.INSTRUCTED, BatchState.PARTLY_SETTLED,
                BatchState.SETTLED)) {
            s = BatchState.transition(s, next);
        }
        assertThat(s).isEqualTo(BatchState.SETTLED);
    }

    @Test
    void transition_skippingFundingOrStaying_isABug() {
        assertThatThrownBy(() -> BatchState.transition(BatchState.WAITING_FUNDING, BatchState.INSTRUCTED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("illegal batch transition waiting-funding -> instructed");
        for (BatchState any : BatchState.values()) {
            assertThat(any.canMoveTo(any)).as(any.code()).isFalse();
        }
    }

    @Test
    void transition_escalated_leftOnlyByAnOperatorsReissueOrAbandon() {
        assertThat(BatchState.ESCALATED.successors()).containsExactlyInAnyOrder(BatchState.RETRYING,
                BatchState.ABANDONED, BatchState.INSTRUCTED, BatchState.PARTLY_SETTLED);
        assertThat(BatchState.ESCALATED.canMoveTo(BatchState.SETTLED)).isFalse();
        assertThat(BatchState.ABANDONED.successors()).containsExactlyInAnyOrder(BatchState.RETRYING,
                BatchState.ESCALATED); // a late return of a transfer that was booked
    }

    @Test
    void transition_lateReturnAfterSettlement_goesBackToRetrying() {
        assertThat(BatchState.transition(BatchState.SETTLED, BatchState.RETRYING)).isEqualTo(BatchState.RETRYING);
        assertThat(BatchState.SETTLED.canMoveTo(BatchState.INSTRUCTED)).isFalse();
    }

    @Test
    void of_transferStates_escalatedThenRetryingThenBookedTakePrecedence() {
        AttemptStatus booked = attempt(State.MATCHED, Decision.NONE);
        AttemptStatus awaited = attempt(State.INSTRUCTED, Decision.NONE);
        AttemptStatus retry = attempt(State.REJECTED, Decision.RETRY);
        AttemptStatus escalated = attempt(State.RETURNED, Decision.ESCALATE);

        assertThat(BatchState.of(List.of(booked, awaited, retry, escalated))).isEqualTo(BatchState.ESCALATED);
        assertThat(BatchState.of(List.of(booked, awaited, retry))).isEqualTo(BatchState.RETRYING);
        assertThat(BatchState.of(List.of(booked, awaited))).isEqualTo(BatchState.PARTLY_SETTLED);
        assertThat(BatchState.of(List.of(booked, booked))).isEqualTo(BatchState.SETTLED);
        assertThat(BatchState.of(List.of(awaited))).isEqualTo(BatchState.INSTRUCTED);
    }

    @Test
    void of_operatorsDecisions_reissueRetriesAbandonClosesOnceNothingIsAwaited() {
        AttemptStatus booked = attempt(State.MATCHED, Decision.NONE);
        AttemptStatus awaited = attempt(State.INSTRUCTED, Decision.NONE);
        AttemptStatus reissued = attempt(State.REJECTED, Decision.REISSUE);
        AttemptStatus abandoned = attempt(State.RETURNED, Decision.ABANDON);

        assertThat(BatchState.of(List.of(booked, reissued))).isEqualTo(BatchState.RETRYING);
        assertThat(BatchState.of(List.of(booked, abandoned))).isEqualTo(BatchState.ABANDONED);
        assertThat(BatchState.of(List.of(abandoned))).isEqualTo(BatchState.ABANDONED);
        assertThat(BatchState.of(List.of(booked, awaited, abandoned))).isEqualTo(BatchState.PARTLY_SETTLED);
        assertThat(BatchState.of(List.of(awaited, abandoned))).isEqualTo(BatchState.INSTRUCTED);
    }

    @Test
    void codes_areStable() {
        assertThat(List.of(BatchState.values())).extracting(BatchState::code).containsExactly("waiting-funding",
                "funded", "instructed", "partly-settled", "settled", "retrying", "escalated", "abandoned");
    }
}
