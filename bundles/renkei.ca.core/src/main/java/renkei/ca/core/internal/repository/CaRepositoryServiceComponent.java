// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.CaException;
import renkei.ca.core.CaRepositoryService;
import renkei.ca.core.CaService;
import renkei.ca.core.GridMapService;
import renkei.ca.core.PublishReport;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.internal.CaSchema;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.Pem;
import renkei.platform.AuditLog;
import renkei.platform.Database;
import renkei.platform.Session;
import renkei.platform.SiteConfig;
import renkei.ca.core.internal.CaAccess;

/**
 * Publishes the CA repository (CA-09) into {@code ca.repository.dir}: CA certificate (PEM, DER),
 * its SHA-256 and SHA-1 fingerprints, the newest CRL (DER, PEM), the CP/CPS document when
 * {@code ca.repository.cps} names one, the grid-mapfile (previous one kept as {@code .old}) and
 * {@code index.html}.
 *
 * <p>Every file is first written in full to a staging directory inside the repository, where a
 * full disk or a permission problem shows up before anything served has changed; then each is
 * renamed over its target, the index last, so a reader never finds an index describing files that
 * are not there yet. Each publish, failed ones included, is recorded for {@link #lastPublish()}
 * and audited in the {@code ca} category. Needs {@code CA_OPERATOR}.
 *
 * <p>Thread-safe; publishes from one process are serialised so two never interleave their renames.
 */
@Component(service = CaRepositoryService.class)
public final class CaRepositoryServiceComponent implements CaRepositoryService {

    static final String INDEX = "index.html";

    private final Database database;
    private final CaAccess access;
    private final Path directory;
    private final Optional<Path> cpsDocument;
    private final Supplier<X509Certificate> caCertificate;
    private final Supplier<Optional<SignedCrl>> latestCrl;
    private final Supplier<String> gridMapfile;
    private final Clock clock;
    private final PublishLog log = new PublishLog();
    private final Object publishing = new Object();

    @Activate
    public CaRepositoryServiceComponent(@Reference Database database, @Reference AuditLog audit, @Reference SiteConfig config,
            @Reference CaService ca, @Reference GridMapService gridMaps) {
        this(database, audit, CaSettings.from(config).repositoryDirectory(), CaSettings.from(config).cpsDocument(),
                ca::caCertificate, ca::latestCrl, gridMaps::render, Clock.systemUTC());
    }

    /** For tests and tools: the CA certificate, CRL and grid-mapfile come from the suppliers. */
    public CaRepositoryServiceComponent(Database database, AuditLog audit, Path directory, Optional<Path> cpsDocument,
            Supplier<X509Certificate> caCertificate, Supplier<Optional<SignedCrl>> latestCrl, Supplier<String> gridMapfile,
            Clock clock) {
        this.database = database;
        this.access = new CaAccess(audit);
        this.directory = directory;
        this.cpsDocument = cpsDocument;
        this.caCertificate = caCertificate;
        this.latestCrl = latestCrl;
        this.gridMapfile = gridMapfile;
        this.clock = clock;
        database.migrate(CaSchema.migrations());
    }

    @Override
    public PublishReport publish(Session by) {
        access.require(by, "ca.repository.publish", directory.toString(), CaAccess.CHANGE);
        synchronized (publishing) {
            Instant at = clock.instant();
            PublishReport report;
            try {
                report = new PublishReport(at, by.username(), directory.toString(), write(contents(at)), Optional.empty());
            } catch (CaException e) {
                report = failed(at, by, e.getMessage());
            } catch (IOException | RuntimeException e) {
                report = failed(at, by, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            PublishReport recorded = report;
            database.withConnection(c -> {
                log.record(c, recorded);
                return null;
            });
            if (report.succeeded()) {
                access.success(by, "ca.repository.publish", directory.toString(),
                        "files=" + String.join(",", report.files().stream().map(PublishReport.PublishedFile::name).toList()));
            } else {
                access.failure(by, "ca.repository.publish", directory.toString(), report.error().orElseThrow());
            }
            return report;
        }
    }

    @Override
    public Optional<PublishReport> lastPublish() {
        return database.withConnection(log::newest);
    }

    private PublishReport failed(Instant at, Session by, String cause) {
        return new PublishReport(at, by.username(), directory.toString(), List.of(),
                Optional.of("Repository not published, previous files left as they were: " + cause));
    }

    /** Every file's bytes, data files in publish order and the index last; nothing is written yet. */
    private Map<String, byte[]> contents(Instant at) throws IOException {
        X509Certificate certificate = caCertificate.get();
        SignedCrl crl = latestCrl.get().orElseThrow(() -> CaException.of("repository.noCrl"));
        byte[] der = RepositoryFiles.der(certificate);
        String sha256 = RepositoryFiles.fingerprintLine(certificate, "sha256");
        String sha1 = RepositoryFiles.fingerprintLine(certificate, "sha1");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ca.pem", Pem.encode("CERTIFICATE", der).getBytes(StandardCharsets.US_ASCII));
        files.put("ca.der", der);
        files.put("ca.sha256", sha256.getBytes(StandardCharsets.US_ASCII));
        files.put("ca.sha1", sha1.getBytes(StandardCharsets.US_ASCII));
        files.put("ca.crl", crl.der());
        files.put("ca.crl.pem", Pem.encode("X509 CRL", crl.der()).getBytes(StandardCharsets.US_ASCII));
        if (cpsDocument.isPresent()) {
            Path cps = cpsDocument.get();
            String name = cps.getFileName().toString();
            if (files.containsKey(name) || name.equals(INDEX) || name.startsWith(GridMapRenderer.FILE_NAME)) {
                throw CaException.of("repository.cpsNameClash", cps);
            }
            try {
                files.put(name, Files.readAllBytes(cps));
            } catch (IOException e) {
                throw new CaException("Cannot read the CP/CPS document " + cps + " (ca.repository.cps): " + e, e);
            }
        }
        files.put(GridMapRenderer.FILE_NAME, gridMapfile.get().getBytes(StandardCharsets.UTF_8));
        List<PublishReport.PublishedFile> listed = describe(files);
        String subject = GlobusNames.slashForm(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
        files.put(INDEX, RepositoryIndex.html(subject, sha256, sha1, crl, listed, at).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private List<PublishReport.PublishedFile> write(Map<String, byte[]> files) throws IOException {
        Files.createDirectories(directory);
        Path staging = Files.createTempDirectory(directory, ".publish-");
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
            GridMapRenderer.keepOld(directory.resolve(GridMapRenderer.FILE_NAME), files.get(GridMapRenderer.FILE_NAME));
            for (String name : files.keySet()) {
                move(staging.resolve(name), directory.resolve(name));
            }
        } finally {
            try (Stream<Path> left = Files.list(staging)) {
                for (Path path : left.toList()) {
                    Files.deleteIfExists(path);
                }
            }
            Files.deleteIfExists(staging);
        }
        return describe(files);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<PublishReport.PublishedFile> describe(Map<String, byte[]> files) {
        List<PublishReport.PublishedFile> described = new ArrayList<>();
        files.forEach((name, content) -> described.add(new PublishReport.PublishedFile(name, content.length,
                RepositoryFiles.sha256Hex(content))));
        return List.copyOf(described);
    }
}
