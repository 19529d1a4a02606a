// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

/**
 * Logs the demo's operators in for other bundles' {@link DemoSeeder}s (the demo CA's key ceremony
 * needs two CA operators), with their fixed demo password and a code from their fixed demo TOTP
 * secret, as a person trying the demo would. Useless outside a demo home: real accounts have other
 * passwords and secrets, and the identity service checks both. Published by the platform's own
 * seeder; never exported to remote clients.
 *
 * @noimplement
 */
public interface DemoOperators {

    /**
     * Logs {@code username} in with the code of the previous 30-second TOTP step, which the verifier
     * still accepts: a code is good once, so using the current one would make the operator's own
     * login right after {@code demo init} fail as a reused code.
     */
    Session login(String username) throws AuthenticationException;
}
