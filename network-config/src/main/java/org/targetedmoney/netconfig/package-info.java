/**
 * Network configuration of the targeted-money ledger: the genesis file format ({@code genesis}), the demo
 * network generator and its keys ({@code demo}), networks of N validators ({@code network}: keys, genesis,
 * node settings, peer list) and their TLS certificates ({@code tls}), and the command-line tool ({@code cli}).
 * Everything here reads files a person wrote, so every input error names the JSON path and what is wrong.
 */
package org.targetedmoney.netconfig;
