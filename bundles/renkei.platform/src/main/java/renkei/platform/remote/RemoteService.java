// SPDX-License-Identifier: EPL-2.0
package renkei.platform.remote;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service interface that the server exports to connected consoles and CLIs, and that
 * connected clients import as a remote proxy. Arguments and results travel as JSON of the
 * interface's records; a {@link renkei.platform.Session} argument travels as its token only and is
 * looked up again on the server.
 *
 * <p>What each method may do remotely is declared on it: a method with a {@code Session} parameter
 * is checked by the service itself against the session the server looked up; a method without one
 * needs a valid session in the call's {@code Authorization} header, plus the roles of
 * {@link RequiresRole} when present. {@link LocalOnly} methods are never dispatched, {@link NoSession}
 * methods need no session (login).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RemoteService {
}
