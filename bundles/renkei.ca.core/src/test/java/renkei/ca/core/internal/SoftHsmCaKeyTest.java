// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.CeremonyRecord;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.KeyStatus;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.internal.key.CaKeyManager;

/**
 * CA-12 with a real PKCS#11 token: SoftHSM2 (Debian's softhsm2). The JVM must be started with
 * {@code SOFTHSM2_CONF} pointing at a file this test may write (the root pom does so for surefire),
 * because SoftHSM reads it once, when the JDK's SunPKCS11 loads the module. With
 * {@code renkei.test.requireSoftHsm=true} (releng/test) a missing SoftHSM fails the test instead of
 * skipping it.
 */
class SoftHsmCaKeyTest {

    private static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String LABEL = "renkei-test-ca";
    private static final String PIN = "246810";

    @TempDir
    Path home;

    @Test
    void caKeyIsGeneratedInTheTokenSignsCertificatesAndCrlsAndCannotBeExtracted() throws Exception {
        Path softHsmConfig = softHsm();
        Properties properties = new Properties();
        properties.setProperty("ca.key.store", "pkcs11");
        properties.setProperty("ca.pkcs11.library", LIBRARY);
        properties.setProperty("ca.pkcs11.token", LABEL);
        try (KeyFixture fixture = new KeyFixture(home, properties).withOperators()) {
            fixture.secrets.put(CaSettings.PIN_SECRET, PIN);
            CaKeyManager keys = fixture.manager(Clock.systemUTC());
            var alice = fixture.login("ca-alice");
            var bob = fixture.login("ca-bob");

            CeremonyRecord ceremony = keys.createCa(alice, bob, List.of("HSM custodian"));
            assertTrue(ceremony.keyStore().startsWith("PKCS#11 token " + LABEL), ceremony.keyStore());
            assertFalse(Files.exists(fixture.settings.keyFile()), "no key file is written for a token key");
            KeyStatus status = keys.activate(alice, bob, Duration.ofHours(1));
            assertTrue(status.activeUntil().isPresent());

            CertificateAuthority authority = fixture.authority(keys, Clock.systemUTC());
            IssuedCertificate host = authority.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_A, "hsm01.example.ac.jp");
            Files.writeString(home.resolve("host.pem"), Pem.encode("CERTIFICATE", host.der()));
            Files.writeString(home.resolve("ca.pem"), Pem.encode("CERTIFICATE", caCertificate(fixture)));
            assertEquals("sha256 Fingerprint=" + ceremony.sha256Fingerprint(),
                    OpenSsl.ok(home, "x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha256").strip());
            writeCrl(authority.crl("ca-alice", "CA_OPERATOR"));
            String verified = OpenSsl.ok(home, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "host.pem");
            assertTrue(verified.contains("host.pem: OK"), verified);

            writeCrl(authority.revoke("ca-alice", "CA_OPERATOR", host.serialHex(), RevocationReason.keyCompromise, "test"));
            OpenSsl.Result revoked = OpenSsl.run(home, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "host.pem");
            assertTrue(revoked.exitCode() != 0 && revoked.output().contains("certificate revoked"), revoked.output());

            assertKeyStaysInTheToken(softHsmConfig);
        }
    }

    /** Reads the key back through a separate provider, so the attributes are the token's, not our template's. */
    private static void assertKeyStaysInTheToken(Path softHsmConfig) throws Exception {
        Provider provider = Security.getProvider("SunPKCS11")
                .configure("--name = renkei-test-reader\nlibrary = " + LIBRARY + "\nslotListIndex = 0\n");
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, PIN.toCharArray());
        PrivateKey key = (PrivateKey) token.getKey("ca", null);
        assertNull(key.getEncoded(), "the private key has no encoding outside the token");
        // SunPKCS11 describes the key from its CKA_TOKEN, CKA_SENSITIVE and CKA_EXTRACTABLE attributes.
        assertTrue(key.toString().contains("token object, sensitive, unextractable"), key.toString());
        assertThrows(InvalidKeySpecException.class,
                () -> KeyFactory.getInstance("RSA", provider).getKeySpec(key, RSAPrivateCrtKeySpec.class),
                "the token refuses to reveal the private exponent");
        assertEquals(List.of("ca"), java.util.Collections.list(token.aliases()));
        assertTrue(Files.readString(softHsmConfig).contains("tokendir"));
    }

    private void writeCrl(SignedCrl crl) throws IOException {
        Files.writeString(home.resolve("crl.pem"), Pem.encode("X509 CRL", crl.der()));
    }

    private static byte[] caCertificate(KeyFixture fixture) {
        return fixture.platform.database().withConnection(c -> {
            try (var row = c.createStatement().executeQuery("SELECT der_base64 FROM ca_key")) {
                row.next();
                return java.util.Base64.getDecoder().decode(row.getString(1));
            }
        });
    }

    /**
     * Writes the SoftHSM configuration at {@code SOFTHSM2_CONF} with a fresh token directory and
     * initialises one token there, before anything in this JVM loads the module.
     */
    private static Path softHsm() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        boolean available = conf != null && Files.isReadable(Path.of(LIBRARY)) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"));
        if (!available) {
            String why = "SoftHSM2 is not usable: library " + LIBRARY + " and softhsm2-util (Debian package softhsm2) and "
                    + "SOFTHSM2_CONF in the environment (set by the root pom) are all needed; SOFTHSM2_CONF=" + conf;
            if (Boolean.getBoolean("renkei.test.requireSoftHsm")) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        Path config = Path.of(conf);
        Path tokens = config.resolveSibling("tokens-" + UUID.randomUUID());
        Files.createDirectories(tokens);
        Files.writeString(config, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                StandardCharsets.UTF_8);
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN,
                "--so-pin", "13579111").redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(init.waitFor(60, TimeUnit.SECONDS) && init.exitValue() == 0, "softhsm2-util --init-token failed: " + output);
        return config;
    }
}
