// SPDX-License-Identifier: EPL-2.0
/**
 * Implementation of {@link renkei.platform.NotificationService}: the console feed, the database
 * mail queue, SMTP delivery through Angus Mail and the mail templates. Exported {@code x-internal}
 * only so OSGi test bundles can reach it.
 */
package renkei.platform.internal.mail;
