// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.GeneratedCredential;
import renkei.ca.core.IssuedCertificate;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;
import renkei.platform.cli.UsageException;

/** {@code renkei ca issue}: redeem a license ID (CSR or server-side key) or issue a host/service certificate; prints the serial. */
@Component(service = CliCommand.class)
public final class IssueCommand extends CaCliCommand {

    public IssueCommand() {
        super("ca issue", "--license-id L (--csr FILE --out FILE | --keygen --p12 FILE --passphrase-file F) | "
                + "--profile host|service --csr FILE --out FILE [--cn NAME] - issue a certificate; prints its serial");
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--license-id", "--csr", "--out", "--p12", "--passphrase-file",
                "--profile", "--cn"), Set.of("--keygen"));
        CaService ca = context.service(CaService.class);
        IssuedCertificate issued;
        Optional<String> license = options.value("--license-id");
        if (license.isPresent() && options.flag("--keygen")) {
            Path p12 = Path.of(options.required("--p12"));
            char[] passphrase = passphrase(options.required("--passphrase-file"));
            GeneratedCredential generated = ca.redeemLicenseWithKeyGeneration(context.session(), license.get(), passphrase,
                    passphrase.clone());
            Arrays.fill(passphrase, '\0');
            write(p12, generated.pkcs12());
            issued = generated.certificate();
        } else if (license.isPresent()) {
            issued = ca.redeemLicense(context.session(), license.get(), read(options.required("--csr")));
            write(Path.of(options.required("--out")), pem("CERTIFICATE", issued.der()));
        } else {
            String profile = options.value("--profile")
                    .orElseThrow(() -> new UsageException("--license-id or --profile host|service is required"));
            CertificateProfile kind = switch (profile) {
                case "host" -> CertificateProfile.HOST;
                case "service" -> CertificateProfile.SERVICE;
                default -> throw new UsageException("--profile must be host or service, got '" + profile + "'");
            };
            issued = ca.issue(context.session(), kind, read(options.required("--csr")), options.value("--cn"));
            write(Path.of(options.required("--out")), pem("CERTIFICATE", issued.der()));
        }
        context.out().println(issued.serialHex());
        return 0;
    }
}
