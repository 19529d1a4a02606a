// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.remote;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.internal.CaSettings;
import renkei.platform.SiteConfig;
import renkei.platform.remote.PublicDirectory;

/**
 * The CA repository (CA-09) for the server's HTTPS endpoint to serve at {@code /repository/}:
 * the directory {@code ca publish} writes ({@code ca.repository.dir}), so relying parties fetch the
 * CA certificate and CRLs over HTTPS, as CA-09 asks, without a client certificate.
 *
 * <p>Immutable.
 */
@Component(service = PublicDirectory.class)
public final class RepositoryDirectory implements PublicDirectory {

    static final String NAME = "repository";

    private final Path directory;

    @Activate
    public RepositoryDirectory(@Reference SiteConfig config) {
        this(CaSettings.from(config).repositoryDirectory());
    }

    public RepositoryDirectory(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Path directory() {
        return directory;
    }
}
