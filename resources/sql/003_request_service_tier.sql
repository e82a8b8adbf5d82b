-- Schema v3: the service tier each LLM request was billed at (the provider's answer says which), so a
-- digest or the run-costs window prices old requests at the rates that were really paid.
-- Values: standard | flex. Rows written before v3 were all standard.
ALTER TABLE llm_requests ADD COLUMN service_tier TEXT NOT NULL DEFAULT 'standard';
