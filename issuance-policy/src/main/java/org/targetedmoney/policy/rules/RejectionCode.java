package org.targetedmoney.policy.rules;

/**
 * Why a transaction was refused by the rules. The names are a stable public contract: they start the
 * revert reason of a refused transaction, clients switch on them, and they are listed in
 * REJECTION_CODES.md. Add new codes; never rename or reuse one.
 */
public enum RejectionCode {
    /** The sender lacks the role the operation needs. */
    FORBIDDEN_ROLE,
    /** A committee acted outside the territory it is responsible for. */
    OUT_OF_SCOPE,
    UNKNOWN_PURPOSE,
    UNKNOWN_TERRITORY,
    /** The thing to create exists already (purpose, territory, role). */
    ALREADY_EXISTS,
    /** An argument is out of its allowed range or form; the detail says which. */
    INVALID_ARGUMENT,
    /** The sender of a payment is not an enrolled member. */
    NOT_MEMBER,
    ALREADY_ENROLLED,
    /** The provider has no convention for this purpose. */
    NOT_CONVENTIONED,
    CONVENTION_SUSPENDED,
    /** The convention exists but the current epoch is outside its validity period. */
    CONVENTION_NOT_IN_FORCE,
    /** The convention's territory does not include the member's. */
    TERRITORY_NOT_COVERED,
    INSUFFICIENT_BALANCE,
    /** An amount is zero, negative or too large. */
    INVALID_AMOUNT,
    /** The epoch to open has not begun according to block time. */
    EPOCH_NOT_REACHED,
    EPOCH_ALREADY_OPEN,
    /** A policy would change an epoch that is already open. */
    POLICY_IN_PAST,
    /** A registry or list is full. */
    LIMIT_EXCEEDED,
    /** A transaction called a read-only function (a view or a token facade). */
    READ_ONLY,
    /** A claim asks more than the tariff of its act: no fee overrun is paid. */
    ABOVE_TARIFF,
    /** A claim names an act that has no tariff for this purpose. */
    NO_TARIFF,
    /** A provider filed the same claim reference twice. */
    DUPLICATE_CLAIM,
    /** No governance body has this id. */
    UNKNOWN_BODY,
    /** A quorum is below 1 or above the number of the body's members. */
    INVALID_QUORUM,
    /** Only a member of the body may propose or vote. */
    NOT_BODY_MEMBER,
    UNKNOWN_PROPOSAL,
    /** A member votes once per proposal. */
    ALREADY_VOTED,
    /** The proposal is no longer open to votes, or was already executed, rejected or failed. */
    PROPOSAL_CLOSED,
    /** The proposal's voting period is over. */
    PROPOSAL_EXPIRED,
    /** The proposal is approved but its delay or its effective epoch has not come, or it is not approved yet. */
    PROPOSAL_NOT_READY,
    /** The action is outside what the body may decide (a local committee acts only in its territory). */
    OUT_OF_COMPETENCE,
    /** The action is not something a body decides (a payment, a vote, another proposal...). */
    NOT_GOVERNABLE,
    /** No product category of the purpose has this id. */
    UNKNOWN_CATEGORY,
    /** The provider's convention covers other product categories only. */
    CATEGORY_NOT_CONVENTIONED,
    /**
     * A policy would entitle a territory's members to more than its budget, a budget is below what the policy
     * in force already entitles, or the budgets of sub-territories would add up to more than their parent's.
     */
    BUDGET_EXCEEDED,
    /** No capitation is paid for this purpose (no rate, or a rate of zero). */
    NO_CAPITATION,
    /**
     * A policy version would take effect before one already decided, which would silently replace it: decide
     * from that version's epoch on (the same epoch replaces it, explicitly).
     */
    POLICY_OVERLAP,
    /** A criteria mask names a criterion that was never declared. */
    UNKNOWN_CRITERION,
    /** The convention was revoked: it is not paid and cannot be resumed; a new convention decision is needed. */
    CONVENTION_REVOKED,
    /**
     * A settlement batch with this hash was already attested: a bridge that resends after a crash gets this
     * and may treat it as done.
     */
    ALREADY_ATTESTED,
    /** A settlement attestation's sources (contributions + public accounts + monetary creation) do not add up to its total. */
    ATTESTATION_TOTALS_MISMATCH
}
