// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.CertificateQuery;
import renkei.ca.core.IssuedCertificate;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca list}: certificates, newest first, tab-separated. */
@Component(service = CliCommand.class)
public final class ListCertificatesCommand extends CaCliCommand {

    public ListCertificatesCommand() {
        super("ca list", "[--cn CN] [--hpci-id ID] [--eppn EPPN] [--serial HEX] [--dn TEXT] [--status valid|revoked] "
                + "[--profile client|host|service|server|operator] [--expiring-within P30D] [--limit N] - certificates, "
                + "newest first: serial, profile, status, notAfter, CN, subject");
    }

    @Override
    public int run(CliContext context, List<String> args) {
        Arguments options = new Arguments(args, Set.of("--cn", "--hpci-id", "--eppn", "--serial", "--dn", "--status",
                "--profile", "--expiring-within", "--limit"), Set.of());
        CertificateQuery query = CertificateQuery.all(options.intValue("--limit", 1000));
        query = options.value("--cn").map(query::withCommonName).orElse(query);
        query = options.value("--hpci-id").map(query::withHpciId).orElse(query);
        query = options.value("--eppn").map(query::withEppn).orElse(query);
        query = options.value("--serial").map(query::withSerial).orElse(query);
        query = options.value("--dn").map(query::withDnFragment).orElse(query);
        query = options.value("--status").map(s -> enumValue(IssuedCertificate.Status.class, "--status", s))
                .map(query::withStatus).orElse(query);
        query = options.value("--profile").map(p -> enumValue(CertificateProfile.class, "--profile", p))
                .map(query::withProfile).orElse(query);
        query = options.value("--expiring-within").map(CaCliCommand::duration).map(d -> Instant.now().plus(d))
                .map(query::expiringBefore).orElse(query);
        for (IssuedCertificate c : context.service(CaService.class).search(context.session(), query)) {
            context.out().println(String.join("\t", c.serialHex(), c.profile().name().toLowerCase(Locale.ROOT),
                    c.status().name().toLowerCase(Locale.ROOT), c.notAfter().toString(), c.commonName(), c.subjectDn()));
        }
        return 0;
    }
}
