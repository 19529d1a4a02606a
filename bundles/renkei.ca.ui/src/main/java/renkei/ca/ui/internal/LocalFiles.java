// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;

import renkei.platform.AtomicFiles;

/**
 * Files the operator picks in the CA dialogs: CSRs read with a size cap, certificates and PKCS#12
 * files written atomically so a half-written credential never lies around. Blocking; call from jobs.
 */
final class LocalFiles {

    /** Far above any PEM or DER PKCS#10 request; the CA refuses oversized ones anyway. */
    private static final long MAX_CSR_BYTES = 64 * 1024;

    private LocalFiles() {
    }

    static byte[] readCsr(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_CSR_BYTES) {
                throw new IllegalArgumentException(NLS.bind(Messages.Files_csrTooLarge, file, size));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(NLS.bind(Messages.Files_cannotRead, file), e);
        }
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(NLS.bind(Messages.Files_cannotRead, file), e);
        }
    }

    static void write(Path file, byte[] content) {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(NLS.bind(Messages.Files_cannotWrite, file), e);
        }
    }
}
