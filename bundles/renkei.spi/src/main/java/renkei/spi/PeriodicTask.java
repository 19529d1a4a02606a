// SPDX-License-Identifier: EPL-2.0
package renkei.spi;

import java.time.Duration;

/**
 * A job a bundle wants run periodically (re-issue a CRL, poll a router, sync metadata). Publish
 * it with {@code @Component(service = PeriodicTask.class)}. The platform's scheduler runs it; when
 * several servers share one database, exactly one of them runs each due task.
 *
 * <p>Threading: {@link #run()} is called from a scheduler thread and never concurrently with
 * itself across the whole installation.
 *
 * @since 1.0
 */
public interface PeriodicTask {

    /** Stable identifier; it keys the task's lease and run history in the database. */
    String id();

    /** Human-readable name for the Dashboard. */
    String displayName();

    /** Time between the start of one successful run and the next. */
    Duration interval();

    /** Runs the task once. Throwing records the cause as the task's last error and retries later. */
    void run() throws Exception;
}
