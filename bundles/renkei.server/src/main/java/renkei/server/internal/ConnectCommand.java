// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import renkei.platform.AtomicFiles;
import renkei.platform.RenkeiHome;
import renkei.platform.SecretStores;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliContext;
import renkei.platform.remote.TlsFiles;

/**
 * {@code renkei connect}: makes a directory a connected home, one whose console and CLI work
 * through the server at {@code server.url} instead of a database of their own. Everything is checked
 * before anything is written (the URL is https, the PKCS#12 opens with the passphrase, its
 * certificate was issued by the given CA, is meant for client authentication and is within its
 * validity), so a refused connect leaves the directory as it was.
 */
final class ConnectCommand extends Command {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    ConnectCommand() {
        super("connect", "--home DIR --server-url https://HOST:PORT --ca-cert FILE --p12 FILE --passphrase-file F - make DIR "
                + "a connected home: server.url in its renkei.properties, the pinned CA certificate and the operator's "
                + "client key store under DIR/tls, the passphrase in DIR's keystore; no database", false);
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--home", "--server-url", "--ca-cert", "--p12", "--passphrase-file"), Set.of());
        RenkeiHome home = new RenkeiHome(Path.of(options.required("--home")));
        String url = httpsUrl(options.required("--server-url"));
        X509Certificate ca = certificate(Path.of(options.required("--ca-cert")));
        Path p12 = Path.of(options.required("--p12"));
        byte[] keyStoreBytes = Files.readAllBytes(p12);
        String passphrase = Files.readString(Path.of(options.required("--passphrase-file")), StandardCharsets.UTF_8).strip();
        X509Certificate client = clientCertificate(keyStoreBytes, passphrase, p12);
        checkIssuedFor(client, ca, p12);

        Files.createDirectories(home.root());
        ownerOnlyDirectory(home.root());
        Files.createDirectories(TlsFiles.clientKeyStore(home).getParent());
        ownerOnlyDirectory(TlsFiles.clientKeyStore(home).getParent());
        AtomicFiles.write(TlsFiles.pinnedCaCertificate(home), pem(ca.getEncoded()));
        AtomicFiles.write(TlsFiles.clientKeyStore(home), keyStoreBytes);
        CliSessionFile.ownerOnly(TlsFiles.clientKeyStore(home));
        SecretStores.open(home).put(TlsFiles.CLIENT_PASSPHRASE, passphrase);
        writeServerUrl(home, url);
        context.out().println("connected home " + home + " to " + url + " as " + client.getSubjectX500Principal().getName()
                + " (serial " + client.getSerialNumber().toString(16).toUpperCase(Locale.ROOT) + ", notAfter "
                + client.getNotAfter().toInstant() + ")");
        return 0;
    }

    static String httpsUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("--server-url must be an https:// URL with a host name, got '" + text + "'");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--server-url is not a URL: " + e.getMessage(), e);
        }
    }

    static X509Certificate certificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + " is not an X.509 certificate (PEM or DER)", e);
        }
    }

    /** The certificate of the PKCS#12's one key entry. */
    static X509Certificate clientCertificate(byte[] keyStoreBytes, String passphrase, Path file) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(keyStoreBytes), passphrase.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open " + file + " with the passphrase given (" + e.getMessage() + ")", e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return certificate;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(file + " holds no private key with its certificate");
    }

    /** Issued by {@code ca}, for client authentication, valid now. */
    static void checkIssuedFor(X509Certificate client, X509Certificate ca, Path file) {
        try {
            if (!client.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                throw new GeneralSecurityException("issuer differs");
            }
            client.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the certificate in " + file + " (" + client.getSubjectX500Principal().getName()
                    + ") was not issued by the CA certificate given (" + ca.getSubjectX500Principal().getName() + ")", e);
        }
        List<String> usages;
        try {
            usages = client.getExtendedKeyUsage() == null ? List.of() : new ArrayList<>(client.getExtendedKeyUsage());
        } catch (CertificateException e) {
            usages = List.of();
        }
        if (!usages.contains(CLIENT_AUTH)) {
            throw new IllegalArgumentException("the certificate in " + file + " is not for client authentication "
                    + "(no extendedKeyUsage clientAuth); issue one with 'renkei operator certificate'");
        }
        try {
            client.checkValidity();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the certificate in " + file + " is not valid now (notBefore "
                    + client.getNotBefore().toInstant() + ", notAfter " + client.getNotAfter().toInstant() + ")", e);
        }
    }

    /** Sets {@code server.url}, keeping every other line (and comment) of an existing file. */
    static void writeServerUrl(RenkeiHome home, String url) throws IOException {
        List<String> lines = Files.isRegularFile(home.configFile())
                ? new ArrayList<>(Files.readAllLines(home.configFile(), StandardCharsets.UTF_8)) : new ArrayList<>();
        // A URI has no backslash, the one character a properties value would need escaped.
        String setting = TlsFiles.SERVER_URL + "=" + url;
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().matches("server\\.url\\s*[=:\\s].*|server\\.url")) {
                lines.set(i, setting);
                replaced = true;
            }
        }
        if (!replaced) {
            if (lines.isEmpty()) {
                lines.add("# Connected home, made by `renkei connect`: the console and CLI work through this server.");
            }
            lines.add(setting);
        }
        AtomicFiles.write(home.configFile(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void ownerOnlyDirectory(Path directory) throws IOException {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX: nothing to tighten.
        }
    }

    private static byte[] pem(byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
