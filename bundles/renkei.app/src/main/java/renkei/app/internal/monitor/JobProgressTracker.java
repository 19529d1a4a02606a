// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.monitor;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;

/**
 * Follows every non-system Eclipse {@link Job}: it is the job manager's {@link ProgressProvider}, so
 * the monitor each job reports to is one of ours, and a job change listener, so it sees jobs wait,
 * run and finish. Finished jobs stay listed if a user started them or they failed. The Progress
 * part shows its {@link #snapshot()}.
 *
 * <p>Thread-safe: monitors are called from job threads; readers poll {@link #version()}.
 */
public final class JobProgressTracker extends ProgressProvider {

    /** Where a job is in its life. */
    public enum State {
        WAITING, SLEEPING, RUNNING, FINISHED
    }

    /** What the Progress part shows of one job; an immutable copy. */
    public record JobView(Job job, String name, State state, String task, String subTask, int totalWork, double worked,
            Instant scheduled, Instant started, Instant finished, IStatus result, boolean cancelRequested) {

        /** Fraction done between 0 and 1, or -1 when the job does not know its total. */
        public double fraction() {
            return totalWork <= 0 || totalWork == IProgressMonitor.UNKNOWN ? -1 : Math.min(1, worked / totalWork);
        }
    }

    private static final int FINISHED_KEPT = 30;

    private final Map<Job, Tracked> active = new ConcurrentHashMap<>();
    private final Deque<JobView> finished = new ArrayDeque<>();
    private final AtomicLong version = new AtomicLong();
    private final Listener listener = new Listener();

    private JobProgressTracker() {
    }

    public static JobProgressTracker install() {
        JobProgressTracker tracker = new JobProgressTracker();
        Job.getJobManager().setProgressProvider(tracker);
        Job.getJobManager().addJobChangeListener(tracker.listener);
        return tracker;
    }

    public void uninstall() {
        Job.getJobManager().removeJobChangeListener(listener);
        Job.getJobManager().setProgressProvider(null);
    }

    @Override
    public IProgressMonitor createMonitor(Job job) {
        if (job.isSystem()) {
            return new NullProgressMonitor();
        }
        tracked(job);
        return new TrackingMonitor(job);
    }

    /** Changes whenever any job's state or progress changes. */
    public long version() {
        return version.get();
    }

    /** Running jobs first, then waiting ones, then recently finished ones, newest first. */
    public List<JobView> snapshot() {
        List<JobView> views = new ArrayList<>();
        active.values().forEach(tracked -> views.add(tracked.view()));
        views.sort(Comparator.comparing(JobView::state).reversed().thenComparing(JobView::scheduled,
                Comparator.nullsLast(Comparator.reverseOrder())));
        synchronized (finished) {
            views.addAll(finished);
        }
        return views;
    }

    public void clearFinished() {
        synchronized (finished) {
            finished.clear();
        }
        version.incrementAndGet();
    }

    private Tracked tracked(Job job) {
        return active.computeIfAbsent(job, Tracked::new);
    }

    private final class Listener extends JobChangeAdapter {
        @Override
        public void scheduled(IJobChangeEvent event) {
            if (!event.getJob().isSystem()) {
                tracked(event.getJob()).state(State.WAITING);
            }
        }

        @Override
        public void sleeping(IJobChangeEvent event) {
            Tracked tracked = active.get(event.getJob());
            if (tracked != null) {
                tracked.state(State.SLEEPING);
            }
        }

        @Override
        public void awake(IJobChangeEvent event) {
            Tracked tracked = active.get(event.getJob());
            if (tracked != null) {
                tracked.state(State.WAITING);
            }
        }

        @Override
        public void running(IJobChangeEvent event) {
            Tracked tracked = active.get(event.getJob());
            if (tracked != null) {
                tracked.started = Instant.now();
                tracked.state(State.RUNNING);
            }
        }

        @Override
        public void done(IJobChangeEvent event) {
            Tracked tracked = active.remove(event.getJob());
            if (tracked == null) {
                return;
            }
            tracked.finished = Instant.now();
            tracked.result = event.getResult();
            tracked.state = State.FINISHED;
            // Background refreshes come and go every few seconds; only what an operator started,
            // and whatever failed, stays listed after it finished.
            boolean keep = event.getJob().isUser() || (event.getResult() != null && !event.getResult().isOK());
            synchronized (finished) {
                if (keep) {
                    finished.addFirst(tracked.view());
                }
                while (finished.size() > FINISHED_KEPT) {
                    finished.removeLast();
                }
            }
            version.incrementAndGet();
        }
    }

    /** Mutable progress of one job; written by its job thread and the listener, read by the UI. */
    private final class Tracked {
        final Job job;
        final Instant scheduled = Instant.now();
        volatile State state = State.WAITING;
        volatile String task = "";
        volatile String subTask = "";
        volatile int totalWork = IProgressMonitor.UNKNOWN;
        volatile double worked;
        volatile Instant started;
        volatile Instant finished;
        volatile IStatus result;
        volatile boolean cancelRequested;

        Tracked(Job job) {
            this.job = job;
        }

        void state(State newState) {
            state = newState;
            version.incrementAndGet();
        }

        JobView view() {
            return new JobView(job, job.getName(), state, task, subTask, totalWork, worked, scheduled, started, finished, result,
                    cancelRequested);
        }
    }

    /**
     * Reports to whichever record of its job is current: the job manager may keep one monitor
     * across several runs of the same job.
     */
    private final class TrackingMonitor extends NullProgressMonitor {
        private final Job job;

        TrackingMonitor(Job job) {
            this.job = job;
        }

        private void update(Consumer<Tracked> change) {
            Tracked tracked = active.get(job);
            if (tracked != null) {
                change.accept(tracked);
                version.incrementAndGet();
            }
        }

        @Override
        public void beginTask(String name, int totalWork) {
            update(tracked -> {
                tracked.task = name == null ? "" : name;
                tracked.totalWork = totalWork;
                tracked.worked = 0;
            });
        }

        @Override
        public void setTaskName(String name) {
            update(tracked -> tracked.task = name == null ? "" : name);
        }

        @Override
        public void subTask(String name) {
            update(tracked -> tracked.subTask = name == null ? "" : name);
        }

        @Override
        public void internalWorked(double work) {
            update(tracked -> tracked.worked += work);
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public void setCanceled(boolean cancelled) {
            super.setCanceled(cancelled);
            update(tracked -> tracked.cancelRequested = cancelled);
        }
    }
}
