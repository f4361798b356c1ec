/**
 * Strict JSON input shared by the configuration readers: bounded file reading, a parser that refuses
 * duplicate keys and trailing content, and typed field checks that record every problem with its JSON path
 * instead of stopping at the first.
 */
package org.targetedmoney.netconfig.json;
