// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.platform.remote.PublicDirectory;

class StaticFilesTest {

    @TempDir
    Path root;

    private PublicDirectory repository() {
        Path directory = root.resolve("repository");
        return new PublicDirectory() {
            @Override
            public String name() {
                return "repository";
            }

            @Override
            public Path directory() {
                return directory;
            }
        };
    }

    @Test
    void servesFilesWithTheirTypesAndListsADirectoryWithoutIndex() throws Exception {
        PublicDirectory repository = repository();
        Files.createDirectories(repository.directory());
        Files.write(repository.directory().resolve("ca.crl"), new byte[] { 0x30, 0x01 });
        Files.writeString(repository.directory().resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");

        StaticFiles.Page crl = StaticFiles.serve(repository, "ca.crl");
        assertEquals(200, crl.status());
        assertEquals("application/pkix-crl", crl.contentType());
        assertEquals(2, crl.body().length);
        assertEquals("application/x-pem-file", StaticFiles.serve(repository, "ca.pem").contentType());
        String listing = new String(StaticFiles.serve(repository, "").body(), StandardCharsets.UTF_8);
        assertTrue(listing.contains("href=\"ca.crl\"") && listing.contains("href=\"ca.pem\""), listing);
    }

    @Test
    void nothingOutsideTheDirectoryNorHiddenNorThroughALink() throws Exception {
        PublicDirectory repository = repository();
        Files.createDirectories(repository.directory());
        Files.writeString(root.resolve("renkei.properties"), "db.password=x\n");
        Files.writeString(repository.directory().resolve(".secret"), "x");
        Files.createSymbolicLink(repository.directory().resolve("link"), root.resolve("renkei.properties"));

        for (String path : new String[] { "../renkei.properties", "%2e%2e/renkei.properties", "..%2frenkei.properties", ".secret",
                "link", "missing.crl", "sub/../../renkei.properties" }) {
            assertEquals(404, StaticFiles.serve(repository, path).status(), path);
        }
        String listing = new String(StaticFiles.serve(repository, "").body(), StandardCharsets.UTF_8);
        assertTrue(!listing.contains(".secret") && !listing.contains("link"), listing);
    }
}
