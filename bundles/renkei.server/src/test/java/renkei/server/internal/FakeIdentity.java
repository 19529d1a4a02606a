// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import renkei.platform.AuthenticationException;
import renkei.platform.AuthenticationException.Reason;
import renkei.platform.IdentityService;
import renkei.platform.NewOperator;
import renkei.platform.Operator;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.TotpEnrolment;

/**
 * An identity service with two accounts, {@code office} (password only) and {@code ca-op}
 * (password and the code {@code 123456}), whose sessions can be expired by hand.
 */
final class FakeIdentity implements IdentityService {

    final Map<String, Reason> refusedTokens = new HashMap<>();
    final List<String> loggedOut = new ArrayList<>();
    final List<String> codesSeen = new ArrayList<>();
    private int next;

    @Override
    public Session authenticate(String username, char[] password, String totpCode) throws AuthenticationException {
        if (!new String(password).equals(username + "-pw")) {
            throw new AuthenticationException(Reason.BAD_CREDENTIALS, "Unknown user name or wrong password");
        }
        codesSeen.add(String.valueOf(totpCode));
        boolean secondFactor = username.startsWith("ca-");
        if (secondFactor && (totpCode == null || totpCode.isBlank())) {
            throw new AuthenticationException(Reason.SECOND_FACTOR_REQUIRED, "Enter the code from your authenticator app");
        }
        if (secondFactor && !totpCode.equals("123456")) {
            throw new AuthenticationException(Reason.BAD_SECOND_FACTOR, "The authenticator code is wrong or was already used");
        }
        return session(username, "token-" + (++next));
    }

    static Session session(String username, String token) {
        Role role = username.startsWith("ca-") ? Role.CA_OPERATOR : Role.OPERATIONS_OFFICE;
        return new Session(new Operator(username, username, Optional.empty(), Optional.empty(), EnumSet.of(role),
                username.startsWith("ca-"), true), Instant.now(), username.startsWith("ca-"), Optional.of(token));
    }

    @Override
    public Session resume(String token) throws AuthenticationException {
        Reason refusal = refusedTokens.get(token);
        if (refusal != null) {
            throw new AuthenticationException(refusal, "refused");
        }
        return session(token.startsWith("ca-") ? "ca-op" : "office", token);
    }

    @Override
    public void logout(Session session) {
        loggedOut.add(session.token().orElse(""));
    }

    @Override
    public Operator createOperator(Session by, NewOperator operator) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TotpEnrolment enrolTotp(Session by, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void changePassword(Session by, String username, char[] newPassword) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Operator bootstrap(NewOperator operator) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setEnabled(Session by, String username, boolean enabled) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Operator> find(String username) {
        return Optional.empty();
    }

    @Override
    public List<Operator> list() {
        return List.of();
    }

    @Override
    public void require(Session session, String action, Role... anyOf) {
    }
}
