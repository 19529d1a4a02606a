// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

/** A mail row claimed for delivery; {@code attempts} counts the attempts made before this one. */
record QueuedMail(long id, String recipient, String subject, String body, String charset, int attempts) {
}
