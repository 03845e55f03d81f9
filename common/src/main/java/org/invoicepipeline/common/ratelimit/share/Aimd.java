package org.invoicepipeline.common.ratelimit.share;

/**
 * Additive-increase / multiplicative-decrease of an instance's rate factor (1 = its full share): a 429 that
 * still arrives (another user of the key, a rebalance in flight, the server's clock) halves it, at most once per
 * window so that a burst of 429s from requests already in flight counts once; it then grows back by
 * {@code increasePerWindow} per window elapsed, up to 1. Pure: the caller passes the time.
 *
 * @param decrease          factor applied on a 429 (0.5 = halve)
 * @param increasePerWindow added per window without a 429
 * @param floor             lowest factor
 */
public record Aimd(double decrease, double increasePerWindow, double floor) {

    public Aimd {
        if (!(decrease > 0 && decrease < 1)) {
            throw new IllegalArgumentException("decrease must be in (0, 1), was " + decrease);
        }
        if (!(increasePerWindow > 0)) {
            throw new IllegalArgumentException("increasePerWindow must be positive, was " + increasePerWindow);
        }
        if (!(floor > 0 && floor <= 1)) {
            throw new IllegalArgumentException("floor must be in (0, 1], was " + floor);
        }
    }

    /** Halving, recovering by {@code increasePerWindow} each window, never below 1/16. */
    public static Aimd halving(double increasePerWindow) {
        return new Aimd(0.5, increasePerWindow, 1.0 / 16);
    }

    /**
     * The factor and when it last changed.
     *
     * @param factor         current factor in [floor, 1]
     * @param updatedAt      time (nanos) the factor was last brought up to date
     * @param lastDecreaseAt time (nanos) of the last decrease; {@code Long.MIN_VALUE} = never
     */
    public record State(double factor, long updatedAt, long lastDecreaseAt) {

        public static State full(long now) {
            return new State(1.0, now, Long.MIN_VALUE);
        }
    }

    /** The state at {@code now}: grown additively since it was last updated. */
    public State recover(State state, long now, long windowNanos) {
        long elapsed = now - state.updatedAt();
        if (elapsed <= 0 || state.factor() >= 1.0) {
            return new State(state.factor(), Math.max(now, state.updatedAt()), state.lastDecreaseAt());
        }
        double grown = state.factor() + increasePerWindow * elapsed / windowNanos;
        return new State(Math.min(1.0, grown), now, state.lastDecreaseAt());
    }

    /** The state after a 429 at {@code now}: recovered to {@code now}, then decreased unless it was within a window. */
    public State rateLimited(State state, long now, long windowNanos) {
        State current = recover(state, now, windowNanos);
        if (state.lastDecreaseAt() != Long.MIN_VALUE && now - state.lastDecreaseAt() < windowNanos) {
            return current;
        }
        return new State(Math.max(floor, current.factor() * decrease), now, now);
    }
}
