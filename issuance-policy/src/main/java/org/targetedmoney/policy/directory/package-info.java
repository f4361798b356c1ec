/**
 * The provider directory, "the map of conventioned providers": which providers serve a territory, for which
 * purposes, with their specialty, the social and ecological criteria they were attested to meet, and the
 * status of each convention. Read from the directory index the convention rules keep (one entry per
 * convention, filed under its territory), in pages, without scanning the conventions of the whole country.
 */
package org.targetedmoney.policy.directory;
