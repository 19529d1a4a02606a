// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Widget;

import renkei.app.internal.ConsoleJobs;
import renkei.app.internal.Formats;
import renkei.ca.core.CaException;
import renkei.platform.AccessDeniedException;

/**
 * Runs CA service calls in console jobs and hands the result, or the failure, back to the UI
 * thread, where it is dropped when the widget that asked has been disposed meanwhile. Changes run
 * as user jobs (shown in Progress) under one scheduling rule, so two changes from this console never
 * race each other; reads run as system jobs. Callable from the UI thread; the callbacks run on it.
 */
final class CaCalls {

    /** Every change this console makes to the CA runs under this rule. */
    static final ISchedulingRule CA_CHANGES = ConsoleJobs.sourceRule("renkei.ca");

    private CaCalls() {
    }

    /** A read: a system job, no rule. */
    static <T> Job read(UISynchronize sync, Widget owner, String name, Supplier<T> call, Consumer<T> done,
            Consumer<RuntimeException> failed) {
        return start(sync, owner, name, false, null, call, done, failed);
    }

    /** Work on the operator's own files: a user job, no rule. */
    static <T> Job local(UISynchronize sync, Widget owner, String name, Supplier<T> call, Consumer<T> done,
            Consumer<RuntimeException> failed) {
        return start(sync, owner, name, true, null, call, done, failed);
    }

    /** A change: a user job under {@link #CA_CHANGES}. */
    static <T> Job change(UISynchronize sync, Widget owner, String name, Supplier<T> call, Consumer<T> done,
            Consumer<RuntimeException> failed) {
        return start(sync, owner, name, true, CA_CHANGES, call, done, failed);
    }

    /**
     * Reads of which only the newest counts: a slow search finishing after a newer one must not
     * replace its result. UI thread only.
     */
    static final class Latest {

        private int generation;

        <T> void read(UISynchronize sync, Widget owner, String name, Supplier<T> call, Consumer<T> done,
                Consumer<RuntimeException> failed) {
            int mine = ++generation;
            CaCalls.read(sync, owner, name, call, result -> {
                if (mine == generation) {
                    done.accept(result);
                }
            }, e -> {
                if (mine == generation) {
                    failed.accept(e);
                }
            });
        }
    }

    private static <T> Job start(UISynchronize sync, Widget owner, String name, boolean user, ISchedulingRule rule, Supplier<T> call,
            Consumer<T> done, Consumer<RuntimeException> failed) {
        Job job = ConsoleJobs.create(name, (IProgressMonitor monitor) -> {
            monitor.beginTask(name, IProgressMonitor.UNKNOWN);
            try {
                T result = call.get();
                deliver(sync, owner, () -> done.accept(result));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                deliver(sync, owner, () -> failed.accept(e));
                return failure(name, e);
            } finally {
                monitor.done();
            }
        });
        job.setUser(user);
        job.setSystem(!user);
        job.setRule(rule);
        job.schedule();
        return job;
    }

    private static void deliver(UISynchronize sync, Widget owner, Runnable action) {
        sync.asyncExec(() -> {
            if (!owner.isDisposed()) {
                action.run();
            }
        });
    }

    /**
     * A refusal (the CA said no, or the role does not allow it) is the operator's business and
     * shown where they asked; anything else is also a fault worth the Error Log.
     */
    private static IStatus failure(String name, RuntimeException e) {
        String message = name + ": " + Formats.describe(e);
        if (e instanceof CaException || e instanceof AccessDeniedException) {
            return Status.warning(message);
        }
        IStatus error = Status.error(message, e);
        Platform.getLog(CaCalls.class).log(error);
        return error;
    }
}
