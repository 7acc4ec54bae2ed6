package dev.smo.server.config;

import java.time.Duration;

/**
 * How this process shares the database with other replicas of SMO.
 *
 * @param replica this replica's id ({@code SMO_REPLICA_ID}, default host name and process id), unique among them
 * @param leaseTtl how long the leader's lease and each replica's heartbeat live without a renewal
 *     ({@code SMO_LEADER_LEASE_TTL_S}, default 15 s; renewed every third of it)
 */
public record ReplicaSettings(String replica, Duration leaseTtl) {}
