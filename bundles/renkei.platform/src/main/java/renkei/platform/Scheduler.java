// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.List;

/**
 * Runs every {@code renkei.spi.PeriodicTask} service when due. With several servers sharing a
 * database, a lease row per task makes exactly one of them run each due execution. Runs in the
 * headless server always, and in the console when it uses an embedded database
 * ({@code scheduler.enabled=auto}, the default).
 *
 * @noimplement
 */
public interface Scheduler {

    /** Whether this process executes tasks (as opposed to only showing their state). */
    boolean isActive();

    /** Identifier of this process in lease rows, e.g. {@code host:pid:uuid}. */
    String ownerId();

    /** Task ids currently registered in this process. */
    List<String> taskIds();

    /**
     * Runs every due task once, synchronously, claiming each through its lease row.
     *
     * @return ids of the tasks this process ran
     */
    List<String> runDueTasks();

    /**
     * Runs one task now, whether due or not, unless another process holds its lease.
     *
     * @return whether this process ran it
     * @throws IllegalArgumentException when no task with that id is registered here
     */
    boolean runNow(String taskId);
}
