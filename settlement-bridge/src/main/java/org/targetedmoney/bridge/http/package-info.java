/** The bridge's HTTP API (Vert.x): contributions, public credits and bank files in, batches and funding out. */
package org.targetedmoney.bridge.http;
