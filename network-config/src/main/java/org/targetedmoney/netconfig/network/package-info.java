/**
 * A network of N validators: the generator that writes every node's keys, certificates and settings plus the
 * shared genesis and peer list ({@link org.targetedmoney.netconfig.network.NetworkGenerator}), the files it writes
 * ({@code node.json}: {@link org.targetedmoney.netconfig.network.NodeSettings}; {@code network.json}:
 * {@link org.targetedmoney.netconfig.network.NetworkDescription}), their strict readers, and the check of a whole
 * generated directory ({@link org.targetedmoney.netconfig.network.NetworkValidator}). docs/NETWORK.md is the
 * reference of the layout and formats.
 */
package org.targetedmoney.netconfig.network;
