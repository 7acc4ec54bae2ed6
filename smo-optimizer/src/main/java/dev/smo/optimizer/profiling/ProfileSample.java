package dev.smo.optimizer.profiling;

/**
 * One observation: how many replicas ran and what request rate the service served at that moment.
 *
 * @param epochSecond when, in seconds since the epoch
 * @param replicas replicas running (as read; rounded to a whole number by the fit)
 * @param rate requests/s served
 */
public record ProfileSample(long epochSecond, double replicas, double rate) {}
