package dev.smo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One member cluster of a {@link SmoTest}, with its free capacity. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface SmoCluster {

    /** @return the cluster name, unique within the test */
    String name();

    /** @return free CPU as a Kubernetes quantity, e.g. {@code "8"} or {@code "7500m"} */
    String cpu() default "8";

    /** @return free memory as a Kubernetes quantity, e.g. {@code "16Gi"} */
    String memory() default "16Gi";

    /** @return free GPUs */
    int gpus() default 0;

    /** @return whether the cluster accepts workloads */
    boolean ready() default true;

    /** @return labels as {@code key=value} pairs */
    String[] labels() default {};
}
