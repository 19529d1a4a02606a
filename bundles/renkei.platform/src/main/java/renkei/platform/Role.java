// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

/**
 * Operator roles. CA roles require a second factor (TOTP) at every login. A site administrator's
 * authority is limited to the operator's site.
 */
public enum Role {
    OPERATIONS_OFFICE(false),
    CA_OPERATOR(true),
    CA_OFFICER(true),
    LOG_ADMINISTRATOR(false),
    HELP_DESK(false),
    INCIDENT_RESPONDER(false),
    SITE_ADMINISTRATOR(false);

    private final boolean requiresSecondFactor;

    Role(boolean requiresSecondFactor) {
        this.requiresSecondFactor = requiresSecondFactor;
    }

    public boolean requiresSecondFactor() {
        return requiresSecondFactor;
    }
}
