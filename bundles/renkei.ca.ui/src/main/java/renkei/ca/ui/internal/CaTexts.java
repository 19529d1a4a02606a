// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.time.Instant;

import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.LicenseInfo;
import renkei.ca.core.RevocationReason;
import renkei.spi.HealthStatus;

/**
 * Localised names of the CA's states, profiles and reasons, and the health colour each state is
 * shown in. Pure functions; safe on any thread.
 */
final class CaTexts {

    /** A certificate's state as an operator sees it: stored status plus expiry. */
    enum CertificateState {
        VALID, EXPIRED, REVOKED;

        static CertificateState of(IssuedCertificate certificate, Instant now) {
            if (certificate.status() == IssuedCertificate.Status.REVOKED) {
                return REVOKED;
            }
            return certificate.notAfter().isAfter(now) ? VALID : EXPIRED;
        }
    }

    private CaTexts() {
    }

    static String state(CertificateState state) {
        return switch (state) {
            case VALID -> Messages.State_valid;
            case EXPIRED -> Messages.State_expired;
            case REVOKED -> Messages.State_revoked;
        };
    }

    static HealthStatus health(CertificateState state) {
        return switch (state) {
            case VALID -> HealthStatus.OK;
            case EXPIRED -> HealthStatus.UNKNOWN;
            case REVOKED -> HealthStatus.CRITICAL;
        };
    }

    static String status(IssuedCertificate.Status status) {
        return switch (status) {
            case VALID -> Messages.State_valid;
            case REVOKED -> Messages.State_revoked;
        };
    }

    static String profile(CertificateProfile profile) {
        return switch (profile) {
            case CLIENT -> Messages.Profile_client;
            case HOST -> Messages.Profile_host;
            case SERVICE -> Messages.Profile_service;
            case SERVER -> Messages.Profile_server;
            case OPERATOR -> Messages.Profile_operator;
        };
    }

    static String license(LicenseInfo.State state) {
        return switch (state) {
            case UNUSED -> Messages.License_unused;
            case REDEEMED -> Messages.License_redeemed;
            case EXPIRED -> Messages.License_expired;
            case WITHDRAWN -> Messages.License_withdrawn;
        };
    }

    static HealthStatus health(LicenseInfo.State state) {
        return switch (state) {
            case UNUSED -> HealthStatus.OK;
            case REDEEMED, EXPIRED, WITHDRAWN -> HealthStatus.UNKNOWN;
        };
    }

    /** The RFC 5280 name (what the CLI and openssl print) with what it means. */
    static String reason(RevocationReason reason) {
        String meaning = switch (reason) {
            case unspecified -> Messages.Reason_unspecified;
            case keyCompromise -> Messages.Reason_keyCompromise;
            case cACompromise -> Messages.Reason_cACompromise;
            case affiliationChanged -> Messages.Reason_affiliationChanged;
            case superseded -> Messages.Reason_superseded;
            case cessationOfOperation -> Messages.Reason_cessationOfOperation;
            case certificateHold -> Messages.Reason_certificateHold;
            case removeFromCRL -> Messages.Reason_removeFromCRL;
            case privilegeWithdrawn -> Messages.Reason_privilegeWithdrawn;
            case aACompromise -> Messages.Reason_aACompromise;
        };
        return reason.name() + " (" + reason.code() + ") \u2014 " + meaning;
    }
}
