package domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotFoundExceptionTest {

    @Test
    void carriesTheKindAndTheIdAsText() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000007");

        NotFoundException e = new NotFoundException("reservation", id);

        assertEquals("reservation", e.kind());
        assertEquals(id.toString(), e.id());
        assertEquals("reservation " + id + " was not found", e.getMessage());
    }

    @Test
    void invalidValueCarriesTheOffendingField() {
        InvalidValueException e = new InvalidValueException("title", "too long");

        assertEquals("title", e.field());
        assertEquals("too long", e.getMessage());
    }
}
