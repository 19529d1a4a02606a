// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.internal.CaServiceComponent;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.IssuerSource;
import renkei.ca.core.internal.CertificateAuthority;
import renkei.ca.core.internal.OpsFixtures;
import renkei.platform.MailStatus;
import renkei.platform.NotificationService;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;
import renkei.ca.core.internal.TestConfig;

/** CA-07 issuance notices, delivered through the real mail queue to a real SMTP server (GreenMail). */
class IssuanceMailTest {

    private static final Map<String, String> TARO = Map.of("givenName", "Taro", "sn", "Yamada", "hpciId", "hpci000123",
            "eduPersonPrincipalName", "taro@cc.example.ac.jp");

    private StandalonePlatform platform;
    private GreenMail smtp;
    private CertificateAuthority authority;

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        authority = OpsFixtures.authority(platform.database(), platform.audit(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        if (smtp != null) {
            smtp.stop();
        }
        platform.close();
    }

    @Test
    void clientIssuanceMailsTheDomainRecipientsInJapaneseAsUtf8AndIso2022jp() throws Exception {
        smtp = startSmtp();
        TestConfig config = config(Map.of(
                "ca.mail.issued.example.ac.jp", "ra@example.ac.jp, keitai@docomo.ne.jp",
                "ca.mail.issued.*", "office@hpci.example.jp"));
        NotificationService notifications = platform.notifications(config);
        IssuedCertificate issued = authority.issueClient("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), TARO);

        new IssuanceMail(notifications, CaSettings.from(config)).issued(issued);
        assertEquals(2, notifications.deliverDue());

        assertTrue(smtp.waitForIncomingEmail(5000, 2));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length, "cc.example.ac.jp matches example.ac.jp and not the catch-all");
        String subject = "【連携コンソール】証明書を発行しました: Taro Yamada hpci000123";
        MimeMessage utf8 = to(received, "ra@example.ac.jp");
        assertEquals(subject, utf8.getSubject());
        assertTrue(utf8.getContentType().toUpperCase(Locale.ROOT).contains("UTF-8"), utf8.getContentType());
        String body = ((String) utf8.getContent()).replace("\r\n", "\n");
        assertTrue(body.startsWith("認証局でクライアント証明書を発行しました。\n"), body);
        assertTrue(body.contains("シリアル番号: " + issued.serialHex() + "\n"), body);
        assertTrue(body.contains("サブジェクト: C=JP,O=HPCI,OU=Renkei,CN=Taro Yamada hpci000123\n"), body);
        assertTrue(body.contains("ePPN: taro@cc.example.ac.jp\n"), body);
        assertTrue(body.contains("発行者: ca-alice\n"), body);
        assertTrue(body.contains("cc.example.ac.jp の証明書発行通知の宛先"), body);

        MimeMessage jis = to(received, "keitai@docomo.ne.jp");
        assertEquals(subject, jis.getSubject());
        assertTrue(jis.getContentType().toUpperCase(Locale.ROOT).contains("ISO-2022-JP"), jis.getContentType());
        assertTrue(String.join(" ", jis.getHeader("Subject")).contains("=?ISO-2022-JP?B?"));
        byte[] wire;
        try (InputStream raw = MimeUtility.decode(jis.getRawInputStream(), jis.getEncoding())) {
            wire = raw.readAllBytes();
        }
        assertTrue(new String(wire, StandardCharsets.US_ASCII).contains("\u001b$B"), "JIS X 0208 escapes on the wire");
        String jisBody = new String(wire, Charset.forName("ISO-2022-JP")).replace("\r\n", "\n");
        assertTrue(jisBody.startsWith("認証局でクライアント証明書を発行しました。\n"), jisBody);
        assertTrue(jisBody.contains("シリアル番号: " + issued.serialHex()), jisBody);
    }

    @Test
    void hostAndServiceUseTheirFqdnWithoutHostLabelAndFallBackToTheCatchAll() {
        TestConfig config = config(Map.of("ca.mail.locale", "en",
                "ca.mail.issued.example.ac.jp", "ra@example.ac.jp",
                "ca.mail.issued.*", "office@hpci.example.jp"));
        NotificationService notifications = platform.notifications(config);
        IssuanceMail mail = new IssuanceMail(notifications, CaSettings.from(config));

        IssuedCertificate host = authority.issueHost("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), "host01.example.ac.jp");
        IssuedCertificate service = authority.issueService("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), "ldap", "gw.other.ac.jp");
        mail.issued(host);
        mail.issued(service);

        List<MailStatus> queue = notifications.mailQueue(10);
        assertEquals(2, queue.size());
        MailStatus hostMail = queue.stream().filter(m -> m.recipient().equals("ra@example.ac.jp")).findFirst().orElseThrow();
        assertEquals("[Renkei Console] Certificate issued: host01.example.ac.jp", hostMail.subject());
        MailStatus serviceMail = queue.stream().filter(m -> m.recipient().equals("office@hpci.example.jp")).findFirst().orElseThrow();
        assertEquals("[Renkei Console] Certificate issued: ldap/gw.other.ac.jp", serviceMail.subject());
        assertEquals("example.ac.jp", CertificateMail.domainOf(host));
        assertEquals("other.ac.jp", CertificateMail.domainOf(service));
    }

    @Test
    void aBadRecipientCostsOnlyItsOwnMailAndNeverFailsTheIssuance() {
        TestConfig config = config(Map.of("ca.mail.issued.*", "not an address, office@hpci.example.jp"));
        NotificationService notifications = platform.notifications(config);
        IssuedCertificate host = authority.issueHost("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), "host01.example.ac.jp");

        new IssuanceMail(notifications, CaSettings.from(config)).issued(host);

        List<MailStatus> queue = notifications.mailQueue(10);
        assertEquals(1, queue.size());
        assertEquals("office@hpci.example.jp", queue.get(0).recipient());
        assertTrue(authority.find(host.serialHex()).isPresent(), "the certificate stays issued");
    }

    @Test
    void theCaServiceNotifiesThroughTheRegisteredListener() {
        TestConfig config = config(Map.of("ca.mail.issued.example.ac.jp", "ra@example.ac.jp"));
        NotificationService notifications = platform.notifications(config);
        CaServiceComponent ca = OpsFixtures.service(platform.database(), platform.audit(),
                IssuerSource.fixed(OpsFixtures.issuer()), () -> OpsFixtures.ca().certificate(), Clock.systemUTC());
        ca.addIssuanceListener(new IssuanceMail(notifications, CaSettings.from(config)));

        IssuedCertificate host = ca.issue(Session.system(), CertificateProfile.HOST, OpsFixtures.csrA(),
                Optional.of("www.example.ac.jp"));

        List<MailStatus> queue = notifications.mailQueue(10);
        assertEquals(1, queue.size());
        assertEquals("ra@example.ac.jp", queue.get(0).recipient());
        assertTrue(queue.get(0).subject().endsWith(host.commonName()), queue.get(0).subject());
    }

    @Test
    void noRecipientsConfiguredQueuesNothing() {
        TestConfig config = config(Map.of());
        NotificationService notifications = platform.notifications(config);
        IssuedCertificate host = authority.issueHost("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), "host01.example.ac.jp");
        new IssuanceMail(notifications, CaSettings.from(config)).issued(host);
        assertEquals(0, notifications.mailQueue(10).size());
    }

    private TestConfig config(Map<String, String> ca) {
        Map<String, String> values = new HashMap<>(ca);
        values.put("mail.smtp.host", "127.0.0.1");
        values.put("mail.smtp.port", Integer.toString(smtp == null ? 25 : smtp.getSmtp().getPort()));
        values.put("mail.from", "ca@console.example.jp");
        values.put("mail.smtp.timeoutMs", "5000");
        values.put("mail.iso2022jp.domains", "docomo.ne.jp");
        return TestConfig.of(values);
    }

    private static MimeMessage to(MimeMessage[] received, String address) throws Exception {
        for (MimeMessage message : received) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                return message;
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    private static GreenMail startSmtp() {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }
}
