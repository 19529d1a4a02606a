// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import renkei.ca.core.CaException;
import renkei.ca.core.internal.Pem;
import renkei.platform.AtomicFiles;
import renkei.platform.IdentityService;
import renkei.platform.Session;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;
import renkei.platform.cli.UsageException;

/**
 * Base of the CA's {@code renkei ca …} commands: name, usage and the helpers they share. Spellings
 * and outputs are interfaces operators' scripts and the user portal depend on: extend, never
 * rename. Certificates and CRLs are written atomically; serials print in upper-case hex as
 * {@code openssl x509 -serial} does.
 */
abstract class CaCliCommand implements CliCommand {

    private final String name;
    private final String usage;

    CaCliCommand(String name, String usage) {
        this.name = name;
        this.usage = usage;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String usage() {
        return usage;
    }

    static byte[] read(String file) throws IOException {
        return Files.readAllBytes(Path.of(file));
    }

    static byte[] pem(String type, byte[] der) {
        return Pem.encode(type, der).getBytes(StandardCharsets.US_ASCII);
    }

    static void write(Path file, byte[] content) throws IOException {
        AtomicFiles.write(file, content);
    }

    /** A passphrase file's first line, as {@code ca issue --keygen} has always read it. */
    static char[] passphrase(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip().toCharArray();
    }

    static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new UsageException("needs an ISO-8601 duration such as PT8H or P30D, got '" + text + "'");
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String option, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " must be one of " + Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT) + ", got '" + text + "'");
        }
    }

    /**
     * Dual control: two different operators named by {@code --operator}, each answering a password
     * and a TOTP line. Their sessions serve this one step; the caller logs them out afterwards.
     */
    static Session[] twoOperators(CliContext context, Arguments options) throws Exception {
        List<String> names = options.values("--operator");
        if (names.size() != 2) {
            throw new UsageException("exactly two --operator options are required (dual control)");
        }
        if (names.get(0).equals(names.get(1))) {
            throw new UsageException("the two --operator options must name two different CA operators (dual control)");
        }
        IdentityService identity = context.service(IdentityService.class);
        Session first = context.prompter().login(identity, names.get(0));
        try {
            return new Session[] { first, context.prompter().login(identity, names.get(1)) };
        } catch (Exception e) {
            identity.logout(first);
            throw e;
        }
    }

    /** Ends the sessions a dual-control step opened; they were for that step only. */
    static void logout(CliContext context, Session... sessions) {
        IdentityService identity = context.service(IdentityService.class);
        for (Session session : sessions) {
            identity.logout(session);
        }
    }

    /** A PKCS#10 request for a key made here, so the private key never leaves this process. */
    static byte[] request(KeyPair pair, String commonName) {
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            return new JcaPKCS10CertificationRequestBuilder(subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())).getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new CaException("Cannot build the certificate request: " + e.getMessage(), e);
        }
    }
}
