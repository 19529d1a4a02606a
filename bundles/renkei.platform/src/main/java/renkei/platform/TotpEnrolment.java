// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

/**
 * A freshly generated TOTP secret, shown once to the operator for their authenticator app.
 *
 * @param base32Secret the shared secret in RFC 4648 base32
 * @param otpauthUri   {@code otpauth://totp/…} URI for a QR code
 */
public record TotpEnrolment(String base32Secret, String otpauthUri) {
}
