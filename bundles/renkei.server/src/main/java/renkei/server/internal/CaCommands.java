// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import renkei.ca.core.CaException;
import renkei.ca.core.CaRepositoryService;
import renkei.ca.core.CaService;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.CertificateQuery;
import renkei.ca.core.GeneratedCredential;
import renkei.ca.core.GridMapService;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.LicenseInfo;
import renkei.ca.core.PublishReport;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SignedCrl;
import renkei.platform.AtomicFiles;

/**
 * {@code renkei ca …}: issuance, revocation, CRLs, the repository and grid-mapfiles for the user
 * portal and operators' scripts. Spellings and outputs are interfaces: extend, never rename.
 * Certificates and CRLs are written atomically; serials print in upper-case hex as
 * {@code openssl x509 -serial} does.
 */
final class CaCommands {

    private CaCommands() {
    }

    static List<Command> all(Services services) {
        return List.of(new CaCert(services), new LicenseIssue(services), new LicenseList(services), new LicenseWithdraw(services),
                new Issue(services), new Revoke(services), new Crl(services), new Publish(services), new GridMap(services),
                new GridMapImport(services), new ListCertificates(services));
    }

    private static final class CaCert extends Command {

        CaCert(Services services) {
            super("ca cacert", "--out FILE [--der] - the CA certificate, PEM unless --der", services);
        }

        @Override
        int run(List<String> args, PrintStream out) throws Exception {
            Arguments options = new Arguments(args, Set.of("--out"), Set.of("--der"));
            byte[] der = services.require(CaService.class).caCertificate().getEncoded();
            write(Path.of(options.required("--out")), options.flag("--der") ? der : pem("CERTIFICATE", der));
            return 0;
        }
    }

    private static final class LicenseIssue extends Command {

        LicenseIssue(Services services) {
            super("ca license issue", "--hpci-id ID --eppn EPPN [--attr name=value]... - a license ID for a user (CA-05/06); "
                    + "prints the license ID alone", services);
        }

