// SPDX-License-Identifier: EPL-2.0
package renkei.remote.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import renkei.platform.AccessDeniedException;
import renkei.platform.AuditLog;
import renkei.platform.AuditQuery;
import renkei.platform.AuditVerification;
import renkei.platform.AuthenticationException;
import renkei.platform.IdentityService;
import renkei.platform.NewOperator;
import renkei.platform.Operator;
import renkei.platform.Role;
import renkei.platform.Session;

class WireJsonTest {

    private static final Operator ALICE = new Operator("alice", "有田 アリス", Optional.of("alice@example.ac.jp"),
            Optional.empty(), EnumSet.of(Role.CA_OPERATOR, Role.HELP_DESK), true, true);

    @Test
    void sessionArgumentsTravelAsTheirTokenOnly() throws Exception {
        Method create = IdentityService.class.getMethod("createOperator", Session.class, NewOperator.class);
        Session session = new Session(ALICE, Instant.parse("2026-12-02T10:00:00Z"), true, Optional.of("tok-123"));
        NewOperator bob = new NewOperator("bob", "Bob", Optional.empty(), Optional.of("riken"), EnumSet.of(Role.HELP_DESK),
                "秘密".toCharArray());

        ArrayNode wire = WireJson.encodeArguments(create, new Object[] { session, bob });

        assertEquals("tok-123", wire.get(0).asText());
        assertTrue(!wire.toString().contains("CA_OPERATOR"), "no roles of the session on the wire: " + wire);
        Session looked = new Session(ALICE, Instant.EPOCH, false, Optional.of("tok-123"));
        Object[] decoded = WireJson.decodeArguments(create, wire, token -> {
            assertEquals("tok-123", token);
            return looked;
        });
        assertEquals(looked, decoded[0]);
        NewOperator decodedBob = (NewOperator) decoded[1];
        assertEquals(bob.roles(), decodedBob.roles());
        assertEquals(bob.site(), decodedBob.site());
        assertArrayEquals(bob.password(), decodedBob.password());
    }

    @Test
    void aForgedSessionObjectIsRefusedNotRead() throws Exception {
        Method create = IdentityService.class.getMethod("createOperator", Session.class, NewOperator.class);
        JsonNode forged = WireJson.mapper().readTree(
                "[{\"operator\":{\"username\":\"mallory\",\"roles\":[\"OPERATIONS_OFFICE\"]}}, null]");

        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> WireJson.decodeArguments(create, forged, token -> {
                    throw new AssertionError("no token to look up");
                }));
        assertEquals(AuthenticationException.Reason.SESSION_INVALID, refused.reason());
    }

    @Test
    void resultsRoundTripWithGenericsOptionalsAndJapanese() throws Exception {
        Method list = IdentityService.class.getMethod("list");
        JsonNode wire = WireJson.mapper().readTree(WireJson.mapper().writeValueAsString(WireJson.encodeResult(List.of(ALICE))));

        assertEquals(List.of(ALICE), WireJson.decodeResult(list, wire));
        Method verify = AuditLog.class.getMethod("verify", String.class);
        AuditVerification broken = new AuditVerification("ca", 12, OptionalLong.of(7), "hash mismatch");
        assertEquals(broken, WireJson.decodeResult(verify, WireJson.encodeResult(broken)));
        Method authenticate = IdentityService.class.getMethod("authenticate", String.class, char[].class, String.class);
        Session session = new Session(ALICE, Instant.parse("2026-12-02T10:00:00.123456Z"), true, Optional.of("t"));
        assertEquals(session, WireJson.decodeResult(authenticate, WireJson.encodeResult(session)));
    }

    @Test
    void argumentsAreReadAsTheDeclaredTypesOnly() throws Exception {
        Method query = AuditLog.class.getMethod("query", AuditQuery.class);
        JsonNode wrong = WireJson.mapper().readTree("[{\"category\":\"ca\",\"@class\":\"java.lang.ProcessBuilder\",\"x\":1}]");

        assertThrows(MalformedCallException.class, () -> WireJson.decodeArguments(query, wrong, t -> null));
        assertThrows(MalformedCallException.class,
                () -> WireJson.decodeArguments(query, WireJson.mapper().readTree("[]"), t -> null));
        Method authenticate = IdentityService.class.getMethod("authenticate", String.class, char[].class, String.class);
        Object[] args = WireJson.decodeArguments(authenticate,
                WireJson.encodeArguments(authenticate, new Object[] { "alice", "パス".toCharArray(), null }), t -> null);
        assertArrayEquals("パス".toCharArray(), (char[]) args[1]);
        assertNull(args[2]);
    }

    @Test
    void refusalsAreRebuiltAsTheDocumentedExceptions() throws Exception {
        Method authenticate = IdentityService.class.getMethod("authenticate", String.class, char[].class, String.class);
        WireError bad = WireError.of(new AuthenticationException(AuthenticationException.Reason.SECOND_FACTOR_REQUIRED, "code needed"));
        assertEquals(401, WireError.status(new AuthenticationException(AuthenticationException.Reason.LOCKED, "x")));
        AuthenticationException rebuilt = assertInstanceOf(AuthenticationException.class, bad.toThrowable(authenticate, 401));
        assertEquals(AuthenticationException.Reason.SECOND_FACTOR_REQUIRED, rebuilt.reason());

        Method list = IdentityService.class.getMethod("list");
        assertInstanceOf(RemoteCallException.class, bad.toThrowable(list, 401), "undeclared checked exception");
        assertInstanceOf(AccessDeniedException.class, WireError.of(new AccessDeniedException("no")).toThrowable(list, 403));
        assertEquals(403, WireError.status(new AccessDeniedException("no")));
        Throwable state = WireError.of(new IllegalStateException("CA key is not active")).toThrowable(list, 500);
        assertInstanceOf(IllegalStateException.class, state);
        assertEquals("CA key is not active", state.getMessage());
        assertInstanceOf(RemoteCallException.class, new WireError("java.lang.ProcessBuilder", "x", null, null, null)
                .toThrowable(list, 500), "not a Throwable: never instantiated");
    }
}
