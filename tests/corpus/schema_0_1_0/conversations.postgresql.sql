-- The conversations store's schema as 0.1.0 created it (metadata.create_all on PostgreSQL), kept verbatim.
CREATE TABLE conversations (
	id VARCHAR(64) NOT NULL, 
	created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	channel VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE turns (
	id VARCHAR(64) NOT NULL, 
	conversation_id VARCHAR(64) NOT NULL, 
	position INTEGER NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	content TEXT NOT NULL, 
	intent VARCHAR(32), 
	entities JSON NOT NULL, 
	answer JSON, 
	created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
);
CREATE INDEX ix_turns_conversation ON turns (conversation_id, position);
CREATE TABLE feedback (
	id SERIAL NOT NULL, 
	answer_id VARCHAR(64) NOT NULL, 
	helpful BOOLEAN NOT NULL, 
	comment TEXT, 
	created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(answer_id) REFERENCES turns (id) ON DELETE CASCADE
);
CREATE INDEX ix_feedback_answer_id ON feedback (answer_id);