        @Override
        int run(List<String> args, PrintStream out) {
            Arguments options = new Arguments(args, Set.of("--hpci-id", "--eppn", "--attr"), Set.of());
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String attr : options.values("--attr")) {
                int equals = attr.indexOf('=');
                if (equals <= 0) {
                    throw new Arguments.UsageException("--attr needs name=value, got '" + attr + "'");
                }
                // A repeated attribute is multi-valued, the way IdP attributes such as eduPersonEntitlement are.
                attributes.merge(attr.substring(0, equals), attr.substring(equals + 1), (a, b) -> a + ";" + b);
            }
            attributes.put("hpciId", options.required("--hpci-id"));
            attributes.put("eduPersonPrincipalName", options.required("--eppn"));
            out.println(services.require(CaService.class).issueLicense(CliSession.local(), attributes));
            return 0;
        }
    }

    private static final class LicenseList extends Command {

        LicenseList(Services services) {
            super("ca license list", "[--hpci-id ID] [--limit N] - license IDs: id, state, HPCI-ID, ePPN, expires, serial", services);
        }

        @Override
        int run(List<String> args, PrintStream out) {
            Arguments options = new Arguments(args, Set.of("--hpci-id", "--limit"), Set.of());
            for (LicenseInfo license : services.require(CaService.class).licenses(CliSession.local(), options.value("--hpci-id"),
                    options.intValue("--limit", 100))) {
                out.println(String.join("\t", license.licenseId(), license.state().name(), license.hpciId(), license.eppn(),
                        license.expiresAt().toString(), license.redeemedSerial().orElse("-")));
            }
            return 0;
        }
    }

    private static final class LicenseWithdraw extends Command {

        LicenseWithdraw(Services services) {
            super("ca license withdraw", "--license-id L [--reason TEXT] - make an unused license ID unusable", services);
        }

        @Override
        int run(List<String> args, PrintStream out) {
            Arguments options = new Arguments(args, Set.of("--license-id", "--reason"), Set.of());
            services.require(CaService.class).withdrawLicense(CliSession.local(), options.required("--license-id"),
                    options.value("--reason").orElse(""));
            return 0;
        }
    }

    private static final class Issue extends Command {

        Issue(Services services) {
            super("ca issue", "--license-id L (--csr FILE --out FILE | --keygen --p12 FILE --passphrase-file F) | "
                    + "--profile host|service --csr FILE --out FILE [--cn NAME] - issue a certificate; prints its serial", services);
        }

        @Override
        int run(List<String> args, PrintStream out) throws Exception {
            Arguments options = new Arguments(args, Set.of("--license-id", "--csr", "--out", "--p12", "--passphrase-file",
                    "--profile", "--cn"), Set.of("--keygen"));
            CaService ca = services.require(CaService.class);
            IssuedCertificate issued;
            Optional<String> license = options.value("--license-id");
            if (license.isPresent() && options.flag("--keygen")) {
                Path p12 = Path.of(options.required("--p12"));
                char[] passphrase = Files.readString(Path.of(options.required("--passphrase-file")), StandardCharsets.UTF_8)
                        .strip().toCharArray();
                GeneratedCredential generated = ca.redeemLicenseWithKeyGeneration(CliSession.local(), license.get(), passphrase,
                        passphrase.clone());
                java.util.Arrays.fill(passphrase, '\0');
                write(p12, generated.pkcs12());
                issued = generated.certificate();
            } else if (license.isPresent()) {
                issued = ca.redeemLicense(CliSession.local(), license.get(), read(options.required("--csr")));
                write(Path.of(options.required("--out")), pem("CERTIFICATE", issued.der()));
            } else {
                String profile = options.value("--profile")
                        .orElseThrow(() -> new Arguments.UsageException("--license-id or --profile host|service is required"));
                CertificateProfile kind = switch (profile) {
                    case "host" -> CertificateProfile.HOST;
                    case "service" -> CertificateProfile.SERVICE;
                    default -> throw new Arguments.UsageException("--profile must be host or service, got '" + profile + "'");
                };
                issued = ca.issue(CliSession.local(), kind, read(options.required("--csr")), options.value("--cn"));
                write(Path.of(options.required("--out")), pem("CERTIFICATE", issued.der()));
            }
            out.println(issued.serialHex());
            return 0;
        }
    }

    private static final class Revoke extends Command {

        Revoke(Services services) {
            super("ca revoke", "--serial HEX --reason R [--reference TEXT] - revoke (RFC 5280 reason name, e.g. keyCompromise) "
                    + "and re-issue the CRL; prints the new CRL number", services);
        }

        @Override
        int run(List<String> args, PrintStream out) {
            Arguments options = new Arguments(args, Set.of("--serial", "--reason", "--reference"), Set.of());
            SignedCrl crl = services.require(CaService.class).revoke(CliSession.local(), options.required("--serial"),
                    RevocationReason.byName(options.required("--reason")), options.value("--reference").orElse(""));
            out.println(crl.number());
            return 0;
        }
    }

    private static final class Crl extends Command {

        Crl(Services services) {
            super("ca crl", "--out FILE [--der] [--issue] - the newest CRL (signing one if there is none, or with --issue), "
                    + "PEM unless --der", services);
        }

        @Override
        int run(List<String> args, PrintStream out) throws Exception {
            Arguments options = new Arguments(args, Set.of("--out"), Set.of("--der", "--issue"));
            Path file = Path.of(options.required("--out"));
            CaService ca = services.require(CaService.class);
            Optional<SignedCrl> latest = options.flag("--issue") ? Optional.empty() : ca.latestCrl();
            SignedCrl crl = latest.isPresent() && latest.get().der() != null ? latest.get() : ca.issueCrl(CliSession.local());
            write(file, options.flag("--der") ? crl.der() : pem("X509 CRL", crl.der()));
            return 0;
        }
    }

    private static final class Publish extends Command {

        Publish(Services services) {
            super("ca publish", "- write the CA repository (CA-09); prints each file with size and SHA-256", services);
        }

        @Override
        int run(List<String> args, PrintStream out) {
            new Arguments(args, Set.of(), Set.of());
            PublishReport report = services.require(CaRepositoryService.class).publish(CliSession.local());
            if (!report.succeeded()) {
                throw new CaException("publish to " + report.directory() + " failed: " + report.error().orElse(""));
            }
            for (PublishReport.PublishedFile file : report.files()) {
                out.println(String.join("\t", file.name(), Long.toString(file.size()), file.sha256()));
            }
            return 0;
        }
    }

    private static final class GridMap extends Command {

        GridMap(Services services) {
            super("ca gridmap", "--out FILE - the grid-mapfile from the mapping store (Globus format)", services);
        }

        @Override
        int run(List<String> args, PrintStream out) throws Exception {
            Arguments options = new Arguments(args, Set.of("--out"), Set.of());
            write(Path.of(options.required("--out")), services.require(GridMapService.class).render().getBytes(StandardCharsets.UTF_8));
            return 0;
        }
    }

    private static final class GridMapImport extends Command {

        GridMapImport(Services services) {
            super("ca gridmap import", "--in FILE [--apply] - read an existing grid-mapfile; prints counts and conflicts "
                    + "(exit 1 when there are conflicts); stores the conflict-free entries with --apply", services);
        }

        @Override
        int run(List<String> args, PrintStream out) throws Exception {
            Arguments options = new Arguments(args, Set.of("--in"), Set.of("--apply"));
            renkei.ca.core.GridMapImport result = services.require(GridMapService.class).importGridMapfile(CliSession.local(),
                    Files.readString(Path.of(options.required("--in")), StandardCharsets.UTF_8), options.flag("--apply"));
            out.println("entries=" + result.entries());
            out.println("added=" + result.added());
            out.println("changed=" + result.changed());
            out.println("unchanged=" + result.unchanged());
            out.println("applied=" + result.applied());
            result.conflicts().forEach(conflict -> out.println("conflict: " + conflict));
            return result.conflicts().isEmpty() ? 0 : 1;
        }
    }

    private static final class ListCertificates extends Command {

        ListCertificates(Services services) {
            super("ca list", "[--cn CN] [--hpci-id ID] [--eppn EPPN] [--serial HEX] [--dn TEXT] [--status valid|revoked] "
                    + "[--profile client|host|service] [--expiring-within P30D] [--limit N] - certificates, newest first: "
                    + "serial, profile, status, notAfter, CN, subject", services);
        }

        @Override
        int run(List<String> args, PrintStream out) {
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
            query = options.value("--expiring-within").map(CaKeyCommands::duration).map(d -> Instant.now().plus(d))
                    .map(query::expiringBefore).orElse(query);
            for (IssuedCertificate c : services.require(CaService.class).search(CliSession.local(), query)) {
                out.println(String.join("\t", c.serialHex(), c.profile().name().toLowerCase(Locale.ROOT),
                        c.status().name().toLowerCase(Locale.ROOT), c.notAfter().toString(), c.commonName(), c.subjectDn()));
            }
            return 0;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String option, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException(option + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT) + ", got '" + text + "'");
        }
    }

    private static byte[] read(String file) throws java.io.IOException {
        return Files.readAllBytes(Path.of(file));
    }

    private static byte[] pem(String type, byte[] der) {
        return renkei.ca.core.internal.Pem.encode(type, der).getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(Path file, byte[] content) throws java.io.IOException {
        AtomicFiles.write(file, content);
    }
}
