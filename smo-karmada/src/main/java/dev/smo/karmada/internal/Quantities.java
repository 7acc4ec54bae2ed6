package dev.smo.karmada.internal;

import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Kubernetes quantities ({@code 3800m}, {@code 15Gi}, {@code 1.5}) as exact numbers. */
final class Quantities {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Quantities() {}

    /**
     * @param value a quantity string or JSON number, or {@code null}
     * @return its exact value, zero when missing
     * @throws NumberFormatException when it is not a quantity
     */
    static BigDecimal parse(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return Quantity.fromString(text).getNumber();
        } catch (RuntimeException e) {
            NumberFormatException malformed = new NumberFormatException("Not a Kubernetes quantity: \"" + text + "\"");
            malformed.initCause(e);
            throw malformed;
        }
    }

    /**
     * @param cores CPU in cores
     * @return millicores, rounded down, at least 0
     */
    static long millis(BigDecimal cores) {
        return nonNegativeLong(cores.multiply(THOUSAND));
    }

    /**
     * @param amount an amount (bytes, devices)
     * @return the amount rounded down, at least 0, saturated at {@link Long#MAX_VALUE}
     */
    static long nonNegativeLong(BigDecimal amount) {
        if (amount.signum() <= 0) {
            return 0;
        }
        BigDecimal floor = amount.setScale(0, RoundingMode.FLOOR);
        return floor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : floor.longValueExact();
    }
}
