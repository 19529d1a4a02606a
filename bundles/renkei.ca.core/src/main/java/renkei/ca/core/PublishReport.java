// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One repository publish.
 *
 * @param directory where the files were written
 * @param error     the cause when the publish failed; the previous files then stay
 */
public record PublishReport(Instant at, String by, String directory, List<PublishedFile> files, Optional<String> error) {

    /** One file in the repository, with its size and SHA-256 for the publish status. */
    public record PublishedFile(String name, long size, String sha256) {
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
