// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

/** Outcome of an audited action. */
public enum AuditResult {
    SUCCESS, FAILURE, DENIED
}
