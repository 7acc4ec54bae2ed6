-- SMO schema, version 3. A graph write is one statement that upserts the
-- graph's services by position; a service name that moves to another position within that statement must not
-- collide with its old row, so the name's uniqueness is checked at the end of each statement (still within it,
-- not at commit).
ALTER TABLE services DROP CONSTRAINT services_graph_name_key;
ALTER TABLE services ADD CONSTRAINT services_graph_name_key UNIQUE (graph_id, name) DEFERRABLE INITIALLY IMMEDIATE;
