/** The node's command line (picocli). */
package org.targetedmoney.node.cli;
