package adapters.config;

import application.shared.PageLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The page-size settings as a plain value (issue #16, item 5). */
public class PaginationProducer {

    @Produces
    @Singleton
    PageLimits pageLimits(PaginationConfig pagination) {
        return new PageLimits(pagination.defaultLimit(), pagination.maxLimit());
    }
}
