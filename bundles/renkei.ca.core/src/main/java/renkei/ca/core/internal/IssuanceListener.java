// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import renkei.ca.core.IssuedCertificate;

/**
 * Told about each certificate after its issuance committed (CA-07 mail, mapping suggestions).
 * Register as an OSGi service; the CA service collects every one. A listener that throws is
 * logged and never undoes the issuance.
 */
@FunctionalInterface
public interface IssuanceListener {

    void issued(IssuedCertificate certificate);
}
