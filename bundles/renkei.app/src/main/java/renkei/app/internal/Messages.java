// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import org.eclipse.osgi.util.NLS;

/**
 * Every text the console application shows, translated. English in {@code messages.properties}, Japanese in
 * {@code messages_ja.properties}; the bundle for the default locale is loaded when this class is
 * first used.
 */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "renkei.app.internal.messages";

    public static String About_text;
    public static String About_title;
    public static String Button_applyAndClose;
    public static String Button_cancel;
    public static String Button_close;
    public static String Button_ok;
    public static String Dashboard_colExpiry;
    public static String Dashboard_colLastError;
    public static String Dashboard_colLastSuccess;
    public static String Dashboard_colNextRun;
    public static String Dashboard_colSource;
    public static String Dashboard_colStatus;
    public static String Dashboard_colSummary;
    public static String Dashboard_errorTooltip;
    public static String Dashboard_errorWithCause;
    public static String Dashboard_loading;
    public static String Dashboard_noHealthService;
    public static String Dashboard_refresh;
    public static String Dashboard_refreshFailed;
    public static String Dashboard_refreshFailedLog;
    public static String Dashboard_refreshJob;
    public static String Dashboard_runJob;
    public static String Dashboard_runNow;
    public static String Dashboard_runNowTooltip;
    public static String Dashboard_summary;
    public static String Dashboard_title;
    public static String Duration_days;
    public static String Duration_hours;
    public static String Duration_minutes;
    public static String Duration_seconds;
    public static String ErrorLog_cancel;
    public static String ErrorLog_clear;
    public static String ErrorLog_colMessage;
    public static String ErrorLog_colPlugin;
    public static String ErrorLog_colSeverity;
    public static String ErrorLog_colTime;
    public static String ErrorLog_error;
    public static String ErrorLog_info;
    public static String ErrorLog_summary;
    public static String ErrorLog_warning;
    public static String Expiry_expired;
    public static String Expiry_left;
    public static String Feed_colSeverity;
    public static String Feed_colSource;
    public static String Feed_colTime;
    public static String Feed_colTitle;
    public static String Feed_details;
    public static String Feed_empty;
    public static String Feed_loading;
    public static String Feed_noService;
    public static String Feed_refreshFailed;
    public static String Feed_refreshFailedLog;
    public static String Feed_refreshJob;
    public static String Feed_summary;
    public static String Language_current;
    public static String Language_description;
    public static String Language_english;
    public static String Language_japanese;
    public static String Language_label;
    public static String Language_restartNote;
    public static String Language_storeFailed;
    public static String Language_storeJob;
    public static String Language_system;
    public static String Language_title;
    public static String Login_badCredentials;
    public static String Login_badTotp;
    public static String Login_checking;
    public static String Login_disabled;
    public static String Login_failed;
    public static String Login_home;
    public static String Login_locked;
    public static String Login_message;
    public static String Login_noIdentityService;
    public static String Login_password;
    public static String Login_shellTitle;
    public static String Login_submit;
    public static String Login_title;
    public static String Login_totp;
    public static String Login_totpHint;
    public static String Login_totpMissing;
    public static String Login_totpNotEnrolled;
    public static String Login_totpRequired;
    public static String Login_user;
    public static String Login_userMissing;
    public static String Navigator_tooltip;
    public static String Preferences_loadFailed;
    public static String Preferences_loadJob;
    public static String Preferences_noSiteConfig;
    public static String Preferences_title;
    public static String Progress_cancel;
    public static String Progress_cancelled;
    public static String Progress_cancelling;
    public static String Progress_clearFinished;
    public static String Progress_colDetail;
    public static String Progress_colJob;
    public static String Progress_colProgress;
    public static String Progress_colState;
    public static String Progress_colTime;
    public static String Progress_done;
    public static String Progress_failed;
    public static String Progress_finishedAt;
    public static String Progress_running;
    public static String Progress_runningFor;
    public static String Progress_scheduledAt;
    public static String Progress_sleeping;
    public static String Progress_summary;
    public static String Progress_waiting;
    public static String Role_caOfficer;
    public static String Role_caOperator;
    public static String Role_helpDesk;
    public static String Role_incidentResponder;
    public static String Role_logAdministrator;
    public static String Role_operationsOffice;
    public static String Role_siteAdministrator;
    public static String Severity_critical;
    public static String Severity_info;
    public static String Severity_warning;
    public static String SiteConfig_badBoolean;
    public static String SiteConfig_badDbUrl;
    public static String SiteConfig_badPort;
    public static String SiteConfig_database;
    public static String SiteConfig_dbPassword;
    public static String SiteConfig_dbUrl;
    public static String SiteConfig_dbUrlDefault;
    public static String SiteConfig_dbUser;
    public static String SiteConfig_denied;
    public static String SiteConfig_description;
    public static String SiteConfig_iso2022jpDomains;
    public static String SiteConfig_mail;
    public static String SiteConfig_mailFrom;
    public static String SiteConfig_readOnly;
    public static String SiteConfig_saveFailed;
    public static String SiteConfig_saveJob;
    public static String SiteConfig_saved;
    public static String SiteConfig_secretNotSet;
    public static String SiteConfig_secretSet;
    public static String SiteConfig_smtpHost;
    public static String SiteConfig_smtpPassword;
    public static String SiteConfig_smtpPort;
    public static String SiteConfig_smtpStartTls;
    public static String SiteConfig_smtpUser;
    public static String SiteConfig_title;
    public static String Status_critical;
    public static String Status_database;
    public static String Status_no;
    public static String Status_ok;
    public static String Status_operator;
    public static String Status_operatorTooltip;
    public static String Status_refreshed;
    public static String Status_roles;
    public static String Status_scheduler;
    public static String Status_schedulerActive;
    public static String Status_schedulerInactive;
    public static String Status_schedulerOnServer;
    public static String Status_server;
    public static String Status_serverConnected;
    public static String Status_serverLost;
    public static String Status_unavailable;
    public static String Status_unknown;
    public static String Status_warning;
    public static String Status_yes;
    public static String Time_ago;
    public static String Time_in;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
