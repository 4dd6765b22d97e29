-- The slack store's schema as 0.1.0 created it (metadata.create_all on SQLite), kept verbatim:
-- tests/corpus/test_migrations.py builds a database from it and upgrades it.
CREATE TABLE slack_events (
	event_id VARCHAR(128) NOT NULL, 
	received_at DATETIME NOT NULL, 
	PRIMARY KEY (event_id)
);
CREATE TABLE slack_threads (
	channel VARCHAR(32) NOT NULL, 
	thread_ts VARCHAR(32) NOT NULL, 
	conversation_id VARCHAR(64) NOT NULL, 
	user VARCHAR(32), 
	question VARCHAR(300), 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (channel, thread_ts)
);
CREATE TABLE slack_triage (
	id INTEGER NOT NULL, 
	channel VARCHAR(32) NOT NULL, 
	message_ts VARCHAR(32) NOT NULL, 
	requester VARCHAR(32), 
	category VARCHAR(32) NOT NULL, 
	urgency VARCHAR(16) NOT NULL, 
	owner VARCHAR(32), 
	assigned_to VARCHAR(32), 
	created_at DATETIME NOT NULL, 
	first_response_at DATETIME, 
	resolved_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_slack_triage_message UNIQUE (channel, message_ts)
);
CREATE TABLE slack_jobs (
	"key" VARCHAR(160) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	payload TEXT NOT NULL, 
	owner VARCHAR(96) NOT NULL, 
	heartbeat_at DATETIME NOT NULL, 
	attempts INTEGER NOT NULL, 
	PRIMARY KEY ("key")
);
