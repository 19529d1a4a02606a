// SPDX-License-Identifier: EPL-2.0
/**
 * Connected mode: which service methods the server exports and how, what the HTTPS endpoint needs
 * from domain bundles, and where a home keeps its TLS material.
 */
package renkei.platform.remote;
