/**
 * Contributions as data: employers' declarations to the inter-enterprise fund (rate x value added against an
 * equal allowance per full-time equivalent, netted per firm and period), members' sliding-scale contributions,
 * and public account credits with their earmarks. Pure Java.
 */
package org.targetedmoney.bridge.contribution;
