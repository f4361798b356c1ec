/** Values of the money model: addresses, roles, hierarchical territory codes, epochs. */
package org.targetedmoney.policy.model;
