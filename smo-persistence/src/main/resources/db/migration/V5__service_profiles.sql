-- Services' learned capacity models (rate = alpha·replicas + beta), one row per learning: version 1, 2, ... per
-- graph name and service id; the highest version is the current profile. Profiles are kept by name, so they
-- outlive the graph (a graph deployed again under the same name keeps them) and are never rewritten.
CREATE TABLE service_profiles (
    graph         text COLLATE "C" NOT NULL,
    service       text COLLATE "C" NOT NULL,
    version       int              NOT NULL CHECK (version >= 1),
    alpha         double precision NOT NULL,
    beta          double precision NOT NULL,
    r_squared     double precision NOT NULL,
    samples_used  int              NOT NULL,
    samples_total int              NOT NULL,
    unsaturated   int              NOT NULL,
    outliers      int              NOT NULL,
    alpha_low     double precision NOT NULL,
    alpha_high    double precision NOT NULL,
    beta_low      double precision NOT NULL,
    beta_high     double precision NOT NULL,
    window_from   timestamptz      NOT NULL,
    window_to     timestamptz      NOT NULL,
    learned_at    timestamptz      NOT NULL,
    PRIMARY KEY (graph, service, version)
);
