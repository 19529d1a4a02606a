-- One lease row per periodic job: whoever updates it first owns the run, so with several servers
-- on one database each due run happens exactly once.
CREATE TABLE renkei_job (
    job_id VARCHAR(200) PRIMARY KEY,
    owner VARCHAR(200),
    lease_until TIMESTAMP WITH TIME ZONE,
    next_run TIMESTAMP WITH TIME ZONE NOT NULL,
    last_start TIMESTAMP WITH TIME ZONE,
    run_count BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE renkei_source_health (
    source_id VARCHAR(200) PRIMARY KEY,
    display_name VARCHAR(400) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    status VARCHAR(10) NOT NULL,
    summary VARCHAR(2000) NOT NULL,
    last_run TIMESTAMP WITH TIME ZONE,
    last_success TIMESTAMP WITH TIME ZONE,
    next_run TIMESTAMP WITH TIME ZONE,
    expires_at TIMESTAMP WITH TIME ZONE,
    last_error VARCHAR(2000),
    last_error_cause VARCHAR(4000),
    last_error_at TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT NOT NULL DEFAULT 0
);
