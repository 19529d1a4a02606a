// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import renkei.platform.DemoSeeder;
import renkei.platform.NewOperator;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.internal.identity.JdbcIdentityService;

/**
 * Demo operators and a little history. The CA operators get fixed TOTP secrets so that the demo
 * login can be printed and tests can compute codes; a real installation never does this.
 */
@Component(service = DemoSeeder.class)
public final class PlatformDemoSeeder implements DemoSeeder {

    /** Printed by {@code releng/renkei demo init} and documented in the README. */
    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "renkei-demo-2026";
    static final String CA_PASSWORD = "renkei-ca-demo-2026";

    private final JdbcIdentityService identity;
    private final AuditLog audit;

    @Activate
    public PlatformDemoSeeder(@Reference renkei.platform.IdentityService identity, @Reference AuditLog audit) {
        this.identity = (JdbcIdentityService) identity;
        this.audit = audit;
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
        audit.append(new AuditEntry(AuditCategory.GENERAL.id(), "demo", "OPERATIONS_OFFICE", "demo.init", "", AuditResult.SUCCESS,
                "デモデータを作成しました (demo data created)"));
    }

    private void addOperator(Session office, String username, String name, Set<Role> roles, String password) {
        identity.createOperator(office, new NewOperator(username, name, Optional.of(username + "@ca.example.ac.jp"),
                Optional.empty(), roles, password.toCharArray()));
        identity.setTotpSecret(username, demoTotpSecret(username));
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
