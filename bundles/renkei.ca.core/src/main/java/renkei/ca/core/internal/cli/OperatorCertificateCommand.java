// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.PassphrasePolicy;
import renkei.ca.core.internal.Pem;
import renkei.ca.core.internal.Pkcs12Credentials;
import renkei.platform.SiteConfig;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/**
 * {@code renkei operator certificate}: an operator's TLS client key and certificate for
 * {@code renkei connect}. The key is made here and written only into the PKCS#12, under the
 * passphrase of the given file, which must pass the CA's passphrase rules like a user's.
 */
@Component(service = CliCommand.class)
public final class OperatorCertificateCommand extends CaCliCommand {

    public OperatorCertificateCommand() {
        super("operator certificate", "--user U --p12 FILE --passphrase-file F - TLS client key and certificate of an "
                + "existing, enabled operator (profile operator: CN the user name, clientAuth; needs CA_OPERATOR and the "
                + "activated CA key; a new one supersedes the previous) into PKCS#12 FILE (0600) under the passphrase of F, "
                + "for 'renkei connect'; prints subject, serial, notAfter");
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--user", "--p12", "--passphrase-file"), Set.of());
        String user = options.required("--user");
        Path file = Path.of(options.required("--p12"));
        char[] passphrase = passphrase(options.required("--passphrase-file"));
        try {
            new PassphrasePolicy(CaSettings.from(context.service(SiteConfig.class)).minPassphraseLength())
                    .check(passphrase, passphrase, user);
            CaService ca = context.service(CaService.class);
            Pkcs12Credentials credentials = new Pkcs12Credentials();
            KeyPair pair = credentials.generateKeyPair();
            IssuedCertificate issued = ca.issueOperator(context.session(), request(pair, user), user);
            TlsOutput.writeOwnerOnly(file, credentials.pkcs12(pair.getPrivate(), Pem.certificate(issued.der()), ca.caCertificate(),
                    issued.commonName(), passphrase));
            TlsOutput.print(issued, file, context.out());
            return 0;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}
