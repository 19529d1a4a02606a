// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import renkei.ca.core.IssuedCertificate;

/**
 * Told about every certificate the CA service issued, after the issuance has been committed (CA-07
 * notices; later e.g. SP metadata regeneration, MD-05). Publish implementations as
 * {@code @Component(service = IssuanceListener.class)}; the CA service collects them with a
 * multiple, dynamic reference.
 *
 * <p>Threading: called on the issuing thread, so implementations must be quick (queue, don't send)
 * and thread-safe. An exception is logged by the caller and never undoes the issuance.
 */
@FunctionalInterface
public interface IssuanceListener {

    void issued(IssuedCertificate certificate);
}
