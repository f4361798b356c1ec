package org.targetedmoney.node.ordering;

/**
 * A submission refused at once because the maximum number of entries is already in flight. The
 * caller should retry later or push back on its own clients; nothing was sent.
 */
public final class OrderingBusyException extends RuntimeException {

  public OrderingBusyException(int maxInFlight) {
    super("ordering is busy: " + maxInFlight + " entries already in flight; retry after some complete");
  }
}
