// SPDX-License-Identifier: EPL-2.0
/** The server's HTTPS endpoint (Jetty 12 core, mutual TLS). */
package renkei.remote.server.internal;
