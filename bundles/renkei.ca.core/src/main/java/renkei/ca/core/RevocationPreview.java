// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.util.List;

/**
 * What a revocation will touch, shown before an operator confirms it.
 *
 * @param certificate      the certificate to revoke
 * @param gridMapEntries   grid-mapfile lines that name its subject and will disappear at the next publish
 * @param nextCrlNumber    the number the CRL re-issued with the revocation will carry
 * @param revokedAfter     entries the new CRL will list
 */
public record RevocationPreview(IssuedCertificate certificate, List<String> gridMapEntries, java.math.BigInteger nextCrlNumber,
        int revokedAfter) {
}
