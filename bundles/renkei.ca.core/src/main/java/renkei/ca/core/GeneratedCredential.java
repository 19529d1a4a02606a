// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

/**
 * A certificate issued with a key the CA generated for the user.
 *
 * @param pkcs12 key, certificate and CA certificate, encrypted with the user's passphrase
 */
public record GeneratedCredential(IssuedCertificate certificate, byte[] pkcs12) {
}
