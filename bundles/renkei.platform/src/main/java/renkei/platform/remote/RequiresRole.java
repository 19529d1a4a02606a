// SPDX-License-Identifier: EPL-2.0
package renkei.platform.remote;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import renkei.platform.Role;

/**
 * For a {@link RemoteService} method without a {@code Session} parameter: the remote caller's
 * session must hold one of these roles. The server checks it with
 * {@link renkei.platform.IdentityService#require}, which audits a refusal.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresRole {

    Role[] value();

    /** The audited action name; the method name when empty. */
    String action() default "";
}
