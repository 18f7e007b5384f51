package domain.concert;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.concert.ConcertPlan.SchedulePlan;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConcertPlanTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final SchedulePlan FUTURE = new SchedulePlan(NOW.plus(Duration.ofDays(1)), 50, Money.won(10_000));

    @Test
    void aValidPlanKeepsItsTitleAndSchedules() {
        ConcertPlan plan = new ConcertPlan("IU Golden Hour", List.of(FUTURE));

        assertEquals("IU Golden Hour", plan.title());
        assertEquals(List.of(FUTURE), plan.schedules());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t  "})
    void aMissingOrBlankTitleIsRejected(String title) {
        assertEquals("title", rejected(() -> new ConcertPlan(title, List.of(FUTURE))));
    }

    @Test
    void aTitleOfTwoHundredCharactersIsAccepted() {
        String title = "t".repeat(ConcertPlan.MAX_TITLE);

        assertEquals(title, new ConcertPlan(title, List.of(FUTURE)).title());
    }

    @Test
    void aTitleOfTwoHundredAndOneCharactersIsRejected() {
        assertEquals("title", rejected(() -> new ConcertPlan("t".repeat(201), List.of(FUTURE))));
    }

    @Test
    void aPlanWithoutSchedulesIsRejected() {
        assertEquals("schedules", rejected(() -> new ConcertPlan("Show", List.of())));
        assertEquals("schedules", rejected(() -> new ConcertPlan("Show", null)));
    }

    @Test
    void aHundredSchedulesAreAccepted() {
        assertEquals(
                100,
                new ConcertPlan("Show", Collections.nCopies(100, FUTURE))
                        .schedules()
                        .size());
    }

    @Test
    void aHundredAndOneSchedulesAreRejected() {
        assertEquals("schedules", rejected(() -> new ConcertPlan("Show", Collections.nCopies(101, FUTURE))));
    }

    @Test
    void thePlanKeepsItsOwnCopyOfTheSchedules() {
        List<SchedulePlan> source = new ArrayList<>(List.of(FUTURE));
        ConcertPlan plan = new ConcertPlan("Show", source);

        source.add(FUTURE);

        assertEquals(1, plan.schedules().size());
        assertThrows(UnsupportedOperationException.class, () -> plan.schedules().add(FUTURE));
    }

    @Test
    void aScheduleNeedsAStart() {
        assertEquals("startsAt", rejected(() -> new SchedulePlan(null, 10, Money.won(1))));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 99_999, SchedulePlan.MAX_SEATS})
    void seatCountsFromOneToOneHundredThousandAreAccepted(int seatCount) {
        assertEquals(seatCount, new SchedulePlan(NOW, seatCount, Money.won(1)).seatCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, SchedulePlan.MAX_SEATS + 1})
    void seatCountsOutsideOneToOneHundredThousandAreRejected(int seatCount) {
        assertEquals("seatCount", rejected(() -> new SchedulePlan(NOW, seatCount, Money.won(1))));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 50_000, SchedulePlan.MAX_PRICE})
    void pricesFromOneToTenMillionAreAccepted(long won) {
        assertEquals(Money.won(won), new SchedulePlan(NOW, 1, Money.won(won)).price());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, SchedulePlan.MAX_PRICE + 1})
    void pricesOutsideOneToTenMillionAreRejected(long won) {
        assertEquals("price", rejected(() -> new SchedulePlan(NOW, 1, Money.won(won))));
    }

    @Test
    void aScheduleNeedsAPrice() {
        assertEquals("price", rejected(() -> new SchedulePlan(NOW, 1, null)));
    }

    @Test
    void schedulesAllInTheFutureMayGoOnSale() {
        ConcertPlan plan =
                new ConcertPlan("Show", List.of(FUTURE, new SchedulePlan(NOW.plusMillis(1), 1, Money.won(1))));

        assertDoesNotThrow(() -> plan.requireAllInFuture(NOW));
    }

    @Test
    void aScheduleStartingRightNowCannotGoOnSale() {
        ConcertPlan plan = new ConcertPlan("Show", List.of(FUTURE, new SchedulePlan(NOW, 1, Money.won(1))));

        assertEquals("schedules", rejected(() -> plan.requireAllInFuture(NOW)));
    }

    @Test
    void aScheduleInThePastCannotGoOnSale() {
        ConcertPlan plan = new ConcertPlan(
                "Show", List.of(new SchedulePlan(NOW.minus(Duration.ofDays(1)), 1, Money.won(1)), FUTURE));

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> plan.requireAllInFuture(NOW));
        assertTrue(e.getMessage().contains(NOW.minus(Duration.ofDays(1)).toString()));
    }

    @Test
    void aStartBeyondYear9999IsRejectedAndTheLastInstantOfIt9999IsAccepted() {
        assertEquals("startsAt", rejected(() -> new SchedulePlan(Instant.MAX, 1, Money.won(1))));
        assertEquals(
                "startsAt", rejected(() -> new SchedulePlan(Instant.parse("+10000-01-01T00:00:00Z"), 1, Money.won(1))));
        assertDoesNotThrow(() -> new SchedulePlan(Instant.parse("9999-12-31T23:59:59Z"), 1, Money.won(1)));
    }

    private static String rejected(Runnable construction) {
        return assertThrows(InvalidValueException.class, construction::run).field();
    }
}
