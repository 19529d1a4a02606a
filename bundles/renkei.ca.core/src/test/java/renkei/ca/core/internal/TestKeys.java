// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.bouncycastle.asn1.x500.X500Name;

/**
 * One test CA and two openssl-made RSA-2048 requests, created once per test run: key generation
 * is the slow part of every CA test and none of them depends on fresh keys.
 */
final class TestKeys {

    static final CaKeyMaterial CA;
    static final byte[] CSR_A;
    static final byte[] CSR_B;

    static {
        try {
            Path dir = Files.createTempDirectory("renkei-ca-test-keys");
            CA = CaKeyMaterial.create(new X500Name("C=JP,O=HPCI,CN=Renkei Test CA"), Instant.now());
            OpenSsl.ok(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "a.key", "-out", "a.csr", "-subj", "/CN=a");
            OpenSsl.ok(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "b.key", "-out", "b.csr", "-subj", "/CN=b");
            CSR_A = Files.readAllBytes(dir.resolve("a.csr"));
            CSR_B = Files.readAllBytes(dir.resolve("b.csr"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestKeys() {
    }
}
