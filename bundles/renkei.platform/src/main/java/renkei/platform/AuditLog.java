// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Instant;
import java.util.List;

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
public interface AuditLog {

    /** Records the entry; the returned record has its time, sequence number and hash. */
    AuditRecord append(AuditEntry entry);

    /** Walks one category's chain and reports the first broken link. */
    AuditVerification verify(String category);

    /** Verifies every category that has records. */
    List<AuditVerification> verifyAll();

    List<AuditRecord> query(AuditQuery query);

    /**
     * Deletes records older than their category's retention period, oldest first.
     *
     * @return number of records removed
     */
    int purgeExpired(Instant now);
}
