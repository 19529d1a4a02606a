// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

/** EventAdmin topics the console's own parts use to talk to each other. */
public final class ConsoleEvents {

    /** Posted by the Dashboard after each refresh; the data is the {@link java.time.Instant} of the refresh. */
    public static final String TOPIC_DASHBOARD_REFRESHED = "renkei/app/dashboard/refreshed";

    private ConsoleEvents() {
    }
}
