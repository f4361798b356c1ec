package org.targetedmoney.bridge.iso;

import java.util.List;
import java.util.Objects;

/**
 * What {@link BankFileParser#parse(byte[])} gives: one of the two kinds of bank file, or every reason it was refused.
 */
public sealed interface BankParseResult {

    /** A camt.053 statement or camt.054 notification. */
    record Notification(BankNotification notification) implements BankParseResult {
        public Notification {
            Objects.requireNonNull(notification, "notification");
        }
    }

    /** A pain.002 status report. */
    record Status(StatusReport report) implements BankParseResult {
        public Status {
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * The file cannot be used; it changes nothing.
     *
     * @param refusals all of the file's problems found, at least one
     */
    record Refused(List<IsoRefusal> refusals) implements BankParseResult {
        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one problem");
            }
        }
    }
}
