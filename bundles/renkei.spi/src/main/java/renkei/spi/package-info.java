// SPDX-License-Identifier: EPL-2.0
/**
 * The small, versioned interfaces a site bundle implements to extend Renkei Console without
 * changing its core. Implementations are published as Declarative Services components; the
 * platform picks them up dynamically.
 *
 * @since 1.0
 */
package renkei.spi;
