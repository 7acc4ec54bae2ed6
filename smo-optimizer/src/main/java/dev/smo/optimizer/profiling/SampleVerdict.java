package dev.smo.optimizer.profiling;

/** What the fit did with a sample. */
public enum SampleVerdict {
    /** Part of the final regression. */
    USED,
    /** Dropped: the rate is well below what that replica count serves, so the service was not saturated. */
    UNSATURATED,
    /** Dropped: the rate is far above the fitted line (a burst, a counter reset, a scrape artefact). */
    OUTLIER,
    /** Dropped: NaN or infinite values, a negative rate, or no replica running. */
    INVALID
}
