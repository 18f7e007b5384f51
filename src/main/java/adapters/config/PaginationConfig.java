package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** {@code pagination.*}: page sizes of every paged list (issue #16, item 5; docs/api.md "Paging"). */
@ConfigMapping(prefix = "pagination")
public interface PaginationConfig {
    /** Items per page when the request has no {@code limit}. */
    @WithName("default-limit")
    @WithDefault("50")
    int defaultLimit();

    /** The largest {@code limit} a request may name; a larger one is a 400 problem. */
    @WithName("max-limit")
    @WithDefault("500")
    int maxLimit();
}
