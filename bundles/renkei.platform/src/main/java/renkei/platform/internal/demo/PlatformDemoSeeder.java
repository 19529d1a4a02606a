// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.util.encoders.Base32;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.AuditCategory;
import renkei.platform.AuditEntry;
import renkei.platform.AuditLog;
import renkei.platform.AuditResult;
import renkei.platform.AuthenticationException;
import renkei.platform.DemoOperators;
import renkei.platform.DemoSeeder;
import renkei.platform.NewOperator;
import renkei.platform.NotificationService;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.Severity;
import renkei.platform.internal.identity.JdbcIdentityService;
import renkei.platform.internal.identity.Totp;

/**
 * Demo operators and a little history. The CA operators get fixed TOTP secrets so that the demo
 * login can be printed and tests can compute codes; a real installation never does this.
 */
@Component(service = { DemoSeeder.class, DemoOperators.class })
public final class PlatformDemoSeeder implements DemoSeeder, DemoOperators {

    /** Printed by {@code releng/renkei demo init} and documented in the README. */
    public static final String DEMO_USER = DemoSeeder.DEMO_USER;
    public static final String DEMO_PASSWORD = DemoSeeder.DEMO_PASSWORD;
    public static final String CA_PASSWORD = "renkei-ca-demo-2026";

    private final JdbcIdentityService identity;
    private final AuditLog audit;
    private final NotificationService notifications;

    @Activate
    public PlatformDemoSeeder(@Reference renkei.platform.IdentityService identity, @Reference AuditLog audit,
            @Reference NotificationService notifications) {
        this.identity = (JdbcIdentityService) identity;
        this.audit = audit;
        this.notifications = notifications;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void seed(Session office, PrintStream out) {
        addOperator(office, "ca-alice", "Alice Sato (CA operator)", Set.of(Role.CA_OPERATOR), CA_PASSWORD);
        addOperator(office, "ca-bob", "Bob Tanaka (CA operator)", Set.of(Role.CA_OPERATOR), CA_PASSWORD);
        addOperator(office, "ca-officer", "Chie Suzuki (CA officer)", Set.of(Role.CA_OFFICER), CA_PASSWORD);
        identity.createOperator(office, new NewOperator("kyoto-admin", "京都サイト管理者", Optional.of("admin@kyoto.example.ac.jp"),
                Optional.of("kyoto"), Set.of(Role.SITE_ADMINISTRATOR), "kyoto-demo-2026".toCharArray()));
        identity.createOperator(office, new NewOperator("helpdesk", "ヘルプデスク 山田", Optional.of("helpdesk@example.ac.jp"),
                Optional.empty(), Set.of(Role.HELP_DESK), "helpdesk-demo-2026".toCharArray()));
        out.println("Demo operator login:    " + DEMO_USER + " / " + DEMO_PASSWORD);
        for (String ca : new String[] { "ca-alice", "ca-bob", "ca-officer" }) {
            out.println("CA demo login:          " + ca + " / " + CA_PASSWORD + "   TOTP secret " + demoTotpSecretBase32(ca));
        }
        notifications.post(Severity.INFO, "demo", "デモ環境へようこそ (Welcome to the Renkei demo)",
                "このホームはデモ用です。設定は renkei.properties、操作ログは「renkei audit list」で確認できます。\n"
                        + "This home is a demo; its settings are in renkei.properties.");
        notifications.post(Severity.WARNING, "demo", "【計画停止】共有ストレージ保守のお知らせ (sample maintenance notice)",
                "12月5日 9:00〜12:00 に共有ストレージ (Gfarm) の保守を行います。この間、/share への書き込みはできません。");
        audit.append(new AuditEntry(AuditCategory.GENERAL.id(), "demo", "OPERATIONS_OFFICE", "demo.init", "", AuditResult.SUCCESS,
                "デモデータを作成しました (demo data created)"));
    }

    private void addOperator(Session office, String username, String name, Set<Role> roles, String password) {
        identity.createOperator(office, new NewOperator(username, name, Optional.of(username + "@ca.example.ac.jp"),
                Optional.empty(), roles, password.toCharArray()));
        identity.setTotpSecret(username, demoTotpSecret(username));
    }

    @Override
    public Session login(String username) throws AuthenticationException {
        String code = new Totp().code(demoTotpSecret(username), Totp.stepAt(Instant.now()) - 1);
        return identity.authenticate(username, CA_PASSWORD.toCharArray(), code);
    }

    /** Deterministic per user so scripts and tests can compute codes. */
    public static byte[] demoTotpSecret(String username) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1")
                    .digest(("renkei-demo-totp:" + username).getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String demoTotpSecretBase32(String username) {
        return Base32.toBase32String(demoTotpSecret(username)).replace("=", "");
    }
}
