// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.internal.Pem;
import renkei.ca.core.internal.Pkcs12Credentials;
import renkei.platform.SecretStore;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;
import renkei.platform.cli.UsageException;
import renkei.platform.remote.TlsFiles;

/**
 * {@code renkei server certificate}: the TLS key and certificate of this home's HTTPS endpoint. The
 * key is made here and never leaves this process except inside the PKCS#12 (AES-256-CBC, PBKDF2,
 * like the CA's other PKCS#12 files); the CA signs the request (profile SERVER), and the PKCS#12's
 * random passphrase goes to the home's keystore, not a file.
 */
@Component(service = CliCommand.class)
public final class ServerCertificateCommand extends CaCliCommand {

    private static final SecureRandom RANDOM = new SecureRandom();

    public ServerCertificateCommand() {
        super("server certificate", "--hostname FQDN [--hostname NAME]... - TLS key and certificate of this home's HTTPS "
                + "endpoint (profile server: CN the first name, a subjectAltName for each, serverAuth; needs CA_OPERATOR and "
                + "the activated CA key) into RENKEI_HOME/tls/server.p12, its passphrase in the keystore; prints subject, "
                + "serial, notAfter");
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--hostname"), Set.of());
        List<String> hostNames = options.values("--hostname");
        if (hostNames.isEmpty()) {
            throw new UsageException("--hostname is required");
        }
        CaService ca = context.service(CaService.class);
        Pkcs12Credentials credentials = new Pkcs12Credentials();
        KeyPair pair = credentials.generateKeyPair();
        IssuedCertificate issued = ca.issueServer(context.session(), request(pair, hostNames.get(0)), hostNames);

        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] pkcs12 = credentials.pkcs12(pair.getPrivate(), Pem.certificate(issued.der()), ca.caCertificate(), "server",
                passphrase.toCharArray());
        Path file = TlsFiles.serverKeyStore(context.home());
        Files.createDirectories(file.getParent());
        try {
            Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX: nothing to tighten.
        }
        // Secret first: a server restarted between the two steps fails to open the old file and says
        // so, rather than serving with a key store nobody can read again.
        context.service(SecretStore.class).put(TlsFiles.SERVER_PASSPHRASE, passphrase);
        TlsOutput.writeOwnerOnly(file, pkcs12);
        TlsOutput.print(issued, file, context.out());
        return 0;
    }
}
