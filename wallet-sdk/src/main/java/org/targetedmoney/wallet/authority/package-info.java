/** The client of the authority, registrars and committees: enrolment, conventions, policies, epochs. */
package org.targetedmoney.wallet.authority;
