// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.util.Optional;

import renkei.platform.Session;
import renkei.platform.remote.RemoteService;

/**
 * The CA repository (CA-09): a directory the site serves over HTTPS holding the CA certificate (PEM
 * and DER), its SHA-256 and SHA-1 fingerprints, the newest CRL (DER and PEM), the CP/CPS document,
 * the grid-mapfile and an index page. Every file is replaced atomically; a failed publish leaves
 * the previous files in place and is reported with its cause.
 *
 * <p>Thread-safe; methods block on disk and database. Publishing is audited.
 *
 * <p>Exported to connected consoles; the outcome of the last publish is for any logged-in operator.
 *
 * @noimplement
 */
@RemoteService
public interface CaRepositoryService {

    PublishReport publish(Session by);

    /** The outcome of the newest publish by any process sharing the database. */
    Optional<PublishReport> lastPublish();
}
