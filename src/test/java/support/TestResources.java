package support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestInfrastructure} once for every {@code @QuarkusTest} (one app start per run). */
@QuarkusTestResource(TestInfrastructure.class)
public final class TestResources {
    private TestResources() {}
}
