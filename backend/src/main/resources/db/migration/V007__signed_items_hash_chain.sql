-- Signed means locked (docs/decisions/0005). When an agreement or a session record locks, or an addendum
-- is added to a locked record, its canonical content is written here once, as JSON, with its hash chained
-- to the organisation's previous signed item. Reads of a locked item come from this row.
-- Append-only: the application's database account holds only INSERT and SELECT on this table (and on the
-- signature, note and activity-log tables); the product grants that per table after migrating.
CREATE TABLE signed_item (
    id              CHAR(36)    NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)    NOT NULL,
    sequence_no     BIGINT      NOT NULL,
    item_type       VARCHAR(30) NOT NULL,
    item_id         CHAR(36)    NOT NULL,
    content_json    MEDIUMTEXT  NOT NULL,
    content_hash    CHAR(64)    NOT NULL,
    previous_hash   CHAR(64)    NOT NULL,
    chain_hash      CHAR(64)    NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT fk_signed_item_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT uq_signed_item_sequence UNIQUE (organisation_id, sequence_no),
    CONSTRAINT uq_signed_item UNIQUE (item_type, item_id)
);

-- The end of each organisation's chain. Appending locks this row (SELECT ... FOR UPDATE), so sequence
-- numbers are allocated one at a time and each item links to the one before. Mutable, unlike the chain:
-- verification compares it with the last item, so a deleted tail is seen.
CREATE TABLE chain_head (
    organisation_id CHAR(36)    NOT NULL PRIMARY KEY,
    last_sequence   BIGINT      NOT NULL,
    last_hash       CHAR(64)    NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    CONSTRAINT fk_chain_head_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
INSERT INTO chain_head (organisation_id, last_sequence, last_hash, updated_at)
SELECT id, 0, '0000000000000000000000000000000000000000000000000000000000000000', CURRENT_TIMESTAMP FROM organisation;

-- The record version at which its signable content last changed: a signature by another party moves the
-- version on but not the content, so signing with an ETag from after this version is signing what you saw.
ALTER TABLE session_record ADD COLUMN content_version INT NOT NULL DEFAULT 1;
UPDATE session_record SET content_version = version;

INSERT INTO scheduler_lease (name, holder, lease_until) VALUES ('integrity-verification', NULL, NULL);
