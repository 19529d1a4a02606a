// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

/**
 * Names of the CA parts' widgets for automated UI tests, stored with
 * {@link renkei.app.internal.WidgetIds#name}. Part of the test contract of
 * {@code tests/renkei.app.uitest}: renaming one is a test change too.
 */
final class CaWidgetIds {

    static final String SEARCH_CN = "renkei.ca.search.cn";
    static final String SEARCH_BUTTON = "renkei.ca.search.run";
    static final String SEARCH_CLEAR = "renkei.ca.search.clear";
    static final String SEARCH_SUMMARY = "renkei.ca.search.summary";
    static final String CERTIFICATE_TABLE = "renkei.ca.certificates.table";
    static final String DETAIL_TABLE = "renkei.ca.detail.table";
    static final String COPY_PEM = "renkei.ca.detail.copyPem";
    static final String REVOKE = "renkei.ca.certificates.revoke";
    static final String ISSUE = "renkei.ca.certificates.issue";
    static final String CRL_NUMBER = "renkei.ca.crl.number";
    static final String CRL_NEXT_UPDATE = "renkei.ca.crl.nextUpdate";
    static final String CRL_ISSUE_NOW = "renkei.ca.crl.issueNow";
    static final String CRL_STATE = "renkei.ca.crl.state";
    static final String PUBLISH_NOW = "renkei.ca.repository.publishNow";
    static final String PUBLISH_TABLE = "renkei.ca.repository.files";
    static final String KEY_STATE = "renkei.ca.key.state";
    static final String LICENSE_TABLE = "renkei.ca.licenses.table";
    static final String MAPPING_TABLE = "renkei.ca.gridmap.table";
    static final String CRL_FEEDBACK = "renkei.ca.crl.feedback";
    static final String PUBLISH_FEEDBACK = "renkei.ca.repository.feedback";
    static final String KEY_ACTIVATE = "renkei.ca.key.activate";
    static final String KEY_DEACTIVATE = "renkei.ca.key.deactivate";
    static final String KEY_REASON = "renkei.ca.key.reason";
    static final String KEY_ACTIVATED_BY = "renkei.ca.key.activatedBy";
    static final String KEY_ACTIVE_UNTIL = "renkei.ca.key.activeUntil";
    static final String KEY_FEEDBACK = "renkei.ca.key.feedback";
    static final String LICENSE_SUMMARY = "renkei.ca.licenses.summary";
    static final String GRIDMAP_SUMMARY = "renkei.ca.gridmap.summary";
    static final String GRIDMAP_PREVIEW = "renkei.ca.gridmap.preview";
    static final String GRIDMAP_DIFF = "renkei.ca.gridmap.diff";
    static final String ISSUE_SHELL = "renkei.ca.issue";
    static final String ISSUE_TABS = "renkei.ca.issue.tabs";
    static final String ISSUE_OUTCOME = "renkei.ca.issue.outcome";
    static final String ISSUE_WITH_CSR = "renkei.ca.issue.withCsr";
    static final String ISSUE_WITH_KEYGEN = "renkei.ca.issue.withKeygen";
    static final String ISSUE_DIRECT = "renkei.ca.issue.direct";
    static final String REVOKE_SHELL = "renkei.ca.revoke";
    static final String IMPORT_SHELL = "renkei.ca.gridmap.import";
    static final String IMPORT_SUMMARY = "renkei.ca.gridmap.import.summary";
    static final String IMPORT_CONFLICTS = "renkei.ca.gridmap.import.conflicts";
    static final String ACTIVATE_SHELL = "renkei.ca.activate";
    /** Followed by the operator's number, 1 or 2. */
    static final String ACTIVATE_USER = "renkei.ca.activate.user.";
    static final String ACTIVATE_PASSWORD = "renkei.ca.activate.password.";
    static final String ACTIVATE_TOTP = "renkei.ca.activate.totp.";
    static final String ACTIVATE_PERIOD = "renkei.ca.activate.period";
    static final String ACTIVATE_PROBLEM = "renkei.ca.activate.problem";

    private CaWidgetIds() {
    }
}
