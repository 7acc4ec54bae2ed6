-- The provisioning loop: a cluster SMO asked the NFVCL for because a graph lacked capacity, how far it got (built,
-- joined to Karmada as member_name, the graph re-placed) and by when it must be ready in Karmada. Rows stay after
-- the loop ends (DONE, FAILED) as the graph's record; the cluster's own row in nfvcl_clusters may be gone by then.
CREATE TABLE cluster_provisions (
    smo_id      text COLLATE "C" PRIMARY KEY,
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    graph       text COLLATE "C" NOT NULL,
    member_name text COLLATE "C" NOT NULL,
    state       text        NOT NULL,
    deadline    timestamptz NOT NULL,
    detail      text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    CONSTRAINT cluster_provisions_state_check
        CHECK (state IN ('REQUESTED', 'JOINING', 'JOINED', 'DONE', 'FAILED'))
);

CREATE INDEX cluster_provisions_graph_idx ON cluster_provisions (graph, seq);
