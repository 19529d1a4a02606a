// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.List;
import java.util.Optional;

import renkei.platform.remote.RemoteService;

/**
 * Source health of every monitored source, stored in the database so a console sees the results of
 * checks run by the headless server. Runs every {@code renkei.spi.HealthCheck} service on its
 * interval through the scheduler. Posts EventAdmin topic {@link #TOPIC_CHANGED} when a stored
 * health changes.
 *
 * @noimplement
 */
@RemoteService
public interface HealthService {

    String TOPIC_CHANGED = "renkei/health/changed";

    /** Every known source, worst status first. */
    List<SourceHealth> all();

    Optional<SourceHealth> get(String sourceId);

    /** Runs one check now (blocking) and stores its outcome. */
    SourceHealth runNow(String sourceId);
}
