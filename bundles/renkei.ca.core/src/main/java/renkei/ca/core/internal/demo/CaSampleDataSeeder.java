// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.demo;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

import renkei.ca.core.AccountMapping;
import renkei.ca.core.CaRepositoryService;
import renkei.ca.core.CaService;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.GridMapService;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;
import renkei.platform.DemoSeeder;
import renkei.platform.Session;

/**
 * Demo certificates after the demo CA exists and is activated: hosts and a service of the demo
 * centers, users who redeemed license IDs, one revoked certificate with the secretariat's request
 * number, one unused license, their grid-mapfile entries and a first repository publish — so the
 * console's CA parts have something real to show. Acts as the system, like the scheduler.
 */
@Component(service = DemoSeeder.class)
public final class CaSampleDataSeeder implements DemoSeeder {

    private static final String ENTITLEMENT = "urn:mace:hpci.jp:cert-user";

    private final CaService ca;
    private final GridMapService gridMap;
    private final CaRepositoryService repository;

    @Activate
    public CaSampleDataSeeder(@Reference CaService ca,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) GridMapService gridMap,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) CaRepositoryService repository) {
        this.ca = ca;
        this.gridMap = gridMap;
        this.repository = repository;
    }

    /** After the platform's operators and the CA key ceremony. */
    @Override
    public int order() {
        return 50;
    }

    @Override
    public void seed(Session office, PrintStream out) {
        Session system = Session.system();
        KeyPairGenerator generator = rsa();
        for (String host : List.of("gfarm01.hpci.example.ac.jp", "gfarm02.hpci.example.ac.jp", "vmhost01.kyoto.example.ac.jp",
                "login.hpci.example.ac.jp")) {
            ca.issue(system, CertificateProfile.HOST, csr(generator, host), Optional.of(host));
        }
        ca.issue(system, CertificateProfile.SERVICE, csr(generator, "gridftp"), Optional.of("gridftp/gfarm01.hpci.example.ac.jp"));
        IssuedCertificate taro = client(system, generator, "Taro", "Yamada", "hpci000123", "taro@kyoto.example.ac.jp");
        client(system, generator, "Hanako", "Suzuki", "hpci000456", "hanako@tokyo.example.ac.jp");
        IssuedCertificate lost = client(system, generator, "Kenji", "Watanabe", "hpci000789", "kenji@osaka.example.ac.jp");
        ca.revoke(system, lost.serialHex(), RevocationReason.keyCompromise, "HPCI事務局 依頼番号 2026-0042 (PC紛失)");
        String unused = ca.issueLicense(system, attributes("Yuki", "Kobayashi", "hpci000999", "yuki@kyoto.example.ac.jp"));
        if (gridMap != null) {
            // Mappings are checked against the secretariat's account register, so the demo brings one.
            gridMap.importAccountRegister(system, "account,hpci_id,project,resource_site\n"
                    + "taro,hpci000123,hp260001,R-CCS\nhpci000123,hpci000123,hp260001,R-CCS\nhanako,hpci000456,hp260002,Tokyo\n");
            gridMap.put(system, new AccountMapping(taro.subjectDn(), List.of("taro", "hpci000123"),
                    taro.eppn(), taro.hpciId()));
        }
        if (repository != null) {
            repository.publish(system);
        }
        int issued = ca.search(system, renkei.ca.core.CertificateQuery.all(1000)).size();
        out.println("CA demo data:           " + issued + " certificates (1 revoked), unused license ID " + unused);
    }

    private IssuedCertificate client(Session system, KeyPairGenerator generator, String given, String family, String hpciId,
            String eppn) {
        String license = ca.issueLicense(system, attributes(given, family, hpciId, eppn));
        return ca.redeemLicense(system, license, csr(generator, given + " " + family));
    }

    private static Map<String, String> attributes(String given, String family, String hpciId, String eppn) {
        return Map.of("givenName", given, "sn", family, "hpciId", hpciId, "eduPersonPrincipalName", eppn,
                "eduPersonEntitlement", ENTITLEMENT);
    }

    private static KeyPairGenerator rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(CertificateProfile.KEY_BITS);
            return generator;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] csr(KeyPairGenerator generator, String commonName) {
        try {
            KeyPair pair = generator.generateKeyPair();
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())).getEncoded();
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
