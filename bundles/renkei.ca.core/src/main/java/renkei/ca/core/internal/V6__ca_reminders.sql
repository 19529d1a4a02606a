-- Reminders already raised (CA-15), so each goes out once even when several servers share the
-- database or a run is repeated: an expiry reminder is keyed by certificate serial and stage
-- 'expiry', the monthly CRL-refresh reminder by 'crl-refresh' and the month.
CREATE TABLE ca_reminder (
    reminder_key VARCHAR(100) NOT NULL,
    stage VARCHAR(40) NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reminder_key, stage)
);
CREATE INDEX ca_reminder_sent ON ca_reminder (sent_at);
