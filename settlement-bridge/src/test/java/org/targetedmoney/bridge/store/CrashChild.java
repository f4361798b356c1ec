package org.targetedmoney.bridge.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

/**
 * The process {@link StoreCrashTest} kills: it writes numbered records through a {@link BridgeWriter} as fast as
 * it can, a few tasks at a time so that they share group commits, and prints "ack N" once record N is durable.
 * Every {@value #FAILING_EVERY}th task throws after staging its writes, which must leave nothing.
 */
final class CrashChild {
    static final Sequence NUMBERS = new Sequence("crash");
    static final Family[] FAMILIES = {Family.JOURNAL, Family.FILES, Family.REJECTED};
    static final int FAILING_EVERY = 7;
    private static final int IN_FLIGHT = 32;
    private static final int FILLER_BYTES = 2_048;

    private CrashChild() {
    }

    /** The value of record {@code number} in {@code family}: its number, the family and filler. */
    static byte[] value(long number, Family family) {
        byte[] head = Keys.utf8(number + "/" + family.name() + "/");
        byte[] filler = new byte[FILLER_BYTES];
        Arrays.fill(filler, (byte) ('a' + number % 26));
        return Keys.concat(head, filler);
    }

    public static void main(String[] args) throws Exception {
        BridgeStore store = BridgeStore.open(Path.of(args[0]));
        BridgeWriter writer = BridgeWriter.start(store);
        Semaphore slots = new Semaphore(IN_FLIGHT);
        for (long attempt = 1; ; attempt++) {
            slots.acquire();
            boolean failing = attempt % FAILING_EVERY == 0;
            writer.submit(writes -> {
                long n = NUMBERS.next(writes);
                for (Family family : FAMILIES) {
                    writes.put(family, Keys.ofNumber(n), value(n, family));
                }
                if (failing) {
                    throw new IllegalStateException("a task failing after staging");
                }
                return n;
            }).onComplete(done -> {
                if (done.succeeded()) {
                    System.out.println("ack " + done.result());
                    System.out.flush();
                }
                slots.release();
            });
        }
    }
}
