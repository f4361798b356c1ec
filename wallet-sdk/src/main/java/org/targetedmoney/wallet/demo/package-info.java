/** The scripted demo scenario of the README, played through the role clients. */
package org.targetedmoney.wallet.demo;
