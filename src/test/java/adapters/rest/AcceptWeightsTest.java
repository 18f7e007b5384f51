package adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class AcceptWeightsTest {
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

    @Test
    void theMostSpecificMatchingRangeDecides() {
        assertEquals(0, AcceptWeights.weight("application/json;q=0", JSON));
        assertEquals(0, AcceptWeights.weight("application/json; q=0.000, */*", JSON));
        assertEquals(1, AcceptWeights.weight("application/json, */*;q=0", JSON));
        assertEquals(0.5, AcceptWeights.weight("application/*;q=0.5, */*;q=0", JSON));
        assertEquals(0, AcceptWeights.weight("*/*;q=0", JSON));
    }

    @Test
    void aTypeNoRangeNamesIsNotAcceptable() {
        assertEquals(0, AcceptWeights.weight("text/html", JSON));
        assertEquals(1, AcceptWeights.weight("text/html, application/json", JSON));
    }

    @Test
    void aHeaderThatDoesNotParseIsLeftToTheFramework() {
        assertEquals(1, AcceptWeights.weight("json", JSON));
        assertEquals(1, AcceptWeights.weight("application/json;q=zero", JSON));
    }
}
