// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.SiteConfig;

/**
 * Installs the site's own bundles from {@code $RENKEI_HOME/site-bundles/*.jar} at start-up, so a
 * site extends an installed console or server by dropping a jar in, without rebuilding the
 * product. Bundles whose jar was removed are uninstalled; a jar that fails to install or start is
 * logged and skipped, never stopping the platform.
 */
@Component(immediate = true)
public final class SiteBundleInstaller {

    static final String LOCATION_PREFIX = "reference:file:";
    private static final Logger LOG = Logger.getLogger(SiteBundleInstaller.class.getName());

    @Activate
    public SiteBundleInstaller(@Reference SiteConfig config, BundleContext context) {
        Path directory = config.home().resolve("site-bundles");
        synchronise(context, directory);
    }

    static List<Bundle> synchronise(BundleContext context, Path directory) {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
                stream.forEach(jars::add);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot list site bundles in " + directory, e);
            }
        }
        String prefix = LOCATION_PREFIX + directory.toAbsolutePath() + "/";
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(prefix)
                    && !Files.exists(Path.of(bundle.getLocation().substring(LOCATION_PREFIX.length())))) {
                try {
                    bundle.uninstall();
                    LOG.info(() -> "Uninstalled removed site bundle " + bundle.getSymbolicName());
                } catch (BundleException e) {
                    LOG.log(Level.WARNING, "Cannot uninstall " + bundle.getLocation(), e);
                }
            }
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            String location = LOCATION_PREFIX + jar.toAbsolutePath();
            try {
                Bundle bundle = context.installBundle(location);
                bundle.start();
                installed.add(bundle);
                LOG.info(() -> "Site bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " started from " + jar);
            } catch (BundleException | RuntimeException e) {
                LOG.log(Level.WARNING, "Site bundle " + jar + " could not be installed or started: " + e.getMessage(), e);
            }
        }
        return installed;
    }
}
