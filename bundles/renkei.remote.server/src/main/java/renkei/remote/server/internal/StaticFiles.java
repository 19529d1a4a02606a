// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import renkei.platform.remote.PublicDirectory;

/**
 * Read-only files of a {@link PublicDirectory} for anyone (relying parties fetching the CRL). Only
 * regular files directly inside the directory or its subdirectories, never through a symbolic link,
 * never a hidden file; a directory without {@code index.html} gets a generated listing.
 */
final class StaticFiles {

    /** What to send: status, content type, body. */
    record Page(int status, String contentType, byte[] body, Optional<Instant> lastModified) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "crl", "application/pkix-crl", "cer", "application/pkix-cert", "der", "application/pkix-cert",
            "crt", "application/pkix-cert", "pem", "application/x-pem-file", "html", "text/html; charset=utf-8",
            "txt", "text/plain; charset=utf-8", "json", "application/json; charset=utf-8", "pdf", "application/pdf",
            "sha256", "text/plain; charset=utf-8");
    private static final DateTimeFormatter LISTING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private StaticFiles() {
    }

    /** @param rest the path below {@code /<name>/}, still URL-encoded */
    static Page serve(PublicDirectory directory, String rest) throws IOException {
        String decoded = URLDecoder.decode(rest, StandardCharsets.UTF_8);
        Path root = directory.directory().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return notFound();
        }
        Path target = root;
        for (String segment : decoded.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals("..") || segment.equals(".") || segment.startsWith(".") || segment.contains("\\")
                    || segment.indexOf('\0') >= 0) {
                return notFound();
            }
            target = target.resolve(segment);
            if (Files.isSymbolicLink(target)) {
                return notFound();
            }
        }
        if (!target.normalize().startsWith(root)) {
            return notFound();
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            Path index = target.resolve("index.html");
            if (Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
                return file(index);
            }
            return listing(root, target);
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return notFound();
        }
        return file(target);
    }

    private static Page file(Path file) throws IOException {
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = name.equals("grid-mapfile") ? "text/plain; charset=utf-8" : TYPES.getOrDefault(extension, "application/octet-stream");
        return new Page(200, type, Files.readAllBytes(file), Optional.of(Files.getLastModifiedTime(file).toInstant()));
    }

    private static Page listing(Path root, Path directory) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape("/" + root.relativize(directory))).append("</title></head><body><ul>\n");
        List<Path> entries;
        try (Stream<Path> list = Files.list(directory)) {
            entries = list.filter(p -> !p.getFileName().toString().startsWith(".") && !Files.isSymbolicLink(p)).sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString() + (Files.isDirectory(entry) ? "/" : "");
            html.append("<li><a href=\"").append(escape(name)).append("\">").append(escape(name)).append("</a> ")
                    .append(LISTING_TIME.format(Files.getLastModifiedTime(entry).toInstant())).append("</li>\n");
        }
        html.append("</ul></body></html>\n");
        return new Page(200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static Page notFound() {
        return new Page(404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
