-- The records store's schema as 0.1.0 created it (metadata.create_all on PostgreSQL), kept verbatim.
CREATE TABLE documents (
	doc_id VARCHAR COLLATE "C" NOT NULL, 
	doc_type VARCHAR(16) NOT NULL, 
	title TEXT NOT NULL, 
	identifier VARCHAR, 
	url TEXT, 
	audience VARCHAR(16) NOT NULL, 
	origin TEXT NOT NULL, 
	content_hash VARCHAR(64) NOT NULL, 
	payload TEXT NOT NULL, 
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	PRIMARY KEY (doc_id)
);
CREATE INDEX ix_documents_doc_type ON documents (doc_type);
CREATE INDEX ix_documents_origin ON documents (origin);
CREATE TABLE chunks (
	chunk_id VARCHAR COLLATE "C" NOT NULL, 
	doc_id VARCHAR COLLATE "C" NOT NULL, 
	doc_type VARCHAR(16) NOT NULL, 
	position INTEGER NOT NULL, 
	payload TEXT NOT NULL, 
	PRIMARY KEY (chunk_id), 
	FOREIGN KEY(doc_id) REFERENCES documents (doc_id) ON DELETE CASCADE
);
CREATE INDEX ix_chunks_doc ON chunks (doc_id, position);
