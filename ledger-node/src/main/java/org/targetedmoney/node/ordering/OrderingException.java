package org.targetedmoney.node.ordering;

/** A failure of the ordering layer: start-up, a rejected or failed submission, or a halted peer. */
public final class OrderingException extends RuntimeException {

  public OrderingException(String message) {
    super(message);
  }

  public OrderingException(String message, Throwable cause) {
    super(message, cause);
  }
}
