// SPDX-License-Identifier: EPL-2.0
/**
 * Platform services shared by every Renkei bundle: site home, database, audit log, identity,
 * notifications, scheduling and source health.
 */
package renkei.platform;
