package org.targetedmoney.policy.rules;

/** Bounds on what the rules accept, so that no call can make a later one unboundedly expensive. */
public final class Limits {
    public static final int MAX_PURPOSES = 256;
    public static final int MAX_TERRITORIES = 10_000;
    public static final int MAX_HOUSEHOLD_SIZE = 20;
    public static final int MAX_HOUSEHOLD_CLASSES = 16;
    /** Credit must expire (no hoarding); this also bounds the work of materialising a member. */
    public static final int MAX_EXPIRY_EPOCHS = 120;
    public static final long MAX_ALLOWANCE_CENTS = 1_000_000_000L;
    public static final int MAX_PURPOSES_PER_CONVENTION = 16;
    public static final int MAX_SYMBOL_LENGTH = 16;
    public static final int MAX_NAME_LENGTH = 64;
    /** Policy versions per purpose: finding the one in force walks them, so they are bounded too. */
    public static final int MAX_POLICY_VERSIONS = 1_000;

    /** Members enrolled by one bulk call (a registrar's authoritative list is sent in chunks). */
    public static final int MAX_BULK_ENROLMENT = 500;
    /** The largest tariff of one act. */
    public static final long MAX_TARIFF_CENTS = 100_000_000L;

    /** Members of one governance body: every vote scans them. */
    public static final int MAX_BODY_MEMBERS = 101;
    public static final int MAX_BODIES = 10_000;
    /** The call data a proposal carries. */
    public static final int MAX_ACTION_BYTES = 4_096;
    /** The longest wait between approval and execution: one year. */
    public static final long MAX_PROPOSAL_DELAY_SECONDS = 366L * 24 * 3600;
    /** Epochs during which a proposal collects votes. */
    public static final int MAX_VOTING_EPOCHS = 12;
    /** Proposals of one body open to votes at once: a change of its members settles them all. */
    public static final int MAX_OPEN_PROPOSALS_PER_BODY = 100;

    /** Product categories of one purpose. */
    public static final int MAX_CATEGORIES_PER_PURPOSE = 64;
    /** Product categories one convention lists. */
    public static final int MAX_CATEGORIES_PER_CONVENTION = 32;

    /** Territories with a budget, per purpose: a policy change checks them all. */
    public static final int MAX_BUDGETS_PER_PURPOSE = 1_000;
    /** The largest budget or assessed need per territory and epoch: ten billion euros. */
    public static final long MAX_BUDGET_CENTS = 1_000_000_000_000L;
    /** A needs assessment's note (a reference to the committee's report). */
    public static final int MAX_NOTE_LENGTH = 200;

    /** The strongest modulation of an allowance by territory: three times the policy's amount. */
    public static final int MAX_MODULATION_BPS = 30_000;
    /**
     * Modulation changes kept per territory and purpose (finding the one in force walks them): those credit
     * may still need (the expiry window) plus as many decided ahead.
     */
    public static final int MAX_MODULATION_STEPS = 2 * MAX_EXPIRY_EPOCHS;
    /** Territories with a modulation, per purpose: issuance loads them all. */
    public static final int MAX_MODULATIONS_PER_PURPOSE = 1_000;

    /** Social and ecological criteria: one bit each in a provider's uint32 criteria mask. */
    public static final int MAX_CRITERIA = 32;
    /** A provider's specialty in the directory ("general practitioner", "market gardener"). */
    public static final int MAX_SPECIALTY_LENGTH = 64;

    /** A settlement batch id: the 35 characters of an ISO 20022 / SEPA identifier (printable ASCII). */
    public static final int MAX_BATCH_ID_LENGTH = 35;
    /** A settlement window's name, e.g. 2026-11 or 2026-W45 (printable ASCII). */
    public static final int MAX_WINDOW_LENGTH = 16;
    /** The largest settlement batch: ten billion euros (also keeps the running totals far from overflow). */
    public static final long MAX_ATTESTATION_CENTS = 1_000_000_000_000L;

    /** An act code of a tariff schedule (NGAP-like: G, AMI, IFD...). */
    public static final java.util.regex.Pattern ACT_CODE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,15}");

    private Limits() {}
}
