package org.targetedmoney.bridge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.targetedmoney.bridge.store.Family;
import org.targetedmoney.bridge.store.Json;
import org.targetedmoney.bridge.store.Keys;
import org.targetedmoney.bridge.store.Sequence;
import org.targetedmoney.bridge.store.Writes;

/**
 * A small business operation for the tests, shaped like the contribution routes: it parses a declaration on a
 * worker, then on the writer numbers it and stores it - staging its writes before checking the amount, so that
 * a refusal shows the handler discards them.
 */
final class DeclarationOperation implements IdempotentOperation<DeclarationOperation.Parsed> {
    static final Sequence NUMBERS = new Sequence("declaration");
    /** A firm whose declaration waits for {@link #release} on the writer thread. */
    static final String SLOW_FIRM = "slow";
    /** A firm whose declaration is answered 503 (a dependency down) after staging its writes. */
    static final String UNAVAILABLE_FIRM = "unavailable";

    record Declaration(String firm, long amountCents) {
    }

    /** The declaration, or why its body is unreadable. */
    record Parsed(Declaration declaration, Problem unreadable) {
    }

    final AtomicBoolean failNext = new AtomicBoolean();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Parsed prepare(IdempotentRequest request) {
        try {
            return new Parsed(Json.mapper().readValue(request.body(), Declaration.class), null);
        } catch (JsonProcessingException e) {
            return new Parsed(null, Problem.of(400, "BODY_MALFORMED", "not a declaration: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
    }

    @Override
    public Answer apply(IdempotentRequest request, Parsed parsed, Writes writes) throws InterruptedException {
        if (parsed.unreadable() != null) {
            return parsed.unreadable().answer();
        }
        Declaration declaration = parsed.declaration();
        long number = NUMBERS.next(writes);
        writes.putJson(Family.FILES, Keys.ofNumber(number), declaration);
        if (declaration.amountCents() < 0) {
            return Problem.of(422, "AMOUNT_NEGATIVE", "Amount negative",
                    "amountCents must be >= 0: " + declaration.amountCents()).answer();
        }
        if (UNAVAILABLE_FIRM.equals(declaration.firm())) {
            return Problem.of(503, "REGISTRY_UNAVAILABLE", "the firm registry did not answer").answer();
        }
        if (failNext.getAndSet(false)) {
            throw new IllegalStateException("simulated I/O failure");
        }
        if (SLOW_FIRM.equals(declaration.firm())) {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
        }
        return Answer.json(201, Map.of("number", number, "firm", declaration.firm()));
    }
}
