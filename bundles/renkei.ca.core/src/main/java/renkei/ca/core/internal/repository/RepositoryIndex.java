// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import renkei.ca.core.PublishReport;
import renkei.ca.core.SignedCrl;

/**
 * The repository's {@code index.html}: what a relying party needs to check what it downloads —
 * each file with its size and SHA-256, the CA subject and fingerprints, and the CRL's number and
 * validity.
 *
 * <p>Stateless; thread-safe.
 */
final class RepositoryIndex {

    private RepositoryIndex() {
    }

    static String html(String caSubject, String sha256Line, String sha1Line, SignedCrl crl, List<PublishReport.PublishedFile> files,
            Instant publishedAt) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n<title>CA repository: ")
                .append(escape(caSubject)).append("</title>\n</head>\n<body>\n");
        html.append("<h1>CA repository</h1>\n<dl>\n");
        entry(html, "CA subject", caSubject);
        entry(html, "SHA-256 fingerprint", value(sha256Line));
        entry(html, "SHA-1 fingerprint", value(sha1Line));
        entry(html, "CRL number", crl.number().toString());
        entry(html, "CRL thisUpdate", crl.thisUpdate().truncatedTo(ChronoUnit.SECONDS).toString());
        entry(html, "CRL nextUpdate", crl.nextUpdate().truncatedTo(ChronoUnit.SECONDS).toString());
        entry(html, "Published", publishedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        html.append("</dl>\n<table>\n<tr><th>File</th><th>Size (bytes)</th><th>SHA-256</th></tr>\n");
        for (PublishReport.PublishedFile file : files) {
            html.append("<tr><td><a href=\"").append(escape(file.name())).append("\">").append(escape(file.name()))
                    .append("</a></td><td>").append(file.size()).append("</td><td><code>").append(file.sha256())
                    .append("</code></td></tr>\n");
        }
        html.append("</table>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void entry(StringBuilder html, String term, String value) {
        html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String value(String fingerprintLine) {
        return fingerprintLine.substring(fingerprintLine.indexOf('=') + 1).strip();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
