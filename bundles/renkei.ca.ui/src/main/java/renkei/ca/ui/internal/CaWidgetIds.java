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

    private CaWidgetIds() {
    }
}
