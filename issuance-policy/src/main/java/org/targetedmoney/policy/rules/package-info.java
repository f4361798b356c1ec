/**
 * The state transition function ({@link org.targetedmoney.policy.rules.Rules}) and what it needs:
 * outcomes, stable rejection codes, events, limits, lazy member credit and conservation checks.
 */
package org.targetedmoney.policy.rules;
