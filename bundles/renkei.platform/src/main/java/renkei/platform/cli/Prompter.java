// SPDX-License-Identifier: EPL-2.0
package renkei.platform.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import renkei.platform.AuthenticationException;
import renkei.platform.IdentityService;
import renkei.platform.Session;

/**
 * Asks for lines: on a terminal it prompts (secrets without echo); otherwise it reads standard
 * input line by line, so a script pipes each answer as one line. Standard input is wrapped once and
 * shared, so several operators can answer in turn from one pipe.
 *
 * <p>Not thread-safe; the CLI uses one on its main thread.
 */
public final class Prompter {

    private final BufferedReader in;
    private final Console console;

    /** Standard input, or the terminal when there is one. */
    public Prompter() {
        this(System.in, System.console());
    }

    /** @param console the terminal to prompt on, or {@code null} to read {@code in} */
    public Prompter(InputStream in, Console console) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.console = console;
    }

    /** One line, stripped. */
    public String line(String prompt) throws IOException {
        if (console != null) {
            return orEnd(console.readLine("%s", prompt), prompt).strip();
        }
        return orEnd(in.readLine(), prompt).strip();
    }

    /** One line without echo on a terminal; the caller clears the array. */
    public char[] secret(String prompt) throws IOException {
        if (console != null) {
            char[] value = console.readPassword("%s", prompt);
            if (value == null) {
                throw ended(prompt);
            }
            return value;
        }
        return orEnd(in.readLine(), prompt).strip().toCharArray();
    }

    /**
     * Authenticates {@code username} for a dual-control step: a password line, then a TOTP code
     * line, whether or not the account has a second factor (CA operators always do).
     */
    public Session login(IdentityService identity, String username) throws IOException, AuthenticationException {
        char[] password = secret(username + " password: ");
        try {
            String code = line(username + " TOTP code: ");
            return identity.authenticate(username, password, code);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String orEnd(String value, String prompt) {
        if (value == null) {
            throw ended(prompt);
        }
        return value;
    }

    private static UsageException ended(String prompt) {
        return new UsageException("standard input ended before " + prompt.strip());
    }
}
