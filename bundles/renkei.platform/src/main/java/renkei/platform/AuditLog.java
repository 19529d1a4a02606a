// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Instant;
import java.util.List;

import renkei.platform.remote.LocalOnly;
import renkei.platform.remote.RemoteService;
import renkei.platform.remote.RequiresRole;

/**
 * Append-only, tamper-evident audit log (X-01, CA-11, CA-14). Every record carries the SHA-256 of
 * its category's previous record, so altering, removing or reordering a stored record is detected
 * by {@link #verify(String)}. Records are never updated; only whole prefixes older than a
 * category's retention period are purged, and the chain's anchor moves with them.
 *
 * <p>Thread-safe; appends from several processes sharing one database are serialised by the
 * database. Methods block on I/O.
 *
 * @noimplement
 */
@RemoteService
public interface AuditLog {

    /** Records the entry; the returned record has its time, sequence number and hash. */
    @LocalOnly("records are written by the services that act, where they act")
    AuditRecord append(AuditEntry entry);

    /** Walks one category's chain and reports the first broken link. */
    @RequiresRole(value = {Role.LOG_ADMINISTRATOR, Role.OPERATIONS_OFFICE}, action = "audit.verify")
    AuditVerification verify(String category);

    /** Verifies every category that has records. */
    @RequiresRole(value = {Role.LOG_ADMINISTRATOR, Role.OPERATIONS_OFFICE}, action = "audit.verify")
    List<AuditVerification> verifyAll();

    @RequiresRole(value = {Role.LOG_ADMINISTRATOR, Role.OPERATIONS_OFFICE}, action = "audit.query")
    List<AuditRecord> query(AuditQuery query);

    /**
     * Deletes records older than their category's retention period, oldest first.
     *
     * @return number of records removed
     */
    @LocalOnly("retention runs on the server's schedule")
    int purgeExpired(Instant now);
}
