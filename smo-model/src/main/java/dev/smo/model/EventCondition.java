package dev.smo.model;

/** How the events of an event trigger combine. The original SMO reads this field but does not use it. */
public enum EventCondition {
    /** Deploy when any event fires. */
    ANY,
    /** Deploy when all events fire. */
    ALL,
    /** Same as {@link #ALL}. */
    AND,
    /** Same as {@link #ANY}. */
    OR
}
