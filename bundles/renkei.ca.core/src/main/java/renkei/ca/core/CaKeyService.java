// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Duration;
import java.util.List;

import renkei.platform.Session;
import renkei.platform.remote.RemoteService;

/**
 * The CA signing key (CA-02, CA-12): the key ceremony, and dual-control activation. The key lives in
 * a PKCS#12 keystore (demo default) or a PKCS#11 token; no method returns it or writes it out in
 * clear. It signs only while activated: two different CA operators, each freshly authenticated with
 * password and TOTP, activate it for a period (at most the configured maximum) or until one
 * deactivates it. Activation is shared through the database, so every console and server sharing it
 * sees the same state. Every ceremony, activation, deactivation and refusal is audited in the
 * {@code hsm} category.
 *
 * <p>Thread-safe; methods block. Posts EventAdmin topic {@link #TOPIC_KEY} when the state changes.
 *
 * <p>Exported to connected consoles: the ceremony and activation check their sessions themselves
 * (freshly logged-in CA operators with TOTP); the status and the CA certificate are for any
 * logged-in operator.
 *
 * @noimplement
 */
@RemoteService
public interface CaKeyService {

    String TOPIC_KEY = "renkei/ca/key";

    /** Sessions used for activation must have authenticated with TOTP within this time. */
    Duration FRESH_LOGIN = Duration.ofMinutes(5);

    KeyStatus status();

    /** The CA certificate; public, so available whether or not the key is activated. */
    java.security.cert.X509Certificate caCertificate();

    /**
     * Key ceremony: generates the RSA-2048 CA key in the configured key store and a self-signed
     * certificate valid ten years with keyCertSign + cRLSign, for the configured CA subject.
     * Refused when a CA already exists.
     *
     * @param witnesses names of further people who attended, recorded with the ceremony
     */
    CeremonyRecord createCa(Session first, Session second, List<String> witnesses);

    /** Activates the key for {@code period}; the two sessions must be different CA operators. */
    KeyStatus activate(Session first, Session second, Duration period);

    /** Ends the activation at once; any CA operator may do this alone. */
    KeyStatus deactivate(Session by, String reason);
}
