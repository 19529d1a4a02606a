// SPDX-License-Identifier: EPL-2.0
package renkei.site.example.ui;

import org.eclipse.osgi.util.NLS;

/**
 * Texts of the example site's console part, translated. English in {@code messages.properties}, Japanese in
 * {@code messages_ja.properties}; the bundle for the default locale is loaded when this class is
 * first used.
 */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "renkei.site.example.ui.messages";

    public static String DnsProbe_cause;
    public static String DnsProbe_critical;
    public static String DnsProbe_failures;
    public static String DnsProbe_intro;
    public static String DnsProbe_lastError;
    public static String DnsProbe_lastRun;
    public static String DnsProbe_lastSuccess;
    public static String DnsProbe_loadFailed;
    public static String DnsProbe_loadJob;
    public static String DnsProbe_loading;
    public static String DnsProbe_neverRun;
    public static String DnsProbe_nextRun;
    public static String DnsProbe_noHealthService;
    public static String DnsProbe_ok;
    public static String DnsProbe_probeFailed;
    public static String DnsProbe_probeJob;
    public static String DnsProbe_probeNow;
    public static String DnsProbe_probed;
    public static String DnsProbe_probing;
    public static String DnsProbe_status;
    public static String DnsProbe_summary;
    public static String DnsProbe_title;
    public static String DnsProbe_unknown;
    public static String DnsProbe_warning;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
