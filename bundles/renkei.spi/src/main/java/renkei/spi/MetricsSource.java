// SPDX-License-Identifier: EPL-2.0
package renkei.spi;

import java.util.List;

/**
 * Contributes samples to the server's {@code /metrics} page (Prometheus text exposition format) so
 * a site's Prometheus or Zabbix scrapes what a domain or site bundle measures. Publish with
 * {@code @Component(service = MetricsSource.class)}.
 *
 * <p>Threading: {@link #samples()} is called on a request thread for every scrape, possibly
 * concurrently; keep it to a few indexed queries or cached values.
 *
 * @since 1.1
 */
public interface MetricsSource {

    List<MetricSample> samples() throws Exception;
}
