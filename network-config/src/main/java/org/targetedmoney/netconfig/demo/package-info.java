/**
 * The demo network: a ready-to-run genesis (eight purposes, French territories, a food and a culture
 * allowance, a national body and a local committee, health tariffs) and the private keys of its demo accounts,
 * written to a private directory; or, with a {@link org.targetedmoney.netconfig.demo.Programme} of
 * {@link org.targetedmoney.netconfig.demo.Programmes}, the demo genesis of one programme (ssa, health, universal,
 * mutualist). Keys are random, or derived from a seed so a demo can be replayed; either way they are for
 * demonstrations only.
 */
package org.targetedmoney.netconfig.demo;
