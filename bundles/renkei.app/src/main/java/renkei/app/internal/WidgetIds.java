// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import org.eclipse.swt.widgets.Widget;

/**
 * Stable names for the widgets an automated UI test looks up (SWT has no widget ids of its own).
 * The names are part of the console's test contract: {@code tests/renkei.app.uitest} finds
 * widgets by {@code widget.getData(KEY)}, so renaming one is a test change too.
 */
public final class WidgetIds {

    /** Key under which the name is stored with {@link Widget#setData(String, Object)}. */
    public static final String KEY = "renkei.widgetId";

    public static final String LOGIN_SHELL = "renkei.login";
    public static final String LOGIN_USER = "renkei.login.user";
    public static final String LOGIN_PASSWORD = "renkei.login.password";
    public static final String LOGIN_TOTP = "renkei.login.totp";
    public static final String LOGIN_SUBMIT = "renkei.login.submit";
    public static final String LOGIN_CANCEL = "renkei.login.cancel";
    public static final String LOGIN_LOCATION = "renkei.login.location";
    public static final String PREFERENCES_SHELL = "renkei.preferences";
    public static final String NAVIGATOR = "renkei.navigator.list";
    public static final String DASHBOARD_TABLE = "renkei.dashboard.table";
    public static final String DASHBOARD_RUN_NOW = "renkei.dashboard.runNow";
    public static final String FEED_TABLE = "renkei.feed.table";
    public static final String PROGRESS_TABLE = "renkei.progress.table";
    public static final String ERROR_LOG_TABLE = "renkei.errorlog.table";
    public static final String STATUS_OPERATOR = "renkei.status.operator";
    public static final String STATUS_ROLES = "renkei.status.roles";
    public static final String STATUS_DATABASE = "renkei.status.database";
    public static final String STATUS_SCHEDULER = "renkei.status.scheduler";
    public static final String STATUS_REFRESHED = "renkei.status.refreshed";

    private WidgetIds() {
    }

    /** Names {@code widget} and returns it, so construction code stays one expression. */
    public static <W extends Widget> W name(W widget, String id) {
        widget.setData(KEY, id);
        return widget;
    }
}
