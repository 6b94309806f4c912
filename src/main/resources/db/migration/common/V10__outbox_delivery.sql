-- SMTP delivery of the outbox. next_attempt_at is when a queued message may next be tried: a
-- sender claims a message by moving it forward (a lease, so two nodes never send it at once),
-- and after a failure it holds the back-off. NULL means "now".
ALTER TABLE outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;

-- Password reset links are ended together when one is used or the password changes.
CREATE INDEX password_resets_account ON password_resets(account_id);
