package org.targetedmoney.bridge.iso;

import java.util.List;
import java.util.Objects;

/** What {@link Pain008Writer#write(DirectDebitFile)} gives: the file's bytes, or every reason it cannot be written. */
public sealed interface Pain008Result {

    /**
     * A schema-valid pain.008.001.08 file.
     *
     * @param xml                  the file, UTF-8 (not copied: do not modify)
     * @param numberOfTransactions its NbOfTxs
     * @param controlSumCents      its CtrlSum, in cents
     */
    record Written(byte[] xml, int numberOfTransactions, long controlSumCents) implements Pain008Result {
        public Written {
            Objects.requireNonNull(xml, "xml");
        }
    }

    /**
     * The file breaks SEPA direct-debit rules; nothing was produced.
     *
     * @param refusals all of the file's problems, at least one
     */
    record Refused(List<IsoRefusal> refusals) implements Pain008Result {
        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one problem");
            }
        }
    }
}
