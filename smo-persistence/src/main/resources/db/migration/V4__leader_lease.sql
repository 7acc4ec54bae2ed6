-- SMO schema, version 4: several replicas of SMO on one database.
--
-- The leader's lease: one row per lease name. Its holder runs the background work while expires_at, computed by
-- the database as now() + ttl, lies ahead; epoch grows with every new term (another holder, or the lease taken
-- again after it expired) and fences the leader's writes.
CREATE TABLE leader_lease (
    name        text COLLATE "C" PRIMARY KEY,
    holder      text        NOT NULL,
    epoch       bigint      NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    CONSTRAINT leader_lease_epoch_check CHECK (epoch >= 1)
);

-- Every replica's heartbeat: work a replica recorded is its own to finish while its row has not expired.
CREATE TABLE replicas (
    id         text COLLATE "C" PRIMARY KEY,
    started_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

-- The replica that wrote the graph last, so the leader takes over only the work of replicas that stopped.
ALTER TABLE graphs ADD COLUMN worker text;
