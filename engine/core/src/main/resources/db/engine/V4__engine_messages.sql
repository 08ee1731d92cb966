-- Buffered messages (published with a time to live): one row each, as JSON (name, correlation key,
-- message id, variables, deadline, process ids it correlated to). Deleted when the TTL ends.
CREATE TABLE engine_message (
  message_key BIGINT NOT NULL PRIMARY KEY,
  content LONGBLOB NOT NULL
) ENGINE = InnoDB;
