/** Wiring, configuration and the command line of the bridge service. */
package org.targetedmoney.bridge.run;
