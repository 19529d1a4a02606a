// SPDX-License-Identifier: EPL-2.0
/**
 * Certificate authority administration (CA-01 … CA-15): profiles, issuance from PKCS#10 requests,
 * revocation lists. Headless; used by the console, the server and the CLI.
 */
package renkei.ca.core;
