// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;

/**
 * Parses and checks PKCS#10 requests before anything is issued: size, encoding, self-signature and
 * key type/size. Every refusal is a {@link CaException} with a one-line reason.
 */
public final class CertificationRequests {

    /** Far above any real RSA-2048 request (about 1 KiB in PEM); stops resource abuse. */
    static final int MAX_BYTES = 16 * 1024;

    private CertificationRequests() {
    }

    /** Accepts PEM ("CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST") or DER. */
    public static JcaPKCS10CertificationRequest parse(byte[] encoded) {
        if (encoded.length == 0) {
            throw new CaException("CSR is empty");
        }
        if (encoded.length > MAX_BYTES) {
            throw new CaException("CSR is too large (" + encoded.length + " bytes, at most " + MAX_BYTES + ")");
        }
        byte[] der = encoded;
        String text = new String(encoded, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN")) {
            try (PemReader reader = new PemReader(new StringReader(text))) {
                PemObject pem = reader.readPemObject();
                if (pem == null || !pem.getType().endsWith("CERTIFICATE REQUEST")) {
                    throw new CaException("CSR PEM block must be a CERTIFICATE REQUEST"
                            + (pem == null ? "" : ", found " + pem.getType()));
                }
                der = pem.getContent();
            } catch (IOException e) {
                throw new CaException("CSR PEM is malformed: " + e.getMessage(), e);
            }
        }
        try {
            return new JcaPKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new CaException("CSR is not a valid PKCS#10 request: " + e.getMessage(), e);
        }
    }

    /** Checks the self-signature (proof of possession) and that the key matches the profile (CA-02). */
    public static PublicKey checkedPublicKey(JcaPKCS10CertificationRequest request) {
        PublicKey key;
        try {
            key = request.getPublicKey();
        } catch (Exception e) {
            throw new CaException("CSR public key cannot be read: " + e.getMessage(), e);
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new CaException("CSR key must be RSA, found " + key.getAlgorithm());
        }
        int bits = rsa.getModulus().bitLength();
        if (bits != CertificateProfile.KEY_BITS) {
            throw new CaException("CSR key must be RSA " + CertificateProfile.KEY_BITS + " bits, found " + bits);
        }
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new CaException("CSR signature does not verify (the request was altered or not signed by its key)");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new CaException("CSR signature cannot be checked: " + e.getMessage(), e);
        }
        return key;
    }

    /** The CN the requester put in the CSR's subject, for operator issuance that takes the name from the request. */
    public static String commonName(byte[] csr) {
        var names = parse(csr).getSubject().getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        if (names.length == 0) {
            throw new CaException("The CSR has no CN; give the name explicitly");
        }
        return org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
