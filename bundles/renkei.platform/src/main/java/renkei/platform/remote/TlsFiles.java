// SPDX-License-Identifier: EPL-2.0
package renkei.platform.remote;

import java.nio.file.Path;

import renkei.platform.RenkeiHome;

/**
 * Where a home keeps its TLS material, and the settings that turn it into a server or a connected
 * client. Passphrases are secrets in the home's {@link renkei.platform.SecretStore}, never files.
 */
public final class TlsFiles {

    /** {@code renkei.properties}: present in a connected home, e.g. {@code https://ops.example.jp:8443}. */
    public static final String SERVER_URL = "server.url";
    public static final String HTTPS_PORT = "server.https.port";
    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final String HTTPS_ADDRESS = "server.https.address";
    public static final String DEFAULT_HTTPS_ADDRESS = "127.0.0.1";

    /** Secret alias of the server key store's passphrase. */
    public static final String SERVER_PASSPHRASE = "server.tls.passphrase";
    /** Secret alias of the client key store's passphrase. */
    public static final String CLIENT_PASSPHRASE = "client.tls.passphrase";

    private TlsFiles() {
    }

    /** PKCS#12 with the server's key and certificate chain ({@code renkei server certificate}). */
    public static Path serverKeyStore(RenkeiHome home) {
        return home.resolve("tls").resolve("server.p12");
    }

    /** PKCS#12 with the operator's client key and certificate ({@code renkei connect}). */
    public static Path clientKeyStore(RenkeiHome home) {
        return home.resolve("tls").resolve("client.p12");
    }

    /** The CA certificate a connected home pins: the only issuer it accepts for the server. */
    public static Path pinnedCaCertificate(RenkeiHome home) {
        return home.resolve("tls").resolve("ca.pem");
    }
}
