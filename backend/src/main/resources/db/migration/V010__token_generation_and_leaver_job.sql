-- Every access token carries its account's token generation; signing out, a role change, disabling the
-- account and leaving raise it, so tokens issued before stop working on the next request (decision 0008).
ALTER TABLE account ADD COLUMN token_generation INT NOT NULL DEFAULT 0;

-- The daily leaver job runs on one node at a time.
INSERT INTO scheduler_lease (name, holder, lease_until) VALUES ('leavers', NULL, NULL);
