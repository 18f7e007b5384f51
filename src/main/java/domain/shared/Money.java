package domain.shared;

/** An amount of Korean won. Never negative, never fractional. */
public record Money(long won) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public Money {
        if (won < 0) {
            throw new InvalidValueException("amount", "money cannot be negative: " + won);
        }
    }

    public static Money won(long won) {
        return new Money(won);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(won, other.won));
    }

    public Money minus(Money other) {
        return new Money(won - other.won);
    }

    public boolean isLessThan(Money other) {
        return won < other.won;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(won, other.won);
    }
}
