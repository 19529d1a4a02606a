// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import java.util.Objects;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Background jobs of the console. Every job belongs to {@link #FAMILY} so all of them can be found
 * and cancelled together (on shutdown) and shown in the Progress part. Work on one monitored source
 * is serialised with {@link #sourceRule(String)}.
 */
public final class ConsoleJobs {

    /** Job family of every job the console schedules. */
    public static final Object FAMILY = ConsoleJobs.class;

    private ConsoleJobs() {
    }

    /**
     * A job that runs {@code work} and belongs to {@link #FAMILY}. A runtime exception thrown by the
     * work is logged to the platform log (so the Error Log part shows it) and becomes the job's
     * result (so the Progress part shows the failure next to the job).
     */
    public static Job create(String name, Function<IProgressMonitor, IStatus> work) {
        Objects.requireNonNull(work, "work");
        return new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    return work.apply(monitor);
                } catch (RuntimeException e) {
                    IStatus error = Status.error(name + ": " + Formats.describe(e), e);
                    Platform.getLog(ConsoleJobs.class).log(error);
                    return error;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
    }

    /** Rule that keeps two jobs from working on the same monitored source at once. */
    public static ISchedulingRule sourceRule(String sourceId) {
        return new SourceRule(sourceId);
    }

    private record SourceRule(String sourceId) implements ISchedulingRule {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return equals(rule);
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return equals(rule);
        }
    }
}
