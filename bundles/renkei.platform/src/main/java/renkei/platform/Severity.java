// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

/** Severity of a console notification. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
