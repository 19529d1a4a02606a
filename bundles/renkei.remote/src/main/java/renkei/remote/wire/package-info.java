// SPDX-License-Identifier: EPL-2.0
/**
 * The wire format of connected mode, shared by the server's HTTPS endpoint and the connected
 * client: paths and headers ({@link renkei.remote.wire.WireProtocol}), JSON of the service records
 * ({@link renkei.remote.wire.WireJson}) and of refusals ({@link renkei.remote.wire.WireError}).
 * Never Java serialization: a call names an interface method, its arguments are JSON of the
 * method's declared parameter types, and nothing else is ever instantiated from the wire.
 */
package renkei.remote.wire;
