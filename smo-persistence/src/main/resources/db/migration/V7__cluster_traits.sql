-- What a cluster's scheduler checks besides free capacity (SchedulingTraits): the largest pod one node takes,
-- taints, GPU resource names and counts per vendor, served APIs. Kept with the snapshot so that it reads back as
-- the inventory gave it (an unchanged snapshot is then not rewritten). '{}' reads back as no traits.
ALTER TABLE clusters ADD COLUMN traits jsonb NOT NULL DEFAULT '{}';
