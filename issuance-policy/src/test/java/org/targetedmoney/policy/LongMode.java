package org.targetedmoney.policy;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Long mode of the story properties. By default each property tries a few hundred random stories, so that
 * {@code mvn verify} stays fast; before a release, or to hunt a rare bug, run many more:
 *
 * <pre>
 * ./mvnw -B -pl issuance-policy test -Dtest='LedgerProperties*,GovernanceProperties*' -Dprops.tries=10000
 * </pre>
 *
 * <p>{@code -Dprops.tries=N} sets the tries of every property of a class annotated with
 * {@code @AddLifecycleHook(LongMode.class)}; {@code -Dprops.seed=S} replays the run whose {@code seed = S}
 * jqwik printed (with the same tries); {@code -Dprops.steps=N} bounds the length of a story (see
 * {@code Programmes#MAX_STEPS}). Surefire passes {@code -D} properties of the Maven command on to the tests.
 */
public final class LongMode implements AroundPropertyHook {
    /** The longest story, in steps; long mode may lengthen it to reach deeper states. */
    public static int maxSteps(int byDefault) {
        return Integer.getInteger("props.steps", byDefault);
    }

    /** Registered on a class, the hook reaches the properties inside it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        if (context.targetMethod().getParameterCount() == 0) {
            return property.execute(); // an @Example: nothing random to repeat
        }
        Integer tries = Integer.getInteger("props.tries");
        if (tries != null) {
            context.attributes().setTries(tries);
        }
        String seed = System.getProperty("props.seed");
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.trim());
        }
        return property.execute();
    }
}
