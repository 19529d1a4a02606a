// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import renkei.ca.core.IssuedCertificate;

/** What {@code server certificate} and {@code operator certificate} print, and how their key files are kept. */
final class TlsOutput {

    private TlsOutput() {
    }

    static void print(IssuedCertificate issued, Path file, PrintStream out) {
        out.println("subject=" + issued.subjectDn());
        out.println("serial=" + issued.serialHex());
        out.println("notAfter=" + issued.notAfter());
        out.println("keystore=" + file.toAbsolutePath());
    }

    /** Writes a key store readable by its owner only: it holds a private key. */
    static void writeOwnerOnly(Path file, byte[] content) throws java.io.IOException {
        CaCliCommand.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX: the directory's permissions must do.
        }
    }
}
