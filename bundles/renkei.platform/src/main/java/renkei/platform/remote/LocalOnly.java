// SPDX-License-Identifier: EPL-2.0
package renkei.platform.remote;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link RemoteService} that the server never dispatches for a remote client (it
 * answers 403 and audits the attempt), e.g. appending audit records or queueing raw mail.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LocalOnly {

    /** Why, for the refusal message. */
    String value() default "";
}
