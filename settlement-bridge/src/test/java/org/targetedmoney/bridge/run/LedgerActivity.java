package org.targetedmoney.bridge.run;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.member.MemberClient;
import org.targetedmoney.wallet.provider.ProviderClient;

/**
 * What happens on the ledger while the bridge runs, dies and restarts: members pay food shops and the shops redeem,
 * a doctor and a pharmacy file health claims, the doctor claims the month's capitation, and the clock moves a day
 * forward from time to time (then one transaction so that a block carries the new day, closing the bridge's
 * daily window; at a new month, that transaction opens the new epoch). The bridge must pay every line this makes;
 * what it made is read back from the ledger at the end, so a refused or lost transaction needs no bookkeeping here.
 */
final class LedgerActivity {
    static final int HEALTH = 1;
    static final int FOOD = 2;
    static final String TERRITORY = "FR-OCC-34";
    static final long DAY_SECONDS = 86_400;
    /** Least pause between two actions; the most is three times as long. */
    static final long PAUSE_MILLIS = 60;

    /** The accounts acting on the ledger. */
    record Actors(AuthorityClient authority, List<MemberClient> members, List<ProviderClient> shops,
                  ProviderClient doctor, ProviderClient pharmacy) {}

    private final Actors actors;
    private final AtomicLong shiftSeconds;
    private final Clock clock;
    private final Random random;
    private final int maxDays;
    private int epoch;
    private int capitationEpoch = -1;
    private long claimNumber;
    long transactions;
    /** Transactions the ledger refused, by its code. */
    final SortedMap<String, Long> refusals = new TreeMap<>();
    int days;

    LedgerActivity(Actors actors, AtomicLong shiftSeconds, Clock clock, Random random, int epoch, int maxDays) {
        this.actors = actors;
        this.shiftSeconds = shiftSeconds;
        this.clock = clock;
        this.random = random;
        this.epoch = epoch;
        this.maxDays = maxDays;
    }

    /** One random action, then a pause (the ledger's pace is people's, not a benchmark's). */
    void step() throws LedgerRequestException, InterruptedException {
        act();
        Thread.sleep(PAUSE_MILLIS + random.nextInt((int) PAUSE_MILLIS * 2));
    }

    private void act() throws LedgerRequestException {
        int r = random.nextInt(100);
        if (r < 45) {
            payAndRedeem();
        } else if (r < 80) {
            claim();
        } else if (r < 86 && days < maxDays) {
            nextDay();
        } else if (capitationEpoch != epoch) {
            capitationEpoch = epoch;
            transact(() -> actors.doctor().claimCapitation(HEALTH, epoch));
        } else {
            payAndRedeem();
        }
    }

    private void payAndRedeem() throws LedgerRequestException {
        MemberClient member = pick(actors.members());
        ProviderClient shop = pick(actors.shops());
        transact(() -> member.pay(shop.address(), FOOD, 100 + random.nextInt(1_400), new byte[32]));
        long balance = shop.balance(FOOD);
        if (balance > 0 && random.nextInt(100) < 70) {
            long amount = random.nextBoolean() ? balance : 1 + random.nextLong(balance);
            transact(() -> shop.redeem(FOOD, amount));
        }
    }

    private void claim() throws LedgerRequestException {
        MemberClient member = pick(actors.members());
        byte[] ref = new byte[32];
        long n = ++claimNumber;
        for (int i = 0; i < 8; i++) {
            ref[31 - i] = (byte) (n >>> (8 * i));
        }
        if (random.nextBoolean()) {
            long amount = random.nextBoolean() ? 2_650 : 1_000 + random.nextInt(1_650);
            transact(() -> actors.doctor().fileClaim(member.address(), HEALTH, "G", amount, ref));
        } else {
            String act = random.nextBoolean() ? "AMI" : "IFD";
            transact(() -> actors.pharmacy().fileClaim(member.address(), HEALTH, act, act.equals("AMI") ? 315 : 275,
                    ref));
        }
    }

    /** Moves the ledger's clock a day forward and makes a block at the new time. */
    void nextDay() throws LedgerRequestException {
        shiftSeconds.addAndGet(DAY_SECONDS);
        days++;
        YearMonth month = month();
        int now = (month.getYear() - 1970) * 12 + month.getMonthValue() - 1;
        if (now > epoch) {
            epoch = now;
            transact(() -> actors.authority().openEpoch(now));
        } else {
            transact(() -> actors.authority().recordNeeds(TERRITORY, FOOD, epoch, 1, "tick " + days));
        }
    }

    /** The ledger's current month, by its clock. */
    YearMonth month() {
        return YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
    }

    private interface Tx {
        void send() throws LedgerRejectedException, LedgerRequestException;
    }

    /** Sends one transaction; a refusal (e.g. an allowance spent) is counted, the story goes on. */
    private void transact(Tx tx) throws LedgerRequestException {
        transactions++;
        try {
            tx.send();
        } catch (LedgerRejectedException e) {
            refusals.merge(e.code(), 1L, Long::sum);
        }
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
