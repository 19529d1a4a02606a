// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import renkei.ca.core.CaException;

/**
 * Hands the CA the issuer for its activated key. Called inside the signing transaction after the
 * {@code ca_state} lock is held, so a deactivation in another process takes effect for the next
 * request and never in the middle of one.
 */
@FunctionalInterface
public interface IssuerSource {

    /** @throws CaException when the key is not activated (or there is no CA yet) */
    CertificateIssuer activeIssuer(Connection c, Instant now) throws SQLException;

    /** Always the same, already activated key: for tests and benchmarks. */
    static IssuerSource fixed(CertificateIssuer issuer) {
        return (c, now) -> issuer;
    }
}
