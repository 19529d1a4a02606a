// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import renkei.ca.core.SubjectRules;
import renkei.ca.core.internal.key.CaKeyManager;
import renkei.ca.core.internal.key.CaKeyStore;
import renkei.platform.AuthenticationException;
import renkei.platform.NewOperator;
import renkei.platform.RenkeiHome;
import renkei.platform.Role;
import renkei.platform.SecretStore;
import renkei.platform.Session;
import renkei.platform.SiteConfig;
import renkei.platform.internal.demo.PlatformDemoSeeder;
import renkei.platform.internal.identity.JdbcIdentityService;
import renkei.platform.internal.identity.Totp;
import renkei.platform.standalone.StandalonePlatform;

/**
 * A Renkei home in a temporary directory with its real secret store, the real identity service on
 * an H2 database, and the demo CA operators (ca-alice, ca-bob) and CA officer (ca-officer) with
 * their fixed demo TOTP secrets, so tests log them in exactly as operators do.
 */
public final class KeyFixture implements AutoCloseable {

    static final String PASSWORD = PlatformDemoSeeder.CA_PASSWORD;
    static final SubjectRules RULES = new SubjectRules("/C=JP/O=HPCI/OU=Renkei", SubjectRules.DEFAULT_CLIENT_FORMAT);

    final Path home;
    final StandalonePlatform platform;
    final SiteConfig config;
    final SecretStore secrets;
    final CaSettings settings;

    KeyFixture(Path home, Properties properties) {
        this(home, properties, StandalonePlatform.inMemory());
    }

    public KeyFixture(Path home, Properties properties, StandalonePlatform platform) {
        this.home = home;
        this.platform = platform;
        this.config = StandalonePlatform.siteConfig(new RenkeiHome(home), properties);
        this.secrets = StandalonePlatform.secretStore(config);
        this.settings = CaSettings.from(config);
    }

    /** Creates the office, the two CA operators and the CA officer. */
    public KeyFixture withOperators() throws AuthenticationException {
        JdbcIdentityService identity = (JdbcIdentityService) platform.identity();
        identity.bootstrap(new NewOperator("office", "Operations Office", Optional.empty(), Optional.empty(),
                Set.of(Role.OPERATIONS_OFFICE), "office-password-1".toCharArray()));
        Session office = identity.authenticate("office", "office-password-1".toCharArray(), null);
        for (String name : new String[] { "ca-alice", "ca-bob", "ca-officer" }) {
            Role role = name.equals("ca-officer") ? Role.CA_OFFICER : Role.CA_OPERATOR;
            identity.createOperator(office, new NewOperator(name, name, Optional.empty(), Optional.empty(), Set.of(role),
                    PASSWORD.toCharArray()));
            identity.setTotpSecret(name, PlatformDemoSeeder.demoTotpSecret(name));
        }
        return this;
    }

    /** Password and the current TOTP code; each operator can log in once per 30-second step. */
    public Session login(String username) {
        String code = new Totp().code(PlatformDemoSeeder.demoTotpSecret(username), Totp.stepAt(Instant.now()));
        try {
            return platform.identity().authenticate(username, PASSWORD.toCharArray(), code);
        } catch (AuthenticationException e) {
            throw new AssertionError(username + " cannot log in: " + e.getMessage(), e);
        }
    }

    public CaKeyManager manager(Clock clock) {
        return new CaKeyManager(platform.database(), platform.audit(), CaKeyStore.configured(settings, secrets), settings, clock,
                status -> { });
    }

    CertificateAuthority authority(IssuerSource issuers, Clock clock) {
        return new CertificateAuthority(platform.database(), platform.audit(), issuers, RULES, clock);
    }

    int certificateCount() {
        return platform.database().withConnection(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM ca_certificate")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Override
    public void close() {
        platform.close();
    }
}
