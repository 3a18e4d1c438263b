-- A lease per scheduled job, so that with many service nodes only one runs it at a time. A node takes
-- the lease when it is free or expired (one UPDATE, so two nodes cannot both win) and holds it until
-- lease_until; a node that dies simply lets it expire.
CREATE TABLE scheduler_lease (
    name        VARCHAR(60)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(100) NULL,
    lease_until DATETIME(6)  NULL
);
INSERT INTO scheduler_lease (name, holder, lease_until) VALUES ('idempotency-key-cleanup', NULL, NULL);
