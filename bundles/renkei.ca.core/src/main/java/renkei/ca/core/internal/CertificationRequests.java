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
            throw CaException.of("csr.empty");
        }
        if (encoded.length > MAX_BYTES) {
            throw CaException.of("csr.tooLarge", encoded.length, MAX_BYTES);
        }
        byte[] der = encoded;
        String text = new String(encoded, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN")) {
            try (PemReader reader = new PemReader(new StringReader(text))) {
                PemObject pem = reader.readPemObject();
                if (pem == null || !pem.getType().endsWith("CERTIFICATE REQUEST")) {
                    throw pem == null ? CaException.of("csr.notRequest") : CaException.of("csr.wrongPemType", pem.getType());
                }
                der = pem.getContent();
            } catch (IOException e) {
                throw CaException.caused(e, "csr.malformedPem", e.getMessage());
            }
        }
        try {
            return new JcaPKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw CaException.caused(e, "csr.notPkcs10", e.getMessage());
        }
    }

    /** Checks the self-signature (proof of possession) and that the key matches the profile (CA-02). */
    public static PublicKey checkedPublicKey(JcaPKCS10CertificationRequest request) {
        PublicKey key;
        try {
            key = request.getPublicKey();
        } catch (Exception e) {
            throw CaException.caused(e, "csr.unreadableKey", e.getMessage());
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw CaException.of("csr.notRsa", key.getAlgorithm());
        }
        int bits = rsa.getModulus().bitLength();
        if (bits != CertificateProfile.KEY_BITS) {
            throw CaException.of("csr.wrongKeySize", CertificateProfile.KEY_BITS, bits);
        }
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw CaException.of("csr.badSignature");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw CaException.caused(e, "csr.signatureUncheckable", e.getMessage());
        }
        return key;
    }

    /** The CN the requester put in the CSR's subject, for operator issuance that takes the name from the request. */
    public static String commonName(byte[] csr) {
        var names = parse(csr).getSubject().getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        if (names.length == 0) {
            throw CaException.of("csr.noCn");
        }
        return org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
