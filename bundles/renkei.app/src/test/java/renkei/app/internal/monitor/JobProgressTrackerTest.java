// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;

/** How the Progress part turns reported work into a fraction. */
class JobProgressTrackerTest {

    @Test
    void fractionIsUnknownWithoutATotalAndCappedAtOne() {
        assertEquals(-1, view(IProgressMonitor.UNKNOWN, 5).fraction());
        assertEquals(-1, view(0, 0).fraction());
        assertEquals(0.25, view(4, 1).fraction());
        assertEquals(1, view(4, 9).fraction());
    }

    private static JobProgressTracker.JobView view(int total, double worked) {
        return new JobProgressTracker.JobView(null, "job", JobProgressTracker.State.RUNNING, "", "", total, worked, null, null,
                null, null, false);
    }
}
