package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * When and with what intent a service is deployed.
 *
 * @param trigger when to deploy; null becomes {@link Trigger#standard()}
 * @param intent what the service needs; null becomes {@link Intent#EMPTY}
 * @param extensions unknown fields of {@code deployment}
 */
public record Deployment(Trigger trigger, Intent intent, Map<String, Object> extensions) {

    /** A standard trigger with an empty intent. */
    public static final Deployment DEFAULT = new Deployment(null, null, Map.of());

    /** Applies the defaults and copies the extensions. */
    public Deployment {
        trigger = trigger == null ? Trigger.standard() : trigger;
        intent = intent == null ? Intent.EMPTY : intent;
        extensions = Values.freezeMap(extensions);
    }
}
