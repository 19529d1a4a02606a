// SPDX-License-Identifier: EPL-2.0
package renkei.platform.remote;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link RemoteService} method a client with a trusted certificate may call before it has a
 * session: logging in, and looking a session up by its token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoSession {
}
