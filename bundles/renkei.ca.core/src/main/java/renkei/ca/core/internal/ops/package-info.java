// SPDX-License-Identifier: EPL-2.0
/**
 * The CA's unattended operations: issuance notices (CA-07), expiry and CRL-refresh reminders
 * (CA-15), the CRL re-issue schedule (CA-08) and the {@code ca.crl} / {@code ca.certificate}
 * health sources. Each is a plain class with a constructor tests call and an {@code @Activate}
 * constructor that DS calls.
 */
package renkei.ca.core.internal.ops;
