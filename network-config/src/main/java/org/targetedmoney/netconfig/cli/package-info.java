/**
 * The {@code network-config} command-line tool: {@code demo} writes a demo genesis and its keys,
 * {@code validate} checks a genesis file, {@code network} writes an N-validator network and
 * {@code validate-network} checks one. Usage errors exit with 2 and a one-line message naming the
 * option; a refused genesis exits with 1 and lists every problem.
 */
package org.targetedmoney.netconfig.cli;
