// SPDX-License-Identifier: EPL-2.0
package renkei.platform.remote;

import java.nio.file.Path;

/**
 * A directory the server's HTTPS endpoint serves read-only to anyone, without a client certificate,
 * at {@code /<name>/}: the CA repository (CA-09) that relying parties fetch CRLs from.
 */
public interface PublicDirectory {

    /** First path segment, e.g. {@code repository}. */
    String name();

    Path directory();
}
