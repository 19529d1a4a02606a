// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import renkei.ca.core.SubjectRules;
import renkei.ca.core.internal.CertificateAuthority;
import renkei.ca.core.internal.KeyFixture;
import renkei.ca.core.internal.key.CaKeyManager;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;

/**
 * {@code releng/bench ca}: issuance and CRL figures on an embedded H2 file database, printed as
 * {@code name=value} lines. Requests are prepared before timing; the timed part is what the CA does
 * per request (parse, check, sign, store, audit).
 */
public final class CaBench {

    private CaBench() {
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("renkei-ca-bench");
        try (StandalonePlatform platform = StandalonePlatform.open("jdbc:h2:file:" + dir.resolve("bench"), "sa", "")) {
            // The real signing path: a key ceremony and a two-operator activation, so every issuance pays
            // for the activation check under the CA lock as it does in production.
            KeyFixture keys = new KeyFixture(dir.resolve("home"), new java.util.Properties(), platform).withOperators();
            Session alice = keys.login("ca-alice");
            Session bob = keys.login("ca-bob");
            CaKeyManager manager = keys.manager(Clock.systemUTC());
            manager.createCa(alice, bob, List.of());
            manager.activate(alice, bob, java.time.Duration.ofHours(1));
            CertificateAuthority authority = new CertificateAuthority(platform.database(), platform.audit(), manager,
                    new SubjectRules("C=JP,O=HPCI,OU=Bench", SubjectRules.DEFAULT_CLIENT_FORMAT), Clock.systemUTC());

            int requests = Integer.getInteger("bench.requests", 3000);
            List<byte[]> csrs = csrs(requests);
            for (int i = 0; i < 200; i++) { // warm-up: JIT and caches, not timed
                authority.issueHost("bench", "CA_OPERATOR", csrs.get(i), "warm" + i + ".example.ac.jp");
            }
            long start = System.nanoTime();
            for (int i = 200; i < requests; i++) {
                authority.issueHost("bench", "CA_OPERATOR", csrs.get(i), "host" + i + ".example.ac.jp");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ca_issue_per_s=%.0f%n", (requests - 200) / seconds);

            int keygens = Integer.getInteger("bench.keygens", 30);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            start = System.nanoTime();
            for (int i = 0; i < keygens; i++) {
                KeyPair pair = generator.generateKeyPair();
                authority.issueHost("bench", "CA_OPERATOR", csr(pair, "k" + i), "keygen" + i + ".example.ac.jp");
            }
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ca_keygen_issue_per_s=%.1f%n", keygens / seconds);

            revoke(platform, 10_000 - requests);
            System.out.println("crl_10k_ms=" + timeCrl(authority));
            revoke(platform, 90_000);
            System.out.println("crl_100k_ms=" + timeCrl(authority));
        }
    }

    private static long timeCrl(CertificateAuthority authority) {
        authority.crl("bench", "");
        long start = System.nanoTime();
        var crl = authority.crl("bench", "");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.err.println("CRL entries: " + crl.revokedCount() + ", " + crl.der().length + " bytes");
        return millis;
    }

    /** Marks every issued certificate revoked and adds synthetic revoked rows up to {@code extra} more. */
    private static void revoke(StandalonePlatform platform, int extra) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        platform.database().inTransaction(c -> {
            c.createStatement().executeUpdate("UPDATE ca_certificate SET status = 'REVOKED', revoked_at = CURRENT_TIMESTAMP, "
                    + "revocation_reason = 1");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ca_certificate (serial_hex, profile, subject_dn, "
                    + "common_name, not_before, not_after, status, revoked_at, revocation_reason, issued_by, der_base64) "
                    + "VALUES (?, 'HOST', 'CN=x', ?, ?, ?, 'REVOKED', ?, 4, 'bench', '')")) {
                SecureRandom random = new SecureRandom();
                for (int i = 0; i < extra; i++) {
                    insert.setString(1, new BigInteger(127, random).setBit(126).toString(16).toUpperCase());
                    insert.setString(2, "synthetic" + i);
                    insert.setObject(3, now);
                    insert.setObject(4, now.plusMonths(13));
                    insert.setObject(5, now);
                    insert.addBatch();
                    if (i % 5000 == 4999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private static List<byte[]> csrs(int count) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(generator.generateKeyPair());
        }
        List<byte[]> csrs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            csrs.add(csr(keys.get(i % keys.size()), "r" + i));
        }
        return csrs;
    }

    private static byte[] csr(KeyPair pair, String name) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())).getEncoded();
    }
}
