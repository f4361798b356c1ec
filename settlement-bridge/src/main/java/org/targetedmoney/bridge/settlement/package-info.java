/**
 * Settlement batches per provider and window, netting (gross and net modes), the funding waterfall and
 * reconciliation of bank outcomes. Pure Java: no I/O, no clock, no randomness, long cents with exact arithmetic.
 */
package org.targetedmoney.bridge.settlement;
