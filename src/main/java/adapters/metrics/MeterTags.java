package adapters.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * HTTP server meters without the {@code server.port} tag. Quarkus tags a server's meters with its
 * port only when the port is fixed (not 0); with the public and the management interface in one
 * registry, one server on a random port (tests) and one on a fixed port give meters of one name
 * with different tag keys, which the Prometheus registry refuses (the server then fails to start).
 * The two interfaces are told apart by {@code uri} anyway (/q/* is only on the management port).
 */
public class MeterTags {
    @Produces
    @Singleton
    MeterFilter withoutServerPort() {
        return MeterFilter.ignoreTags("server.port");
    }
}
