/**
 * The bridge's HTTP API (Vert.x): contributions, public credits and bank files in, batches and funding out.
 *
 * <p>Every state-changing route is mounted by {@link org.targetedmoney.bridge.http.IdempotentRoutes}: body limit,
 * Idempotency-Key handling ({@link org.targetedmoney.bridge.http.IdempotentHandler}) and one atomic commit of the
 * business change with its answer, written by an {@link org.targetedmoney.bridge.http.IdempotentOperation}.
 * Errors are RFC 9457 problem bodies with stable codes ({@link org.targetedmoney.bridge.http.Problem}).
 */
package org.targetedmoney.bridge.http;
