-- issue 10 §2: an account created by an administrator, or whose password an administrator reset,
-- must choose its own password at its first login; until then the API refuses everything else.
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;
