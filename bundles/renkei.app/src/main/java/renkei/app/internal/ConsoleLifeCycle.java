// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.PreSave;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessRemovals;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import renkei.app.internal.login.LoginDialog;
import renkei.app.internal.monitor.ErrorLogCollector;
import renkei.app.internal.monitor.JobProgressTracker;
import renkei.platform.AuthenticationException;
import renkei.platform.IdentityService;
import renkei.platform.RenkeiHome;
import renkei.platform.Session;
import renkei.platform.remote.ServerConnection;

/**
 * Life cycle of the console (the product's {@code lifeCycleURI}). Before the workbench exists it
 * starts the collectors behind the Progress and Error Log parts and asks the operator to log in;
 * the resulting {@link Session} goes into the application context for parts and handlers to
 * inject. Cancelling the login quits without showing a window. Called by the e4 runtime on the UI
 * thread.
 *
 * <p>Where a {@link ServerConnection} exists (a connected home), the identity service is the
 * server's and appears only once the server answered; while the link reports a failure the login
 * says so with the server's address at once rather than waiting for a service that cannot come.
 */
public final class ConsoleLifeCycle {

    private static final Duration IDENTITY_SERVICE_WAIT = Duration.ofSeconds(15);
    /** How long a reported server failure may last before the login gives up waiting for it. */
    private static final Duration SERVER_FAILURE_GRACE = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 200;

    private BundleContext bundleContext;
    // Held open for the whole session: releasing the last use of a delayed DS component would
    // deactivate it, and with it the database it holds.
    private ServiceTracker<IdentityService, IdentityService> identityTracker;
    private ServiceTracker<ServerConnection, ServerConnection> serverTracker;
    private CompletableFuture<IdentityService> identity;
    private ErrorLogCollector errorLog;
    private JobProgressTracker progress;
    private boolean loginCancelled;

    @PostContextCreate
    void logIn(IEclipseContext applicationContext) {
        StartupProbe.mark("lifecycle");
        errorLog = ErrorLogCollector.install();
        applicationContext.set(ErrorLogCollector.class, errorLog);
        progress = JobProgressTracker.install();
        applicationContext.set(JobProgressTracker.class, progress);

        bundleContext = FrameworkUtil.getBundle(ConsoleLifeCycle.class).getBundleContext();
        identityTracker = new ServiceTracker<>(bundleContext, IdentityService.class, null);
        serverTracker = new ServiceTracker<>(bundleContext, ServerConnection.class, null);
        serverTracker.open();
        // Opening the tracker gets the service, which activates it and the database behind it:
        // blocking work that runs while the login dialog is being built, not on the UI thread.
        identity = CompletableFuture.supplyAsync(this::awaitIdentityService, runnable -> {
            Thread thread = new Thread(runnable, "renkei-login-services");
            thread.setDaemon(true);
            thread.start();
        });

        StartupProbe.mark("login_dialog");
        String home = RenkeiHome.fromEnvironment().toString();
        ServerConnection server = serverTracker.getService();
        String location = server == null ? NLS.bind(Messages.Login_home, home)
                : NLS.bind(Messages.Login_homeServer, home, server.serverUrl());
        LoginDialog dialog = new LoginDialog(null, this::authenticate, location, LoginDialog.AutoLogin.fromSystemProperties());
        if (dialog.open() != Window.OK || dialog.session() == null) {
            loginCancelled = true;
            return;
        }
        StartupProbe.mark("logged_in");
        applicationContext.set(Session.class, dialog.session());
        StartupProbe.installIfRequested(applicationContext);
    }

    private IdentityService awaitIdentityService() {
        identityTracker.open();
        return awaitIdentityService(IDENTITY_SERVICE_WAIT);
    }

    /**
     * Waits up to {@code wait} for the identity service, but only {@link #SERVER_FAILURE_GRACE} once
     * the server link reports a failure: the connected client retries by itself, and the operator
     * can press Log in again once the server is back.
     */
    private IdentityService awaitIdentityService(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long failureSeen = 0;
        try {
            while (true) {
                IdentityService service = identityTracker.waitForService(POLL_MILLIS);
                if (service != null) {
                    return service;
                }
                long now = System.nanoTime();
                if (serverFailure().isPresent()) {
                    failureSeen = failureSeen == 0 ? now : failureSeen;
                    if (now - failureSeen >= SERVER_FAILURE_GRACE.toNanos()) {
                        return null;
                    }
                } else {
                    failureSeen = 0;
                }
                if (now - deadline >= 0) {
                    return null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Why the server cannot be reached, while a connected home's link reports a failure. */
    private Optional<String> serverFailure() {
        ServerConnection server = serverTracker.getService();
        return server == null || server.connected() ? Optional.empty() : server.lastError();
    }

    /** Runs in the login dialog's modal context thread, not on the UI thread. */
    private Session authenticate(String username, char[] password, String totpCode) throws AuthenticationException {
        StartupProbe.mark("authenticating");
        IdentityService service = identity.join();
        if (service == null) {
            // Asked again: the service may have come up since the first wait ran out, or the
            // server may be back.
            service = awaitIdentityService(SERVER_FAILURE_GRACE);
        }
        if (service == null) {
            ServerConnection server = serverTracker.getService();
            Optional<String> failure = serverFailure();
            if (server != null && failure.isPresent()) {
                throw new LoginDialog.LoginUnavailableException(
                        NLS.bind(Messages.Login_serverUnreachable, server.serverUrl(), withoutServer(failure.get(), server.serverUrl())));
            }
            String problems = ComponentDiagnostics.describe(bundleContext, "renkei.platform", "renkei.remote");
            throw new IllegalStateException(NLS.bind(Messages.Login_noIdentityService, problems.isEmpty() ? "-" : problems));
        }
        StartupProbe.mark("identity_service");
        return service.authenticate(username, password, totpCode);
    }

    /** The client's reason, without the "server <url>" it starts with when the message names the server already. */
    static String withoutServer(String reason, String serverUrl) {
        String prefix = "server " + serverUrl;
        return reason.startsWith(prefix) ? reason.substring(prefix.length()).replaceFirst("^[\\s:]+", "") : reason;
    }

    @ProcessRemovals
    void quitIfLoginCancelled(MApplication application, IEclipseContext applicationContext, Display display) {
        if (loginCancelled) {
            // No window is rendered; the workbench closes as soon as its event loop runs.
            application.getChildren().forEach(window -> window.setToBeRendered(false));
            display.asyncExec(() -> applicationContext.get(IWorkbench.class).close());
        }
    }

    @PreSave
    void stop() {
        Job.getJobManager().cancel(ConsoleJobs.FAMILY);
        if (progress != null) {
            progress.uninstall();
        }
        if (errorLog != null) {
            errorLog.uninstall();
        }
    }
}
