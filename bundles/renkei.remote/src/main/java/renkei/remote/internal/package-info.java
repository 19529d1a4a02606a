// SPDX-License-Identifier: EPL-2.0
/**
 * The connected client: TLS pinned to the home's CA, the HTTPS calls of the wire protocol, the
 * remote proxies it registers for every {@link renkei.platform.remote.RemoteService} the server
 * exports, the primary session, and the server's event stream re-posted to the local EventAdmin.
 */
package renkei.remote.internal;
