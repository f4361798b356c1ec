package org.targetedmoney.netconfig.genesis;

import java.util.regex.Pattern;
import org.targetedmoney.policy.rules.Limits;

/** The limits of the genesis format, named once so the reader, the writer and GENESIS.md agree. */
public final class GenesisLimits {
    /** The value of the {@code format} field: a change of meaning gets a new tag, never a silent reinterpretation. */
    public static final String FORMAT = "targeted-money-genesis/1";
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    public static final long MIN_CHAIN_ID = 1;
    /** 2^53 - 1: the largest integer a JavaScript client (ethers, JSON-RPC in a browser) reads exactly. */
    public static final long MAX_CHAIN_ID = (1L << 53) - 1;

    /** Whole seconds in UTC with a {@code Z}: fractions would be lost, offsets invite mistakes. */
    public static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    /** One leap year: a test network wanting longer epochs should use MONTH. */
    public static final long MAX_FIXED_EPOCH_SECONDS = 366L * 24 * 3600;

    public static final int MAX_PURPOSES = 256;
    public static final Pattern PURPOSE_SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]{1,15}");
    public static final int MAX_PURPOSE_NAME_CODE_POINTS = 64;

    public static final int MAX_TERRITORIES = 10_000;
    public static final Pattern TERRITORY = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,8})*");
    public static final int MAX_TERRITORY_CHARS = 64;

    /** Genesis accounts are the governance bootstrap; members and providers are enrolled on-ledger. */
    public static final int MAX_ACCOUNTS = 10_000;
    public static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    public static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public static final int MAX_HOUSEHOLD_SIZES = 16;
    public static final long MAX_ALLOWANCE_CENTS = 1_000_000_000L;
    public static final int MIN_EXPIRY_EPOCHS = 1;
    public static final int MAX_EXPIRY_EPOCHS = 120;

    public static final int MAX_VALIDATORS = 256;

    /** Bodies and their members are bounded as {@code createBody} bounds them: a genesis body could be made on-ledger. */
    public static final int MAX_BODIES = Limits.MAX_BODIES;
    public static final int MAX_BODY_MEMBERS = Limits.MAX_BODY_MEMBERS;
    /** Counted as the ledger counts it, in UTF-16 units (a character outside the BMP, an emoji, counts two). */
    public static final int MAX_BODY_NAME_CHARS = Limits.MAX_NAME_LENGTH;

    /** The ledger does not bound its tariff schedule; a genesis lists at most this many acts. */
    public static final int MAX_TARIFFS = 10_000;
    public static final long MAX_TARIFF_CENTS = Limits.MAX_TARIFF_CENTS;
    /** The act codes {@code setTariff} accepts (the rule's own pattern is not public): {@code G}, {@code AMI}. */
    public static final Pattern ACT_CODE = Limits.ACT_CODE;

    private GenesisLimits() {}
}
